using System.Collections.Concurrent;
using DualGauge.Snippets;
using DualGauge.LanguageServer.Evaluation;
using DualGauge.Protocol.Custom;

namespace DualGauge.TestUtilities.Snippets;

/// <summary>
/// A scripted <see cref="ISnippetEvaluator"/> for protocol tests: it records every snippet it receives and
/// answers with whatever <see cref="Behavior"/> returns (an evaluation, a thrown exception, or a wait).
/// </summary>
public sealed class FakeSnippetEvaluator : ISnippetEvaluator, IEvaluatorFactory
{
    private readonly ConcurrentQueue<Snippet> calls = new();
    private readonly List<(int Count, TaskCompletionSource Done)> waiters = [];

    public FakeSnippetEvaluator(Func<Snippet, CancellationToken, Task<SnippetEvaluation>> behavior)
    {
        Behavior = behavior;
    }

    public Func<Snippet, CancellationToken, Task<SnippetEvaluation>> Behavior { get; set; }

    /// <summary>An evaluator whose evaluations never finish until cancelled; <paramref name="cancelled"/> completes when one is.</summary>
    public static FakeSnippetEvaluator HangsUntilCancelled(out TaskCompletionSource cancelled)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cancelled = signal;
        return new FakeSnippetEvaluator(async (s, ct) =>
        {
            await using var registration = ct.Register(() => signal.TrySetResult());
            await Task.Delay(Timeout.Infinite, ct);
            return Evaluations.Secure(s);
        });
    }

    public IReadOnlyList<Snippet> Calls => [.. calls];

    public int CallCount => calls.Count;

    /// <summary>The settings each evaluator instance was created with.</summary>
    public List<DualGaugeSettings> Created { get; } = [];

    public Task<SnippetEvaluation> EvaluateAsync(Snippet snippet, CancellationToken cancellationToken)
    {
        List<TaskCompletionSource> reached;
        lock (waiters)
        {
            calls.Enqueue(snippet);
            reached = waiters.Where(w => w.Count <= calls.Count).Select(w => w.Done).ToList();
            waiters.RemoveAll(w => w.Count <= calls.Count);
        }

        foreach (var done in reached)
        {
            done.TrySetResult();
        }

        return Behavior(snippet, cancellationToken);
    }

    /// <summary>Completes once the evaluator has been called <paramref name="count"/> times in total.</summary>
    public async Task<Snippet> WaitForCallsAsync(int count, TimeSpan? timeout = null)
    {
        Task wait;
        lock (waiters)
        {
            if (calls.Count >= count)
            {
                return Calls[count - 1];
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((count, done));
            wait = done.Task;
        }

        try
        {
            await wait.WaitAsync(timeout ?? TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"the evaluator was called {CallCount} times, expected {count}");
        }

        return Calls[count - 1];
    }

    public ISnippetEvaluator Create(DualGaugeSettings settings)
    {
        lock (Created)
        {
            Created.Add(settings);
        }

        return this;
    }
}
