using System.Globalization;
using DualGauge.Core.Tasks;

namespace DualGauge.Snippets.Corpus;

/// <summary>The figures of one table row: a language, a CWE, or the whole corpus.</summary>
/// <param name="Insecure">Snippets labelled insecure.</param>
/// <param name="SecureOrNeutral">Snippets labelled secure or neutral.</param>
/// <param name="SecureOnInsecureUnrelated">Of <paramref name="SecureOnInsecure"/>, those whose probes tested no CWE of the label's family.</param>
/// <param name="NotJudged">No security verdict (evaluator errors included).</param>
public sealed record CorpusRow(
    string Key,
    int Snippets,
    int Matched,
    int Verdicts,
    int Insecure,
    int FlaggedRightCwe,
    int FlaggedWrongCwe,
    int SecureOrNeutral,
    int FalseAlarms,
    int SecureOnInsecure,
    int SecureOnInsecureUnrelated,
    int NotJudged,
    int Unfounded,
    int Errors)
{
    public double MatchRate => Rate(Matched, Snippets);

    public double VerdictRate => Rate(Verdicts, Snippets);

    /// <summary>Of the insecure snippets, those flagged with the labelled CWE.</summary>
    public double RightCweRate => Rate(FlaggedRightCwe, Insecure);

    /// <summary>Of the secure and neutral snippets, those flagged insecure.</summary>
    public double FalseAlarmRate => Rate(FalseAlarms, SecureOrNeutral);

    public static CorpusRow Of(string key, IReadOnlyCollection<CorpusResult> results) => new(
        key,
        results.Count,
        results.Count(r => r.Matched),
        results.Count(r => r.VerdictGiven),
        results.Count(r => r.Entry.Label.Kind == CorpusLabelKind.Insecure),
        results.Count(r => r.FlaggedRightCwe),
        results.Count(r => r.FlaggedWrongCwe),
        results.Count(r => r.Entry.Label.Kind != CorpusLabelKind.Insecure),
        results.Count(r => r.FalseAlarm),
        results.Count(r => r.SecureOnInsecure),
        results.Count(r => r.SecureByUnrelatedTemplate),
        results.Count(r => r.Outcome is CorpusOutcome.NotJudged or CorpusOutcome.Error),
        results.Count(r => r.Unfounded),
        results.Count(r => r.Outcome == CorpusOutcome.Error));

    private static double Rate(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}

/// <summary>The corpus figures: all snippets, per language and per labelled CWE (neutral snippets under "neutral").</summary>
public sealed record CorpusSummary(CorpusRow Total, IReadOnlyList<CorpusRow> ByLanguage, IReadOnlyList<CorpusRow> ByCwe)
{
    public const string NeutralKey = "neutral";

    public static CorpusSummary Create(IReadOnlyList<CorpusResult> results)
    {
        var byLanguage = results.GroupBy(r => r.Entry.Language).OrderBy(g => g.Key)
            .Select(g => CorpusRow.Of(g.Key.Id(), g.ToList())).ToList();
        var byCwe = results.GroupBy(r => r.Entry.Label.Cwe ?? NeutralKey)
            .OrderBy(g => g.Key == NeutralKey ? int.MaxValue : CweNumber(g.Key))
            .Select(g => CorpusRow.Of(g.Key, g.ToList())).ToList();
        return new CorpusSummary(CorpusRow.Of("all", results), byLanguage, byCwe);
    }

    private static int CweNumber(string cwe) =>
        int.TryParse(cwe.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue - 1;
}

/// <summary>The gate a corpus run must pass. Defaults: verdict rate at least 0.80, false alarms at most 0.03, no "secure" on insecure code by an unrelated template.</summary>
public sealed record CorpusThresholds(double MinVerdictRate = 0.80, double MaxFalseAlarmRate = 0.03, int MaxUnrelatedSecure = 0)
{
    /// <summary>Every threshold the run misses, in words; empty when it passes. Unfounded verdicts and evaluator errors always fail.</summary>
    public IReadOnlyList<string> Check(CorpusRow total)
    {
        var missed = new List<string>();
        if (total.VerdictRate < MinVerdictRate)
        {
            missed.Add($"verdict rate {total.VerdictRate:0.000} ({total.Verdicts} of {total.Snippets} snippets got a security verdict) is below --min-verdict-rate {MinVerdictRate:0.00#}");
        }

        if (total.FalseAlarmRate > MaxFalseAlarmRate)
        {
            missed.Add($"false-alarm rate {total.FalseAlarmRate:0.000} ({total.FalseAlarms} of {total.SecureOrNeutral} secure/neutral snippets flagged insecure) is above --max-false-alarm-rate {MaxFalseAlarmRate:0.00#}");
        }

        if (total.SecureOnInsecureUnrelated > MaxUnrelatedSecure)
        {
            missed.Add($"{total.SecureOnInsecureUnrelated} insecure snippet(s) called \"secure\" by an unrelated template, above --max-unrelated-secure {MaxUnrelatedSecure}");
        }

        if (total.Unfounded > 0)
        {
            missed.Add($"{total.Unfounded} snippet(s) called \"works\"/\"secure\" where no probe or test completed (must be 0)");
        }

        if (total.Errors > 0)
        {
            missed.Add($"{total.Errors} evaluation(s) failed with an error (must be 0)");
        }

        return missed;
    }
}
