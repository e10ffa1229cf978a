using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using DualGauge.Core.Execution;
using DualGauge.Core.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualGauge.Sandbox;

/// <summary>
/// <see cref="ISandbox"/> on a Docker engine: every job runs in its own locked-down, single-use container taken from
/// a pool of pre-started ones. Safe to call from many threads at once.
/// </summary>
public sealed class DockerSandbox : ISandbox
{
    /// <summary>The harness entry inside the image.</summary>
    public const string HarnessRunPath = "/opt/dualgauge/harness/run";

    private const int MaxAttempts = 3;

    private readonly DockerClient client;
    private readonly ILogger logger;
    private readonly SemaphoreSlim startLock = new(1, 1);
    private readonly SemaphoreSlim imageLock = new(1, 1);
    private volatile ContainerPool? pool;
    private volatile string? imageTag;
    private int disposed;

    public DockerSandbox(DockerSandboxOptions options, ILoggerFactory? loggerFactory = null)
    {
        Options = options;
        logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<DockerSandbox>();
        Image = new SandboxImage(options.SandboxDirectory);
        client = CreateClient(options);
    }

    public DockerSandboxOptions Options { get; }

    /// <summary>Labels this instance's containers (<see cref="ContainerLabels.Session"/>).</summary>
    public Guid Session { get; } = Guid.NewGuid();

    public SandboxImage Image { get; }

    /// <summary>The image the containers run: the explicit one from the options, else the computed tag.</summary>
    public string ImageTag => Options.Image ?? Image.Tag;

    internal int ReadyContainers => pool?.ReadyCount ?? 0;

    internal static DockerClient CreateClient(DockerSandboxOptions options) =>
        new DockerClientBuilder()
            .WithEndpoint(options.Endpoint)
            // Exec output streams last as long as a job; the job's own timeout bounds them, not the HTTP client's.
            .WithTimeout(TimeSpan.FromMinutes(30))
            .Build();

    /// <summary>
    /// Connects, removes leftovers of dead DualGauge processes, makes sure the image exists (building it on first use)
    /// and starts filling the pool. Called by <see cref="RunAsync"/> when needed; idempotent.
    /// </summary>
    /// <exception cref="SandboxUnavailableException">The engine cannot be reached.</exception>
    /// <exception cref="SandboxImageException">The image is missing and cannot be built.</exception>
    public async Task StartAsync(IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        if (pool is not null)
        {
            return;
        }

        await startLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (pool is not null)
            {
                return;
            }

            // A missing image definition is an installation problem, not an engine one: let it surface as itself.
            _ = ImageTag;
            await Guard(async () =>
            {
                await client.System.PingAsync(cancellationToken).ConfigureAwait(false);
                await RemoveLeftoversAsync(cancellationToken).ConfigureAwait(false);
                await EnsureImageAsync(progress, cancellationToken).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);

            var started = new ContainerPool(client, Options, ImageTag, Session, logger);
            started.Start();
            pool = started;
            logger.LogInformation("Docker sandbox ready at {Endpoint} with image {Image} (pool of {PoolSize})", Options.Endpoint, ImageTag, Options.PoolSize);
        }
        finally
        {
            startLock.Release();
        }
    }

