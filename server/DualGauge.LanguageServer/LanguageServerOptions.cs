using DualGauge.LanguageServer.Evaluation;
using Serilog.Core;

namespace DualGauge.LanguageServer;

/// <summary>How to run a server: the two streams (stdio in production, in-memory pipes in tests) and the seams tests replace.</summary>
public sealed record LanguageServerOptions
{
    /// <summary>What the client writes (stdin).</summary>
    public required Stream Input { get; init; }

    /// <summary>Where the server writes (stdout).</summary>
    public required Stream Output { get; init; }

    /// <summary>Builds the snippet evaluator; null uses the Docker sandbox.</summary>
    public IEvaluatorFactory? EvaluatorFactory { get; init; }

    /// <summary>How often evaluations that failed because Docker was unreachable are retried.</summary>
    public TimeSpan SandboxRetryInterval { get; init; } = TimeSpan.FromSeconds(15);

    public int MaxPendingEvaluations { get; init; } = 16;

    /// <summary>After an insecure evaluation, try the deterministic quick fixes in the sandbox so verified ones can be offered.</summary>
    public bool VerifyQuickFixes { get; init; } = true;

    /// <summary>Coalesces diagnostics re-publication during fast typing.</summary>
    public TimeSpan PublishDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Reads the server's environment (the model API key and endpoint); tests pass their own.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>
    /// The largest message body accepted from the client (default 64 MiB). A bigger one is refused, logged, and
    /// skipped without being kept in memory; the connection stays open.
    /// </summary>
    public long MaxFrameBytes { get; init; } = Framing.FrameValidator.DefaultMaxFrameBytes;

    /// <summary>An extra log sink (tests forward the server log to their output).</summary>
    public ILogEventSink? LogSink { get; init; }
}
