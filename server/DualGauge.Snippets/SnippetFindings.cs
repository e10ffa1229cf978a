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

                var message = Clean(UserText(ToDocumentLines(attackFindings.Count > 0
                    ? string.Join("; ", attackFindings.Select(f => f.Message).Distinct(StringComparer.Ordinal))
                    : test.Message, widened)), widened);
                // A fuzzing probe names the minimised input that drew the report: the diagnostic shows it beside the report.
                if (attackFindings.Count > 0 && test.Message.Contains("minimised reproducer: ", StringComparison.Ordinal))
                {
                    message += "; " + Clean(UserText(ToDocumentLines(test.Message, widened)), widened);
                }

                var attack = test.Test.Attacks is { Length: > 0 } a ? $" ({a.TrimEnd('.')})" : "";
                var function = plan.Functions.FirstOrDefault(f => f.Tests.Any(t => t.Spec.Id == test.Test.Id))?.Target.Function
                    ?? widened.Functions.FirstOrDefault(f => f.HeaderLine == header) ?? widened.Functions[0];
                var steps = sink is { } s ? TaintSteps(widened, function, InputOf(plan, test.Test.Id), s) : [];
                // The Error sits where the tainted value is built (the last step before the sink), the sink is related.
                // (The header only brings the parameter in: with no assignment between, the sink builds the value itself.)
                var built = steps.Count >= 2 && steps[^2].Line != function.HeaderLine ? steps[^2].Line : sink;
                findings.Add(new SnippetFinding(TestKind.Security, test.Test.Id, test.Test.Cwe, $"{message}{attack}", built ?? sink ?? header, sink, null, null) { Steps = steps, Input = InputOf(plan, test.Test.Id) });
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

    /// <summary>The input parameter (or request field) a probe put its payload in, from the probe plan.</summary>
    private static string? InputOf(SnippetPlan plan, string id) =>
        plan.Functions.SelectMany(f => f.Tests).FirstOrDefault(t => t.Spec.Id == id)?.Plan?["input"]?.GetValue<string>();

    /// <summary>
    /// The lines between the function's header and the sink that carry the input: where it is read, then every
    /// assignment whose right side names a tainted variable (which then becomes tainted), then the sink.
    /// </summary>
    internal static IReadOnlyList<FindingStep> TaintSteps(WidenedSnippet widened, SourceFunction function, string? input, int sink)
    {
        var lines = widened.Outline.Lines;
        var steps = new List<FindingStep>();
        if (input is null || sink < function.HeaderLine || sink > function.EndLine)
        {
            return sink >= 0 && sink < lines.Count ? [new FindingStep(sink, "the sink runs here")] : [];
        }

        var tainted = new HashSet<string>(StringComparer.Ordinal) { input };
        var headerHasInput = Regex.IsMatch(lines[function.HeaderLine], $@"{Regex.Escape(input)}");
        if (headerHasInput)
        {
            steps.Add(new FindingStep(function.HeaderLine, $"{input} comes in as a parameter"));
        }

        for (var i = function.HeaderLine + 1; i < sink; i++)
        {
            var text = lines[i];
            var quoted = Regex.IsMatch(text, $@"['""]{Regex.Escape(input)}['""]");
            var mentions = tainted.Any(t => Regex.IsMatch(text, $@"(?<![\w.]){Regex.Escape(t)}")) || quoted;
            if (!mentions)
            {
                continue;
            }

            var assignment = AssignmentRegex().Match(text);
            if (assignment.Success)
            {
                foreach (Capture target in assignment.Groups["target"].Captures)
                {
                    tainted.Add(target.Value);
                }

                steps.Add(new FindingStep(i, quoted && steps.Count == 0 ? $"{input} is read from the request" : $"{string.Join(", ", assignment.Groups["target"].Captures.Select(c => c.Value))} is built from the input"));
            }
        }

        steps.Add(new FindingStep(sink, "the value reaches the sink"));
        return steps;
    }

    /// <summary>Trace wording rewritten for a developer: no sandbox paths, no mode letters, no harness file names.</summary>
    internal static string UserText(string message)
    {
        var text = WorkdirRegex().Replace(message, "the test's working folder");
        text = text.Replace("outside /tmp", "outside the folders the code was given", StringComparison.Ordinal);
        text = ModeRegex().Replace(text, m => m.Groups[1].Value switch
        {
            "r" or "rb" => "for reading",
            "w" or "wb" or "a" or "ab" or "x" => "for writing",
            var mode when mode.Contains('+') || mode.Contains('w') => "for writing",
            _ => "",
        });
        return Regex.Replace(text, @"\s{2,}", " ").Replace(" ,", ",", StringComparison.Ordinal);
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

    [GeneratedRegex(@"/tmp/job/work/[\w.-]+")]
    private static partial Regex WorkdirRegex();

    [GeneratedRegex(@"\(mode ([rwaxbt+?]+)\)")]
    private static partial Regex ModeRegex();

    [GeneratedRegex(@"^\s*(?:(?:const|let|var|auto|char\s*\*?|int|size_t)\s+)?(?:(?<target>[A-Za-z_]\w*)\s*,\s*)*(?<target>[A-Za-z_]\w*)\s*(?::[^=]+)?(?:\+|-|\|)?=(?!=)")]
    private static partial Regex AssignmentRegex();

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
