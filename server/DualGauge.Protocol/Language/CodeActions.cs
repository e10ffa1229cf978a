using System.Text.Json.Serialization;
using DualGauge.Protocol.Basic;
using DualGauge.Protocol.Diagnostics;

namespace DualGauge.Protocol.Language;

/// <summary>The LSP <c>CodeActionKind</c> values DualGauge uses (an open string enum).</summary>
public static class CodeActionKinds
{
    public const string QuickFix = "quickfix";
    public const string Empty = "";
}

public sealed record CodeActionParams(
    [property: JsonPropertyName("textDocument")] TextDocumentIdentifier TextDocument,
    [property: JsonPropertyName("range")] Range Range,
    [property: JsonPropertyName("context")] CodeActionContext Context);

public sealed record CodeActionContext(
    [property: JsonPropertyName("diagnostics")] IReadOnlyList<Diagnostic> Diagnostics,
    [property: JsonPropertyName("only"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Only = null);

public sealed record CodeAction
{
    [JsonPropertyName("title")] public required string Title { get; init; }
    [JsonPropertyName("kind"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Kind { get; init; }
    [JsonPropertyName("isPreferred"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? IsPreferred { get; init; }
    [JsonPropertyName("diagnostics"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<Diagnostic>? Diagnostics { get; init; }
    [JsonPropertyName("edit"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public WorkspaceEdit? Edit { get; init; }
    [JsonPropertyName("command"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Command? Command { get; init; }
}

public sealed record CodeLensParams(
    [property: JsonPropertyName("textDocument")] TextDocumentIdentifier TextDocument);

/// <summary>A line of text above a function: its verdict, clickable to its report.</summary>
public sealed record CodeLens
{
    [JsonPropertyName("range")] public required Range Range { get; init; }
    [JsonPropertyName("command"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Command? Command { get; init; }
}
