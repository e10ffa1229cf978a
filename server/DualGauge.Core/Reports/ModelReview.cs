using System.Globalization;
using DualGauge.Core.Tasks;
using DualGauge.Core.Verdicts;

namespace DualGauge.Core.Reports;

/// <summary>What an LLM judge said about one test, next to what the deterministic oracles said.</summary>
public enum JudgeVerdict
{
    Pass,
    Fail,
    /// <summary>The judge answered, but not with the structured verdict asked for; recorded as such, never guessed.</summary>
    Malformed,
    /// <summary>The judge could not be asked (endpoint error after retries).</summary>
    Error,
}

/// <summary>model/task/sample/test: how a judge's answer is joined back to the test it is about.</summary>
public sealed record BlindJudgmentKey(string Model, string TaskId, string SampleId, string TestId)
{
    public override string ToString() => $"{Model}/{TaskId}/{SampleId}/{TestId}";
}

/// <summary>
/// What the LLM judge decided about one test, before anything was compared: it carries no oracle verdict.
/// <see cref="JudgeSection.Join"/> puts it next to the oracles' verdict afterwards.
/// </summary>
/// <param name="Reasoning">The judge's reasoning, or why its answer was malformed / could not be had.</param>
/// <param name="RawAnswer">The judge's answer as received, kept when it was malformed.</param>
public sealed record BlindJudgment(BlindJudgmentKey Key, JudgeVerdict Verdict, string Reasoning, string? RawAnswer = null);

/// <summary>One test of one sample: the LLM judge's verdict (decided blind) joined with the oracles' verdict.</summary>
/// <param name="OraclePassed">The deterministic verdict: the test's assertions and oracles.</param>
/// <param name="Reasoning">The judge's reasoning, or why its answer was malformed / could not be had.</param>
/// <param name="RawAnswer">The judge's answer as received, kept when it was malformed.</param>
public sealed record JudgedTest(
    string Model,
    string TaskId,
    string SampleId,
    string TestId,
    TestKind Kind,
    string? Cwe,
    bool OraclePassed,
    JudgeVerdict Verdict,
    string Reasoning,
    string? RawAnswer = null)
{
    /// <summary>The judge's verdict as a pass/fail, or null when it gave none.</summary>
    public bool? JudgePassed => Verdict switch
    {
        JudgeVerdict.Pass => true,
        JudgeVerdict.Fail => false,
        _ => null,
    };

    /// <summary>The judge gave a verdict and it differs from the oracles'.</summary>
    public bool Disagrees => JudgePassed is { } judged && judged != OraclePassed;

    /// <summary>model/task/sample/test: the key a test goes by in a review file.</summary>
    public string Key => $"{Model}/{TaskId}/{SampleId}/{TestId}";
}

/// <summary>How often two raters agreed on pass/fail, and Cohen's kappa (agreement beyond chance).</summary>
/// <param name="Compared">Items both raters gave a verdict on.</param>
/// <param name="Kappa">Null when undefined: no items, or both raters gave one and the same label to everything.</param>
public sealed record AgreementStats(int Compared, int Agreements, double Percent, double? Kappa)
{
    public string Describe() =>
        Compared == 0
            ? "nothing to compare"
            : $"{ReportText.Percent(Percent)}% ({Agreements}/{Compared}), Cohen's kappa {(Kappa is { } k ? k.ToString("0.000", CultureInfo.InvariantCulture) : "undefined")}";
}

public static class Agreement
{
    /// <summary>
    /// Percent agreement and Cohen's kappa for two raters' binary labels:
    /// kappa = (po - pe) / (1 - pe), with pe from each rater's own share of "pass".
    /// </summary>
    public static AgreementStats Compute(IEnumerable<(bool A, bool B)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        int n = 0, agree = 0, aPass = 0, bPass = 0;
        foreach (var (a, b) in pairs)
        {
            n++;
            agree += a == b ? 1 : 0;
            aPass += a ? 1 : 0;
            bPass += b ? 1 : 0;
        }

        if (n == 0)
        {
            return new AgreementStats(0, 0, 0, null);
        }

        var po = (double)agree / n;
        var pa = (double)aPass / n;
        var pb = (double)bPass / n;
        var pe = (pa * pb) + ((1 - pa) * (1 - pb));
        double? kappa = pe >= 1 ? null : (po - pe) / (1 - pe);
        return new AgreementStats(n, agree, po * 100, kappa);
    }
}

/// <summary>The LLM judge's part of a report: its verdict on every judged test and its agreement with the oracles.</summary>
/// <param name="JudgeModel">The model that judged.</param>
public sealed record JudgeSection(string JudgeModel, IReadOnlyList<JudgedTest> Judgments)
{
    /// <summary>
    /// Joins the judge's blind decisions with the oracles' verdicts on the same tests. This is the first place the two meet:
    /// the judge decided from <c>JudgeCase</c>s, which hold no verdict, and the comparison (agreement, kappa,
    /// disagreements) is made here, after both are decided.
    /// </summary>
    /// <exception cref="ArgumentException">A judgment names a test that is not among <paramref name="verdicts"/>.</exception>
    public static JudgeSection Join(string judgeModel, IReadOnlyList<SampleVerdict> verdicts, IReadOnlyList<BlindJudgment> judgments)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        ArgumentNullException.ThrowIfNull(judgments);
        var tests = new Dictionary<BlindJudgmentKey, TestResult>();
        foreach (var verdict in verdicts)
        {
            foreach (var test in verdict.Tests)
            {
                tests.TryAdd(new BlindJudgmentKey(verdict.Model, verdict.TaskId, verdict.SampleId, test.Test.Id), test);
            }
        }

        var joined = judgments.Select(j => tests.TryGetValue(j.Key, out var test)
            ? new JudgedTest(j.Key.Model, j.Key.TaskId, j.Key.SampleId, j.Key.TestId, test.Kind, test.Test.Cwe, test.Passed, j.Verdict, j.Reasoning, j.RawAnswer)
            : throw new ArgumentException($"the judgment of {j.Key} is about no test of the run", nameof(judgments))).ToList();
        return new JudgeSection(judgeModel, joined);
    }

    public AgreementStats Agreement => Reports.Agreement.Compute(
        Judgments.Where(j => j.JudgePassed is not null).Select(j => (j.OraclePassed, j.JudgePassed!.Value)));

    public int Malformed => Judgments.Count(j => j.Verdict == JudgeVerdict.Malformed);

    public int Errors => Judgments.Count(j => j.Verdict == JudgeVerdict.Error);

    public IReadOnlyList<JudgedTest> Disagreements => Judgments.Where(j => j.Disagrees).ToList();
}

/// <summary>
/// One try of the agentic executor to get a sample running: harness glue put before and/or after the
/// candidate's code, which itself is kept verbatim.
/// </summary>
/// <param name="Attempt">1-based try number.</param>
/// <param name="Reason">The setup problem that prompted the try (e.g. the load error).</param>
/// <param name="Prepend">Glue put before the candidate's code, if any.</param>
/// <param name="Append">Glue put after the candidate's code, if any.</param>
/// <param name="Explanation">What the model said the glue does.</param>
/// <param name="Adopted">The glued sample loaded and its verdict replaced the first one.</param>
/// <param name="Outcome">What happened when the glued sample ran, or why the glue was refused.</param>
public sealed record SampleAdaptation(
    string Model,
    string TaskId,
    string SampleId,
    int Attempt,
    string Reason,
    string? Prepend,
    string? Append,
    string Explanation,
    bool Adopted,
    string Outcome);
