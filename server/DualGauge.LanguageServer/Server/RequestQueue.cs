using Microsoft.Extensions.Logging;

namespace DualGauge.LanguageServer.Server;

/// <summary>What a request does to the server's state; every handler method states it when it enters the queue.</summary>
internal enum RequestAccess
{
    /// <summary>Reads documents, regions or the history; runs concurrently with other reads.</summary>
    ReadOnly,

    /// <summary>Changes documents, regions or settings; runs alone, after every earlier request, before every later one.</summary>
    Mutating,
}

/// <summary>
/// The request queue contract, in code (as CLaSP's <c>MutatesSolutionState</c>). Requests enter in arrival order
/// (the <see cref="OrderedSynchronizationContext"/> dispatches them one at a time, and each handler enters the
/// queue before its first await). A mutating request waits for every earlier request and holds back every later
/// one; a read waits only for the last mutation before it, so reads run side by side. Slow work (an evaluation)
/// is never inside the queue: a handler's mutating part records what to evaluate and returns, and the evaluation
/// runs outside, on the state it captured.
/// </summary>
internal sealed class RequestQueue(ILogger<RequestQueue> logger)
{
    private readonly object gate = new();
    private readonly List<Task> readsSinceMutation = [];
    private Task lastMutation = Task.CompletedTask;

    /// <summary>Requests that have entered and not finished (for tests and the status command).</summary>
    public int InFlight => Volatile.Read(ref inFlight);

    private int inFlight;

    public Task<T> RunAsync<T>(string method, RequestAccess access, Func<CancellationToken, Task<T>> body, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var after = access == RequestAccess.Mutating
                ? Task.WhenAll([.. readsSinceMutation, lastMutation])
                : lastMutation;
            Interlocked.Increment(ref inFlight);
            var run = RunAfterAsync(after, method, body, cancellationToken);

            // The queue waits on a request's end, never on its outcome: a failed request does not fail the next one.
            var settled = run.ContinueWith(_ => Interlocked.Decrement(ref inFlight), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            if (access == RequestAccess.Mutating)
            {
                lastMutation = settled;
                readsSinceMutation.Clear();
            }
            else
            {
                readsSinceMutation.RemoveAll(t => t.IsCompleted);
                readsSinceMutation.Add(settled);
            }

            return run;
        }
    }

    public Task<T> RunAsync<T>(string method, RequestAccess access, Func<T> body) =>
        RunAsync(method, access, _ => Task.FromResult(body()));

    public Task RunAsync(string method, RequestAccess access, Action body) =>
        RunAsync<bool>(method, access, _ =>
        {
            body();
            return Task.FromResult(true);
        });

    public Task RunAsync(string method, RequestAccess access, Func<CancellationToken, Task> body, CancellationToken cancellationToken = default) =>
        RunAsync<bool>(method, access, async ct =>
        {
            await body(ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    private async Task<T> RunAfterAsync<T>(Task after, string method, Func<CancellationToken, Task<T>> body, CancellationToken cancellationToken)
    {
        await after.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        logger.LogTrace("{Method} runs", method);
        return await body(cancellationToken).ConfigureAwait(false);
    }
}
