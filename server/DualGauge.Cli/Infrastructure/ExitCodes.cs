namespace DualGauge.Cli.Infrastructure;

/// <summary>Process exit codes, documented in the README.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>A quality gate (--min-functional/--min-secure/--min-joint) failed, or validation found problems.</summary>
    public const int GateFailed = 1;
    /// <summary>Bad input: unknown task, missing file, malformed options, a sample file that could not be read (bench still reports the rest).</summary>
    public const int BadInput = 2;
    /// <summary>The sandbox (Docker) could not be reached or the image could not be built.</summary>
    public const int SandboxUnavailable = 3;
    /// <summary>The run was cancelled (SIGINT/Ctrl+C or SIGTERM); bench wrote partial reports.</summary>
    public const int Cancelled = 130;
}
