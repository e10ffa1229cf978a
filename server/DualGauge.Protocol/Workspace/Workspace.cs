using System.Text.Json;
using System.Text.Json.Serialization;

namespace DualGauge.Protocol.Workspace;

public sealed record ExecuteCommandParams(
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("arguments"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<JsonElement>? Arguments = null);

public sealed record ConfigurationParams(
    [property: JsonPropertyName("items")] IReadOnlyList<ConfigurationItem> Items);

public sealed record ConfigurationItem(
    [property: JsonPropertyName("section"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Section = null,
    [property: JsonPropertyName("scopeUri"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ScopeUri = null);

/// <summary><see cref="Settings"/> is whatever the client sends: the whole settings tree, the "dualgauge" section, or null (then the server pulls).</summary>
public sealed record DidChangeConfigurationParams(
    [property: JsonPropertyName("settings")] JsonElement? Settings);

/// <summary><c>workspace/applyEdit</c>, sent by the server.</summary>
public sealed record ApplyWorkspaceEditParams(
    [property: JsonPropertyName("edit")] Basic.WorkspaceEdit Edit,
    [property: JsonPropertyName("label"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Label = null);

public sealed record ApplyWorkspaceEditResult(
    [property: JsonPropertyName("applied")] bool Applied,
    [property: JsonPropertyName("failureReason"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FailureReason = null);