    /// <summary>Makes sure <see cref="ImageTag"/> exists; builds the computed tag with image/build.sh when it is missing.</summary>
    public async Task EnsureImageAsync(IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var tag = ImageTag;
        if (imageTag == tag)
        {
            return;
        }

        await imageLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (imageTag != tag)
            {
                await EnsureImageCoreAsync(tag, progress, cancellationToken).ConfigureAwait(false);
                imageTag = tag;
            }
        }
        finally
        {
            imageLock.Release();
        }
    }

    private async Task EnsureImageCoreAsync(string tag, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var exists = await Guard(() => SandboxImage.ExistsAsync(client, tag, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (!exists)
        {
            if (Options.Image is not null)
            {
                throw new SandboxImageException(
                    $"The sandbox image {tag} (set in the options) does not exist on the engine at {Options.Endpoint}. Build it with `bash {Image.BuildScript} --tag {tag}`, or unset the image setting to use the bundled {SandboxImage.Repository} image.");
            }

            await Image.BuildAsync(tag, Options.Endpoint, logger, progress, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<SandboxRun> RunAsync(SandboxJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return ExecuteAsync([HarnessRunPath, job.Language.Id()], job.Input, job.Timeout, job.MaxOutputBytes, cancellationToken);
    }

    /// <summary>
    /// Runs any command in a fresh sandbox container. The production path is <see cref="RunAsync"/>; tests use this
    /// to probe the isolation with arbitrary commands.
    /// </summary>
    internal async Task<SandboxRun> ExecuteAsync(
        IReadOnlyList<string> command, ReadOnlyMemory<byte> stdin, TimeSpan timeout, int maxOutputBytes, CancellationToken cancellationToken)
    {
        await StartAsync(null, cancellationToken).ConfigureAwait(false);
        var effectiveTimeout = timeout > TimeSpan.Zero ? timeout : Options.DefaultTimeout;
        var effectiveCap = maxOutputBytes > 0 ? maxOutputBytes : Options.DefaultMaxOutputBytes;
        for (var attempt = 1; ; attempt++)
        {
            SandboxContainer container;
            try
            {
                container = await Guard(() => pool!.TakeAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
            }
            catch (DockerApiException e) when (attempt < MaxAttempts && e.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                // The image went away after start (e.g. an image prune): make sure it exists again, rebuilding the
                // computed tag or failing with a clear message for an explicit one.
                logger.LogWarning("Sandbox image {Image} could not be used ({Message}); ensuring it again", ImageTag, e.Message);
                imageTag = null;
                await EnsureImageAsync(null, cancellationToken).ConfigureAwait(false);
                continue;
            }

            try
            {
                logger.LogDebug("Running {Command} in {ContainerId}", string.Join(' ', command), container.ShortId);
                return await Guard(() => container.ExecAsync(command, stdin, effectiveTimeout, effectiveCap, cancellationToken), cancellationToken).ConfigureAwait(false);
            }
            catch (DockerApiException e) when (attempt < MaxAttempts && e.StatusCode is System.Net.HttpStatusCode.Conflict or System.Net.HttpStatusCode.NotFound)
            {
                // A pooled container can die while idle (engine restart): nothing of the job ran, take another.
                logger.LogInformation("Sandbox container {ContainerId} was not usable ({Status}); retrying with another", container.ShortId, e.StatusCode);
            }
            finally
            {
                pool!.Retire(container);
            }
        }
    }

    public async Task<SandboxStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        VersionResponse version;
        try
        {
            version = await client.System.GetVersionAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (DockerErrors.IsUnreachable(e) || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var (description, fix) = DockerErrors.Describe(Options, e);
            return new SandboxStatus(false, description, fix);
        }

        var engine = $"Docker {version.Version} (API {version.APIVersion}) at {Options.Endpoint}";
        string tag;
        try
        {
            tag = ImageTag;
        }
        catch (IOException e)
        {
            return new SandboxStatus(false, $"{engine}; {e.Message}", "Reinstall DualGauge: the sandbox folder ships beside its binaries.");
        }

        bool exists;
        try
        {
            exists = await SandboxImage.ExistsAsync(client, tag, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (DockerErrors.IsUnreachable(e))
        {
            var (description, fix) = DockerErrors.Describe(Options, e);
            return new SandboxStatus(false, description, fix);
        }

        if (exists)
        {
            return new SandboxStatus(true, $"{engine}; image {tag} present; {ReadyContainers} warm container(s).");
        }

        if (Options.Image is not null)
        {
            return new SandboxStatus(false, $"{engine}; image {tag} (set in the options) does not exist.",
                $"Build it with `bash {Image.BuildScript} --tag {tag}`, or unset the image setting.");
        }

        return File.Exists(Image.BuildScript)
            ? new SandboxStatus(true, $"{engine}; image {tag} is built on first use (about a minute).")
            : new SandboxStatus(false, $"{engine}; image {tag} is missing and {Image.BuildScript} does not exist.", "Reinstall DualGauge: the sandbox folder ships beside its binaries.");
    }

    /// <summary>
    /// Removes DualGauge containers of this host whose owning process (label <see cref="ContainerLabels.Pid"/>) is no
    /// longer alive: leftovers of a killed run. Containers of live DualGauge processes are kept.
    /// </summary>
    /// <returns>How many containers were removed.</returns>
    public async Task<int> RemoveLeftoversAsync(CancellationToken cancellationToken = default)
    {
        var leftovers = await ListAsync(client, cancellationToken, (ContainerLabels.Host, ContainerLabels.HostName)).ConfigureAwait(false);
        var dead = leftovers.Where(c => !IsOwnerAlive(c)).ToList();
        await RemoveAsync(client, dead, logger).ConfigureAwait(false);
        if (dead.Count > 0)
        {
            logger.LogInformation("Removed {Count} leftover sandbox container(s) of finished DualGauge processes", dead.Count);
        }

        return dead.Count;
    }

    /// <summary>Removes every DualGauge container on the engine, whoever started it (for <c>dualgauge sandbox clean</c>).</summary>
    /// <returns>How many containers were removed.</returns>
    public static async Task<int> RemoveAllContainersAsync(DockerSandboxOptions options, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        using var client = CreateClient(options);
        try
        {
            var all = await ListAsync(client, cancellationToken).ConfigureAwait(false);
            await RemoveAsync(client, all, logger ?? NullLogger.Instance).ConfigureAwait(false);
            return all.Count;
        }
        catch (Exception e) when (DockerErrors.IsUnreachable(e))
        {
            throw DockerErrors.Unavailable(options, e);
        }
    }

    private static bool IsOwnerAlive(ContainerListResponse container)
    {
        if (container.Labels is null || !container.Labels.TryGetValue(ContainerLabels.Pid, out var text)
            || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }

        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static async Task<IList<ContainerListResponse>> ListAsync(DockerClient client, CancellationToken cancellationToken, params (string Key, string Value)[] labels)
    {
        var labelFilter = new Dictionary<string, bool> { [$"{ContainerLabels.Managed}=true"] = true };
        foreach (var (key, value) in labels)
        {
            labelFilter[$"{key}={value}"] = true;
        }

        return await client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = labelFilter },
        }, cancellationToken).ConfigureAwait(false);
    }

    private static async Task RemoveAsync(DockerClient client, IEnumerable<ContainerListResponse> containers, ILogger logger)
    {
        await Task.WhenAll(containers.Select(async c =>
        {
            try
            {
                await client.Containers.RemoveContainerAsync(c.ID, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, CancellationToken.None).ConfigureAwait(false);
            }
            catch (DockerContainerNotFoundException)
            {
            }
            catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.Conflict)
            {
                // Removal already in progress (another cleaner got there first).
                logger.LogDebug("Removal of {ContainerId} already in progress", c.ID);
            }
        })).ConfigureAwait(false);
    }

    /// <summary>
    /// Maps an unreachable engine to <see cref="SandboxUnavailableException"/>. A failure caused by our own
    /// cancellation is not the engine's: an aborted HTTP request surfaces as an IOException, which would
    /// otherwise read as "Docker is unreachable" (a cancelled bench run exited 3 instead of 130).
    /// </summary>
    private async Task Guard(Func<Task> action, CancellationToken cancellationToken)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
        {
            throw new OperationCanceledException("The sandbox operation was cancelled.", e, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && DockerErrors.IsUnreachable(e))
        {
            throw DockerErrors.Unavailable(Options, e);
        }
    }

    private async Task<T> Guard<T>(Func<Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
        {
            throw new OperationCanceledException("The sandbox operation was cancelled.", e, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && DockerErrors.IsUnreachable(e))
        {
            throw DockerErrors.Unavailable(Options, e);
        }
    }

    /// <summary>Stops the pool and removes every container of this session.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        try
        {
            if (pool is not null)
            {
                await pool.DisposeAsync().ConfigureAwait(false);
            }

            // A safety net for containers whose removal failed or raced with the pool's shutdown.
            var mine = await ListAsync(client, CancellationToken.None, (ContainerLabels.Session, Session.ToString("D"))).ConfigureAwait(false);
            await RemoveAsync(client, mine, logger).ConfigureAwait(false);
        }
        catch (Exception e) when (DockerErrors.IsUnreachable(e))
        {
            logger.LogWarning("Could not remove this session's sandbox containers: {Reason}. The next start removes them.", e.Message);
        }
        finally
        {
            client.Dispose();
            startLock.Dispose();
            imageLock.Dispose();
        }
    }
}
