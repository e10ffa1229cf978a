using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace DualGauge.LanguageServer.Reports;

/// <summary>
/// "How to fix CWE-N" (dualgauge.showRemediation): notes shipped as data, one Markdown file per CWE in
/// <c>Reports/remediation/</c> (embedded), with general advice and a before/after example per language
/// (<c>## python</c>, <c>## javascript</c>, <c>## c</c>). Asked with a language, the note shows that language's
/// example only.
/// </summary>
internal static partial class Remediation
{
    private static readonly ConcurrentDictionary<int, string?> Notes = new();

    public static string Markdown(string cwe, string? language = null)
    {
        var match = CweNumber().Match(cwe.Trim());
        if (!match.Success)
        {
            throw new ArgumentException($"'{cwe}' is not a CWE identifier (expected e.g. CWE-89)", nameof(cwe));
        }

        var number = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var link = $"https://cwe.mitre.org/data/definitions/{number}.html";
        var note = Notes.GetOrAdd(number, Load);
        var footer = $"\n\nThen re-run the evaluation (DualGauge: Re-run evaluation) to confirm the attack no longer works.\n\nMore: [{link}]({link})\n";
        if (note is null)
        {
            return $"# How to fix CWE-{number}\n\nDualGauge has no note for this weakness yet. See [{link}]({link}) for mitigations, then re-run the evaluation to confirm.\n";
        }

        return "# How to fix " + ForLanguage(note, language).TrimStart('#', ' ').TrimEnd() + footer;
    }

    /// <summary>Every CWE with a note (for tests and the README).</summary>
    public static IReadOnlyList<string> Available() =>
        typeof(Remediation).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("remediation/CWE-", StringComparison.Ordinal))
            .Select(n => n["remediation/".Length..^".md".Length])
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The general part plus the section of <paramref name="language"/>; every section when none is given or it has none.</summary>
    internal static string ForLanguage(string note, string? language)
    {
        var sections = SectionHeading().Split(note);
        var headings = SectionHeading().Matches(note).Select(m => m.Groups[1].Value.Trim().ToLowerInvariant()).ToList();
        if (language is null || headings.Count == 0)
        {
            return note;
        }

        var wanted = headings.IndexOf(language.ToLowerInvariant());
        if (wanted < 0)
        {
            return note;
        }

        // Split with a capture group yields: general, heading1, body1, heading2, body2...
        var text = new StringBuilder(sections[0].TrimEnd());
        text.Append("\n\n## ").Append(headings[wanted] switch { "python" => "Python", "javascript" => "JavaScript", "c" => "C", var h => h });
        text.Append('\n').Append(sections[2 + wanted * 2].TrimEnd());
        return text.ToString();
    }

    private static string? Load(int number)
    {
        using var stream = typeof(Remediation).Assembly.GetManifestResourceStream($"remediation/CWE-{number}.md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^CWE-(\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex CweNumber();

    [GeneratedRegex(@"^## +(.+)$", RegexOptions.Multiline)]
    private static partial Regex SectionHeading();
}
