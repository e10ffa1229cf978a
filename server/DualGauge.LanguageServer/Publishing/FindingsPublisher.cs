using System.Collections.Concurrent;
using DualGauge.LanguageServer.Documents;
using DualGauge.LanguageServer.Server;
using DualGauge.Protocol;
using DualGauge.Protocol.Diagnostics;
using Microsoft.Extensions.Logging;

namespace DualGauge.LanguageServer.Publishing;

/// <summary>
/// Sends what the regions hold to the client: textDocument/publishDiagnostics for a document, and
/// workspace/codeLens/refresh when the verdicts above functions changed. One publish at a time, each a full
/// snapshot of the document's regions under the store's lock, so a late publish never resurrects stale findings.
/// </summary>
internal sealed class FindingsPublisher(DocumentStore store, ILanguageClient client, LanguageServerOptions options, ILogger<FindingsPublisher> logger)
{
    private readonly ConcurrentDictionary<string, byte> scheduled = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim publishGate = new(1, 1);

    /// <summary>Publishes soon, once for any number of calls in <see cref="LanguageServerOptions.PublishDelay"/>.</summary>
    public void Schedule(string uri)
    {
        if (!scheduled.TryAdd(uri, 0))
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            await Task.Delay(options.PublishDelay).ConfigureAwait(false);
            scheduled.TryRemove(uri, out _);
            await PublishAsync(uri).ConfigureAwait(false);
        });
    }

    public async Task PublishAsync(string uri)
    {
        await publishGate.WaitAsync().ConfigureAwait(false);
        try
        {
            var message = store.Read(find => find(uri) is { } document
                ? new PublishDiagnosticsParams
                {
                    Uri = uri,
                    Version = document.Version,
                    Diagnostics = document.Regions.SelectMany(r => r.CurrentDiagnostics()).ToList(),
                }
                : null);
            if (message is null)
            {
                return;
            }

            await client.NotifyAsync(Methods.TextDocumentPublishDiagnostics, message).ConfigureAwait(false);
        }
        finally
        {
            publishGate.Release();
        }

        await RefreshLensesAsync().ConfigureAwait(false);
    }

    /// <summary>Diagnostics of a closed document belong to nobody: clear them.</summary>
    public Task ClearAsync(string uri) =>
        client.NotifyAsync(Methods.TextDocumentPublishDiagnostics, new PublishDiagnosticsParams { Uri = uri, Diagnostics = [] });

    private async Task RefreshLensesAsync()
    {
        if (client.Capabilities.Workspace?.CodeLens?.RefreshSupport != true)
        {
            return;
        }

        try
        {
            await client.RequestAsync<object?, object?>(Methods.WorkspaceCodeLensRefresh, null, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogDebug(ex, "workspace/codeLens/refresh failed");
        }
    }
}
