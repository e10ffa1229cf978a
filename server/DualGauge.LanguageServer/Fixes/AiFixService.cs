using DualGauge.LanguageServer.Documents;
using DualGauge.LanguageServer.History;
using DualGauge.Ai.Fixes;
using DualGauge.Ai.Models;
using DualGauge.Core.Execution;
using DualGauge.Snippets;
using DualGauge.LanguageServer.Evaluation;
using DualGauge.LanguageServer.Server;
using DualGauge.LanguageServer.Settings;
using DualGauge.Protocol;
using DualGauge.Protocol.Basic;
using DualGauge.Protocol.Custom;
using DualGauge.Protocol.Window;
using DualGauge.Protocol.Workspace;
using Microsoft.Extensions.Logging;
using StreamJsonRpc;

namespace DualGauge.LanguageServer.Fixes;

/// <summary>
/// "Fix with AI (verified)": evaluates the flagged code afresh, asks the configured model for a rewrite, and applies it
/// through <c>workspace/applyEdit</c> only when the rewrite passes every functional and security test of the same dual
/// tests in the sandbox. Nothing is sent unless <c>dualgauge.ai.enabled</c> is true and an endpoint is configured; the key
/// comes from the server's environment only.
/// </summary>
internal sealed class AiFixService(
    DocumentStore store,
    HistoryStore history,
    EvaluationQueue queue,
    SettingsService settings,
    ILanguageClient client,
    LanguageServerOptions options,
    ILoggerFactory loggerFactory)
{
    private const string Title = Features.Language.CodeAction.CodeActionProvider.FixWithAiTitle;
    private readonly ILogger logger = loggerFactory.CreateLogger<AiFixService>();

    public async Task<FixWithAiResult> FixAsync(long historyId, CancellationToken cancellationToken)
    {
        var ai = settings.Current.Ai;
        if (!ai.Enabled)
        {
            throw new LocalRpcException($"{Commands.FixWithAi}: Fix with AI is off. Set dualgauge.ai.enabled to true, with dualgauge.ai.endpoint and dualgauge.ai.model.") { ErrorCode = -32600 };
        }

        ModelEndpoint endpoint;
        try
        {
            endpoint = ModelEndpoint.Resolve(ai.Endpoint, ai.Model, apiKey: null, environment: options.Environment);
        }
        catch (ModelConfigurationException ex)
        {
            return await RefuseAsync(MessageType.Error, $"cannot ask a model: {ex.Message} (settings dualgauge.ai.endpoint and dualgauge.ai.model)", []).ConfigureAwait(false);
        }

        if (CurrentSnippet(historyId) is not var (snippet, version))
        {
            throw new LocalRpcException($"{Commands.FixWithAi}: the document of history entry {historyId} is not open; open it to apply a fix.") { ErrorCode = -32602 };
        }

        var label = $"fix of {snippet.DocumentUri[(snippet.DocumentUri.LastIndexOf('/') + 1)..]}:{snippet.StartLine + 1}-{snippet.EndLine + 1}";
        var evaluator = new QueuedEvaluator(queue, label);
        FixOutcome outcome;
        try
        {
            // A fresh evaluation: the history entry may be older than the code now in the editor.
            var original = await evaluator.EvaluateAsync(snippet, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Fix with AI for history entry {Id}: asking {Endpoint}", historyId, endpoint.ToString());
            using var chat = ChatClientFactory.Create(endpoint);
            var caller = new ModelCaller(chat, endpoint, new RetryOptions(MaxAttempts: 3), logger: loggerFactory.CreateLogger<ModelCaller>());
            outcome = await new VerifiedFixer(caller, evaluator).FixAsync(original, cancellationToken).ConfigureAwait(false);
        }
        catch (SandboxUnavailableException ex)
        {
            return await RefuseAsync(MessageType.Error, $"the sandbox is unavailable: {ex.Message} {EvaluationQueue.DockerFix}", []).ConfigureAwait(false);
        }

        foreach (var attempt in outcome.Attempts)
        {
            logger.LogInformation("Fix with AI attempt {Attempt} for history entry {Id}: {Outcome}", attempt.Attempt, historyId, attempt.Outcome);
        }

        if (!outcome.Verified || outcome.Edit is not { } edit)
        {
            var failed = outcome.Attempts.LastOrDefault(a => a.FailedTests.Count > 0)?.FailedTests ?? [];
            return await RefuseAsync(MessageType.Warning, outcome.Message, failed).ConfigureAwait(false);
        }

        if (store.Find(snippet.DocumentUri) is not { } now || store.Read(_ => now.Version != version || now.Text != snippet.DocumentText))
        {
            return await RefuseAsync(MessageType.Warning, "the document changed while the fix was being verified; run it again", []).ConfigureAwait(false);
        }

        var answer = await client.RequestAsync<ApplyWorkspaceEditParams, ApplyWorkspaceEditResult>(
            Methods.WorkspaceApplyEdit,
            new ApplyWorkspaceEditParams(new WorkspaceEdit(new Dictionary<string, IReadOnlyList<TextEdit>> { [edit.DocumentUri] = [ToTextEdit(edit, snippet.DocumentText)] }), Title),
            cancellationToken).ConfigureAwait(false);
        if (!answer.Applied)
        {
            return await RefuseAsync(MessageType.Warning, $"the editor did not apply the verified fix{(answer.FailureReason is { } reason ? ": " + reason : "")}", []).ConfigureAwait(false);
        }

        var message = $"{Title}: applied. {outcome.Message}.";
        await client.NotifyAsync(Methods.WindowShowMessage, new ShowMessageParams(MessageType.Info, message)).ConfigureAwait(false);
        return new FixWithAiResult(true, message, []);
    }

    internal static TextEdit ToTextEdit(FixEdit edit, string documentText) => FunctionEdit.ToTextEdit(edit.StartLine, edit.EndLine, edit.NewText, documentText);

    /// <summary>
    /// The code a history entry judged, as it stands now in the open document (the region follows edits), with the
    /// document version it was read at; null when the document is closed.
    /// </summary>
    private (Snippet Snippet, int Version)? CurrentSnippet(long historyId)
    {
        var record = history.Get(historyId) ?? throw Evaluation.EvaluationScheduler.NoEntry(historyId);
        return store.Read(find =>
        {
            if (find(record.Summary.Uri) is not { } document || document.Language is not { } language)
            {
                return ((Snippet, int)?)null;
            }

            var region = document.Regions.FirstOrDefault(r => r.HistoryId == historyId);
            var (start, end) = region is not null ? (region.StartLine, region.EndLine) : (record.Summary.Range.Start.Line, record.Summary.Range.End.Line);
            start = Math.Clamp(start, 0, Math.Max(0, document.LineCount - 1));
            end = Math.Clamp(end, start, Math.Max(0, document.LineCount - 1));
            return (new Snippet(document.Uri, language, document.Text, start, end, Evaluation.EvaluationScheduler.ParseSnippetSource(record.Details.SnippetSource)), document.Version);
        });
    }

    private async Task<FixWithAiResult> RefuseAsync(MessageType type, string why, IReadOnlyList<string> failedTests)
    {
        var message = $"{Title}: not applied: {why}";
        logger.LogInformation("{Message}", message);
        await client.NotifyAsync(Methods.WindowShowMessage, new ShowMessageParams(type, message)).ConfigureAwait(false);
        return new FixWithAiResult(false, message, failedTests);
    }

    /// <summary>Rewrites go through the evaluation queue like every other run: one sandbox run at a time.</summary>
    private sealed class QueuedEvaluator(EvaluationQueue queue, string label) : ISnippetEvaluator
    {
        public Task<SnippetEvaluation> EvaluateAsync(Snippet snippet, CancellationToken cancellationToken) => queue.RunAsync(snippet, label, cancellationToken);
    }
}
