using System.Diagnostics;
using DualGauge.Core.Execution;

namespace DualGauge.Snippets.Corpus;

/// <summary>How one corpus snippet's evaluation compares with its label.</summary>
public enum CorpusOutcome
{
    /// <summary>Insecure code flagged with the labelled CWE, or secure/neutral code called secure.</summary>
    Ok,
    /// <summary>Insecure code flagged, but with an unrelated CWE.</summary>
    Miss,
    /// <summary>Secure or neutral code flagged insecure.</summary>
    FalseAlarm,
    /// <summary>Insecure code called secure.</summary>
    SecureOnInsecure,
    /// <summary>No security verdict.</summary>
    NotJudged,
    /// <summary>The evaluator threw (other than the sandbox being unreachable): a defect, never a verdict.</summary>
    Error,
}

/// <summary>One corpus snippet, its evaluation and how it compares with its label.</summary>
/// <param name="Evaluation">Null when the evaluator threw (<see cref="CorpusOutcome.Error"/>).</param>
/// <param name="Reason">A short reason for the one-line report.</param>
public sealed record CorpusResult(CorpusEntry Entry, CorpusOutcome Outcome, string Reason, SnippetEvaluation? Evaluation, TimeSpan Duration)
{
    public SnippetAssessment? Assessment => Evaluation?.Assessment;

    public TemplateMatch? Match => Evaluation?.Match;

    /// <summary>A bench task or a template matched.</summary>
    public bool Matched => Match?.Kind is MatchKind.BenchTask or MatchKind.Template;

    /// <summary>A security verdict was given (insecure or secure).</summary>
    public bool VerdictGiven => Assessment is { Security: not SecurityStatus.NotJudged };

    public bool FlaggedRightCwe => Entry.Label.Kind == CorpusLabelKind.Insecure && Outcome == CorpusOutcome.Ok;

    public bool FlaggedWrongCwe => Outcome == CorpusOutcome.Miss;

    public bool FalseAlarm => Outcome == CorpusOutcome.FalseAlarm;

    public bool SecureOnInsecure => Outcome == CorpusOutcome.SecureOnInsecure;

    /// <summary>"Secure" given to insecure code by probes of the labelled CWE (or its family), i.e. by a related template.</summary>
    public bool SecureByRelatedTemplate => SecureOnInsecure && Entry.Label.Cwe is { } cwe && CweFamilies.ContainsEquivalent(Assessment!.CwesTested, cwe, Entry.Language);

    /// <summary>"Secure" given to insecure code by probes of other CWE classes only.</summary>
    public bool SecureByUnrelatedTemplate => SecureOnInsecure && !SecureByRelatedTemplate;

    /// <summary>
    /// "Secure" with no probe that reached the code, or "works" with no test or example behind it. The assessor
    /// must never give either; each is counted so a regression shows.
    /// </summary>
    public bool Unfounded => Assessment is { } a
        && ((a.Security == SecurityStatus.Secure && a.ProbesReached == 0)
            || (a.Functional == FunctionalStatus.Works && a.Evidence is null or FunctionalEvidence.SmokeOnly));
}

