using System.Text.Json;
using DualGauge.LanguageServer.Evaluation;
using DualGauge.LanguageServer.History;
using DualGauge.LanguageServer.Logging;
using DualGauge.LanguageServer.Server;
using DualGauge.LanguageServer.Settings;
using DualGauge.Protocol;
using DualGauge.Protocol.Custom;
using DualGauge.Protocol.Language;
using DualGauge.Protocol.Lifecycle;
using DualGauge.Protocol.Workspace;
using Microsoft.Extensions.Logging;
using StreamJsonRpc;

namespace DualGauge.LanguageServer.Features.Lifecycle;

/// <summary>initialize, initialized, shutdown, exit.</summary>
internal sealed class LifecycleHandler(
    ServerLifecycle lifecycle,
    LanguageClient client,
    ServerLogging logging,
    HistoryStore history,
    SettingsService settings,
    StatusReporter status,
    EvaluationQueue queue,
    ILogger<LifecycleHandler> logger)
{
    public static string Version { get; } = typeof(LifecycleHandler).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    [JsonRpcMethod(Methods.Initialize, UseSingleObjectParameterDeserialization = true)]
    public async Task<InitializeResult> InitializeAsync(InitializeParams request)
    {
        if (lifecycle.Initialized)
        {
            throw new LocalRpcException("initialize was already sent.") { ErrorCode = -32600 };
        }

        client.Capabilities = request.Capabilities;
        var storagePath = request.InitializationOptions?.StoragePath;
        if (string.IsNullOrWhiteSpace(storagePath))
        {
            storagePath = Path.Combine(Path.GetTempPath(), "dualgauge", "storage");
            logger.LogWarning("initializationOptions.storagePath is missing: history and logs go to {Path}", storagePath);
        }

        Directory.CreateDirectory(storagePath);
        logging.UseStorageFolder(storagePath);
        history.UseFolder(storagePath);
        settings.Update(request.InitializationOptions?.Settings, "initializationOptions");
        logger.LogInformation("DualGauge language server {Version} initialized by {Client} (pid {Pid}); storage {Storage}; log {Log}",
            Version, request.ClientInfo?.Name ?? "an unnamed client", Environment.ProcessId, storagePath, logging.LogFilePath);
        lifecycle.MarkInitialized();
        await status.ReportAsync(new StatusParams(ServerStates.Starting, 0, "Starting")).ConfigureAwait(false);
        return new InitializeResult(
            new ServerCapabilities
            {
                TextDocumentSync = new TextDocumentSyncOptions { OpenClose = true, Change = TextDocumentSyncKind.Incremental, Save = new SaveOptions(IncludeText: false) },
                CodeActionProvider = new CodeActionOptions([CodeActionKinds.QuickFix]),
                // Fix with AI is offered only to users who turned it on; enabling it later takes a server restart to advertise.
                ExecuteCommandProvider = new ExecuteCommandOptions(settings.Current.Ai.Enabled ? Commands.WithAi : Commands.All),
                CodeLensProvider = new CodeLensOptions(ResolveProvider: false),
            },
            new ServerInfo("DualGauge", Version));
    }

    [JsonRpcMethod(Methods.Initialized, UseSingleObjectParameterDeserialization = true)]
    public async Task InitializedAsync(JsonElement? unused = null)
    {
        // Clients show "starting" until told otherwise: say ready now, not after the configuration round trip.
        await queue.ReportStatusAsync().ConfigureAwait(false);
        if (client.Capabilities.Workspace?.Configuration == true)
        {
            await PullConfigurationAsync(settings, client, logger).ConfigureAwait(false);
        }
    }

    [JsonRpcMethod(Methods.Shutdown)]
    public async Task<object?> ShutdownAsync()
    {
        logger.LogInformation("Shutdown requested");
        lifecycle.MarkShutdown();
        await queue.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    [JsonRpcMethod(Methods.Exit)]
    public void Exit()
    {
        logger.LogInformation("Exit requested ({State})", lifecycle.ShutdownRequested ? "after shutdown" : "without shutdown");
        lifecycle.Exit();
    }

    internal static async Task PullConfigurationAsync(SettingsService settings, ILanguageClient client, ILogger logger)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var values = await client.RequestAsync<ConfigurationParams, JsonElement[]>(
                Methods.WorkspaceConfiguration, new ConfigurationParams([new ConfigurationItem(DualGaugeSettings.Section)]), timeout.Token).ConfigureAwait(false);
            if (values is [var section, ..] && settings.Parse(section, Methods.WorkspaceConfiguration) is { } parsed)
            {
                settings.Update(parsed, Methods.WorkspaceConfiguration);
            }
        }
        catch (Exception ex) when (ex is RemoteInvocationException or OperationCanceledException or ConnectionLostException or JsonException)
        {
            logger.LogWarning("workspace/configuration failed, keeping the current settings: {Message}", ex.Message);
        }
    }
}
