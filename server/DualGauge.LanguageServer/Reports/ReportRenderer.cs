using System.Globalization;
using System.Text;
using DualGauge.LanguageServer.History;
using DualGauge.Protocol.Custom;

namespace DualGauge.LanguageServer.Reports;

/// <summary>The Markdown report of one evaluation (dualgauge.showReport, history/get).</summary>
internal static class ReportRenderer
{
    public const int TraceExcerptLines = 40;

    public static string Render(EvaluationRecord record)
    {
        var s = record.Summary;
        var d = record.Details;
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# DualGauge evaluation #{s.Id}: {VerdictTitle(s.Verdict)}");
        md.AppendLine();
        if (s.Headline.Length > 0)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"**{Escape(s.Headline)}**{(s.Reruns > 0 ? $" · re-run {s.Reruns}×" : "")}").AppendLine();
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"- **File:** `{s.Uri}` lines {s.Range.Start.Line + 1}–{s.Range.End.Line + 1}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- **When:** {s.Time} · **Source:** {s.Source} · **Language:** {s.Language}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- **Matched:** {(s.Template is null ? "nothing" : $"`{s.Template}` ({s.MatchKind}, confidence {s.Confidence:0.00})")}{(d.FunctionName is null ? "" : $" · function `{d.FunctionName}`")}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- **Why:** {d.MatchReason}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- **Works:** {d.Works ?? YesNo(s.FunctionalPass)}{(d.WorksDetail is null ? "" : $" ({d.WorksDetail})")}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- **Secure:** {d.Secure ?? YesNo(s.SecurePass)}{(d.SecureDetail is null ? "" : $" ({d.SecureDetail})")}");
        if (d.Probes > 0)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- **Rests on:** {d.ProbesReached} of {d.Probes} security probes reached the code; CWE classes tested: {(d.CwesTested.Count == 0 ? "none" : string.Join(", ", d.CwesTested))}");
        }
        if (d.Failure is not null)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- **Failure:** {d.Failure}");
        }

        if (d.Tests.Count > 0)
        {
            md.AppendLine().AppendLine("## Tests").AppendLine();
            md.AppendLine("| Test | Kind | Result | Message |");
            md.AppendLine("|---|---|---|---|");
            foreach (var t in d.Tests)
            {
                var kind = t.Cwe is null ? t.Kind : $"{t.Kind} ({t.Cwe})";
                md.AppendLine(CultureInfo.InvariantCulture, $"| `{t.Id}` | {kind} | {(t.Passed ? "✓ pass" : "✗ " + t.Status)} | {Cell(t.Message)} |");
            }
        }

        if (d.Findings.Count > 0)
        {
            md.AppendLine().AppendLine("## Findings").AppendLine();
            foreach (var f in d.Findings)
            {
                var where = f.Line is { } line ? $" (line {line + 1}{(f.RelatedLine is { } r ? $", sink line {r + 1}" : "")})" : "";
                var label = f.Cwe ?? f.TestId;
                md.AppendLine(CultureInfo.InvariantCulture, $"- **{label}** `{f.TestId}`{where}: {f.Message}");
                if (f.Expected is not null || f.Actual is not null)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"  - expected `{f.Expected}`, got `{f.Actual}`");
                }
            }
        }

        if (d.Evidence.Count > 0)
        {
            md.AppendLine().AppendLine("## Evidence").AppendLine().AppendLine("```text");
            foreach (var line in d.Evidence)
            {
                md.AppendLine(line);
            }

            md.AppendLine("```");
        }

        md.AppendLine().AppendLine("## Code").AppendLine().AppendLine(CultureInfo.InvariantCulture, $"```{s.Language}").AppendLine(record.Code.TrimEnd()).AppendLine("```");

        if (d.TraceLines.Count > 0)
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## Trace excerpt ({Math.Min(TraceExcerptLines, d.TraceLines.Count)} of {d.TraceLines.Count}{(d.TraceTruncated ? "+" : "")} lines)").AppendLine().AppendLine("```json");
            foreach (var line in d.TraceLines.Take(TraceExcerptLines))
            {
                md.AppendLine(line.Length > 400 ? line[..400] + "…" : line);
            }

            md.AppendLine("```");
        }

        if (!string.IsNullOrWhiteSpace(d.Stderr))
        {
            md.AppendLine().AppendLine("## Harness stderr").AppendLine().AppendLine("```text").AppendLine(d.Stderr.TrimEnd()).AppendLine("```");
        }

        return md.ToString();
    }

    private static string VerdictTitle(string verdict) => verdict switch
    {
        Verdicts.Secure => "secure (works and resists every attack)",
        Verdicts.Insecure => "insecure (works, but an attack succeeded)",
        Verdicts.Broken => "broken (a functional test failed)",
        Verdicts.NotMatched => "not evaluated (no template fits)",
        Verdicts.NotJudged => "not judged (no probe reached the code, or nothing checked its behaviour)",
        _ => "error (no verdict)",
    };

    private static string YesNo(bool? value) => value switch { true => "yes", false => "no", null => "—" };

    private static string Cell(string text) => text.ReplaceLineEndings(" ").Replace("|", "\\|");

    /// <summary>Markdown emphasis and table characters in a headline (it may quote a function name) stay text.</summary>
    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal).Replace("`", "\\`", StringComparison.Ordinal);
}
