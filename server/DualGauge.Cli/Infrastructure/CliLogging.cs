using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Extensions.Logging;

namespace DualGauge.Cli.Infrastructure;

/// <summary>Serilog to a file; the console is for results, not logs.</summary>
internal static class CliLogging
{
    public static ILoggerFactory Create(string? logFile)
    {
        var path = logFile ?? Path.Combine(Path.GetTempPath(), "dualgauge", "logs", "cli-.log");
        var logger = new LoggerConfiguration()
            .MinimumLevel.Debug()
            .WriteTo.File(path, rollingInterval: logFile is null ? RollingInterval.Day : RollingInterval.Infinite, retainedFileCountLimit: 7, shared: true)
            .CreateLogger();
        return new SerilogLoggerFactory(logger, dispose: true);
    }
}
