using DualGauge.LanguageServer.Server;
using DualGauge.Protocol;
using DualGauge.Protocol.Window;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace DualGauge.LanguageServer.Logging;

/// <summary>
/// The server logs to a file (a temp folder until <c>initialize</c> names the storage folder) and to
/// the client through <c>window/logMessage</c>. Never to stdout: that is the protocol channel.
/// </summary>
internal sealed class ServerLogging : IDisposable
{
    private readonly SwitchableFileSink fileSink;

    public ServerLogging(ILogEventSink? extraSink)
    {
        fileSink = new SwitchableFileSink(Path.Combine(Path.GetTempPath(), "dualgauge", "logs", $"server-{Environment.ProcessId}.log"));
        ClientSink = new LanguageClientLogSink();
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Debug()
            .Enrich.FromLogContext()
            .WriteTo.Sink(fileSink)
            .WriteTo.Sink(ClientSink, LogEventLevel.Information);
        if (extraSink is not null)
        {
            configuration = configuration.WriteTo.Sink(extraSink);
        }

        Logger = configuration.CreateLogger();
    }

    public Logger Logger { get; }

    public LanguageClientLogSink ClientSink { get; }

    public string LogFilePath => fileSink.Path;

    /// <summary>Moves the log file into the storage folder the client gave.</summary>
    public void UseStorageFolder(string storagePath) =>
        fileSink.SwitchTo(System.IO.Path.Combine(storagePath, "logs", $"server-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.log"));

    public void Dispose()
    {
        Logger.Dispose();
        fileSink.Dispose();
    }
}

internal sealed class SwitchableFileSink : ILogEventSink, IDisposable
{
    private readonly object gate = new();
    private Logger inner;

    public SwitchableFileSink(string path)
    {
        Path = path;
        inner = Create(path);
    }

    public string Path { get; private set; }

    public void SwitchTo(string path)
    {
        lock (gate)
        {
            inner.Dispose();
            Path = path;
            inner = Create(path);
        }
    }

    public void Emit(LogEvent logEvent)
    {
        lock (gate)
        {
            inner.Write(logEvent);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            inner.Dispose();
        }
    }

    private static Logger Create(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        return new LoggerConfiguration()
            .MinimumLevel.Verbose()
            .WriteTo.File(path, outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}", shared: true, flushToDiskInterval: TimeSpan.FromSeconds(1))
            .CreateLogger();
    }
}

/// <summary>Forwards log events to the client as <c>window/logMessage</c>.</summary>
internal sealed class LanguageClientLogSink : ILogEventSink
{
    // Literal rendering: strings without the quotes Serilog's default rendering adds.
    private static readonly MessageTemplateTextFormatter Formatter = new("{Message:lj}{NewLine}{Exception}");

    [ThreadStatic]
    private static bool emitting;

    private ILanguageClient? client;

    public void Attach(ILanguageClient languageClient) => client = languageClient;

    public void Emit(LogEvent logEvent)
    {
        // Sending can itself log (a broken connection); never recurse.
        if (client is null || emitting)
        {
            return;
        }

        emitting = true;
        try
        {
            var type = logEvent.Level switch
            {
                LogEventLevel.Fatal or LogEventLevel.Error => MessageType.Error,
                LogEventLevel.Warning => MessageType.Warning,
                LogEventLevel.Information => MessageType.Info,
                _ => MessageType.Log,
            };
            using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            Formatter.Format(logEvent, writer);
            var message = writer.ToString().TrimEnd();

            _ = client.NotifyAsync(Methods.WindowLogMessage, new LogMessageParams(type, message));
        }
        finally
        {
            emitting = false;
        }
    }
}
