using System.Runtime.InteropServices;

namespace DualGauge.Cli.Infrastructure;

/// <summary>
/// SIGINT and SIGTERM for the whole CLI. The first one cancels the running command, which stops
/// scheduling work, writes what it has (bench: a partial report) and exits 130; a second one is left to
/// its default action and ends the process at once.
/// </summary>
internal sealed class CliInterrupt : IDisposable
{
    private readonly CancellationTokenSource cancellation = new();
    private readonly PosixSignalRegistration[] registrations;
    private int received;

    private CliInterrupt()
    {
        registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
        ];
    }

    /// <summary>The process's handler, once <see cref="Install"/> has run.</summary>
    public static CliInterrupt? Current { get; private set; }

    public CancellationToken Token => cancellation.Token;

    /// <summary>"SIGINT" or "SIGTERM" once one arrived.</summary>
    public string? Signal { get; private set; }

    public static CliInterrupt Install() => Current = new CliInterrupt();

    /// <summary>How a cancelled run is described, e.g. "cancelled by SIGTERM".</summary>
    public static string Describe() => Current?.Signal is { } signal ? $"cancelled by {signal}" : "cancelled";

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        cancellation.Dispose();
        if (Current == this)
        {
            Current = null;
        }
    }

    private void Handle(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref received) > 1)
        {
            return;
        }

        context.Cancel = true;
        Signal = context.Signal == PosixSignal.SIGINT ? "SIGINT" : "SIGTERM";
        Console.Error.WriteLine($"{Signal}: stopping; finished work is kept and written (send it again to quit at once)");
        cancellation.Cancel();
    }
}
