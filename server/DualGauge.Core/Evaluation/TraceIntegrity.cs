using DualGauge.Core.Execution;
using DualGauge.Core.Tasks;
using DualGauge.Core.Traces;

namespace DualGauge.Core.Evaluation;

/// <summary>
/// Checks that a trace is the supervisor's and only the supervisor's, before any of it is believed.
/// The supervisor writes every line with the run's nonce (known to the host and the supervisor only),
/// in one order: harness, load, then for each test of the job in turn test_start ... test_end, then end.
/// A line without the nonce, an event after the end, a test out of order, or a <c>tamper</c> event the
/// supervisor wrote is a sign of interference; an exit code other than 0 means the trace is incomplete.
/// </summary>
public static class TraceIntegrity
{
    /// <summary>What the check found: tampering evidence (the sample interfered) and incompleteness (the run broke).</summary>
    public sealed record Result(IReadOnlyList<string> Tampering, string? Incomplete)
    {
        public bool Tampered => Tampering.Count > 0;
    }

    public static Result Check(Trace trace, SandboxRun run, IReadOnlyList<TestSpec> tests, string? nonce)
    {
        var tampering = new List<string>();
        // A killed job, or a harness that died (non-zero exit), may end in half a line.
        var killed = run.Outcome != SandboxOutcome.Completed || run.ExitCode is not (0 or null);

        foreach (var e in trace.Events.Where(e => e.Kind == TraceEventKinds.Tamper))
        {
            tampering.Add((e.Test is null ? "" : $"test {e.Test}: ") + $"{e.String("kind") ?? "tamper"}: {e.String("detail")}");
        }

        if (!string.IsNullOrEmpty(nonce))
        {
            var forged = trace.Events.Where(e => e.String("n") != nonce).ToList();
            if (forged.Count > 0)
            {
                tampering.Add($"{forged.Count} trace line(s) do not carry this run's nonce (first: line {forged[0].Line}, {forged[0].Kind}): something other than the supervisor wrote to the trace");
            }
        }

        var stray = killed ? trace.StrayLines.Take(Math.Max(0, trace.StrayLines.Count - 1)).ToList() : trace.StrayLines.ToList();
        if (stray.Count > 0)
        {
            tampering.Add($"{stray.Count} line(s) in the trace are not supervisor events (first: {TraceEvent.Truncate(stray[0], 120)})");
        }

        var endIndex = IndexOf(trace.Events, TraceEventKinds.End);
        if (endIndex >= 0 && endIndex < trace.Events.Count - 1)
        {
            var after = trace.Events[endIndex + 1];
            tampering.Add($"{trace.Events.Count - endIndex - 1} event(s) after the end of the trace (first: line {after.Line}, {after.Kind})");
        }

        CheckOrder(trace, tests, tampering);

        string? incomplete = null;
        if (run.Outcome == SandboxOutcome.Completed && run.ExitCode is { } code && code != 0)
        {
            incomplete = $"the harness exited with code {code}" + (code == 137 ? " (killed)" : "");
        }

        return new Result(tampering, incomplete);
    }

    private static void CheckOrder(Trace trace, IReadOnlyList<TestSpec> tests, List<string> tampering)
    {
        var expected = tests.Select(t => t.Id).ToList();
        var next = 0;
        string? open = null;
        foreach (var e in trace.Events)
        {
            switch (e.Kind)
            {
                case TraceEventKinds.TestStart:
                    if (open is not null || next >= expected.Count || e.Test != expected[next])
                    {
                        tampering.Add($"test_start of '{e.Test}' out of order at trace line {e.Line}");
                        return;
                    }

                    open = e.Test;
                    next++;
                    break;
                case TraceEventKinds.TestEnd:
                    if (open is null || e.Test != open)
                    {
                        tampering.Add($"test_end of '{e.Test}' without its test_start at trace line {e.Line}");
                        return;
                    }

                    open = null;
                    break;
                default:
                    if (e.Test is not null && e.Test != open && e.Kind != TraceEventKinds.Tamper)
                    {
                        tampering.Add($"an event of test '{e.Test}' outside that test, at trace line {e.Line} ({e.Kind})");
                        return;
                    }

                    break;
            }
        }
    }

    private static int IndexOf(IReadOnlyList<TraceEvent> events, string kind)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Kind == kind)
            {
                return i;
            }
        }

        return -1;
    }
}
