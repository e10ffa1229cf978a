using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using DualGauge.Core.Execution;
using Microsoft.Extensions.Logging;

namespace DualGauge.Sandbox;

/// <summary>
/// One started, locked-down container kept alive by <c>sleep infinity</c> until a single job is exec'd in it.
/// Disposal force-removes it (kill + remove), exactly once.
/// </summary>
internal sealed class SandboxContainer : IAsyncDisposable
{
    private static readonly TimeSpan KillTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan StreamCloseGrace = TimeSpan.FromSeconds(3);

    private readonly DockerClient client;
    private readonly Lock gate = new();
    private readonly ILogger logger;
    private int disposed;

    private SandboxContainer(DockerClient client, string id, ILogger logger)
    {
        this.client = client;
        Id = id;
        this.logger = logger;
    }

    public string Id { get; }

    public string ShortId => Id.Length > 12 ? Id[..12] : Id;

    /// <summary>Whether the container has already been handed to a job (containers are single use).</summary>
    public bool Used { get; private set; }

    public static async Task<SandboxContainer> StartAsync(
        DockerClient client, DockerSandboxOptions options, string image, Guid session, ILogger logger, CancellationToken cancellationToken)
    {
        // Not cancellable: a create request abandoned mid-flight still creates the container on the engine, where
        // nobody knows its id, so it outlives the session's clean-up (a cancelled bench run left one behind).
        var created = await client.Containers.CreateContainerAsync(CreateParameters(options, image, session), CancellationToken.None).ConfigureAwait(false);
        var container = new SandboxContainer(client, created.ID, logger);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            await client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await container.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        logger.LogDebug("Started sandbox container {ContainerId}", container.ShortId);
        return container;
    }

    internal static CreateContainerParameters CreateParameters(DockerSandboxOptions options, string image, Guid session)
    {
        var tmpfsMegabytes = Math.Max(1, options.TmpfsBytes / (1024 * 1024));
        return new CreateContainerParameters
        {
            Image = image,
            Cmd = ["sleep", "infinity"],
            User = "65534:65534",
            WorkingDir = "/tmp",
            Env = ["HOME=/tmp", "TMPDIR=/tmp", "LANG=C.UTF-8"],
            Labels = ContainerLabels.For(session),
            NetworkDisabled = true,
            AttachStdin = false,
            AttachStdout = false,
            AttachStderr = false,
            HostConfig = new HostConfig
            {
                NetworkMode = "none",
                ReadonlyRootfs = true,
                Tmpfs = new Dictionary<string, string>
                {
                    ["/tmp"] = $"rw,exec,nosuid,nodev,size={tmpfsMegabytes}m",
                },
                Memory = options.MemoryBytes,
                // Equal to Memory: no swap, so a memory hog is OOM-killed instead of thrashing.
                MemorySwap = options.MemoryBytes,
                PidsLimit = options.PidsLimit,
                NanoCPUs = (long)(options.Cpus * 1_000_000_000),
                CapDrop = ["ALL"],
                SecurityOpt = ["no-new-privileges"],
                // No IPC namespace sharing and no /dev/shm mount: a writable shm would be a second, uncapped scratch space.
                IpcMode = "none",
                AutoRemove = false,
                Privileged = false,
                RestartPolicy = new RestartPolicy { Name = RestartPolicyKind.No },
                Init = false,
            },
        };
    }

    /// <summary>Marks the container as taken; returns false when it was already taken (it must never serve two jobs).</summary>
    public bool TryTake()
    {
        lock (gate)
        {
            if (Used)
            {
                return false;
            }

            Used = true;
            return true;
        }
    }

