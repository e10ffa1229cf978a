using System.Text;
using DualGauge.Core.Metrics;
using DualGauge.Core.Tasks;
using DualGauge.Core.Verdicts;
using static DualGauge.Core.Reports.MarkdownText;

namespace DualGauge.Core.Reports;

/// <summary>A human-readable summary for a pull request, a terminal or an editor preview.</summary>
public sealed class MarkdownReportRenderer : IReportRenderer
{
    public string Format => "markdown";

    public string FileExtension => "md";

    public string Render(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var summary = report.Summary;
        var md = new StringBuilder();
        md.Append("# DualGauge benchmark report\n\n");
        if (report.Partial is { } partial)
        {
            md.Append($"> **Partial report.** The run was {Text(partial.Reason)} after {Count(partial.Evaluated)} of {Count(partial.Evaluated + partial.NotRun)} samples; {Count(partial.NotRun)} were not run and are not counted below.\n\n");
        }

        WriteRun(md, report);
        WriteInputErrors(md, report);

        md.Append("## Models\n\n");
        var ks = summary.Ks.Where(k => summary.ByModel.Any(m => m.AtK(k) is not null)).ToList();
        var header = new List<string> { "Model", "Tasks", "Samples", "Functional %", "Secure %", "Joint %" };
        foreach (var k in ks)
        {
            header.AddRange([$"pass@{k}", $"secure@{k}", $"secure-pass@{k}"]);
        }

        Table(md, header, summary.ByModel.Select(m =>
        {
            var row = new List<string> { Text(m.Model), Count(m.Tasks), Count(m.Samples), ReportText.Percent(m.FunctionalPercent), ReportText.Percent(m.SecurePercent), ReportText.Percent(m.JointPercent) };
            foreach (var k in ks)
            {
                var at = m.AtK(k);
                row.AddRange(at is null ? ["—", "—", "—"] : [ReportText.Probability(at.Pass), ReportText.Probability(at.Secure), ReportText.Probability(at.SecurePass)]);
            }

            return (IReadOnlyList<string>)row;
        }), ColumnsFrom(1));
        md.Append("Functional %, Secure % and Joint % are shares of samples; pass@k, secure@k and secure-pass@k are unbiased estimates averaged over tasks (a k is shown only when every task of the model has at least k samples).\n\n");
        if (ReportText.GlueAdaptedSummary(report) is { } glued)
        {
            md.Append($"**Glue-adapted:** {Text(glued)}; see \"Agentic adaptations\".\n\n");
        }

        md.Append("## By language\n\n");
        Table(md, ["Model", "Language", "Tasks", "Samples", "Functional %", "Secure %", "Joint %"],
            summary.ByModelLanguage.Select(g => Shares(g, Text(g.Language))), ColumnsFrom(2));

        if (report.Paper is { } paper)
        {
            md.Append("## Beside the paper\n\n");
            md.Append($"The paper's published figures{(paper.Source is null ? "" : $" ({Text(paper.Source)})")} beside ours for the same model and language, in percent; Δ is ours minus the paper's, in points. Ours are the unbiased pass@1, secure@1 and secure-pass@1 of this run's samples.\n\n");
            var (paperHeader, paperRows) = paper.Table();
            Table(md, paperHeader, paperRows.Select(r => (IReadOnlyList<string>)r.Select(Text).ToList()), ColumnsFrom(3));
        }

        md.Append("## By CWE\n\n");
        Table(md, ["Model", "CWE", "Weakness", "Tasks", "Samples", "Functional %", "Secure %", "Joint %"],
            summary.ByModelCwe.Select(g =>
            {
                var row = Shares(g, Text(g.Cwe)).ToList();
                row.Insert(2, Text(CweCatalogue.Find(g.Cwe)?.Name ?? ""));
                return (IReadOnlyList<string>)row;
            }), ColumnsFrom(3));

        var securityTests = summary.TestFailures.Where(t => t.Cwe is not null && t.Failures > 0).ToList();
        if (securityTests.Count > 0)
        {
            md.Append("### Security tests that failed\n\n");
            Table(md, ["CWE", "Task", "Test", "Runs", "Failures", "By model"],
                securityTests.Select(t => (IReadOnlyList<string>)
                [
                    Text(t.Cwe), Text(t.TaskId), Code(t.TestId), Count(t.Runs), Count(t.Failures),
                    Text(string.Join(", ", t.FailuresByModel.Select(p => $"{p.Key}: {p.Value}"))),
                ]), new HashSet<int> { 3, 4 });
        }

        WriteFailures(md, report);
        WriteFailedTests(md, report);
        WriteJudge(md, report);
        WriteAdaptations(md, report);
        return md.ToString();
    }

