using DualGauge.Core.Execution;
using DualGauge.Snippets;
using DualGauge.LanguageServer.Server;
using DualGauge.LanguageServer.Settings;
using DualGauge.Protocol;
using DualGauge.Protocol.Window;
using DualGauge.Protocol.Custom;
using Microsoft.Extensions.Logging;

namespace DualGauge.LanguageServer.Evaluation;

/// <summary>The evaluation was dropped from a full queue to make room for newer work.</summary>
internal sealed class EvaluationDroppedException(string message) : OperationCanceledException(message);

/// <summary>
/// Runs evaluations one at a time in the background (each one is a sandbox run). The queue is
/// bounded: when it is full the oldest pending evaluation is dropped, since newer edits make it
/// less relevant. It owns the status the client shows (ready / evaluating N / dockerUnavailable).
/// </summary>
internal sealed class EvaluationQueue : IAsyncDisposable
{
    public const string DockerFix =
        "Start the Docker engine (for example `sudo systemctl start docker`) or set `dualgauge.dockerHost` to a reachable engine. DualGauge retries on its own and recovers when Docker is back.";

    private readonly LinkedList<Job> pending = new();
    private readonly object gate = new();
    private readonly SemaphoreSlim signal = new(0);
    private readonly CancellationTokenSource stopping = new();
    private readonly EvaluatorProvider evaluators;
    private readonly StatusReporter status;
    private readonly ProgressReporter progress;
    private readonly SettingsService settings;
    private readonly ILogger<EvaluationQueue> logger;
    private readonly ILanguageClient client;
    private readonly int capacity;
    private Task? worker;
    private int running;
    private SandboxUnavailableException? sandboxDown;
    private int disposed;

    public EvaluationQueue(EvaluatorProvider evaluators, StatusReporter status, ProgressReporter progress, SettingsService settings, LanguageServerOptions options, ILanguageClient client, ILogger<EvaluationQueue> logger)
    {
        this.client = client;
        this.evaluators = evaluators;
        this.status = status;
        this.progress = progress;
        this.settings = settings;
        this.logger = logger;
        capacity = Math.Max(1, options.MaxPendingEvaluations);
    }

    public bool SandboxUnavailable => sandboxDown is not null;

    public int Pending
    {
        get
        {
            lock (gate)
            {
                return pending.Count + running;
            }
        }
    }

    /// <summary>Queues one evaluation.</summary>
    /// <exception cref="SandboxUnavailableException">Docker cannot be reached (status already reported).</exception>
    /// <exception cref="OperationCanceledException">Cancelled, superseded, or dropped from a full queue.</exception>
    public Task<SnippetEvaluation> RunAsync(Snippet snippet, string label, CancellationToken cancellationToken)
    {
        var job = new Job(snippet, label, cancellationToken);
        Job? dropped = null;
        lock (gate)
        {
            if (Volatile.Read(ref disposed) != 0)
            {
                // After shutdown nothing runs any more; say so instead of leaving the caller waiting.
                return Task.FromCanceled<SnippetEvaluation>(new CancellationToken(canceled: true));
            }

            worker ??= Task.Run(WorkAsync);
            if (pending.Count >= capacity)
            {
                dropped = pending.First!.Value;
                pending.RemoveFirst();
            }

            pending.AddLast(job);
        }

        if (dropped is not null)
        {
            logger.LogWarning("Evaluation queue full ({Capacity}): dropped the oldest pending evaluation, {Label}", capacity, dropped.Label);
            dropped.Completion.TrySetException(new EvaluationDroppedException($"dropped from the full evaluation queue: {dropped.Label}"));
        }

        job.CancellationRegistration = cancellationToken.Register(() =>
        {
            bool removed;
            lock (gate)
            {
                removed = pending.Remove(job);
            }

            if (removed)
            {
                job.Completion.TrySetCanceled(cancellationToken);
                _ = ReportStatusAsync();
            }
        });
        signal.Release();
        _ = ReportStatusAsync();
        return job.Completion.Task;
    }

