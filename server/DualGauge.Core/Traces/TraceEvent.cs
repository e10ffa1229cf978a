using System.Text.Json;

namespace DualGauge.Core.Traces;

/// <summary>Event kinds a harness writes (one JSON object per line, field <c>ev</c>).</summary>
public static class TraceEventKinds
{
    public const string Harness = "harness";
    public const string Load = "load";
    public const string TestStart = "test_start";
    public const string Call = "call";
    public const string Process = "process";
    public const string File = "file";
    public const string Socket = "socket";
    public const string Sql = "sql";
    public const string Code = "code";
    public const string Deserialize = "deserialize";
    public const string Native = "native";
    public const string Sanitizer = "sanitizer";
    public const string Output = "output";
    public const string Limit = "limit";
    /// <summary>A sign that the sample interfered with the harness (the supervisor's own record).</summary>
    public const string Tamper = "tamper";
    public const string TestEnd = "test_end";
    public const string End = "end";

    /// <summary>Event kinds recorded by the security monitors.</summary>
    public static readonly IReadOnlySet<string> Monitored = new HashSet<string>(StringComparer.Ordinal)
    {
        Process, File, Socket, Sql, Code, Deserialize, Native, Sanitizer,
    };
}

/// <summary>One line of a trace.</summary>
/// <param name="Kind">The <c>ev</c> field.</param>
/// <param name="Test">The test the event belongs to (<c>test</c> field), or null for job-level events.</param>
/// <param name="Data">The whole JSON object.</param>
/// <param name="Line">1-based line number in the raw trace.</param>
public sealed record TraceEvent(string Kind, string? Test, JsonElement Data, int Line)
{
    public string? String(string property) =>
        Data.TryGetProperty(property, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => value.GetRawText(),
        } : null;

    public bool? Bool(string property) =>
        Data.TryGetProperty(property, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;

    public double? Number(string property) =>
        Data.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    public IReadOnlyList<string> Strings(string property)
    {
        if (!Data.TryGetProperty(property, out var value) || value.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() ?? "" : e.GetRawText()).ToList();
    }

    /// <summary>A one-line human description of the event, used as evidence in reports and diagnostics.</summary>
    public string Describe() => Kind switch
    {
        TraceEventKinds.Process => $"spawned process {String("command") ?? string.Join(' ', Strings("argv"))}" + (Bool("shell") == true ? " (through a shell)" : "") + Via(),
        TraceEventKinds.File => $"opened file {String("path")} (mode {String("mode") ?? "?"})" + Via(),
        TraceEventKinds.Socket => $"connected to {String("address")}" + Via(),
        TraceEventKinds.Sql => $"executed SQL: {String("statement")}",
        TraceEventKinds.Code => $"evaluated code from a string{Via()}: {Truncate(String("code"), 200)}",
        TraceEventKinds.Deserialize => $"deserialized {String("detail")}" + Via(),
        TraceEventKinds.Native => $"loaded native code {String("detail")}" + Via(),
        TraceEventKinds.Sanitizer => $"{String("tool")}: {String("kind")}" + (String("location") is { } loc ? $" at {loc}" : ""),
        TraceEventKinds.Call => $"called {String("function")}({string.Join(", ", Strings("args"))})" + (String("result") is { } r ? $" -> {Truncate(r, 200)}" : "") + (Data.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object ? $" raised {e.GetProperty("type").GetString()}: {Truncate(e.TryGetProperty("message", out var m) ? m.GetString() : null, 200)}" : ""),
        _ => Data.GetRawText(),
    };

    private string Via() => String("api") is { } api ? $" via {api}" : "";

    public static string Truncate(string? text, int max) =>
        text is null ? "" : text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");
}