    /// <summary>
    /// Runs <paramref name="command"/> in the container with <paramref name="stdin"/> on its stdin (then closed),
    /// collecting at most <paramref name="maxOutputBytes"/> of stdout+stderr within <paramref name="timeout"/>.
    /// Past either limit the container is killed (it is single use anyway).
    /// </summary>
    public async Task<SandboxRun> ExecAsync(
        IReadOnlyList<string> command, ReadOnlyMemory<byte> stdin, TimeSpan timeout, int maxOutputBytes, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var timeoutSource = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        var stop = StopReason.None;
        Task killing = Task.CompletedTask;
        MultiplexedStream? stream = null;

        void StopWith(StopReason reason)
        {
            lock (gate)
            {
                if (stop != StopReason.None)
                {
                    return;
                }

                stop = reason;
                killing = KillAsync();
                // Killing the container ends the output stream; should the engine not answer, closing the
                // stream ourselves still ends the read, so a stop never waits on the engine.
                _ = Task.Delay(StreamCloseGrace, CancellationToken.None).ContinueWith(_ => Volatile.Read(ref stream)?.Dispose(), TaskScheduler.Default);
            }
        }

        using var registration = linked.Token.Register(() =>
            StopWith(cancellationToken.IsCancellationRequested ? StopReason.Cancelled : StopReason.TimedOut));

        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        long total = 0;
        Exception? failure = null;
        string? execId = null;
        try
        {
            var exec = await client.Exec.CreateContainerExecAsync(Id, new ContainerExecCreateParameters
            {
                Cmd = command.ToList(),
                AttachStdin = true,
                AttachStdout = true,
                AttachStderr = true,
                TTY = false,
                User = "65534:65534",
                WorkingDir = "/tmp",
                Env = ["HOME=/tmp", "TMPDIR=/tmp", "LANG=C.UTF-8"],
            }, linked.Token).ConfigureAwait(false);
            execId = exec.ID;
            stream = await client.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters { Detach = false, TTY = false }, linked.Token)
                .ConfigureAwait(false);

            var writing = WriteStdinAsync(stream, stdin, linked.Token);
            var buffer = new byte[64 * 1024];
            while (true)
            {
                var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, linked.Token).ConfigureAwait(false);
                if (read.EOF)
                {
                    break;
                }

                var keep = (int)Math.Clamp(maxOutputBytes - total, 0, read.Count);
                (read.Target == MultiplexedStream.TargetStream.StandardError ? stderr : stdout).Write(buffer, 0, keep);
                total += read.Count;
                if (total > maxOutputBytes)
                {
                    StopWith(StopReason.OutputLimit);
                    break;
                }
            }

