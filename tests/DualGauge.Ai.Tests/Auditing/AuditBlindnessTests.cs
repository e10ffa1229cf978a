using System.Text.Json;
using System.Text.RegularExpressions;
using DualGauge.Ai.Auditing;
using DualGauge.Ai.Tests.Infrastructure;
using DualGauge.Core.Reports;
using FluentAssertions;
using FluentAssertions.Execution;

namespace DualGauge.Ai.Tests.Auditing;

/// <summary>The file a reviewer fills in shows no decision; the decisions are joined afterwards through a key it does not contain.</summary>
[TestClass]
public sealed partial class AuditBlindnessTests
{
    private const string Model = "reference-insecure";
    private const string Reasoning = "JUDGE-REASONING-7c1";

    private static BenchReportDocument Report()
    {
        var task = TestRepository.Task(TestRepository.SqlTask);
        var verdicts = Enumerable.Range(0, 4)
            .Select(i => Verdicts.FromTrace(task, Model, "s" + i, "quote_in_term", failingFunctionalTest: "finds_by_substring", functionalMessage: "AssertionError: expected 2 rows, got 0"))
            .ToList();
        var judgments = verdicts.SelectMany(v => v.Tests.Select(t =>
            new JudgedTest(v.Model, v.TaskId, v.SampleId, t.Test.Id, t.Kind, t.Test.Cwe, t.Passed, JudgeVerdict.Fail, Reasoning))).ToList();
        var report = BenchReport.Create(verdicts, new RunMetadata(DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1), "bench-tasks", "img", "dualgauge bench", "0.1.0"))
            with { Judge = new JudgeSection("judge-1", judgments) };
        return JsonReportRenderer.Parse(new JsonReportRenderer().Render(report));
    }

    [TestMethod]
    public void Draw_ReviewFile_ShowsNoDecisionNoModelAndNoKey()
    {
        var report = Report();

        var (review, key) = AuditSampler.Draw(report, "report.json", 1.0, seed: 3);
        var file = JsonSerializer.Serialize(review, AuditSampler.JsonOptions);
        // What the reviewer reads besides the task's own words (description, attack) and the candidate's code (where `pass` is a Python keyword).
        var items = JsonSerializer.Serialize(review.Items.Select(i => i with { Description = "", Attack = null, Source = null }), AuditSampler.JsonOptions);

        using (new AssertionScope())
        {
            file.Should().NotContain(Model, "a pseudo-model's name gives the answer away");
            file.Should().NotContain(Reasoning, "the judge's reasoning is its decision");
            file.Should().NotContain("test_end").And.NotContain("\"status\"").And.NotContain("oraclePassed").And.NotContain("judgePassed").And.NotContain("\"verdict\"");
            foreach (var entry in key.Items)
            {
                file.Should().NotContain(entry.Key, "the key is a separate file");
            }

            foreach (var test in report.Samples.SelectMany(s => s.Tests).Where(t => !t.Passed))
            {
                file.Should().NotContain(test.Message);
                foreach (var finding in test.Findings)
                {
                    file.Should().NotContain(finding.Message).And.NotContain(finding.Oracle);
                }
            }

            VerdictWords().Matches(items).Select(m => m.Value).Should().BeEmpty("no item says pass or fail");
        }

        review.Items.Should().HaveCount(report.Judge!.Judgments.Count);
        review.Items.Should().Contain(i => i.TestId == "quote_in_term" && i.Attack != null && i.TraceEvents.Any(e => e.GetRawText().Contains("UNION SELECT", StringComparison.Ordinal)),
            "the evidence of what the code did is still there");
        key.ReviewId.Should().Be(review.ReviewId);
    }

    [TestMethod]
    public void Score_LabelsJoinedThroughTheKey_CountsOraclesAndJudge()
    {
        var report = Report();
        var (review, key) = AuditSampler.Draw(report, "report.json", 1.0, seed: 3);
        var testOf = key.Items.ToDictionary(i => i.Id, i => i.Key);
        // The reviewer fails exactly quote_in_term and finds_by_substring: agrees with the oracles; the judge failed everything.
        var labelled = review with
        {
            Items = review.Items.Select(i => i with { Label = testOf[i.Id].EndsWith("/quote_in_term", StringComparison.Ordinal) || testOf[i.Id].EndsWith("/finds_by_substring", StringComparison.Ordinal) ? "fail" : "pass" }).ToList(),
        };

        var result = AuditSampler.Score(labelled, key, report);

        result.Labelled.Should().Be(review.Items.Count);
        result.Oracles.Percent.Should().Be(100);
        result.Judge.Agreements.Should().Be(2 * 4);
        result.Disagreements.Should().OnlyContain(d => d.Human == "pass" && d.Oracles == "pass" && d.Judge == "fail" && testOf[d.Id] == d.Key);
    }

    [TestMethod]
    public void Score_KeyOfAnotherDraw_IsRefused()
    {
        var report = Report();
        var first = AuditSampler.Draw(report, "report.json", 1.0, seed: 3);
        var second = AuditSampler.Draw(report, "report.json", 1.0, seed: 3);

        var act = () => AuditSampler.Score(first.Review, second.Key, report);

        act.Should().Throw<InvalidDataException>().WithMessage("*key is for review*");
    }

    [GeneratedRegex(@"\b(pass|fail|passed|failed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex VerdictWords();
}
