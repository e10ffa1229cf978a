using System.Text.Json;
using System.Text.Json.Serialization;
using DualGauge.Protocol.Custom;

namespace DualGauge.Protocol.Lifecycle;

public sealed record InitializeParams
{
    [JsonPropertyName("processId")] public int? ProcessId { get; init; }
    [JsonPropertyName("clientInfo"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ClientInfo? ClientInfo { get; init; }
    [JsonPropertyName("rootUri"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? RootUri { get; init; }
    [JsonPropertyName("initializationOptions"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public InitializationOptions? InitializationOptions { get; init; }
    [JsonPropertyName("capabilities")] public ClientCapabilities Capabilities { get; init; } = new();
    [JsonPropertyName("workspaceFolders"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<WorkspaceFolder>? WorkspaceFolders { get; init; }
}

public sealed record ClientInfo(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("version"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Version = null);

public sealed record WorkspaceFolder(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("name")] string Name);

/// <summary>Only the capabilities the server looks at; everything else the client sends is ignored.</summary>
public sealed record ClientCapabilities
{
    [JsonPropertyName("workspace"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public WorkspaceClientCapabilities? Workspace { get; init; }
    [JsonPropertyName("window"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public WindowClientCapabilities? Window { get; init; }
    [JsonPropertyName("textDocument"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public JsonElement? TextDocument { get; init; }
}

public sealed record WorkspaceClientCapabilities
{
    [JsonPropertyName("configuration"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? Configuration { get; init; }
    [JsonPropertyName("applyEdit"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? ApplyEdit { get; init; }
    [JsonPropertyName("codeLens"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public CodeLensWorkspaceClientCapabilities? CodeLens { get; init; }
}

public sealed record CodeLensWorkspaceClientCapabilities
{
    [JsonPropertyName("refreshSupport"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? RefreshSupport { get; init; }
}

public sealed record WindowClientCapabilities
{
    [JsonPropertyName("workDoneProgress"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? WorkDoneProgress { get; init; }
}

public sealed record InitializeResult(
    [property: JsonPropertyName("capabilities")] ServerCapabilities Capabilities,
    [property: JsonPropertyName("serverInfo")] ServerInfo ServerInfo);

public sealed record ServerInfo(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("version")] string Version);

public sealed record ServerCapabilities
{
    [JsonPropertyName("textDocumentSync")] public required TextDocumentSyncOptions TextDocumentSync { get; init; }
    [JsonPropertyName("codeActionProvider"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public CodeActionOptions? CodeActionProvider { get; init; }
    [JsonPropertyName("executeCommandProvider"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ExecuteCommandOptions? ExecuteCommandProvider { get; init; }
    [JsonPropertyName("codeLensProvider"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public CodeLensOptions? CodeLensProvider { get; init; }
}

public sealed record CodeLensOptions(
    [property: JsonPropertyName("resolveProvider")] bool ResolveProvider);

/// <summary>LSP <c>TextDocumentSyncKind</c>.</summary>
public enum TextDocumentSyncKind
{
    None = 0,
    Full = 1,
    Incremental = 2,
}

public sealed record TextDocumentSyncOptions
{
    [JsonPropertyName("openClose")] public bool OpenClose { get; init; }
    [JsonPropertyName("change")] public TextDocumentSyncKind Change { get; init; }
    [JsonPropertyName("save"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public SaveOptions? Save { get; init; }
}

public sealed record SaveOptions(
    [property: JsonPropertyName("includeText")] bool IncludeText);

public sealed record CodeActionOptions(
    [property: JsonPropertyName("codeActionKinds")] IReadOnlyList<string> CodeActionKinds);

public sealed record ExecuteCommandOptions(
    [property: JsonPropertyName("commands")] IReadOnlyList<string> Commands);

public sealed record InitializedParams;
