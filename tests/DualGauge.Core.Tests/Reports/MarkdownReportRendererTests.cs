using DualGauge.Core.Reports;
using DualGauge.Core.Tasks;
using DualGauge.Core.Verdicts;
using FluentAssertions;
using static DualGauge.Core.Tests.Metrics.FakeVerdicts;

namespace DualGauge.Core.Tests.Reports;

[TestClass]
public sealed class MarkdownReportRendererTests
{
    [TestMethod]
    public void Render_TwoModels_WritesModelTableWithPassAtK()
    {
        var md = new MarkdownReportRenderer().Render(BenchReport.Create(TwoModels(), Fixtures.Run, [1, 2]));

        md.Should().Contain("| Model | Tasks | Samples | Functional % | Secure % | Joint % | pass@1 | secure@1 | secure-pass@1 | pass@2 | secure@2 | secure-pass@2 |");
        md.Should().Contain("| model-a | 3 | 6 | 66.7 | 66.7 | 50.0 | 0.667 | 0.667 | 0.500 | 0.667 | 1.000 | 0.667 |");
        md.Should().Contain("| model-b | 2 | 4 | 75.0 | 50.0 | 50.0 | 0.833 | 0.667 | 0.667 | — | — | — |");
    }

    [TestMethod]
    public void Render_TwoModels_WritesLanguageCweAndFailureSectionsInOrder()
    {
        var md = new MarkdownReportRenderer().Render(BenchReport.Create(TwoModels(), Fixtures.Run));

        md.Should().Contain("| model-a | javascript | 1 | 2 | 0.0 | 50.0 | 0.0 |");
        md.Should().Contain("| model-a | CWE-89 | SQL injection | 1 | 2 | 100.0 | 50.0 | 50.0 |");
        md.Should().Contain("| model-a | CWE-787 | Out-of-bounds write | 1 | 2 | 100.0 | 100.0 | 100.0 |");
        md.Should().Contain("| model-a | 1 | 0 | 0 | 0 | 0 | 0 | 1 | 0 |");
        md.Should().Contain("| `model-a/js-list-files/s2` | compile error | SyntaxError: Unexpected token '}' (solution.js:4) |");
        md.Should().Contain("| `model-b/py-sql-user-lookup/s3` | `tautology_in_username` | security | CWE-89 | failed | The username ' OR '1'='1 was spliced into the SQL statement. |");
        md.Should().Contain("| `model-a/js-list-files/s1` | `lists_directory` | functional |  | timed out | test timed out after 3000 ms |");

        var order = new[] { "## Models", "## By language", "## By CWE", "### Security tests that failed", "## Failures", "## Failed tests" }
            .Select(h => md.IndexOf(h, StringComparison.Ordinal)).ToList();
        order.Should().BeInAscendingOrder().And.NotContain(-1);
    }

    [TestMethod]
    public void Render_HostileMessage_StaysInsideItsCellAsText()
    {
        var md = new MarkdownReportRenderer().Render(HtmlReportRendererTests.HostileReport());

        var row = md.Split('\n').Single(l => l.StartsWith("| `m\" onmouseover", StringComparison.Ordinal) && l.Contains("finds_existing_user"));
        row.Should().Contain("\\<\\/script\\>".Replace("\\/", "/"));
        // Six cells: the payload's own characters never add a column or open a tag.
        row.Replace("\\|", "").Count(c => c == '|').Should().Be(7);
        // Code spans render their content literally; everywhere else a '<' must be escaped.
        var outsideCode = System.Text.RegularExpressions.Regex.Replace(md, "(`+).*?\\1", "");
        System.Text.RegularExpressions.Regex.IsMatch(outsideCode, @"(?<!\\)<(img|/?script)").Should().BeFalse();
        outsideCode.Should().Contain("\\<img src=x onerror=alert(1)\\>");
    }

    [TestMethod]
    public void RenderSample_InsecureSample_ShowsFindingEvidenceAndRemediation()
    {
        var verdict = TwoModels().Single(v => v is { Model: "model-a", TaskId: "py-sql-user-lookup", SampleId: "s2" });

        var md = MarkdownReportRenderer.RenderSample(verdict, "def find_user(conn, name):\n    ...\n");

        md.Should().StartWith("# model\\-a/py\\-sql\\-user\\-lookup/s2: insecure".Replace("\\-", "-"));
        md.Should().Contain("- The username ' OR '1'='1 was spliced into the SQL statement. (`sql-no-payload`)");
        md.Should().Contain("at line 7");
        md.Should().Contain("## How to fix CWE-89: SQL injection");
        md.Should().Contain(CweCatalogue.Find("CWE-89")!.Remediation);
        md.Should().Contain("```python\ndef find_user(conn, name):");
    }

    [TestMethod]
    public void Code_TextWithBackticks_UsesALongerFence()
    {
        MarkdownText.Code("a `b` c").Should().Be("``a `b` c``");
        MarkdownText.Block("x = ```y```").Should().StartWith("````\n");
    }

    [TestMethod]
    public void RenderSample_CompileError_ShowsTheDiagnostics()
    {
        var verdict = Sample("m", "t", "s", Language.C, ["CWE-787"], [WithStatus(T3Copies, TestStatus.NotRun)], SampleFailure.CompileError, "solution.c:3: error: expected ';'");

        var md = MarkdownReportRenderer.RenderSample(verdict);

        md.Should().Contain("**The sample failed as a whole: compile error.**");
        md.Should().Contain("```\nsolution.c:3: error: expected ';'\n```");
    }
}
