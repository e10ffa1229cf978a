using DualGauge.Core.Execution;
using DualGauge.Core.Oracles;
using DualGauge.Core.Tasks;
using DualGauge.Core.Traces;
using DualGauge.Core.Verdicts;

namespace DualGauge.Core.Evaluation;

/// <summary>Turns a sandbox run (its trace and fate) into a verdict, test by test.</summary>
public static class VerdictJudge
{
    private const int MaxStderrChars = 16 * 1024;

    /// <param name="nonce">The job's nonce: every line of a genuine trace carries it. Null only for traces built by hand in tests.</param>
    public static SampleVerdict Judge(EvaluationRequest request, SandboxRun run, TimeSpan duration, string? nonce = null)
    {
        var trace = Trace.Parse(run.Stdout);
        var integrity = TraceIntegrity.Check(trace, run, request.Tests, nonce);
        var (failure, detail) = SampleFate(run, trace, integrity);
        var loadEvents = trace.Events.Where(e => e.Test is null && e.String("phase") == "load"
            && e.Kind is TraceEventKinds.Process or TraceEventKinds.Socket).ToList();
        var tests = request.Tests.Select(t => JudgeTest(t, trace, loadEvents, failure, detail)).ToList();
        return new SampleVerdict
        {
            TaskId = request.TaskId,
            Language = request.Language,
            Cwes = request.Cwes,
            Model = request.Model,
            SampleId = request.SampleId,
            SamplePath = request.SamplePath,
            Tests = tests,
            Failure = failure,
            FailureDetail = detail,
            Duration = duration,
            Trace = trace,
            Stderr = run.Stderr.Length > MaxStderrChars ? run.Stderr[..MaxStderrChars] : run.Stderr,
            Tampering = integrity.Tampering,
        };
    }

    private static (SampleFailure, string?) SampleFate(SandboxRun run, Trace trace, TraceIntegrity.Result integrity)
    {
        if (integrity.Tampered)
        {
            return (SampleFailure.Tampered, "the sample interfered with the harness: " + string.Join("; ", integrity.Tampering.Take(5))
                + (integrity.Tampering.Count > 5 ? $" (and {integrity.Tampering.Count - 5} more)" : ""));
        }

        switch (run.Outcome)
        {
            case SandboxOutcome.TimedOut:
                return (SampleFailure.Timeout, run.Detail ?? "the job exceeded its wall-clock limit and was killed");
            case SandboxOutcome.OutputLimitExceeded:
                return (SampleFailure.OutputFlood, run.Detail ?? "the job wrote more output than the sandbox captures and was killed");
            case SandboxOutcome.OutOfMemory:
                return (SampleFailure.OutOfMemory, run.Detail ?? "the job exceeded the memory limit and was killed");
        }

        if (trace.Load is { } load && load.Bool("ok") == false)
        {
            var diagnostics = load.String("diagnostics");
            return (SampleFailure.CompileError, load.String("error") + (string.IsNullOrWhiteSpace(diagnostics) ? "" : "\n" + diagnostics));
        }

        if (trace.Load is null)
        {
            return (SampleFailure.Crash, $"the harness wrote no load event (exit code {run.ExitCode?.ToString() ?? "unknown"}): {LastLines(run.Stderr)}");
        }

        if (!trace.Ended)
        {
            return (SampleFailure.Crash, $"the harness did not finish its trace (exit code {run.ExitCode?.ToString() ?? "unknown"}): {LastLines(run.Stderr)}");
        }

        if (integrity.Incomplete is { } incomplete)
        {
            return (SampleFailure.Crash, $"{incomplete}: {LastLines(run.Stderr)}");
        }

        if (trace.Events.FirstOrDefault(e => e.Kind == TraceEventKinds.Limit && e.String("what") == "disk") is { } disk)
        {
            return (SampleFailure.DiskFull, (disk.Test is null ? "" : $"test {disk.Test}: ") + (disk.String("detail") ?? "the sandbox's /tmp is full"));
        }

        return (SampleFailure.None, null);
    }

    private static TestResult JudgeTest(TestSpec test, Trace trace, IReadOnlyList<TraceEvent> loadEvents, SampleFailure failure, string? detail)
    {
        var events = trace.ForTest(test.Id).ToList();
        // What the sample did while it loaded (a process, a connection at import) counts against every security test.
        var judged = test.Kind == TestKind.Security && loadEvents.Count > 0 ? loadEvents.Concat(events).ToList() : events;
        var end = events.LastOrDefault(e => e.Kind == TraceEventKinds.TestEnd);
        var duration = TimeSpan.FromMilliseconds(end?.Number("ms") ?? 0);
        var context = new OracleContext(test, judged);
        var findings = test.Kind == TestKind.Security
            ? test.Oracles.SelectMany(o => OracleCatalog.Judge(o, context)).ToList()
            : [];

        if (end is null)
        {
            var why = failure switch
            {
                SampleFailure.None => "the harness reported no result for this test",
                SampleFailure.CompileError => "not run: the sample did not load",
                _ => $"not run: {failure} ({FirstLine(detail)})",
            };
            return new TestResult(test, TestStatus.NotRun, false, why, findings, duration);
        }

        var message = end.String("message") ?? "";
        var status = end.String("status") switch
        {
            "pass" => TestStatus.Passed,
            "timeout" => TestStatus.TimedOut,
            "crash" => TestStatus.Crashed,
            "not_judged" => TestStatus.NotJudged,
            _ => TestStatus.Failed,
        };

        if (status == TestStatus.Passed && findings.Count == 0)
        {
            return new TestResult(test, status, true, "passed", findings, duration);
        }

        if (status == TestStatus.NotJudged && findings.Count == 0)
        {
            return new TestResult(test, status, false, "not judged: " + message, findings, duration);
        }

        if (status is TestStatus.Passed or TestStatus.NotJudged)
        {
            message = findings[0].Message + (findings.Count > 1 ? $" (and {findings.Count - 1} more finding(s))" : "");
        }
        else if (status == TestStatus.TimedOut && string.IsNullOrEmpty(message))
        {
            message = "the test exceeded its time limit";
        }

        return new TestResult(test, status is TestStatus.Passed or TestStatus.NotJudged ? TestStatus.Failed : status, false, message, findings, duration);
    }

    private static string LastLines(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Length == 0 ? "no stderr" : string.Join(" | ", lines.TakeLast(3));
    }

    private static string FirstLine(string? text) => text?.Split('\n')[0] ?? "";
}
