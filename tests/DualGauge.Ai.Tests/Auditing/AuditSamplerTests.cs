using DualGauge.Ai.Auditing;
using DualGauge.Ai.Tests.Infrastructure;
using DualGauge.Core.Reports;
using DualGauge.Core.Tasks;
using FluentAssertions;

namespace DualGauge.Ai.Tests.Auditing;

[TestClass]
public sealed class AuditSamplerTests
{
    private static BenchReportDocument Report(int samples)
    {
        var task = TestRepository.Task(TestRepository.SqlTask);
        var verdicts = Enumerable.Range(0, samples).Select(i => Verdicts.FromTrace(task, "m", i.ToString(), i % 2 == 0 ? "quote_in_term" : null)).ToList();
        // The judge calls every test "pass": it disagrees with the oracles exactly on the failed security tests.
        var judgments = verdicts.SelectMany(v => v.Tests.Select(t => new JudgedTest(v.Model, v.TaskId, v.SampleId, t.Test.Id, t.Kind, t.Test.Cwe, t.Passed, JudgeVerdict.Pass, "looks fine"))).ToList();
        var report = BenchReport.Create(verdicts, new RunMetadata(DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1), "bench-tasks", "img", "dualgauge bench", "0.1.0"))
            with { Judge = new JudgeSection("judge-1", judgments) };
        return JsonReportRenderer.Parse(new JsonReportRenderer().Render(report));
    }

    [TestMethod]
    public void Draw_SameSeed_SameItems_OtherSeed_OtherItems()
    {
        var report = Report(20);

        var a = AuditSampler.Draw(report, "report.json", 0.05, seed: 7);
        var b = AuditSampler.Draw(report, "report.json", 0.05, seed: 7);
        var c = AuditSampler.Draw(report, "report.json", 0.05, seed: 8);

        a.Key.Population.Should().Be(20 * TestRepository.Task(TestRepository.SqlTask).Tests.Count);
        a.Review.Items.Should().HaveCount((int)Math.Ceiling(a.Key.Population * 0.05));
        a.Key.Items.Select(i => i.Key).Should().Equal(b.Key.Items.Select(i => i.Key));
        a.Review.Items.Select(i => (i.TaskId, i.TestId, i.Source)).Should().Equal(b.Review.Items.Select(i => (i.TaskId, i.TestId, i.Source)));
        c.Key.Items.Select(i => i.Key).Should().NotEqual(a.Key.Items.Select(i => i.Key));
        a.Review.Items.Should().OnlyContain(i => i.TraceEvents.Count > 0 && i.Label == null);
        a.Review.Items.Select(i => i.Id).Should().Equal(a.Key.Items.Select(i => i.Id));
    }

    [TestMethod]
    public void Draw_ReportWithoutJudge_SaysHowToGetOne()
    {
        var report = Report(1) with { Judge = null };

        var act = () => AuditSampler.Draw(report, "r.json");

        act.Should().Throw<InvalidDataException>().WithMessage("r.json: *--judge*");
    }

    [TestMethod]
    public void Score_ReviewerLabels_ReportsOracleAndJudgeAgreement()
    {
        var report = Report(4);
        var (review, key) = AuditSampler.Draw(report, "report.json", 1.0, seed: 3);
        // The reviewer agrees with the oracles everywhere; one label is not pass/fail.
        var judged = report.Judge!.Judgments.ToDictionary(j => j.Key);
        var testOf = key.Items.ToDictionary(i => i.Id, i => i.Key);
        var labelled = review with
        {
            Items = review.Items.Select((item, i) => item with { Label = i == 0 ? "unsure" : judged[testOf[item.Id]].OraclePassed ? "pass" : "fail" }).ToList(),
        };

        var result = AuditSampler.Score(labelled, key, report);

        result.Labelled.Should().Be(review.Items.Count - 1);
        result.Problems.Should().ContainSingle().Which.Should().Contain("items[0]").And.Contain("'unsure'");
        result.Oracles.Percent.Should().Be(100);
        result.Judge.Percent.Should().BeLessThan(100);
        result.Disagreements.Should().OnlyContain(d => d.Human == "fail" && d.Judge == "pass");
    }
}
