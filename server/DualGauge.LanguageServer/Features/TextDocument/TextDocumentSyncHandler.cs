using DualGauge.LanguageServer.Documents;
using DualGauge.LanguageServer.Evaluation;
using DualGauge.LanguageServer.History;
using DualGauge.LanguageServer.Publishing;
using DualGauge.LanguageServer.Server;
using DualGauge.Protocol;
using DualGauge.Protocol.Synchronization;
using StreamJsonRpc;

namespace DualGauge.LanguageServer.Features.TextDocument;

/// <summary>textDocument/didOpen, didChange (full and incremental), didSave, didClose. Every one mutates the document store.</summary>
internal sealed class TextDocumentSyncHandler(RequestQueue queue, DocumentStore store, EvaluationScheduler scheduler, FindingsRestorer restorer, FindingsPublisher publisher)
{
    [JsonRpcMethod(Methods.TextDocumentDidOpen, UseSingleObjectParameterDeserialization = true)]
    public Task DidOpen(DidOpenTextDocumentParams request) => queue.RunAsync(Methods.TextDocumentDidOpen, RequestAccess.Mutating, () =>
    {
        var document = store.Open(request.TextDocument);

        // Findings of unchanged functions come back from the history: closing a file does not lose them.
        // Published at once (not coalesced): the user is looking at the file they just opened.
        if (restorer.Restore(document) > 0)
        {
            _ = publisher.PublishAsync(document.Uri);
        }
    });

    [JsonRpcMethod(Methods.TextDocumentDidChange, UseSingleObjectParameterDeserialization = true)]
    public Task DidChange(DidChangeTextDocumentParams request) => queue.RunAsync(Methods.TextDocumentDidChange, RequestAccess.Mutating, () =>
    {
        if (store.Change(request) is not { } change)
        {
            return;
        }

        scheduler.AfterChange(change);
        if (change.Republish)
        {
            publisher.Schedule(request.TextDocument.Uri);
        }
    });

    [JsonRpcMethod(Methods.TextDocumentDidSave, UseSingleObjectParameterDeserialization = true)]
    public Task DidSave(DidSaveTextDocumentParams request) =>
        queue.RunAsync(Methods.TextDocumentDidSave, RequestAccess.Mutating, () => scheduler.AfterSave(request.TextDocument.Uri));

    [JsonRpcMethod(Methods.TextDocumentDidClose, UseSingleObjectParameterDeserialization = true)]
    public Task DidClose(DidCloseTextDocumentParams request) => queue.RunAsync(Methods.TextDocumentDidClose, RequestAccess.Mutating, () =>
    {
        store.Close(request.TextDocument.Uri);
        _ = publisher.ClearAsync(request.TextDocument.Uri);
    });
}