            await IgnoreFailureAsync(writing).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            failure = e;
        }
        finally
        {
            // From here on a late timer must not turn a finished run into a timeout.
            registration.Dispose();
            stream?.Dispose();
        }

        await killing.ConfigureAwait(false);
        if (stop == StopReason.Cancelled)
        {
            throw new OperationCanceledException("The sandbox run was cancelled; its container was killed.", failure, cancellationToken);
        }

        if (stop == StopReason.TimedOut)
        {
            return new SandboxRun(SandboxOutcome.TimedOut, null, Decode(stdout), Decode(stderr), clock.Elapsed,
                $"killed after the {timeout.TotalMilliseconds:0} ms wall-clock timeout");
        }

        if (stop == StopReason.OutputLimit)
        {
            return new SandboxRun(SandboxOutcome.OutputLimitExceeded, null, Decode(stdout), Decode(stderr), clock.Elapsed,
                $"killed: output exceeded the cap of {maxOutputBytes} bytes");
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }

        var (exitCode, oomKilled) = await ReadExitAsync(execId!, cancellationToken).ConfigureAwait(false);
        clock.Stop();
        // SandboxOutcome describes how the command itself ended: when it survived the OOM kill of one of its own
        // children (the harness isolates each test in a process), it completed, and its trace says what happened.
        if (oomKilled && exitCode is null or 137)
        {
            return new SandboxRun(SandboxOutcome.OutOfMemory, exitCode, Decode(stdout), Decode(stderr), clock.Elapsed,
                "killed by the kernel OOM killer (the container's memory limit was reached)");
        }

        return new SandboxRun(SandboxOutcome.Completed, exitCode, Decode(stdout), Decode(stderr), clock.Elapsed,
            oomKilled ? "a child process was killed by the kernel OOM killer (memory limit reached); the command itself finished" : null);
    }

    private static async Task WriteStdinAsync(MultiplexedStream stream, ReadOnlyMemory<byte> stdin, CancellationToken cancellationToken)
    {
        if (!stdin.IsEmpty)
        {
            var bytes = MemoryMarshal.TryGetArray(stdin, out var segment) && segment.Array is not null
                ? segment
                : new ArraySegment<byte>(stdin.ToArray());
            await stream.WriteAsync(bytes.Array!, bytes.Offset, bytes.Count, cancellationToken).ConfigureAwait(false);
        }

        stream.CloseWrite();
    }

    private static async Task IgnoreFailureAsync(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The process may exit (or be killed) before it reads all of stdin: a broken pipe is expected then.
        }
    }

    private async Task<(long? ExitCode, bool OomKilled)> ReadExitAsync(string execId, CancellationToken cancellationToken)
    {
        ContainerExecInspectResponse exec;
        var polls = 0;
        while (true)
        {
            exec = await client.Exec.InspectContainerExecAsync(execId, cancellationToken).ConfigureAwait(false);
            // The output stream can close a moment before the engine records the exit.
            if (!exec.Running || ++polls > 200)
            {
                break;
            }

            await Task.Delay(5, cancellationToken).ConfigureAwait(false);
        }

        var oom = await HadOomEventAsync(cancellationToken).ConfigureAwait(false);
        // SIGKILL (137) is what the OOM killer sends; the engine records the OOM event asynchronously,
        // so a process killed that way can exit a moment before the event is there.
        for (var retry = 0; !oom && exec.ExitCode == 137 && retry < 4; retry++)
        {
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            var container = await client.Containers.InspectContainerAsync(Id, cancellationToken).ConfigureAwait(false);
            oom = container.State?.OOMKilled == true || await HadOomEventAsync(cancellationToken).ConfigureAwait(false);
        }

        return (exec.ExitCode, oom);
    }

    /// <summary>
    /// Whether the kernel OOM killer struck inside this container. State.OOMKilled only covers the container's main
    /// process (here <c>sleep</c>), so the engine's "oom" events for the container are read; the container is
    /// single use, so any such event belongs to this job.
    /// </summary>
    private async Task<bool> HadOomEventAsync(CancellationToken cancellationToken)
    {
        var found = false;
        var now = DateTimeOffset.UtcNow;
        var parameters = new ContainerEventsParameters
        {
            Since = now.AddHours(-1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            // A past "until" makes the engine answer from its event log and close the stream at once.
            Until = (now.ToUnixTimeMilliseconds() / 1000.0).ToString("0.000", CultureInfo.InvariantCulture),
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["type"] = new Dictionary<string, bool> { ["container"] = true },
                ["container"] = new Dictionary<string, bool> { [Id] = true },
                ["event"] = new Dictionary<string, bool> { ["oom"] = true },
            },
        };
        await client.System.MonitorEventsAsync(parameters, new Progress(() => found = true), cancellationToken).ConfigureAwait(false);
        return found;
    }

    private sealed class Progress(Action onEvent) : IProgress<Message>
    {
        public void Report(Message value) => onEvent();
    }

    private static string Decode(MemoryStream stream) =>
        Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);

    private enum StopReason
    {
        None,
        TimedOut,
        OutputLimit,
        Cancelled,
    }

    public async Task KillAsync()
    {
        using var timeout = new CancellationTokenSource(KillTimeout);
        try
        {
            await client.Containers.KillContainerAsync(Id, new ContainerKillParameters { Signal = "SIGKILL" }, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"The Docker engine did not kill container {ShortId} within {KillTimeout.TotalSeconds:0} s.", e);
        }
        catch (DockerApiException e)
        {
            // 404/409: already gone or not running; the point (nothing runs any more) holds.
            logger.LogDebug("Kill of {ContainerId} answered {Status}", ShortId, e.StatusCode);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await client.Containers.RemoveContainerAsync(Id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, CancellationToken.None).ConfigureAwait(false);
            logger.LogDebug("Removed sandbox container {ContainerId}", ShortId);
        }
        catch (DockerContainerNotFoundException)
        {
        }
        catch (Exception e) when (e is DockerApiException or HttpRequestException or IOException or TimeoutException or System.Net.Sockets.SocketException)
        {
            // The next start's leftover cleanup removes it (labels carry this process's id).
            logger.LogWarning(e, "Could not remove sandbox container {ContainerId}", ShortId);
        }
    }
}
