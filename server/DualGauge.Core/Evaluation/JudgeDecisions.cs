using DualGauge.Core.Reports;
using DualGauge.Core.Verdicts;

namespace DualGauge.Core.Evaluation;

/// <summary>
/// Where only the LLM judge can decide a test (an imported prose expectation with no oracle mapped:
/// <see cref="Tasks.TestSpec.NeedsJudge"/>), its blind answer becomes the test's result. Every other test keeps the
/// oracles' verdict, and only those are compared with the judge (agreement, kappa): a test the judge alone decides
/// has no second opinion to agree with.
/// </summary>
public static class JudgeDecisions
{
    public const string Prefix = "decided by the LLM judge: ";

    /// <summary>The verdicts with judge-only tests decided, and the judge section reduced to the tests the oracles decided.</summary>
    public static (IReadOnlyList<SampleVerdict> Verdicts, JudgeSection Section, int Decided) Apply(IReadOnlyList<SampleVerdict> verdicts, JudgeSection section)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        ArgumentNullException.ThrowIfNull(section);
        var byKey = section.Judgments.GroupBy(j => j.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var judgeOnly = new HashSet<string>(StringComparer.Ordinal);
        var decided = 0;
        var result = new List<SampleVerdict>(verdicts.Count);
        foreach (var verdict in verdicts)
        {
            if (!verdict.Tests.Any(t => t.Test.NeedsJudge))
            {
                result.Add(verdict);
                continue;
            }

            var tests = verdict.Tests.Select(t =>
            {
                if (!t.Test.NeedsJudge)
                {
                    return t;
                }

                var key = $"{verdict.Model}/{verdict.TaskId}/{verdict.SampleId}/{t.Test.Id}";
                judgeOnly.Add(key);
                if (t.Status != TestStatus.NotJudged || t.Findings.Count > 0 || !byKey.TryGetValue(key, out var judged))
                {
                    return t; // failed for a reason of its own (an oracle finding, a crash), or the judge never saw it
                }

                switch (judged.Verdict)
                {
                    case JudgeVerdict.Pass:
                        decided++;
                        return t with { Status = TestStatus.Passed, Passed = true, Message = Prefix + judged.Reasoning };
                    case JudgeVerdict.Fail:
                        decided++;
                        return t with { Status = TestStatus.Failed, Passed = false, Message = Prefix + judged.Reasoning };
                    default:
                        return t with { Message = $"not judged: the LLM judge gave no verdict ({judged.Reasoning})" };
                }
            }).ToList();
            result.Add(verdict with { Tests = tests });
        }

        return (result, section with { Judgments = section.Judgments.Where(j => !judgeOnly.Contains(j.Key)).ToList() }, decided);
    }
}
