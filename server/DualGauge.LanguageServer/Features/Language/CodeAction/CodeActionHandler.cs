using DualGauge.LanguageServer.Server;
using DualGauge.Protocol;
using DualGauge.Protocol.Language;
using StreamJsonRpc;

namespace DualGauge.LanguageServer.Features.Language.CodeAction;

/// <summary>textDocument/codeAction: a read; actions come from <see cref="CodeActionProvider"/>.</summary>
internal sealed class CodeActionHandler(RequestQueue queue, CodeActionProvider provider, ServerLifecycle lifecycle)
{
    [JsonRpcMethod(Methods.TextDocumentCodeAction, UseSingleObjectParameterDeserialization = true)]
    public Task<IReadOnlyList<Protocol.Language.CodeAction>> CodeAction(CodeActionParams request)
    {
        lifecycle.EnsureReady();
        return queue.RunAsync(Methods.TextDocumentCodeAction, RequestAccess.ReadOnly, () => provider.Actions(request));
    }
}
