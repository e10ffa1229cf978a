using System.Text.RegularExpressions;
using DualGauge.Core.Tasks;

namespace DualGauge.Snippets.Widening;

/// <summary>
/// Outlines C by brace matching over masked source (comments, string and character literals and
/// preprocessor lines blanked): function definitions, declarations, and the preprocessor prelude.
/// </summary>
internal static partial class COutliner
{
    public static DocumentOutline Outline(string text)
    {
        var lines = SourceMask.Lines(text);
        var joined = string.Join('\n', lines);
        var masked = SourceMask.C(joined, out var directives);
        var offsets = new int[lines.Length];
        for (int i = 0, offset = 0; i < lines.Length; offset += lines[i].Length + 1, i++)
        {
            offsets[i] = offset;
        }

        int LineOf(int offset)
        {
            var index = Array.BinarySearch(offsets, offset);
            return index >= 0 ? index : ~index - 1;
        }

        var items = new List<TopLevelItem>();
        var functions = new List<SourceFunction>();
        foreach (var (start, end) in directives)
        {
            var directive = lines[start].TrimStart();
            var define = DefineRegex().Match(directive);
            items.Add(new TopLevelItem(start, end, define.Success ? [define.Groups[1].Value] : [], true));
        }

        var chunkStart = 0;
        var depth = 0;
        var i2 = 0;
        while (i2 < masked.Length)
        {
            var c = masked[i2];
            if (c == '{')
            {
                if (depth == 0 && IsFunctionBody(masked, chunkStart, i2, out var nameOffset, out var openParen, out var closeParen))
                {
                    var close = ParameterText.MatchingClose(masked, i2);
                    if (close < 0)
                    {
                        break;
                    }

                    var startLine = LineOf(FirstNonSpace(masked, chunkStart));
                    var name = IdentifierAt(masked, nameOffset);
                    var parameters = Parameters(joined, masked, openParen, closeParen);
                    var f = new SourceFunction(name, startLine, LineOf(nameOffset), LineOf(close), parameters, null, null);
                    functions.Add(f);
                    items.Add(new TopLevelItem(f.StartLine, f.EndLine, [name], false, f));
                    i2 = close + 1;
                    chunkStart = i2;
                    continue;
                }

                depth++;
            }
            else if (c == '}')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (c == ';' && depth == 0)
            {
                var first = FirstNonSpace(masked, chunkStart);
                if (first < i2)
                {
                    var chunk = masked[first..i2];
                    items.Add(new TopLevelItem(LineOf(first), LineOf(i2), DeclaredNames(chunk), false));
                }

                chunkStart = i2 + 1;
            }

            i2++;
        }

        items.Sort((a, b) => a.StartLine.CompareTo(b.StartLine));
        return new DocumentOutline(Language.C, lines, items, functions);
    }

    private static bool IsFunctionBody(string masked, int chunkStart, int brace, out int nameOffset, out int openParen, out int closeParen)
    {
        nameOffset = openParen = closeParen = -1;
        var k = brace - 1;
        while (k >= chunkStart && char.IsWhiteSpace(masked[k]))
        {
            k--;
        }

        if (k < chunkStart || masked[k] != ')')
        {
            return false;
        }

        var header = masked[chunkStart..brace];
        if (ParameterText.TopLevelIndexOf(header, '=') >= 0)
        {
            return false;
        }

        closeParen = k;
        var depth = 0;
        for (; k >= chunkStart; k--)
        {
            if (masked[k] == ')')
            {
                depth++;
            }
            else if (masked[k] == '(' && --depth == 0)
            {
                break;
            }
        }

        if (k < chunkStart)
        {
            return false;
        }

        openParen = k;
        k--;
        while (k >= chunkStart && char.IsWhiteSpace(masked[k]))
        {
            k--;
        }

        var end = k;
        while (k >= chunkStart && (char.IsLetterOrDigit(masked[k]) || masked[k] == '_'))
        {
            k--;
        }

        if (end == k)
        {
            return false;
        }

        nameOffset = k + 1;
        var name = masked[(k + 1)..(end + 1)];
        return name is not ("if" or "while" or "for" or "switch");
    }