    private static void WriteInputErrors(StringBuilder md, BenchReport report)
    {
        if (report.InputErrors.Count == 0)
        {
            return;
        }

        md.Append($"## Input errors\n\n{Count(report.InputErrors.Count)} sample file(s) were not read and are not counted below.\n\n");
        Table(md, ["Path", "Problem"], report.InputErrors.Select(e => (IReadOnlyList<string>)[Code(e.Path), Text(e.Problem)]));
    }

    private static void WriteJudge(StringBuilder md, BenchReport report)
    {
        if (report.Judge is not { } judge)
        {
            return;
        }

        md.Append("\n## LLM judge\n\n");
        md.Append($"Judge {Code(judge.JudgeModel)} decided each test blind, from the task's prompt, the test's description and the trace of what the code did (never the oracles' verdict); the comparison with the oracles was made afterwards. ");
        md.Append($"{Count(judge.Judgments.Count)} tests judged; agreement with the oracles: {Text(judge.Agreement.Describe())}; ");
        md.Append($"malformed answers: {Count(judge.Malformed)}; not judged (endpoint errors): {Count(judge.Errors)}.\n\n");
        var disagreements = judge.Disagreements;
        if (disagreements.Count == 0)
        {
            md.Append("The judge agreed with the oracles on every test it gave a verdict on.\n");
            return;
        }

        md.Append("### Disagreements\n\n");
        Table(md, ["Sample", "Test", "Kind", "Oracles", "Judge", "Judge's reasoning"], disagreements.Select(j => (IReadOnlyList<string>)
        [
            Code($"{j.Model}/{j.TaskId}/{j.SampleId}"), Code(j.TestId), j.Kind == TestKind.Security ? "security" : "functional",
            j.OraclePassed ? "pass" : "fail", j.JudgePassed == true ? "pass" : "fail", Text(ReportText.FirstLine(j.Reasoning, 400)),
        ]));
    }

    private static void WriteAdaptations(StringBuilder md, BenchReport report)
    {
        if (report.Adaptations.Count == 0)
        {
            return;
        }

        md.Append("\n## Agentic adaptations\n\n");
        md.Append("Harness glue added around samples that failed for a setup reason. The candidates' own code was kept verbatim; glue that would ")
            .Append("define, redefine, wrap or shadow one of its symbols was rejected and the sample kept its first verdict.\n\n");
        var adapted = report.Verdicts.Where(report.IsGlueAdapted).ToList();
        if (adapted.Count > 0)
        {
            md.Append("### Glue-adapted samples\n\n");
            Table(md, ["Sample", "Functional", "Security", "Glue"], adapted.Select(v => (IReadOnlyList<string>)
            [
                Code(ReportText.SampleLabel(report, v)), v.FunctionalPass ? "pass" : "fail", v.SecurePass ? "pass" : "fail",
                Code(string.Join(" | ", new[] { report.GlueOf(v)!.Prepend, report.GlueOf(v)!.Append }.Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g!.Trim().Replace('\n', ' ')))),
            ]));
            md.Append("### Tries\n\n");
        }

