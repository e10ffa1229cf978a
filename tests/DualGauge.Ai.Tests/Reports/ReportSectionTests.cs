using DualGauge.Ai.Tests.Infrastructure;
using DualGauge.Core.Reports;
using DualGauge.Core.Tasks;
using FluentAssertions;

namespace DualGauge.Ai.Tests.Reports;

[TestClass]
public sealed class ReportSectionTests
{
    private static BenchReport Report()
    {
        var task = TestRepository.Task(TestRepository.SqlTask);
        var verdict = Verdicts.FromTrace(task, "m", "0", failingSecurityTest: "quote_in_term");
        var judgments = new List<JudgedTest>
        {
            new("m", task.Id, "0", "quote_in_term", TestKind.Security, "CWE-89", false, JudgeVerdict.Pass, "the <b>query</b> looked bound"),
            new("m", task.Id, "0", "finds_by_substring", TestKind.Functional, null, true, JudgeVerdict.Pass, "fine"),
            new("m", task.Id, "0", "percent_is_literal", TestKind.Functional, null, true, JudgeVerdict.Malformed, "malformed: no JSON object", "hmm"),
        };
        return BenchReport.Create([verdict], new RunMetadata(DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1), "bench-tasks", "img", "dualgauge bench", "0.1.0")) with
        {
            Judge = new JudgeSection("judge-1", judgments),
            Adaptations = [new SampleAdaptation("m", task.Id, "0", 1, "entry point search_products not found", null, "search_products = find", "alias", true, "loaded")],
        };
    }

    [TestMethod]
    public void Markdown_JudgeAndAdaptations_ShowAgreementKappaAndEveryDisagreement()
    {
        var md = new MarkdownReportRenderer().Render(Report());

        md.Should().Contain("## LLM judge").And.Contain("50.0% (1/2), Cohen's kappa 0.000").And.Contain("malformed answers: 1");
        md.Should().Contain("### Disagreements").And.Contain("`quote_in_term`");
        md.Should().Contain("## Agentic adaptations").And.Contain("`search_products = find`");
    }

    [TestMethod]
    public void Html_JudgeReasoning_IsEscaped()
    {
        var html = new HtmlReportRenderer().Render(Report());

        html.Should().Contain("<h2>LLM judge</h2>").And.Contain("the &lt;b&gt;query&lt;/b&gt; looked bound").And.NotContain("<b>query</b>");
        html.Should().Contain("<h2>Agentic adaptations</h2>");
    }

    [TestMethod]
    public void Json_JudgeSection_RoundTrips()
    {
        var document = JsonReportRenderer.Parse(new JsonReportRenderer().Render(Report()));

        document.Judge!.JudgeModel.Should().Be("judge-1");
        document.Judge.Disagreements.Should().Be(1);
        document.Judge.Agreement.Kappa.Should().Be(0);
        document.Judge.Judgments.Should().HaveCount(3);
        document.Judge.Judgments[2].Verdict.Should().Be(JudgeVerdict.Malformed);
        document.Adaptations.Should().ContainSingle().Which.Adopted.Should().BeTrue();
    }

    [TestMethod]
    public void Markdown_AdoptedGlue_MarksTheSampleGlueAdapted()
    {
        var md = new MarkdownReportRenderer().Render(Report());

        md.Should().Contain("**Glue-adapted:** 1 sample (m: 1) ran with harness glue").And.Contain("### Glue-adapted samples")
            .And.Contain($"`m/{TestRepository.SqlTask}/0 (glue-adapted)`");
    }

    [TestMethod]
    public void Html_AdoptedGlue_MarksTheSampleGlueAdapted()
    {
        var html = new HtmlReportRenderer().Render(Report());

        html.Should().Contain("<span class=\"badge glue\">glue-adapted</span>").And.Contain("<h3>Glue-adapted samples</h3>").And.Contain("<strong>Glue-adapted:</strong>");
    }

    [TestMethod]
    public void Json_AdoptedGlue_MarksTheSampleGlueAdaptedAndOnlyIt()
    {
        var adopted = JsonReportRenderer.Parse(new JsonReportRenderer().Render(Report()));
        var refused = JsonReportRenderer.Parse(new JsonReportRenderer().Render(Report() with
        {
            Adaptations = [new SampleAdaptation("m", TestRepository.SqlTask, "0", 1, "entry point search_products not found", null, "find = None", "", false, "rejected: rebinds")],
        }));

        adopted.Samples.Should().ContainSingle().Which.GlueAdapted.Should().BeTrue();
        refused.Samples.Should().ContainSingle().Which.GlueAdapted.Should().BeFalse("rejected glue leaves the sample as it was");
        new JsonReportRenderer().Render(Report()).Should().Contain("\"glueAdapted\": true");
    }

    [TestMethod]
    public void Sarif_AdoptedGlue_MarksTheSamplesResults()
    {
        new SarifReportRenderer().Render(Report()).Should().Contain("\"glueAdapted\": true");
        new SarifReportRenderer().Render(Report() with { Adaptations = [] }).Should().NotContain("glueAdapted");
    }

    [TestMethod]
    public void Markdown_NoJudge_HasNoJudgeSection()
    {
        new MarkdownReportRenderer().Render(Report() with { Judge = null, Adaptations = [] }).Should().NotContain("LLM judge").And.NotContain("Agentic");
    }
}
