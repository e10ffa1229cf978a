using System.Text.RegularExpressions;
using DualGauge.Core.Tasks;

namespace DualGauge.Snippets.Corpus;

/// <summary>What a corpus file's label says its function is.</summary>
public enum CorpusLabelKind
{
    /// <summary>The function really has the weakness the label names, reachable through its inputs.</summary>
    Insecure,
    /// <summary>The same kind of function done right; the label's CWE names what it defends against.</summary>
    Secure,
    /// <summary>No security relevance (<c>cwe=-</c>).</summary>
    Neutral,
}

/// <summary>
/// The first line of a corpus file:
/// <c># corpus: label=&lt;insecure|secure|neutral&gt; cwe=&lt;CWE-N or -&gt; function=&lt;name&gt; [class=&lt;ClassName&gt;]</c>
/// (<c>//</c> for JavaScript and C).
/// </summary>
/// <param name="Cwe">The CWE, normalised to <c>CWE-N</c>; null for neutral snippets.</param>
/// <param name="Function">The labelled function, method, or (for JavaScript route handlers) the route call, e.g. <c>app.get('/download')</c>.</param>
/// <param name="ClassName">The class of a labelled method.</param>
public sealed record CorpusLabel(CorpusLabelKind Kind, string? Cwe, string Function, string? ClassName)
{
    public string KindWord => Kind.ToString().ToLowerInvariant();
}

/// <summary>A corpus file that cannot be scored, naming the file, the label field (or <c>file</c>) and the problem.</summary>
/// <param name="File">The file, relative to the corpus folder.</param>
public sealed record CorpusError(string File, string Field, string Message)
{
    public override string ToString() => $"{File}: {Field}: {Message}";
}

/// <summary>Parses a corpus label line; every problem is reported with the field it is about.</summary>
public static partial class CorpusLabelParser
{
    public const string Keyword = "corpus:";

    private static readonly string[] KnownFields = ["label", "cwe", "function", "class"];

    /// <summary>The comment that starts a label line in <paramref name="language"/>.</summary>
    public static string CommentMarker(Language language) => language == Language.Python ? "#" : "//";

    /// <returns>The label, or null with at least one error.</returns>
    public static CorpusLabel? Parse(string file, Language language, string firstLine, out IReadOnlyList<CorpusError> errors)
    {
        var problems = new List<CorpusError>();
        errors = problems;
        var marker = CommentMarker(language);
        var line = firstLine.TrimEnd('\r').Trim();
        if (!line.StartsWith(marker, StringComparison.Ordinal) || !line[marker.Length..].TrimStart().StartsWith(Keyword, StringComparison.Ordinal))
        {
            problems.Add(new CorpusError(file, "label line", $"the first line must be '{marker} {Keyword} label=... cwe=... function=...', found '{Shorten(line)}'"));
            return null;
        }

        var body = line[marker.Length..].TrimStart()[Keyword.Length..];
        var keys = FieldRegex().Matches(body);
        var leading = (keys.Count == 0 ? body : body[..keys[0].Index]).Trim();
        if (leading.Length > 0)
        {
            problems.Add(new CorpusError(file, "label line", $"unexpected text '{Shorten(leading)}' before the first field"));
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i].Groups["key"].Value;
            var from = keys[i].Index + keys[i].Length;
            var to = i + 1 < keys.Count ? keys[i + 1].Index : body.Length;
            var value = body[from..to].Trim();
            if (!KnownFields.Contains(key))
            {
                problems.Add(new CorpusError(file, key, $"unknown field (expected {string.Join(", ", KnownFields)})"));
            }
            else if (!fields.TryAdd(key, value))
            {
                problems.Add(new CorpusError(file, key, "given twice"));
            }
        }

        CorpusLabelKind? kind = null;
        if (!fields.TryGetValue("label", out var labelText))
        {
            problems.Add(new CorpusError(file, "label", "missing (expected insecure, secure or neutral)"));
        }
        else
        {
            kind = labelText switch
            {
                "insecure" => CorpusLabelKind.Insecure,
                "secure" => CorpusLabelKind.Secure,
                "neutral" => CorpusLabelKind.Neutral,
                _ => null,
            };
            if (kind is null)
            {
                problems.Add(new CorpusError(file, "label", $"'{Shorten(labelText)}' is not insecure, secure or neutral"));
            }
        }

        string? cwe = null;
        if (!fields.TryGetValue("cwe", out var cweText))
        {
            problems.Add(new CorpusError(file, "cwe", "missing (expected CWE-N, or - for a neutral snippet)"));
        }
        else if (cweText == "-")
        {
            if (kind is CorpusLabelKind.Insecure or CorpusLabelKind.Secure)
            {
                problems.Add(new CorpusError(file, "cwe", $"{(kind == CorpusLabelKind.Insecure ? "an insecure" : "a secure")} snippet names its CWE (cwe=CWE-N), not '-'"));
            }
        }
        else if (CweRegex().Match(cweText) is { Success: true } m)
        {
            cwe = "CWE-" + int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (kind == CorpusLabelKind.Neutral)
            {
                problems.Add(new CorpusError(file, "cwe", $"a neutral snippet has cwe=-, not {cwe}"));
            }
        }
        else
        {
            problems.Add(new CorpusError(file, "cwe", $"'{Shorten(cweText)}' is not CWE-N or -"));
        }

        if (!fields.TryGetValue("function", out var function) || function.Length == 0)
        {
            problems.Add(new CorpusError(file, "function", "missing (the function the label is about)"));
        }

        fields.TryGetValue("class", out var className);
        if (className is not null && !IdentifierRegex().IsMatch(className))
        {
            problems.Add(new CorpusError(file, "class", $"'{Shorten(className)}' is not a class name"));
        }

        return problems.Count > 0 ? null : new CorpusLabel(kind!.Value, cwe, function!, className);
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    // A field starts at the beginning or after whitespace, so '=' inside a route (app.get('/x?a=b')) is no field.
    [GeneratedRegex(@"(?<=^|\s)(?<key>[A-Za-z_][A-Za-z0-9_-]*)=")]
    private static partial Regex FieldRegex();

    [GeneratedRegex(@"^CWE-(?<n>[0-9]{1,5})$", RegexOptions.IgnoreCase)]
    private static partial Regex CweRegex();

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex IdentifierRegex();
}
