using DualGauge.Core.Tasks;

namespace DualGauge.Core.Execution;

/// <summary>
/// Runs one harness job in isolation. Implementations must give every job a fresh environment
/// (no state shared between two jobs), no network, and enforce <see cref="SandboxJob.Timeout"/>
/// and <see cref="SandboxJob.MaxOutputBytes"/>.
/// </summary>
public interface ISandbox : IAsyncDisposable
{
    /// <summary>Runs the harness of <see cref="SandboxJob.Language"/> with <see cref="SandboxJob.Input"/> on its stdin.</summary>
    /// <exception cref="SandboxUnavailableException">The sandbox backend (e.g. the Docker engine) cannot be reached.</exception>
    Task<SandboxRun> RunAsync(SandboxJob job, CancellationToken cancellationToken);

    /// <summary>Checks that the backend is reachable and ready; returns a human-readable status.</summary>
    Task<SandboxStatus> GetStatusAsync(CancellationToken cancellationToken);
}

/// <summary>A harness invocation: which language's harness, and the job document for its stdin.</summary>
/// <param name="Input">The UTF-8 JSON job document (see <see cref="HarnessJob"/>).</param>
/// <param name="Timeout">Wall-clock limit for the whole job; past it the job is killed.</param>
/// <param name="MaxOutputBytes">Cap on captured stdout+stderr; past it the job is killed.</param>
public sealed record SandboxJob(Language Language, ReadOnlyMemory<byte> Input, TimeSpan Timeout, int MaxOutputBytes);

/// <summary>How a sandbox run ended.</summary>
public enum SandboxOutcome
{
    /// <summary>The harness exited by itself (whatever its exit code).</summary>
    Completed,
    TimedOut,
    OutputLimitExceeded,
    OutOfMemory,
}

/// <param name="Stdout">The harness stdout (the JSON-lines trace), up to the output cap.</param>
/// <param name="Stderr">The harness stderr, up to the output cap.</param>
public sealed record SandboxRun(
    SandboxOutcome Outcome,
    long? ExitCode,
    string Stdout,
    string Stderr,
    TimeSpan Duration,
    string? Detail = null);

public sealed record SandboxStatus(bool Ready, string Description, string? Fix = null);

/// <summary>The sandbox backend cannot be reached. The message says which endpoint was tried and how to fix it.</summary>
public sealed class SandboxUnavailableException : Exception
{
    public SandboxUnavailableException(string message, Exception? inner = null) : base(message, inner) { }
}
