using DualGauge.Core.Execution;
using DualGauge.LanguageServer.Documents;
using DualGauge.LanguageServer.Evaluation;
using DualGauge.Snippets;
using Microsoft.Extensions.Logging;

namespace DualGauge.LanguageServer.Fixes;

/// <summary>
/// Prepares verified quick fixes. After an evaluation finds a CWE, each deterministic rewrite for it
/// (<see cref="QuickFixes"/>) is applied to a copy of the document and evaluated by the same dual tests through
/// the same queue. A rewrite is kept only when the same template (or bench task) still matches, every functional
/// and security test passes, and the security probes reached the code; only then is it offered as a code action,
/// and only while the function is unchanged. A rewrite that does not pass is never shown.
/// </summary>
internal sealed class QuickFixVerifier(EvaluationScheduler scheduler, EvaluationQueue queue, DocumentStore store, History.HistoryStore history, LanguageServerOptions options, ILogger<QuickFixVerifier> logger)
{
    /// <summary>At most this many candidate rewrites are run per evaluation (each is one sandbox run).</summary>
    public const int MaxCandidates = 3;

    private int started;

    public void Start()
    {
        if (!options.VerifyQuickFixes || Interlocked.Exchange(ref started, 1) != 0)
        {
            return;
        }

        scheduler.Evaluated += (uri, region, evaluation, historyId) =>
        {
            if (evaluation.Assessment.Security != SecurityStatus.Insecure)
            {
                return;
            }

            var generation = store.Read(_ => region.Generation);
            _ = Task.Run(async () =>
            {
                try
                {
                    await VerifyAsync(uri, region, generation, evaluation, historyId).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is OperationCanceledException or SandboxUnavailableException)
                {
                    logger.LogDebug("Quick fixes for history entry {Id} not verified: {Message}", historyId, ex.Message);
                }
                catch (Exception ex)
                {
                    logger.LogWarning(ex, "Verifying quick fixes for history entry {Id} failed", historyId);
                }
            });
        };
    }

    internal async Task<IReadOnlyList<VerifiedFix>> VerifyAsync(string uri, TrackedRegion region, int generation, SnippetEvaluation original, long historyId)
    {
        var lines = original.Snippet.DocumentText.Split('\n');
        var start = original.StartLine;
        var end = Math.Min(original.EndLine, lines.Length - 1);
        var function = string.Join('\n', lines[start..(end + 1)]);
        var cwes = original.Findings.Where(f => f.Kind == Core.Tasks.TestKind.Security && f.Cwe is not null).Select(f => f.Cwe!).Distinct(StringComparer.OrdinalIgnoreCase);
        var candidates = cwes.SelectMany(cwe => QuickFixes.Propose(original.Snippet.Language, function, cwe)).Take(MaxCandidates).ToList();
        var verified = new List<VerifiedFix>();
        foreach (var candidate in candidates)
        {
            var newLines = candidate.NewFunctionText.Split('\n');
            var document = string.Join('\n', lines[..start].Concat(newLines).Concat(lines[(end + 1)..]));
            var snippet = original.Snippet with { DocumentText = document, StartLine = start, EndLine = start + newLines.Length - 1 };
            var label = $"quick fix for history entry {historyId}";
            var evaluation = await queue.RunAsync(snippet, label, CancellationToken.None).ConfigureAwait(false);
            var sameTests = evaluation.Match.Kind == original.Match.Kind && evaluation.Match.TemplateId == original.Match.TemplateId;
            var passes = evaluation.Verdict is { FunctionalPass: true, SecurePass: true } && evaluation.Assessment.Security == SecurityStatus.Secure
                && evaluation.Assessment.Functional != FunctionalStatus.Broken;
            if (!sameTests || !passes)
            {
                logger.LogInformation("Quick fix '{Title}' for history entry {Id} not offered: {Why}", candidate.Title, historyId,
                    !sameTests ? $"matched {evaluation.Match.TemplateId ?? "nothing"} instead of {original.Match.TemplateId}" : evaluation.Assessment.SecurityDetail);
                continue;
            }

            var evidence = $"{evaluation.Verdict!.Tests.Count(t => t.Passed)}/{evaluation.Verdict.Tests.Count} tests of {evaluation.Match.TemplateId} pass; {evaluation.Assessment.SecurityDetail}";
            verified.Add(new VerifiedFix(candidate.Title, candidate.Cwe, generation, start, end, candidate.NewFunctionText + (end + 1 < lines.Length ? "\n" : ""), evidence));
            logger.LogInformation("Quick fix '{Title}' for history entry {Id} verified: {Evidence}", candidate.Title, historyId, evidence);
        }

        if (verified.Count > 0)
        {
            history.SetVerifiedFixes(historyId, verified);
            store.Write(_ =>
            {
                // Offered only for the code it was verified on: an edit since (a new generation) drops it.
                if (region.Generation == generation && region.HistoryId == historyId)
                {
                    region.VerifiedFixes = verified;
                }
            });
        }

        return verified;
    }
}
