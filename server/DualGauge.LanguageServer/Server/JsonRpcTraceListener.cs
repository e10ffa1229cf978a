using System.Diagnostics;
using Microsoft.Extensions.Logging;
using StreamJsonRpc;

namespace DualGauge.LanguageServer.Server;

/// <summary>StreamJsonRpc reports dropped messages and handler failures through a TraceSource; route them to the server log.</summary>
internal sealed class JsonRpcTraceListener(Microsoft.Extensions.Logging.ILogger logger) : TraceListener
{
    public override void TraceEvent(TraceEventCache? eventCache, string source, TraceEventType eventType, int id, string? message)
    {
        // A LocalRpcException is how handlers answer with an error on purpose: not worth a warning.
        var expected = id is (int)JsonRpc.TraceEvents.LocalInvocationError or (int)JsonRpc.TraceEvents.ExceptionNotSerializable
            && message?.Contains(nameof(LocalRpcException), StringComparison.Ordinal) == true;
        var level = expected ? LogLevel.Debug : eventType switch
        {
            TraceEventType.Critical or TraceEventType.Error => LogLevel.Error,
            TraceEventType.Warning => LogLevel.Warning,
            TraceEventType.Information => LogLevel.Debug,
            _ => LogLevel.Trace,
        };
        logger.Log(level, "JSON-RPC: {Message}", message);
    }

    public override void TraceEvent(TraceEventCache? eventCache, string source, TraceEventType eventType, int id, string? format, params object?[]? args) =>
        TraceEvent(eventCache, source, eventType, id, args is { Length: > 0 } && format is not null ? string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args) : format);

    public override void Write(string? message) => logger.LogDebug("JSON-RPC: {Message}", message);

    public override void WriteLine(string? message) => logger.LogDebug("JSON-RPC: {Message}", message);
}
