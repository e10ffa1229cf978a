using System.Text;
using System.Text.Json;
using DualGauge.Core.Evaluation;
using DualGauge.Core.Execution;
using DualGauge.Core.Samples;
using DualGauge.Core.Tasks;
using DualGauge.Core.Verdicts;
using FluentAssertions;

namespace DualGauge.Core.Tests.Evaluation;

[TestClass]
public sealed class BenchRunnerTests
{
    [TestMethod]
    public async Task RunAsync_ManySamples_RunsInParallelAndKeepsOrder()
    {
        var sandbox = new ScriptedSandbox(delay: TimeSpan.FromMilliseconds(30));
        var samples = Enumerable.Range(0, 12).Select(i => Sample(i.ToString())).ToList();
        var reported = new List<int>();

        var run = await new BenchRunner(new SampleEvaluator(sandbox)).RunAsync(samples, 4, new SyncProgress(p => reported.Add(p.Completed)), CancellationToken.None);

        run.Verdicts.Select(v => v.SampleId).Should().Equal(samples.Select(s => s.SampleId));
        run.Verdicts.Should().OnlyContain(v => v.JointPass);
        sandbox.MaxConcurrency.Should().BeInRange(2, 4);
        reported.Order().Should().Equal(Enumerable.Range(1, 12));
        run.SandboxError.Should().BeNull();
    }

    [TestMethod]
    public async Task RunAsync_SandboxGoesAway_KeepsFinishedVerdictsAndMarksTheRest()
    {
        var sandbox = new ScriptedSandbox(delay: TimeSpan.Zero, failFromCall: 3);
        var samples = Enumerable.Range(0, 6).Select(i => Sample(i.ToString())).ToList();

        var run = await new BenchRunner(new SampleEvaluator(sandbox)).RunAsync(samples, 1, null, CancellationToken.None);

        run.Verdicts.Should().HaveCount(6, "no sample is ever dropped");
        run.Verdicts.Take(2).Should().OnlyContain(v => v.JointPass);
        run.Verdicts.Skip(2).Should().OnlyContain(v => v.Failure == SampleFailure.SandboxError && v.FailureDetail!.Contains("Docker is not running at unix:///x"));
        run.SandboxError.Should().Contain("unix:///x");
    }

    [TestMethod]
    public async Task RunAsync_Cancelled_KeepsFinishedVerdictsAndListsTheSamplesNotRun()
    {
        var sandbox = new ScriptedSandbox(delay: TimeSpan.FromMilliseconds(200));
        var samples = Enumerable.Range(0, 8).Select(i => Sample(i.ToString())).ToList();
        using var cancel = new CancellationTokenSource();

        var run = await new BenchRunner(new SampleEvaluator(sandbox)).RunAsync(samples, 1, new SyncProgress(p =>
        {
            if (p.Completed == 2)
            {
                cancel.Cancel();
            }
        }), cancel.Token);

        run.Cancelled.Should().BeTrue();
        run.Verdicts.Select(v => v.SampleId).Should().Equal("0", "1");
        run.Verdicts.Should().OnlyContain(v => v.JointPass, "a partial run's verdicts are the real ones");
        run.NotRun.Select(s => s.SampleId).Should().Equal("2", "3", "4", "5", "6", "7");
        run.SandboxError.Should().BeNull();
    }

    internal static Sample Sample(string id)
    {
        var task = new BenchTask
        {
            Id = "t",
            Language = Language.Python,
            Title = "t",
            Cwes = ["CWE-89"],
            Prompt = "p",
            EntryPoint = "f",
            Signature = "def f()",
            Directory = "/tmp",
            TestsFile = new TaskFile("tests.py", []),
            Tests = [new TestSpec("ok", TestKind.Functional, "d", null, null, null, []), new TestSpec("sec", TestKind.Security, "d", "CWE-89", "a", "w", [])],
            Variants = [],
        };
        return new Sample("m", task, id, "def f(): pass", null);
    }

    /// <summary>Answers every job with a passing trace for the job's tests; can fail like an unreachable Docker.</summary>
    internal sealed class ScriptedSandbox(TimeSpan delay, int failFromCall = int.MaxValue) : ISandbox
    {
        private int running;
        private int calls;

        public int MaxConcurrency { get; private set; }

        public async Task<SandboxRun> RunAsync(SandboxJob job, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref calls) >= failFromCall)
            {
                throw new SandboxUnavailableException("Docker is not running at unix:///x. Start it with: sudo systemctl start docker");
            }

            var now = Interlocked.Increment(ref running);
            lock (this)
            {
                MaxConcurrency = Math.Max(MaxConcurrency, now);
            }

            await Task.Delay(delay, cancellationToken);
            Interlocked.Decrement(ref running);
            using var doc = JsonDocument.Parse(job.Input);
            // The supervisor's protocol: every line stamped with the job's nonce, each test opened and closed.
            var n = doc.RootElement.GetProperty("nonce").GetString();
            var trace = new StringBuilder($"{{\"ev\":\"load\",\"n\":\"{n}\",\"ok\":true}}\n");
            foreach (var test in doc.RootElement.GetProperty("tests").EnumerateArray())
            {
                var id = test.GetProperty("id").GetString();
                trace.Append($"{{\"ev\":\"test_start\",\"n\":\"{n}\",\"test\":\"{id}\"}}\n");
                trace.Append($"{{\"ev\":\"test_end\",\"n\":\"{n}\",\"test\":\"{id}\",\"status\":\"pass\",\"ms\":1}}\n");
            }

            trace.Append($"{{\"ev\":\"end\",\"n\":\"{n}\"}}\n");
            return new SandboxRun(SandboxOutcome.Completed, 0, trace.ToString(), "", delay);
        }

        public Task<SandboxStatus> GetStatusAsync(CancellationToken cancellationToken) => Task.FromResult(new SandboxStatus(true, "scripted"));

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class SyncProgress(Action<BenchProgress> action) : IProgress<BenchProgress>
    {
        public void Report(BenchProgress value)
        {
            lock (this)
            {
                action(value);
            }
        }
    }
}
