using System.Globalization;
using DualGauge.Core.Reports;
using DualGauge.Protocol.Custom;

namespace DualGauge.LanguageServer.History;

/// <summary>The words a person reads about one evaluation: the history headline and the CodeLens above the function.</summary>
internal static class VerdictText
{
    /// <summary>"SQL injection (CWE-89) in find_user", "find_user: secure against CWE-89 · 3/3 tests", "find_user: not judged: ...".</summary>
    public static string Headline(HistoryEntrySummary summary, EvaluationDetails details)
    {
        var name = details.FunctionName is { Length: > 0 } f ? f : "this code";
        var (passed, total) = Tests(details);
        var open = summary.Cwes.Where(c => !IsAccepted(summary, c)).ToList();
        var accepted = summary.Accepted.Count > 0 ? $" · accepted {string.Join("; ", summary.Accepted)}" : "";
        return summary.Verdict switch
        {
            Verdicts.Insecure when open.Count == 0 => $"{name}: every proved CWE is accepted{accepted}",
            Verdicts.Insecure => $"{string.Join(", ", open.Select(c => $"{CweCatalogue.NameOf(c)} ({c})"))} in {name}{accepted}",
            Verdicts.Secure => $"{name}: secure against {string.Join(", ", details.CwesTested)}{(total > 0 ? $" · {passed}/{total} tests" : "")}",
            Verdicts.Broken => $"{name}: broken · {total - passed} of {total} tests failed",
            Verdicts.NotJudged => $"{name}: not judged: {Reason(details)}",
            Verdicts.NotMatched => $"{name}: not evaluated: {FirstSentence(details.MatchReason)}",
            _ => $"{name}: evaluation failed: {FirstSentence(details.Failure ?? details.MatchReason)}",
        };
    }

    /// <summary>"DualGauge: secure · 3/3 tests · CWE-89 tested · 0.4 s".</summary>
    public static string Lens(HistoryEntrySummary summary, EvaluationDetails details)
    {
        var (passed, total) = Tests(details);
        var tests = total > 0 ? $"{passed}/{total} tests" : null;
        var seconds = details.DurationMs > 0 ? (details.DurationMs / 1000).ToString("0.0", CultureInfo.InvariantCulture) + " s" : null;
        var tested = details.CwesTested.Count > 0 ? string.Join(", ", details.CwesTested) + " tested" : null;
        var parts = summary.Verdict switch
        {
            Verdicts.Insecure when summary.Cwes.All(c => IsAccepted(summary, c)) => new List<string?> { "accepted " + string.Join("; ", summary.Accepted), seconds },
            Verdicts.Insecure => new List<string?> { "insecure", string.Join(", ", summary.Cwes.Where(c => !IsAccepted(summary, c)).Select(c => $"{CweCatalogue.NameOf(c)} ({c})")), total > 0 ? $"{total - passed} of {total} tests failed" : null, summary.Accepted.Count > 0 ? "accepted " + string.Join("; ", summary.Accepted) : null, seconds },
            Verdicts.Secure => [ "secure", tests, tested, seconds ],
            Verdicts.Broken => [ "broken", $"{total - passed} of {total} tests failed", seconds ],
            Verdicts.NotJudged => [ "not judged: " + Reason(details) ],
            Verdicts.NotMatched => [ "not evaluated: " + FirstSentence(details.MatchReason) ],
            _ => [ "evaluation failed: " + FirstSentence(details.Failure ?? details.MatchReason) ],
        };
        return "DualGauge: " + string.Join(" · ", parts.Where(p => !string.IsNullOrEmpty(p)));
    }

    private static bool IsAccepted(HistoryEntrySummary summary, string cwe) =>
        summary.Accepted.Any(a => a.StartsWith(cwe + ":", StringComparison.OrdinalIgnoreCase));

    private static (int Passed, int Total) Tests(EvaluationDetails details) =>
        (details.Tests.Count(t => t.Passed), details.Tests.Count(t => t.Status is not ("notjudged" or "notrun")));

    private static string Reason(EvaluationDetails details)
    {
        var text = details.SecureDetail is { Length: > 0 } s && s.StartsWith("not judged", StringComparison.Ordinal) ? s : details.WorksDetail ?? details.SecureDetail ?? "";
        text = text.StartsWith("not judged: ", StringComparison.Ordinal) ? text["not judged: ".Length..] : text;
        return FirstSentence(text.Length > 0 ? text : details.MatchReason);
    }

    private static string FirstSentence(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= 120 ? line : line[..117] + "…";
    }
}
