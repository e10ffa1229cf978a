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
                $"the snippet could not be evaluated ({verdict.Failure}): {TraceEvent.Truncate(Clean(detail, widened), 400)}", line ?? primaryHeader, null, null, null));
            return findings;
        }

        // A test that could not decide (not judged, not run) is no finding: the assessment says why instead.
        var sanitizerLines = new HashSet<(int? Line, string? Cwe)>();
        foreach (var test in verdict.FailedTests.Where(t => t.Findings.Count > 0 || t.Status is not (Core.Verdicts.TestStatus.NotJudged or Core.Verdicts.TestStatus.NotRun)))
        {
            var header = HeaderFor(test.Test.Id, widened, plan) ?? primaryHeader;
            if (test.Kind == TestKind.Security)
            {
                var attackFindings = SnippetAssessor.AttackFindings(test, verdict.Trace, plan);
                if ((test.Findings.Count > 0 && attackFindings.Count == 0) || (attackFindings.Count == 0 && test.Status is Core.Verdicts.TestStatus.Crashed or Core.Verdicts.TestStatus.TimedOut
                        && !test.Test.Oracles.Any(o => o.Kind == "max-duration")))
                {
                    // Benign input drew the same sanitizer report, or the probe's process died with no evidence (the
                    // code exited, a signal): the assessment says "not judged" and why; no CWE is claimed.
                    continue;
                }

                var sink = SinkLine(test with { Findings = attackFindings }, verdict.Trace, widened);
                // One sanitizer report per line and class: two probes overflowing the same copy are one finding.
                if (attackFindings.Count > 0 && attackFindings.All(f => f.Evidence.Count > 0 && f.Evidence.All(e => e.Kind == TraceEventKinds.Sanitizer))
                    && !sanitizerLines.Add((sink, test.Test.Cwe)))
                {
                    continue;
                }

                var message = Clean(ToDocumentLines(attackFindings.Count > 0
                    ? string.Join("; ", attackFindings.Select(f => f.Message))
                    : test.Message, widened), widened);
                var attack = test.Test.Attacks is { Length: > 0 } a ? $" ({a.TrimEnd('.')})" : "";
                findings.Add(new SnippetFinding(TestKind.Security, test.Test.Id, test.Test.Cwe, $"{message}{attack}", sink ?? header, sink, null, null));
            }
            else
            {
                var text = Clean(test.Message, widened);
                var m = ExpectedRegex().Match(text);
                var message = m.Success ? $"expected {m.Groups["e"].Value.Trim()}, got {m.Groups["a"].Value.Trim()}" : $"{test.Test.Description} failed: {text}";
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

    /// <summary>
    /// A message as the user reads it: a place in the generated sample (<c>solution.c:12</c>, <c>File
    /// "/tmp/job/solution.py", line 9</c>) becomes the document line, the probes' own file becomes "the probe",
    /// and the sandbox's job folders are dropped.
    /// </summary>
    public static string Clean(string message, WidenedSnippet widened)
    {
        var text = SampleLocationRegex().Replace(message, m =>
        {
            var digits = m.Groups["line"].Success ? m.Groups["line"].Value : m.Groups["pyline"].Value;
            return int.TryParse(digits, out var line) && widened.ToDocumentLine(line) is { } documentLine
                ? $"line {documentLine + 1}"
                : "code DualGauge added to the sample";
        });
        text = TestsLocationRegex().Replace(text, "the probe");
        return JobFolderRegex().Replace(text, "");
    }

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

    [GeneratedRegex(@"(?:File "")?(?:/tmp/job/)?solution\.(?:py|m?js|c)(?::(?<line>\d+)(?::\d+)?|"", line (?<pyline>\d+))")]
    private static partial Regex SampleLocationRegex();

    [GeneratedRegex(@"(?:/tmp/job/)?\.?tests\.(?:py|m?js|c)(?::\d+(?::\d+)?|"", line \d+)")]
    private static partial Regex TestsLocationRegex();

    [GeneratedRegex(@"/tmp/job/(?:work/[^/\s]+/|fixtures/)?")]
    private static partial Regex JobFolderRegex();

    [GeneratedRegex(@"\bline (\d+)\)")]
    private static partial Regex OracleLineRegex();

    [GeneratedRegex(@"expected (?<e>.+?),\s*got (?<a>.+)$", RegexOptions.Singleline)]
    private static partial Regex ExpectedRegex();
}