    private static IReadOnlyList<FunctionParameter> Parameters(string raw, string masked, int open, int close)
    {
        var result = new List<FunctionParameter>();
        var index = 0;
        foreach (var (from, to) in ParameterText.SplitTopLevel(masked, open + 1, close))
        {
            var text = Regex.Replace(raw[from..to], @"\s+", " ").Trim();
            if (text.Length == 0 || text == "void")
            {
                continue;
            }

            if (text == "...")
            {
                result.Add(new FunctionParameter("...", null) { IsVariadic = true });
                continue;
            }

            var m = ParameterNameRegex().Match(text);
            if (m.Success && m.Index > 0)
            {
                var type = (text[..m.Groups["name"].Index] + m.Groups["array"].Value.Replace(" ", "", StringComparison.Ordinal)).Trim();
                result.Add(new FunctionParameter(m.Groups["name"].Value, type));
            }
            else
            {
                result.Add(new FunctionParameter($"arg{index}", text));
            }

            index++;
        }

        return result;
    }

    private static List<string> DeclaredNames(string chunk)
    {
        var names = new List<string>();
        var text = Regex.Replace(chunk, @"\s+", " ").Trim();
        if (text.StartsWith("typedef", StringComparison.Ordinal))
        {
            var last = Regex.Match(text, @"([A-Za-z_]\w*)\s*(\[[^\]]*\]\s*)*(\)\s*\([^)]*\))?\s*$");
            var inner = Regex.Match(text, @"\(\s*\*\s*([A-Za-z_]\w*)\s*\)");
            names.Add(inner.Success ? inner.Groups[1].Value : last.Groups[1].Value);
        }

        var tag = Regex.Match(text, @"^(?:typedef\s+)?(?:struct|union|enum)\s+([A-Za-z_]\w*)");
        if (tag.Success)
        {
            names.Add(tag.Groups[1].Value);
        }

        if (text.Contains('{', StringComparison.Ordinal) && Regex.IsMatch(text, @"^(typedef\s+)?enum\b"))
        {
            var body = text[(text.IndexOf('{', StringComparison.Ordinal) + 1)..];
            names.AddRange(Regex.Matches(body, @"(?:^|,)\s*([A-Za-z_]\w*)").Select(m => m.Groups[1].Value));
        }

        // Declarators: the identifier before '=', '[', '(' or the end of each top-level comma part.
        var declarators = text.Contains('}', StringComparison.Ordinal) ? text[(text.LastIndexOf('}') + 1)..] : text;
        foreach (var part in declarators.Split(','))
        {
            var head = part.Split('=')[0];
            var m = Regex.Match(head, @"([A-Za-z_]\w*)\s*(\[[^\]]*\]\s*)*(\([^)]*\)\s*)?$");
            if (m.Success && !IsKeyword(m.Groups[1].Value))
            {
                names.Add(m.Groups[1].Value);
            }
        }

        return names.Distinct(StringComparer.Ordinal).ToList();
    }

    private static bool IsKeyword(string word) => word is "int" or "char" or "void" or "long" or "short" or "unsigned" or "signed" or "float" or "double" or "const" or "static" or "struct" or "union" or "enum" or "extern";

    private static int FirstNonSpace(string text, int from)
    {
        while (from < text.Length && char.IsWhiteSpace(text[from]))
        {
            from++;
        }

        return from;
    }

    private static string IdentifierAt(string text, int offset)
    {
        var end = offset;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
        {
            end++;
        }

        return text[offset..end];
    }

    [GeneratedRegex(@"^#\s*define\s+([A-Za-z_]\w*)")]
    private static partial Regex DefineRegex();

    [GeneratedRegex(@"(?<name>[A-Za-z_]\w*)\s*(?<array>(\[[^\]]*\]\s*)*)$")]
    private static partial Regex ParameterNameRegex();
}
