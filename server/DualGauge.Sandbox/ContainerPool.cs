using System.Collections.Concurrent;
using Docker.DotNet;
using Microsoft.Extensions.Logging;

namespace DualGauge.Sandbox;

/// <summary>
/// Keeps <see cref="DockerSandboxOptions.PoolSize"/> started, unused containers ready so a job only pays for an exec.
/// Every container serves one job and is then removed in the background; the pool refills itself, and keeps
/// retrying (with back-off) while the engine is unreachable.
/// </summary>
internal sealed class ContainerPool : IAsyncDisposable
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    private readonly DockerClient client;
    private readonly DockerSandboxOptions options;
    private readonly string image;
    private readonly Guid session;
    private readonly ILogger logger;
    private readonly ConcurrentQueue<SandboxContainer> ready = new();
    private readonly ConcurrentDictionary<Task, byte> removals = new();
    private readonly SemaphoreSlim wake = new(0);
    private readonly CancellationTokenSource stopping = new();
    private Task filling = Task.CompletedTask;
    private int disposed;

    public ContainerPool(DockerClient client, DockerSandboxOptions options, string image, Guid session, ILogger logger)
    {
        this.client = client;
        this.options = options;
        this.image = image;
        this.session = session;
        this.logger = logger;
    }

    public int ReadyCount => ready.Count;

    public void Start()
    {
        if (options.PoolSize > 0)
        {
            filling = Task.Run(FillLoopAsync);
        }
    }

    /// <summary>Takes a ready container, or starts one when the pool is empty.</summary>
    public async Task<SandboxContainer> TakeAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        while (ready.TryDequeue(out var pooled))
        {
            if (pooled.TryTake())
            {
                // No refill yet: starting a container costs the engine and the CPU about as much as the job
                // itself, so the pool refills when the job is retired rather than while it runs.
                return pooled;
            }
        }

        Wake();
        var fresh = await SandboxContainer.StartAsync(client, options, image, session, logger, cancellationToken).ConfigureAwait(false);
        fresh.TryTake();
        return fresh;
    }

    /// <summary>Removes a used container in the background (never reused) and lets the pool refill.</summary>
    public void Retire(SandboxContainer container)
    {
        var removal = container.DisposeAsync().AsTask();
        removals.TryAdd(removal, 0);
        _ = removal.ContinueWith(t => removals.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        Wake();
    }

    private void Wake()
    {
        if (wake.CurrentCount == 0)
        {
            wake.Release();
        }
    }

    private async Task FillLoopAsync()
    {
        var token = stopping.Token;
        var backoff = TimeSpan.FromMilliseconds(500);
        var reportedDown = false;
        while (!token.IsCancellationRequested)
        {
            if (ready.Count >= options.PoolSize)
            {
                try
                {
                    // The periodic wake-up is a safety net; Take and Retire wake the loop at once.
                    await wake.WaitAsync(TimeSpan.FromSeconds(5), token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            try
            {
                var container = await SandboxContainer.StartAsync(client, options, image, session, logger, token).ConfigureAwait(false);
                if (token.IsCancellationRequested)
                {
                    await container.DisposeAsync().ConfigureAwait(false);
                    return;
                }

                ready.Enqueue(container);
                backoff = TimeSpan.FromMilliseconds(500);
                if (reportedDown)
                {
                    logger.LogInformation("Docker engine reachable again at {Endpoint}; refilling the sandbox pool", options.Endpoint);
                    reportedDown = false;
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                if (!reportedDown)
                {
                    logger.LogWarning(e, "Could not start a pooled sandbox container ({Reason}); retrying with back-off",
                        DockerErrors.IsUnreachable(e) ? "engine unreachable" : e.Message);
                    reportedDown = true;
                }

                try
                {
                    await Task.Delay(backoff, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        await filling.ConfigureAwait(false);
        var pending = new List<Task>(removals.Keys);
        while (ready.TryDequeue(out var container))
        {
            pending.Add(container.DisposeAsync().AsTask());
        }

        await Task.WhenAll(pending).ConfigureAwait(false);
        stopping.Dispose();
        wake.Dispose();
    }
}