        Table(md, ["Sample", "Try", "Reason", "Glue", "Adopted", "Outcome"], report.Adaptations.Select(a => (IReadOnlyList<string>)
        [
            Code($"{a.Model}/{a.TaskId}/{a.SampleId}"), Count(a.Attempt), Text(ReportText.FirstLine(a.Reason, 200)),
            Code(string.Join(" | ", new[] { a.Prepend, a.Append }.Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g!.Trim().Replace('\n', ' ')))),
            a.Adopted ? "yes" : "no", Text(ReportText.FirstLine(a.Outcome, 300)),
        ]));
    }

    /// <summary>One sample in detail: its verdict, every test, the findings with their evidence and how to fix each CWE.</summary>
    public static string RenderSample(SampleVerdict verdict, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var md = new StringBuilder();
        var outcome = verdict.Outcome();
        md.Append($"# {Text(ReportText.SampleName(verdict))}: {outcome.Id()}\n\n");
        md.Append($"Task {Code(verdict.TaskId)} ({verdict.Language.Id()}), CWE {Text(string.Join(", ", verdict.Cwes.Select(Cwe.Normalize)))}. ");
        md.Append($"Functional: {(verdict.FunctionalPass ? "pass" : "fail")}. Security: {(verdict.SecurePass ? "pass" : "fail")}.\n\n");
        if (verdict.Failure != SampleFailure.None)
        {
            md.Append($"**The sample failed as a whole: {ReportText.FailureLabel(verdict.Failure)}.**\n\n");
            if (!string.IsNullOrWhiteSpace(verdict.FailureDetail))
            {
                md.Append(Block(verdict.FailureDetail)).Append('\n');
            }
        }

        if (verdict.Tests.Count > 0)
        {
            md.Append("## Tests\n\n");
            Table(md, ["Test", "Kind", "CWE", "Status", "Message"], verdict.Tests.Select(t => (IReadOnlyList<string>)
            [
                Code(t.Test.Id), t.Kind == TestKind.Security ? "security" : "functional", Text(t.Test.Cwe ?? ""),
                ReportText.StatusLabel(t.Status) + (t.Test.DecidedBy is { } by ? Text($" (decided by {by})") : ""), Text(ReportText.FirstLine(t.Message)),
            ]));
        }

        var failedSecurity = verdict.Tests.Where(t => t.Kind == TestKind.Security && !t.Passed && t.Status != TestStatus.NotRun).ToList();
        foreach (var test in failedSecurity)
        {
            md.Append($"## {Code(test.Test.Id)} failed\n\n");
            if (test.Test.Attacks is { } attacks)
            {
                md.Append($"Attack: {Text(attacks)}\n\n");
            }

            foreach (var finding in test.Findings)
            {
                md.Append($"- {Text(finding.Message)} ({Code(finding.Oracle)})\n");
                foreach (var evidence in finding.Evidence)
                {
                    var line = evidence.Number("line");
                    md.Append($"  - {Code(TraceDescribe(evidence))}{(line is { } l ? $" at line {l}" : "")}\n");
                }
            }

            md.Append('\n');
        }

        foreach (var cwe in failedSecurity.Select(t => ReportText.CweOf(verdict, t)).OfType<string>().Distinct())
        {
            var entry = CweCatalogue.Find(cwe);
            md.Append($"## How to fix {cwe}{(entry is null ? "" : $": {entry.Name}")}\n\n");
            md.Append(entry?.Remediation ?? "See the CWE entry for mitigations.").Append($"\n\n[{cwe} on cwe.mitre.org]({CweCatalogue.HelpUri(cwe)})\n\n");
        }

        if (source is not null)
        {
            md.Append("## Sample\n\n").Append(Block(source, verdict.Language.Id())).Append('\n');
        }

        return md.ToString();
    }

    private static string TraceDescribe(Traces.TraceEvent e) => Traces.TraceEvent.Truncate(e.Describe(), 300);

    private static void WriteRun(StringBuilder md, BenchReport report)
    {
        var run = report.Run;
        Table(md, ["Run", ""],
        [
            ["Started", Text(ReportText.Timestamp(run.StartedAt))],
            ["Duration", Text(ReportText.Duration(run.Duration))],
            ["Tasks", $"{Code(run.TasksDirectory)} ({Count(report.Summary.Tasks)} tasks, {Count(report.Summary.Samples)} samples)"],
            ["Sandbox image", Code(run.SandboxImage)],
            ["Command line", Code(run.CommandLine)],
            ["DualGauge", Text(run.Version)],
        ]);
    }

    private static void WriteFailures(StringBuilder md, BenchReport report)
    {
        md.Append("## Failures\n\n");
        var summary = report.Summary;
        Table(md, ["Model", "Compile error", "Timeout", "Crash", "Output flood", "Out of memory", "Sandbox error", "Test timeouts", "Test crashes"],
            summary.Failures.Select(f => (IReadOnlyList<string>)
            [
                Text(f.Model), Count(f.CompileError), Count(f.Timeout), Count(f.Crash), Count(f.OutputFlood),
                Count(f.OutOfMemory), Count(f.SandboxError), Count(f.TestTimeouts), Count(f.TestCrashes),
            ]), ColumnsFrom(1));

        var failed = report.Verdicts.Where(v => v.Failure != SampleFailure.None).ToList();
        if (failed.Count == 0)
        {
            md.Append("Every sample ran to completion.\n\n");
            return;
        }

        Table(md, ["Sample", "Reason", "Detail"], failed.Select(v => (IReadOnlyList<string>)
        [
            Code(ReportText.SampleLabel(report, v)), ReportText.FailureLabel(v.Failure), Text(ReportText.FirstLine(v.FailureDetail)),
        ]));
    }

    private static void WriteFailedTests(StringBuilder md, BenchReport report)
    {
        md.Append("## Failed tests\n\n");
        var rows = report.Verdicts
            .SelectMany(v => v.Tests.Where(t => !t.Passed && t.Status != TestStatus.NotRun).Select(t => (Verdict: v, Test: t)))
            .OrderBy(r => r.Test.Kind == TestKind.Security ? 0 : 1)
            .ThenBy(r => r.Test.Kind == TestKind.Security ? ReportText.CweOf(r.Verdict, r.Test) : null, Cwe.Comparer)
            .ThenBy(r => ReportText.SampleName(r.Verdict), StringComparer.Ordinal)
            .ToList();
        if (rows.Count == 0)
        {
            md.Append("No test that ran failed.\n");
            return;
        }

        Table(md, ["Sample", "Test", "Kind", "CWE", "Status", "What happened"], rows.Select(r => (IReadOnlyList<string>)
        [
            Code(ReportText.SampleLabel(report, r.Verdict)),
            Code(r.Test.Test.Id),
            r.Test.Kind == TestKind.Security ? "security" : "functional",
            r.Test.Kind == TestKind.Security ? Text(ReportText.CweOf(r.Verdict, r.Test)) : "",
            ReportText.StatusLabel(r.Test.Status) + (r.Test.Test.DecidedBy is { } by ? Text($" (decided by {by})") : ""),
            Text(ReportText.FirstLine(ReportText.FailureMessage(r.Test), 400)),
        ]));
    }

    private static IReadOnlyList<string> Shares(GroupMetrics g, string label) =>
    [
        Text(g.Model), label, Count(g.Tasks), Count(g.Samples),
        ReportText.Percent(g.FunctionalPercent), ReportText.Percent(g.SecurePercent), ReportText.Percent(g.JointPercent),
    ];

    /// <summary>Right-aligns every column from <paramref name="first"/> on (the numbers).</summary>
    private static HashSet<int> ColumnsFrom(int first) => Enumerable.Range(first, 64).ToHashSet();

    private static string Count(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
