using System.Text.Json;
using System.Text.Json.Serialization;
using DualGauge.Protocol.Basic;

namespace DualGauge.Protocol.Diagnostics;

/// <summary>LSP <c>DiagnosticSeverity</c>.</summary>
public enum DiagnosticSeverity
{
    Error = 1,
    Warning = 2,
    Information = 3,
    Hint = 4,
}

public sealed record CodeDescription(
    [property: JsonPropertyName("href")] string Href);

public sealed record DiagnosticRelatedInformation(
    [property: JsonPropertyName("location")] Location Location,
    [property: JsonPropertyName("message")] string Message);

public sealed record Diagnostic
{
    [JsonPropertyName("range")] public required Range Range { get; init; }
    [JsonPropertyName("severity"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DiagnosticSeverity? Severity { get; init; }

    /// <summary>LSP allows an integer or a string; DualGauge always sends strings and reads numbers as their text.</summary>
    [JsonPropertyName("code"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), JsonConverter(typeof(StringOrNumberConverter))]
    public string? Code { get; init; }

    [JsonPropertyName("codeDescription"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public CodeDescription? CodeDescription { get; init; }
    [JsonPropertyName("source"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Source { get; init; }
    [JsonPropertyName("message")] public required string Message { get; init; }
    [JsonPropertyName("relatedInformation"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<DiagnosticRelatedInformation>? RelatedInformation { get; init; }
    [JsonPropertyName("tags"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<DiagnosticTag>? Tags { get; init; }
    [JsonPropertyName("data"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public JsonElement? Data { get; init; }
}

/// <summary>LSP <c>DiagnosticTag</c>: Unnecessary code is rendered faded.</summary>
public enum DiagnosticTag
{
    Unnecessary = 1,
    Deprecated = 2,
}

public sealed record PublishDiagnosticsParams
{
    [JsonPropertyName("uri")] public required string Uri { get; init; }
    [JsonPropertyName("version"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Version { get; init; }
    [JsonPropertyName("diagnostics")] public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }
}

/// <summary>Reads an integer-or-string JSON value as a string.</summary>
public sealed class StringOrNumberConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => reader.TryGetInt64(out var n) ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : reader.GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture),
        JsonTokenType.Null => null,
        _ => throw new JsonException($"diagnostic code must be a string or a number, not {reader.TokenType}"),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
