using DualGauge.LanguageServer.Evaluation;
using DualGauge.Protocol;
using DualGauge.Protocol.Synchronization;
using StreamJsonRpc;

namespace DualGauge.LanguageServer.Features.TextDocument;

/// <summary>textDocument/didOpen, didChange (full and incremental), didSave, didClose.</summary>
internal sealed class TextDocumentSyncHandler(SnippetWorkspace workspace)
{
    [JsonRpcMethod(Methods.TextDocumentDidOpen, UseSingleObjectParameterDeserialization = true)]
    public void DidOpen(DidOpenTextDocumentParams request) => workspace.Open(request.TextDocument);

    [JsonRpcMethod(Methods.TextDocumentDidChange, UseSingleObjectParameterDeserialization = true)]
    public void DidChange(DidChangeTextDocumentParams request) => workspace.Change(request);

    [JsonRpcMethod(Methods.TextDocumentDidSave, UseSingleObjectParameterDeserialization = true)]
    public void DidSave(DidSaveTextDocumentParams request) => workspace.Save(request);

    [JsonRpcMethod(Methods.TextDocumentDidClose, UseSingleObjectParameterDeserialization = true)]
    public void DidClose(DidCloseTextDocumentParams request) => workspace.Close(request.TextDocument.Uri);
}
