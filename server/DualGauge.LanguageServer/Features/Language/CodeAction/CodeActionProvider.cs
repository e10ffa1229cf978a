using DualGauge.LanguageServer.Documents;
using DualGauge.LanguageServer.Evaluation;
using DualGauge.LanguageServer.History;
using DualGauge.LanguageServer.Settings;
using DualGauge.Protocol;
using DualGauge.Protocol.Basic;
using DualGauge.Protocol.Diagnostics;
using DualGauge.Protocol.Language;

namespace DualGauge.LanguageServer.Features.Language.CodeAction;

/// <summary>
/// The actions on a DualGauge diagnostic: verified fixes first (each one's edited code already passed the same
/// dual tests), then the report, a re-run, a scoped suppression, "Fix with AI (verified)" and the remediation.
/// </summary>
internal sealed class CodeActionProvider(DocumentStore store, HistoryStore history, SettingsService settings)
{
    public const string FixWithAiTitle = "DualGauge: Fix with AI (verified)";

    public IReadOnlyList<Protocol.Language.CodeAction> Actions(CodeActionParams request)
    {
        var actions = new List<Protocol.Language.CodeAction>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var diagnostic in request.Context.Diagnostics)
        {
            if (diagnostic.Source != DiagnosticFactory.Source || DiagnosticFactory.HistoryId(diagnostic) is not { } historyId)
            {
                continue;
            }

            void Add(Protocol.Language.CodeAction action)
            {
                if (seen.Add(action.Title + "\u0000" + historyId))
                {
                    actions.Add(action);
                }
            }

            foreach (var (fix, startLine, endLine) in VerifiedFixes(request.TextDocument.Uri, historyId, diagnostic.Code))
            {
                Add(new Protocol.Language.CodeAction
                {
                    Title = fix.Title,
                    Kind = CodeActionKinds.QuickFix,
                    Diagnostics = [diagnostic],
                    IsPreferred = true,
                    Edit = new WorkspaceEdit(new Dictionary<string, IReadOnlyList<TextEdit>>
                    {
                        [request.TextDocument.Uri] = [Fixes.FunctionEdit.ToTextEdit(startLine, endLine, fix.NewText, store.Find(request.TextDocument.Uri)?.Text ?? "")],
                    }),
                });
            }

            Add(Command("DualGauge: Show evaluation report", Commands.ShowReport, historyId, diagnostic));
            Add(Command("DualGauge: Re-run evaluation", Commands.Rerun, historyId, diagnostic));
            if (diagnostic.Code is { } cwe && cwe.StartsWith("CWE-", StringComparison.OrdinalIgnoreCase) && SuppressEdit(request.TextDocument.Uri, historyId, cwe) is { } scoped)
            {
                Add(new Protocol.Language.CodeAction
                {
                    Title = $"DualGauge: Accept {cwe} in this function (with a reason)",
                    Kind = CodeActionKinds.QuickFix,
                    Diagnostics = [diagnostic],
                    Edit = scoped,
                });
            }

            if (SuppressEdit(request.TextDocument.Uri, historyId, cwe: null) is { } edit)
            {
                Add(new Protocol.Language.CodeAction
                {
                    Title = "DualGauge: Suppress for this snippet",
                    Kind = CodeActionKinds.QuickFix,
                    Diagnostics = [diagnostic],
                    Edit = edit,
                });
            }

            if (settings.Current.Ai.Enabled && IsFixable(diagnostic))
            {
                Add(Command(FixWithAiTitle, Commands.FixWithAi, historyId, diagnostic));
            }

            if (diagnostic.Code is { } code && code.StartsWith("CWE-", StringComparison.OrdinalIgnoreCase))
            {
                Add(new Protocol.Language.CodeAction
                {
                    Title = $"DualGauge: How to fix {code}",
                    Kind = CodeActionKinds.QuickFix,
                    Diagnostics = [diagnostic],
                    Command = new Command($"DualGauge: How to fix {code}", Commands.ShowRemediation, [code, LanguageOf(request.TextDocument.Uri)]),
                });
            }
        }

        return actions;
    }

    private static Protocol.Language.CodeAction Command(string title, string command, long historyId, Diagnostic diagnostic) => new()
    {
        Title = title,
        Kind = CodeActionKinds.QuickFix,
        Diagnostics = [diagnostic],
        Command = new Command(title, command, [historyId]),
    };

    /// <summary>Fixes verified for the region's current code (never for code edited since), for this diagnostic's CWE.</summary>
    /// <remarks>An unchanged generation means the region's lines are exactly the lines the fix was verified on (edits above only moved them).</remarks>
    private IReadOnlyList<(VerifiedFix Fix, int StartLine, int EndLine)> VerifiedFixes(string uri, long historyId, string? cwe) => store.Read(find =>
        find(uri)?.Regions.FirstOrDefault(r => r.HistoryId == historyId) is { } region
            ? region.VerifiedFixes.Where(f => f.Generation == region.Generation && (cwe is null || string.Equals(f.Cwe, cwe, StringComparison.OrdinalIgnoreCase)))
                .Select(f => (f, region.StartLine, region.EndLine)).ToList()
            : (IReadOnlyList<(VerifiedFix, int, int)>)[]);

    private string? LanguageOf(string uri) => store.Find(uri)?.Language?.ToString().ToLowerInvariant();

    /// <summary>Failed security (Error) and functional (Warning) tests; not "nothing matched" or a broken evaluator.</summary>
    private static bool IsFixable(Diagnostic diagnostic) =>
        diagnostic.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning && diagnostic.Code != DiagnosticFactory.EvaluationFailedCode;

    /// <summary>
    /// The ignore comment on the line above the evaluated function, indented like it: for one CWE with a reason to
    /// fill in (<c>dualgauge-ignore[CWE-89]: reason</c>), or the bare marker that skips the function.
    /// </summary>
    private WorkspaceEdit? SuppressEdit(string uri, long historyId, string? cwe) => store.Read(find =>
    {
        if (find(uri) is not { } document || document.Language is not { } language)
        {
            return null;
        }

        var functionLine = document.Regions.FirstOrDefault(r => r.HistoryId == historyId)?.StartLine ?? history.Get(historyId)?.Summary.Range.Start.Line;
        if (functionLine is not { } line)
        {
            return null;
        }

        var header = FunctionLocator.HeaderFor(language, document, line, line) ?? line;
        var insertAt = FunctionLocator.AttachedStart(language, document, header);
        var text = document.GetLine(insertAt);
        var indent = text[..(text.Length - text.TrimStart().Length)];
        var newline = document.Text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var comment = cwe is null
            ? FunctionLocator.IgnoreComment(language)
            : FunctionLocator.ScopedIgnoreComment(language, cwe, "REASON: why this is acceptable here");
        return new WorkspaceEdit(new Dictionary<string, IReadOnlyList<TextEdit>>
        {
            [uri] = [new TextEdit(new Range(new Position(insertAt, 0), new Position(insertAt, 0)), indent + comment + newline)],
        });
    });
}
