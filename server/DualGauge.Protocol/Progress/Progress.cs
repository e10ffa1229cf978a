using System.Text.Json.Serialization;

namespace DualGauge.Protocol.Progress;

/// <summary>The server always creates string tokens.</summary>
public sealed record WorkDoneProgressCreateParams(
    [property: JsonPropertyName("token")] string Token);

public sealed record ProgressParams<T>(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("value")] T Value);

public sealed record WorkDoneProgressBegin
{
    [JsonPropertyName("kind")] public string Kind => "begin";
    [JsonPropertyName("title")] public required string Title { get; init; }
    [JsonPropertyName("cancellable"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? Cancellable { get; init; }
    [JsonPropertyName("message"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Message { get; init; }
    [JsonPropertyName("percentage"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Percentage { get; init; }
}

public sealed record WorkDoneProgressReport
{
    [JsonPropertyName("kind")] public string Kind => "report";
    [JsonPropertyName("message"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Message { get; init; }
    [JsonPropertyName("percentage"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Percentage { get; init; }
}

public sealed record WorkDoneProgressEnd
{
    [JsonPropertyName("kind")] public string Kind => "end";
    [JsonPropertyName("message"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Message { get; init; }
}
