using DualGauge.LanguageServer.Documents;
using DualGauge.LanguageServer.Server;
using DualGauge.Protocol;
using DualGauge.Protocol.Basic;
using DualGauge.Protocol.Language;
using StreamJsonRpc;

namespace DualGauge.LanguageServer.Features.Language.CodeLens;

/// <summary>
/// textDocument/codeLens: above each evaluated function, its verdict in a line ("DualGauge: secure · 3/3 tests ·
/// CWE-89 tested · 0.4 s", "DualGauge: not judged: ..."), clickable to its report. The positive signal that a
/// secure function was checked, where diagnostics only speak of failures. A read.
/// </summary>
internal sealed class CodeLensHandler(RequestQueue queue, DocumentStore store, ServerLifecycle lifecycle)
{
    [JsonRpcMethod(Methods.TextDocumentCodeLens, UseSingleObjectParameterDeserialization = true)]
    public Task<IReadOnlyList<Protocol.Language.CodeLens>> CodeLens(CodeLensParams request)
    {
        lifecycle.EnsureReady();
        return queue.RunAsync(Methods.TextDocumentCodeLens, RequestAccess.ReadOnly, () => Lenses(request.TextDocument.Uri));
    }

    internal IReadOnlyList<Protocol.Language.CodeLens> Lenses(string uri) => store.Read(find =>
    {
        if (find(uri) is not { } document)
        {
            return (IReadOnlyList<Protocol.Language.CodeLens>)[];
        }

        return document.Regions
            .Where(r => r is { Lens: not null, HistoryId: not null, Pending: null })
            .OrderBy(r => r.StartLine)
            .Select(r =>
            {
                var line = document.Language is { } language ? FunctionLocator.HeaderFor(language, document, r.StartLine, r.EndLine) ?? r.StartLine : r.StartLine;
                return new Protocol.Language.CodeLens
                {
                    Range = new Range(new Position(line, 0), new Position(line, 0)),
                    Command = new Command(r.Lens!, Commands.ShowReport, [r.HistoryId!.Value]),
                };
            })
            .ToList();
    });
}
