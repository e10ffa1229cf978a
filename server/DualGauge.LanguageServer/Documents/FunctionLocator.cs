using System.Text.RegularExpressions;
using DualGauge.Core.Tasks;
using DualGauge.Snippets.Checking;

namespace DualGauge.LanguageServer.Documents;

/// <summary>
/// Finds function headers line by line, for splitting a file into functions and for the
/// <c>dualgauge-ignore</c> marker. The evaluator does the real widening; this only has to be
/// right about where a function starts.
/// </summary>
internal static partial class FunctionLocator
{
    public const string IgnoreMarker = "dualgauge-ignore";

    public static bool IsHeader(Language language, string line) => language switch
    {
        Language.Python => PythonHeader().IsMatch(line),
        Language.JavaScript => JavaScriptHeader().IsMatch(line),
        Language.C => CHeader().IsMatch(line) && !CKeywordStart().IsMatch(line),
        Language.Cpp => CppHeader().IsMatch(line) && !CKeywordStart().IsMatch(line),
        _ => false,
    };

    /// <summary>Top-level function start lines, in order.</summary>
    public static IReadOnlyList<int> TopLevelHeaders(Language language, TextDocument document)
    {
        var headers = new List<int>();
        for (var line = 0; line < document.LineCount; line++)
        {
            var text = document.GetLine(line);
            if (text.Length > 0 && !char.IsWhiteSpace(text[0]) && IsHeader(language, text))
            {
                headers.Add(AttachedStart(language, document, line));
            }
        }

        return headers;
    }

    /// <summary>The header of the function holding <paramref name="line"/>: the first header in [line, endLine], else the nearest above.</summary>
    public static int? HeaderFor(Language language, TextDocument document, int line, int endLine)
    {
        for (var i = Math.Max(0, line); i <= Math.Min(endLine, document.LineCount - 1); i++)
        {
            if (IsHeader(language, document.GetLine(i)))
            {
                return i;
            }
        }

        for (var i = Math.Min(line, document.LineCount - 1); i >= 0; i--)
        {
            if (IsHeader(language, document.GetLine(i)))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>
    /// True when the function starting at <paramref name="headerLine"/> is marked: the marker sits on the header
    /// itself or in the comment/decorator block directly above it.
    /// </summary>
    public static bool IsSuppressed(Language language, TextDocument document, int headerLine)
    {
        // Only a bare marker skips the function; a scoped one (dualgauge-ignore[CWE-89]: reason) accepts one CWE.
        if (Suppressions.IsBareMarker(document.GetLine(headerLine)))
        {
            return true;
        }

        for (var i = headerLine - 1; i >= 0; i--)
        {
            var text = document.GetLine(i).Trim();
            if (Suppressions.IsBareMarker(text))
            {
                return true;
            }

            if (!IsAttachedLine(language, text))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>The comment that marks a function in this language.</summary>
    /// <summary>The marker that accepts one CWE in one function, with the reason a reviewer reads: <c># dualgauge-ignore[CWE-89]: reason</c>.</summary>
    public static string ScopedIgnoreComment(Language language, string cwe, string reason) => language switch
    {
        Language.Python => $"# {IgnoreMarker}[{cwe}]: {reason}",
        Language.JavaScript => $"// {IgnoreMarker}[{cwe}]: {reason}",
        _ => $"/* {IgnoreMarker}[{cwe}]: {reason} */",
    };

    public static string IgnoreComment(Language language) => language switch
    {
        Language.Python => "# " + IgnoreMarker,
        Language.JavaScript => "// " + IgnoreMarker,
        _ => "/* " + IgnoreMarker + " */",
    };

    /// <summary>Moves up over decorators so an inserted marker lands above the whole definition.</summary>
    public static int AttachedStart(Language language, TextDocument document, int headerLine)
    {
        var start = headerLine;
        while (start > 0 && language == Language.Python && document.GetLine(start - 1).TrimStart().StartsWith('@'))
        {
            start--;
        }

        return start;
    }

    private static bool IsAttachedLine(Language language, string trimmed) => language switch
    {
        Language.Python => trimmed.StartsWith('#') || trimmed.StartsWith('@'),
        _ => trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith("/*", StringComparison.Ordinal) || trimmed.StartsWith('*'),
    };

    [GeneratedRegex(@"^\s*(async\s+)?def\s+\w+\s*\(")]
    private static partial Regex PythonHeader();

    [GeneratedRegex(@"^\s*(export\s+(default\s+)?)?(async\s+)?function\b|^\s*(export\s+)?(const|let|var)\s+\w+\s*=\s*(async\s+)?(function\b|\([^)]*\)\s*=>|\w+\s*=>)|^\s*(module\.)?exports\.\w+\s*=\s*(async\s+)?(function\b|\()")]
    private static partial Regex JavaScriptHeader();

    [GeneratedRegex(@"^[A-Za-z_][\w\s\*]*?\b\w+\s*\([^;]*\)\s*\{?\s*$")]
    private static partial Regex CHeader();

    // C++ return types and names may be qualified and templated (std::vector<std::string>, ns::f), references, and
    // the parameters may be followed by const, noexcept or a trailing return type.
    [GeneratedRegex(@"^[A-Za-z_][\w\s\*&:<>,]*?\b\w+\s*\([^;]*\)\s*(const\s*)?(noexcept\s*)?(->[^;{]*)?\{?\s*$")]
    private static partial Regex CppHeader();

    [GeneratedRegex(@"^\s*(if|for|while|switch|return|else|do|typedef|struct\s+\w+\s*\{)\b")]
    private static partial Regex CKeywordStart();
}
