using DualGauge.LanguageServer.Evaluation;
using DualGauge.LanguageServer.Server;
using DualGauge.Protocol;
using DualGauge.Protocol.Language;
using StreamJsonRpc;

namespace DualGauge.LanguageServer.Features.Language.CodeAction;

/// <summary>textDocument/codeAction: report, re-run, suppress and remediation actions on DualGauge diagnostics.</summary>
internal sealed class CodeActionHandler(SnippetWorkspace workspace, ServerLifecycle lifecycle)
{
    [JsonRpcMethod(Methods.TextDocumentCodeAction, UseSingleObjectParameterDeserialization = true)]
    public IReadOnlyList<Protocol.Language.CodeAction> CodeAction(CodeActionParams request)
    {
        lifecycle.EnsureReady();
        return workspace.CodeActions(request);
    }
}