    public Task ReportStatusAsync()
    {
        int count;
        lock (gate)
        {
            count = pending.Count + running;
        }

        var down = sandboxDown;
        if (count > 0)
        {
            return status.ReportAsync(new StatusParams(ServerStates.Evaluating, count, count == 1 ? "Evaluating 1 snippet" : $"Evaluating {count} snippets"));
        }

        return down is not null
            ? status.ReportAsync(new StatusParams(ServerStates.DockerUnavailable, 0, down.Message, DockerFix))
            : status.ReportAsync(new StatusParams(ServerStates.Ready, 0, "Ready"));
    }

    public async ValueTask DisposeAsync()
    {
        // Shutdown, the host's stop path and the container all dispose the queue.
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        List<Job> left;
        lock (gate)
        {
            left = [.. pending];
            pending.Clear();
        }

        foreach (var job in left)
        {
            job.Completion.TrySetCanceled();
        }

        if (worker is not null)
        {
            try
            {
                await worker.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

    }

    private async Task WorkAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            await signal.WaitAsync(stopping.Token).ConfigureAwait(false);
            Job? job;
            lock (gate)
            {
                if (pending.First is not { } first)
                {
                    continue;
                }

                job = first.Value;
                pending.RemoveFirst();
                running = 1;
            }

            await job.CancellationRegistration.DisposeAsync().ConfigureAwait(false);
            try
            {
                if (job.CancellationToken.IsCancellationRequested)
                {
                    job.Completion.TrySetCanceled(job.CancellationToken);
                    continue;
                }

                await ReportStatusAsync().ConfigureAwait(false);
                await RunOneAsync(job).ConfigureAwait(false);
            }
            finally
            {
                lock (gate)
                {
                    running = 0;
                }

                await ReportStatusAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task RunOneAsync(Job job)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(job.CancellationToken, stopping.Token);

        // The evaluator enforces the per-run limit; this guard only catches an evaluator that hangs.
        var guard = TimeSpan.FromMilliseconds(settings.Current.TimeoutMs * 3L + 30_000);
        linked.CancelAfter(guard);
        var started = DateTimeOffset.UtcNow;
        await using var report = await progress.BeginAsync("DualGauge", $"Evaluating {job.Label}", linked.Token).ConfigureAwait(false);
        try
        {
            var evaluation = await evaluators.Get().EvaluateAsync(job.Snippet, linked.Token).ConfigureAwait(false);
            if (sandboxDown is not null)
            {
                logger.LogInformation("The sandbox is reachable again");
            }

            sandboxDown = null;
            logger.LogInformation("Evaluated {Label} in {Ms:0} ms: {Match} {Template}", job.Label, (DateTimeOffset.UtcNow - started).TotalMilliseconds, evaluation.Match.Kind, evaluation.Match.TemplateId);
            job.Completion.TrySetResult(evaluation);
        }
        catch (SandboxUnavailableException ex)
        {
            var wasUp = sandboxDown is null;
            sandboxDown = ex;
            if (wasUp)
            {
                // Once per outage, for clients that do not render dualgauge/status.
                await client.NotifyAsync(Methods.WindowShowMessage, new ShowMessageParams(MessageType.Warning, $"DualGauge cannot evaluate: {ex.Message} {DockerFix}")).ConfigureAwait(false);
            }

            logger.LogWarning("The sandbox is unavailable while evaluating {Label}: {Message}", job.Label, ex.Message);
            job.Completion.TrySetException(ex);
        }
        catch (OperationCanceledException) when (job.CancellationToken.IsCancellationRequested || stopping.IsCancellationRequested)
        {
            job.Completion.TrySetCanceled(job.CancellationToken);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            job.Completion.TrySetException(new TimeoutException($"the evaluation of {job.Label} did not finish within {guard.TotalSeconds:0} s"));
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Evaluating {Label} failed", job.Label);
            job.Completion.TrySetException(ex);
        }
    }

    private sealed class Job(Snippet snippet, string label, CancellationToken cancellationToken)
    {
        public Snippet Snippet { get; } = snippet;

        public string Label { get; } = label;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public TaskCompletionSource<SnippetEvaluation> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration CancellationRegistration { get; set; }
    }
}
