using System.Text.RegularExpressions;
using DualGauge.Snippets.Widening;
using DualGauge.Core.Tasks;
using DualGauge.Core.Traces;
using DualGauge.Core.Verdicts;

namespace DualGauge.Snippets;

/// <summary>Turns a verdict's failed tests into findings placed on document lines.</summary>
public static partial class SnippetFindings
{
    public static IReadOnlyList<SnippetFinding> Map(SampleVerdict verdict, WidenedSnippet widened, SnippetPlan plan)
    {
        var findings = new List<SnippetFinding>();
        var primaryHeader = widened.Functions[0].HeaderLine;
        if (verdict.Failure != SampleFailure.None)
        {
            var detail = verdict.FailureDetail ?? verdict.Failure.ToString();
            var line = SampleLine(detail) is { } l ? widened.ToDocumentLine(l) : null;
            findings.Add(new SnippetFinding(TestKind.Functional, verdict.Failure == SampleFailure.CompileError ? "load" : "job", null,
                $"the snippet could not be evaluated ({verdict.Failure}): {TraceEvent.Truncate(detail, 400)}", line ?? primaryHeader, null, null, null));
            return findings;
        }

        // A test that could not decide (not judged, not run) is no finding: the assessment says why instead.
        foreach (var test in verdict.FailedTests.Where(t => t.Findings.Count > 0 || t.Status is not (Core.Verdicts.TestStatus.NotJudged or Core.Verdicts.TestStatus.NotRun)))
        {
            var header = HeaderFor(test.Test.Id, widened, plan) ?? primaryHeader;
            if (test.Kind == TestKind.Security)
            {
                var sink = SinkLine(test, verdict.Trace, widened);
                var message = ToDocumentLines(test.Findings.Count > 0
                    ? string.Join("; ", test.Findings.Select(f => f.Message))
                    : test.Message, widened);
                var attack = test.Test.Attacks is { Length: > 0 } a ? $" ({a.TrimEnd('.')})" : "";
                findings.Add(new SnippetFinding(TestKind.Security, test.Test.Id, test.Test.Cwe, $"{message}{attack}", sink ?? header, sink, null, null));
            }
            else
            {
                var m = ExpectedRegex().Match(test.Message);
                var message = m.Success ? $"expected {m.Groups["e"].Value.Trim()}, got {m.Groups["a"].Value.Trim()}" : $"{test.Test.Description} failed: {test.Message}";
                findings.Add(new SnippetFinding(TestKind.Functional, test.Test.Id, null, message, header, null,
                    m.Success ? m.Groups["e"].Value.Trim() : null, m.Success ? m.Groups["a"].Value.Trim() : null));
            }
        }

        return findings;
    }

    /// <summary>The document line of the sink: the oracle's evidence, else the test's monitored events, else a location in the message.</summary>
    private static int? SinkLine(TestResult test, Trace trace, WidenedSnippet widened)
    {
        var events = test.Findings.SelectMany(f => f.Evidence)
            .Concat(trace.ForTest(test.Test.Id).Where(e => TraceEventKinds.Monitored.Contains(e.Kind)));
        foreach (var e in events)
        {
            if (e.Number("line") is { } line && widened.ToDocumentLine((int)line) is { } documentLine)
            {
                return documentLine;
            }

            if (e.String("location") is { } location && SampleLine(location) is { } l && widened.ToDocumentLine(l) is { } fromLocation)
            {
                return fromLocation;
            }
        }

        return SampleLine(test.Message) is { } fromMessage ? widened.ToDocumentLine(fromMessage) : null;
    }

    /// <summary>Oracle messages cite sample lines ("line 9"); the editor shows document lines (1-based) instead.</summary>
    private static string ToDocumentLines(string message, WidenedSnippet widened) =>
        OracleLineRegex().Replace(message, m =>
            int.TryParse(m.Groups[1].Value, out var line) && widened.ToDocumentLine(line) is { } documentLine
                ? $"line {documentLine + 1})"
                : m.Value);

    private static int? HeaderFor(string testId, WidenedSnippet widened, SnippetPlan plan) =>
        plan.Functions.Where(f => testId.StartsWith(f.Target.Prefix + "_", StringComparison.Ordinal))
            .Select(f => (int?)f.Target.Function.HeaderLine).FirstOrDefault();

    private static int? SampleLine(string text)
    {
        var m = SampleLineRegex().Match(text);
        return m.Success && int.TryParse(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value, out var line) ? line : null;
    }

    [GeneratedRegex(@"solution\.(?:py|m?js|c)(?::(\d+)|"", line (\d+))")]
    private static partial Regex SampleLineRegex();

    [GeneratedRegex(@"\bline (\d+)\)")]
    private static partial Regex OracleLineRegex();

    [GeneratedRegex(@"expected (?<e>.+?),\s*got (?<a>.+)$", RegexOptions.Singleline)]
    private static partial Regex ExpectedRegex();
}
