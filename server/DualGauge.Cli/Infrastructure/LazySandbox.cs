using DualGauge.Core.Execution;
using DualGauge.Sandbox;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace DualGauge.Cli.Infrastructure;

/// <summary>
/// A Docker sandbox that connects and starts its pool on the first job, so a run served entirely from a cache never
/// touches Docker. Counts the jobs it ran.
/// </summary>
internal sealed class LazySandbox : ISandbox
{
    private readonly DockerSandbox sandbox;
    private readonly SemaphoreSlim startGate = new(1, 1);
    private volatile bool started;
    private int jobs;

    /// <exception cref="SandboxUnavailableException">The options are invalid (e.g. a malformed --docker-host).</exception>
    public LazySandbox(string? dockerHost, string? image, int parallelism, ILoggerFactory logging)
    {
        DockerSandboxOptions options;
        try
        {
            options = DockerSandboxOptions.CreateBuilder().WithEndpoint(dockerHost).WithImage(image).WithPoolSize(Math.Clamp(parallelism, 1, 16)).Build();
        }
        catch (ArgumentException ex)
        {
            throw new SandboxUnavailableException(ex.Message, ex);
        }

        sandbox = new DockerSandbox(options, logging);
    }

    /// <summary>The image tag jobs run in (computed from the image definition; no Docker needed).</summary>
    public string ImageTag => sandbox.ImageTag;

    public int Jobs => Volatile.Read(ref jobs);

    public async Task<SandboxRun> RunAsync(SandboxJob job, CancellationToken cancellationToken)
    {
        await EnsureStartedAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref jobs);
        return await sandbox.RunAsync(job, cancellationToken).ConfigureAwait(false);
    }

    public Task<SandboxStatus> GetStatusAsync(CancellationToken cancellationToken) => sandbox.GetStatusAsync(cancellationToken);

    private async Task EnsureStartedAsync(CancellationToken cancellationToken)
    {
        if (started)
        {
            return;
        }

        await startGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!started)
            {
                try
                {
                    await sandbox.StartAsync(new Progress<string>(line => AnsiConsole.MarkupLineInterpolated($"[grey]{line}[/]")), cancellationToken).ConfigureAwait(false);
                }
                catch (SandboxImageException ex)
                {
                    throw new SandboxUnavailableException(ex.Message, ex);
                }

                started = true;
            }
        }
        finally
        {
            startGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await sandbox.DisposeAsync().ConfigureAwait(false);
        startGate.Dispose();
    }
}
