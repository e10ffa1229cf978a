using System.Collections.Concurrent;
using DualGauge.Core.Execution;
using DualGauge.Core.Samples;
using DualGauge.Core.Verdicts;

namespace DualGauge.Core.Evaluation;

/// <summary>Progress of a bench run: how many samples are done, and the latest verdict.</summary>
public sealed record BenchProgress(int Completed, int Total, SampleVerdict Latest);

/// <summary>
/// The verdicts of a run. A sample that could not be evaluated is still listed, with its failure; only a
/// cancelled run leaves samples out, and lists them in <see cref="NotRun"/>.
/// </summary>
/// <param name="SandboxError">Set when the sandbox became unreachable and the run stopped early.</param>
public sealed record BenchRun(IReadOnlyList<SampleVerdict> Verdicts, TimeSpan Duration, string? SandboxError)
{
    /// <summary>The run was cancelled: <see cref="Verdicts"/> holds the samples finished by then.</summary>
    public bool Cancelled { get; init; }

    /// <summary>When cancelled, the samples that never ran or were cut off while running (in input order).</summary>
    public IReadOnlyList<Sample> NotRun { get; init; } = [];

    /// <summary>A run cancelled before any sample ran.</summary>
    public static BenchRun CancelledBeforeStart(IReadOnlyList<Sample> samples, TimeSpan duration) =>
        new([], duration, null) { Cancelled = true, NotRun = samples };
}

/// <summary>Evaluates samples in parallel. Never drops a sample: whatever happens, each gets a verdict.</summary>
public sealed class BenchRunner(SampleEvaluator evaluator)
{
    public async Task<BenchRun> RunAsync(IReadOnlyList<Sample> samples, int parallelism, IProgress<BenchProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        var started = DateTimeOffset.UtcNow;
        var verdicts = new SampleVerdict?[samples.Count];
        var completed = 0;
        string? sandboxError = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, samples.Count),
                new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = stop.Token },
                async (index, token) =>
                {
                    var sample = samples[index];
                    SampleVerdict verdict;
                    try
                    {
                        verdict = await evaluator.EvaluateAsync(sample.Task, sample.Source, sample.Model, sample.SampleId, sample.Path, token).ConfigureAwait(false);
                    }
                    catch (SandboxUnavailableException ex)
                    {
                        // Docker went away: stop scheduling, keep every verdict so far, and mark the rest.
                        Interlocked.CompareExchange(ref sandboxError, ex.Message, null);
                        await stop.CancelAsync().ConfigureAwait(false);
                        return;
                    }

                    verdicts[index] = verdict;
                    progress?.Report(new BenchProgress(Interlocked.Increment(ref completed), samples.Count, verdict));
                }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (sandboxError is not null || cancellationToken.IsCancellationRequested)
        {
            // Falls through: the unfinished samples are listed below with the reason.
        }

        if (sandboxError is null && cancellationToken.IsCancellationRequested)
        {
            // Cancelled: the report is partial, so a sample that never ran is left out rather than counted as a failure.
            return new BenchRun(verdicts.OfType<SampleVerdict>().ToList(), DateTimeOffset.UtcNow - started, null)
            {
                Cancelled = true,
                NotRun = samples.Where((_, i) => verdicts[i] is null).ToList(),
            };
        }

        var reason = sandboxError is not null
            ? $"not evaluated: the sandbox became unreachable ({FirstLine(sandboxError)})"
            : "not evaluated: the run was cancelled";
        var all = samples.Select((s, i) => verdicts[i] ?? NotEvaluated(s, reason)).ToList();
        return new BenchRun(all, DateTimeOffset.UtcNow - started, sandboxError);
    }

    private static SampleVerdict NotEvaluated(Sample sample, string reason) => new()
    {
        TaskId = sample.Task.Id,
        Language = sample.Task.Language,
        Cwes = sample.Task.Cwes,
        Model = sample.Model,
        SampleId = sample.SampleId,
        SamplePath = sample.Path,
        Tests = sample.Task.Tests.Select(t => new TestResult(t, TestStatus.NotRun, false, reason, [], TimeSpan.Zero)).ToList(),
        Failure = SampleFailure.SandboxError,
        FailureDetail = reason,
        Duration = TimeSpan.Zero,
    };

    private static string FirstLine(string text) => text.Split('\n')[0];
}
