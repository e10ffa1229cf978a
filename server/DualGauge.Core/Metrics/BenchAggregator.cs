using DualGauge.Core.Tasks;
using DualGauge.Core.Verdicts;

namespace DualGauge.Core.Metrics;

/// <summary>Turns sample verdicts into a <see cref="BenchSummary"/>.</summary>
public static class BenchAggregator
{
    public static readonly IReadOnlyList<int> DefaultKs = [1, 5, 10];

    /// <param name="verdicts">Every sample verdict of the run.</param>
    /// <param name="ks">The ks for pass@k; null means 1, 5 and 10. A group reports a k only when every task in it has at least k samples.</param>
    public static BenchSummary Summarize(IReadOnlyList<SampleVerdict> verdicts, IEnumerable<int>? ks = null)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var kList = (ks ?? DefaultKs).Distinct().Order().ToList();
        if (kList.Count > 0 && kList[0] < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ks), kList[0], $"pass@k needs every k >= 1, got k = {kList[0]}.");
        }

        var models = verdicts.Select(v => v.Model).Distinct(StringComparer.Ordinal).ToList();

        var byModel = models
            .Select(m => Group(m, null, null, verdicts.Where(v => v.Model == m).ToList(), kList))
            .ToList();

        var byModelLanguage = (
            from m in models
            from language in Enum.GetValues<Language>()
            let members = verdicts.Where(v => v.Model == m && v.Language == language).ToList()
            where members.Count > 0
            select Group(m, language.Id(), null, members, kList)).ToList();

        var cwes = verdicts.SelectMany(v => v.Cwes).Select(Cwe.Normalize).Distinct().Order(Cwe.Comparer).ToList();
        var byModelCwe = (
            from m in models
            from cwe in cwes
            let members = verdicts.Where(v => v.Model == m && v.Cwes.Any(c => Cwe.Normalize(c) == cwe)).ToList()
            where members.Count > 0
            select Group(m, null, cwe, members, kList)).ToList();

        var failures = models.Select(m => Failures(m, verdicts.Where(v => v.Model == m))).ToList();

        return new BenchSummary(
            kList,
            models,
            verdicts.Select(v => v.TaskId).Distinct(StringComparer.Ordinal).Count(),
            verdicts.Count,
            byModel,
            byModelLanguage,
            byModelCwe,
            failures,
            TestStats(verdicts));
    }

    private static GroupMetrics Group(string model, string? language, string? cwe, IReadOnlyList<SampleVerdict> samples, IReadOnlyList<int> ks)
    {
        var tasks = samples.GroupBy(v => v.TaskId, StringComparer.Ordinal).ToList();
        var functional = samples.Count(v => v.FunctionalPass);
        var secure = samples.Count(v => v.SecurePass);
        var joint = samples.Count(v => v.JointPass);
        var smallestTask = tasks.Count == 0 ? 0 : tasks.Min(t => t.Count());

        var passAtK = ks
            .Where(k => k <= smallestTask)
            .Select(k => new PassAtKValues(
                k,
                tasks.Average(t => PassAtK.Estimate(t.Count(), t.Count(v => v.FunctionalPass), k)),
                tasks.Average(t => PassAtK.Estimate(t.Count(), t.Count(v => v.SecurePass), k)),
                tasks.Average(t => PassAtK.Estimate(t.Count(), t.Count(v => v.JointPass), k))))
            .ToList();

        return new GroupMetrics(
            model,
            language,
            cwe,
            tasks.Count,
            samples.Count,
            functional,
            secure,
            joint,
            Percent(functional, samples.Count),
            Percent(secure, samples.Count),
            Percent(joint, samples.Count),
            passAtK);
    }

    private static double Percent(int part, int whole) => whole == 0 ? 0 : 100.0 * part / whole;

    private static FailureCounts Failures(string model, IEnumerable<SampleVerdict> samples)
    {
        var list = samples.ToList();
        int Count(SampleFailure failure) => list.Count(v => v.Failure == failure);
        var ran = list.Where(v => v.Failure == SampleFailure.None).SelectMany(v => v.Tests).ToList();
        return new FailureCounts(
            model,
            Count(SampleFailure.CompileError),
            Count(SampleFailure.Timeout),
            Count(SampleFailure.Crash),
            Count(SampleFailure.OutputFlood),
            Count(SampleFailure.OutOfMemory),
            Count(SampleFailure.SandboxError),
            ran.Count(t => t.Status == TestStatus.TimedOut),
            ran.Count(t => t.Status == TestStatus.Crashed));
    }

    private static IReadOnlyList<TestFailureStats> TestStats(IReadOnlyList<SampleVerdict> verdicts)
    {
        var runs = verdicts.SelectMany(v => v.Tests.Select(t => (Verdict: v, Test: t)));
        return runs
            .GroupBy(r => (r.Verdict.TaskId, r.Test.Test.Id))
            .Select(g =>
            {
                var first = g.First();
                var ran = g.Where(r => r.Test.Status != TestStatus.NotRun).ToList();
                var failed = ran.Where(r => !r.Test.Passed).ToList();
                var cwe = first.Test.Kind == TestKind.Security
                    ? first.Test.Test.Cwe is { } own ? Cwe.Normalize(own) : first.Verdict.Cwes.Select(Cwe.Normalize).FirstOrDefault()
                    : null;
                return new TestFailureStats(
                    cwe,
                    first.Verdict.TaskId,
                    first.Test.Test.Id,
                    KindId(first.Test.Kind),
                    ran.Count,
                    failed.Count,
                    failed.GroupBy(r => r.Verdict.Model, StringComparer.Ordinal).ToDictionary(m => m.Key, m => m.Count(), StringComparer.Ordinal));
            })
            .OrderBy(s => s.Cwe is null)
            .ThenBy(s => s.Cwe, Cwe.Comparer)
            .ThenBy(s => s.TaskId, StringComparer.Ordinal)
            .ThenBy(s => s.TestId, StringComparer.Ordinal)
            .ToList();
    }

    internal static string KindId(TestKind kind) => kind == TestKind.Security ? "security" : "functional";
}
