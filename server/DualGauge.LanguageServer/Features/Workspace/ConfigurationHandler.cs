using DualGauge.LanguageServer.Server;
using DualGauge.LanguageServer.Settings;
using DualGauge.Protocol;
using DualGauge.Protocol.Workspace;
using Microsoft.Extensions.Logging;
using StreamJsonRpc;

namespace DualGauge.LanguageServer.Features.Workspace;

/// <summary>workspace/didChangeConfiguration: use the pushed section, or pull it with workspace/configuration.</summary>
internal sealed class ConfigurationHandler(RequestQueue queue, SettingsService settings, LanguageClient client, ILogger<ConfigurationHandler> logger)
{
    [JsonRpcMethod(Methods.WorkspaceDidChangeConfiguration, UseSingleObjectParameterDeserialization = true)]
    public Task DidChangeConfigurationAsync(DidChangeConfigurationParams request) =>
        queue.RunAsync(Methods.WorkspaceDidChangeConfiguration, RequestAccess.Mutating, _ => ApplyAsync(request));

    private async Task ApplyAsync(DidChangeConfigurationParams request)
    {
        if (settings.Parse(request.Settings, Methods.WorkspaceDidChangeConfiguration) is { } pushed)
        {
            settings.Update(pushed, Methods.WorkspaceDidChangeConfiguration);
        }
        else if (client.Capabilities.Workspace?.Configuration == true)
        {
            await Lifecycle.LifecycleHandler.PullConfigurationAsync(settings, client, logger).ConfigureAwait(false);
        }
    }
}