/// <summary>
/// Evaluates every corpus entry with an <see cref="ISnippetEvaluator"/> (the labelled function's header line as
/// the range, widened by the evaluator) and compares each assessment with its label.
/// </summary>
public sealed class CorpusScorer(ISnippetEvaluator evaluator)
{
    /// <summary>Classifies one evaluation against its label.</summary>
    public static CorpusResult Classify(CorpusEntry entry, SnippetEvaluation evaluation, TimeSpan duration)
    {
        var a = evaluation.Assessment;
        var label = entry.Label;
        var template = evaluation.Match.TemplateId is { } id ? $" ({(evaluation.Match.Kind == MatchKind.BenchTask ? "bench task " : "")}{id})" : "";
        var found = string.Join(", ", a.CwesFound);
        var tested = string.Join(", ", a.CwesTested);
        CorpusOutcome outcome;
        string reason;
        switch (a.Security)
        {
            case SecurityStatus.Insecure when label.Kind == CorpusLabelKind.Insecure:
                var right = CweFamilies.ContainsEquivalent(a.CwesFound, label.Cwe!, entry.Language);
                outcome = right ? CorpusOutcome.Ok : CorpusOutcome.Miss;
                reason = right ? $"insecure: {found}{template}" : $"labelled {label.Cwe}, flagged {found} instead{template}";
                break;
            case SecurityStatus.Insecure:
                outcome = CorpusOutcome.FalseAlarm;
                reason = $"labelled {label.KindWord}{(label.Cwe is null ? "" : " " + label.Cwe)}, flagged {found}{template}";
                break;
            case SecurityStatus.Secure when label.Kind == CorpusLabelKind.Insecure:
                outcome = CorpusOutcome.SecureOnInsecure;
                var related = CweFamilies.ContainsEquivalent(a.CwesTested, label.Cwe!, entry.Language);
                reason = $"labelled {label.Cwe}, called secure against {tested} by {(related ? "a related" : "an unrelated")} template{template} ({a.ProbesReached} of {a.Probes} probes reached the code)";
                break;
            case SecurityStatus.Secure:
                outcome = CorpusOutcome.Ok;
                reason = $"secure against {tested}{template} ({a.ProbesReached} of {a.Probes} probes reached the code)";
                break;
            default:
                outcome = CorpusOutcome.NotJudged;
                reason = Strip(a.SecurityDetail) + (entry.Outlined ? "" : $" [no outlined function {label.Function}; evaluated line {entry.HeaderLine + 1}]");
                break;
        }

        var result = new CorpusResult(entry, outcome, reason, evaluation, duration);
        return result.Unfounded
            ? result with { Reason = reason + " [UNFOUNDED: " + (a.Security == SecurityStatus.Secure && a.ProbesReached == 0 ? "\"secure\" with no probe reaching the code" : "\"works\" with no test behind it") + "]" }
            : result;
    }

    /// <summary>
    /// Evaluates <paramref name="entries"/>, <paramref name="parallelism"/> at a time. <paramref name="onResult"/> is
    /// called for each result in input order, as soon as it and every earlier one are done.
    /// </summary>
    /// <exception cref="SandboxUnavailableException">The sandbox became unreachable; the run stopped.</exception>
    public async Task<IReadOnlyList<CorpusResult>> RunAsync(IReadOnlyList<CorpusEntry> entries, int parallelism, Action<CorpusResult>? onResult, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        var results = new CorpusResult?[entries.Count];
        var next = 0;
        var gate = new object();
        SandboxUnavailableException? unavailable = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, entries.Count),
                new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = stop.Token },
                async (index, token) =>
                {
                    // Set at once by CancelAsync, unlike the loop's own linked token: no snippet starts once the sandbox is gone.
                    if (stop.IsCancellationRequested)
                    {
                        return;
                    }

                    var entry = entries[index];
                    var clock = Stopwatch.StartNew();
                    CorpusResult result;
                    try
                    {
                        var evaluation = await evaluator.EvaluateAsync(entry.ToSnippet(), token).ConfigureAwait(false);
                        result = Classify(entry, evaluation, clock.Elapsed);
                    }
                    catch (SandboxUnavailableException ex)
                    {
                        Interlocked.CompareExchange(ref unavailable, ex, null);
                        await stop.CancelAsync().ConfigureAwait(false);
                        return;
                    }
                    catch (OperationCanceledException) when (token.IsCancellationRequested)
                    {
                        throw;
                    }
                    catch (Exception ex)
                    {
                        result = new CorpusResult(entry, CorpusOutcome.Error, $"the evaluator failed: {ex.GetType().Name}: {FirstLine(ex.Message)}", null, clock.Elapsed);
                    }

                    lock (gate)
                    {
                        results[index] = result;
                        while (next < results.Length && results[next] is { } ready)
                        {
                            onResult?.Invoke(ready);
                            next++;
                        }
                    }
                }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (unavailable is not null && !cancellationToken.IsCancellationRequested)
        {
            // Reported below.
        }

        if (unavailable is not null)
        {
            throw new SandboxUnavailableException(unavailable.Message, unavailable);
        }

        return results.Select(r => r!).ToList();
    }

    private static string Strip(string detail) => FirstLine(detail).Length > 240 ? FirstLine(detail)[..237] + "..." : FirstLine(detail);

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
