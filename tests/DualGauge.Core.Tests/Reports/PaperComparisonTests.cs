using System.Text.Json;
using DualGauge.Core.Reports;
using DualGauge.Core.Tasks;
using DualGauge.Core.Verdicts;
using FluentAssertions;
using static DualGauge.Core.Tests.Metrics.FakeVerdicts;

namespace DualGauge.Core.Tests.Reports;

[TestClass]
public sealed class PaperComparisonTests
{
    private const string File = "paper.json";

    private static readonly TestSpec Works = Functional("works");
    private static readonly TestSpec Resists = Security("resists", "CWE-22");

    // Two python tasks, two samples each: pass@1 (1 + 1/2) / 2 = 75 %, secure@1 (1/2 + 1) / 2 = 75 %, secure-pass@1 50 %.
    private static IReadOnlyList<SampleVerdict> Run() =>
    [
        Sample("ours-x", "dgb-1", "0", Language.Python, ["CWE-22"], [Pass(Works), Pass(Resists)]),
        Sample("ours-x", "dgb-1", "1", Language.Python, ["CWE-22"], [Pass(Works), Fail(Resists, "escaped")]),
        Sample("ours-x", "dgb-2", "0", Language.Python, ["CWE-22"], [Fail(Works, "wrong"), Pass(Resists)]),
        Sample("ours-x", "dgb-2", "1", Language.Python, ["CWE-22"], [Pass(Works), Pass(Resists)]),
    ];

    [TestMethod]
    public void Parse_ValidFile_ReadsEveryRow_OursDefaultsToTheModel()
    {
        var (figures, errors) = PaperFigures.Parse("""
            {"source": "Table 2", "models": [
              {"model": "gpt-x", "language": "python", "pass@1": 38.6, "secure@1": 21, "secure-pass@1": 14.8, "ours": "ours-x"},
              {"model": "gpt-x", "language": "c++", "pass@1": 30.1}
            ]}
            """, File);

        errors.Should().BeEmpty();
        figures!.Source.Should().Be("Table 2");
        figures.Rows.Should().Equal(
            new PaperFigure("gpt-x", "python", 38.6, 21, 14.8, "ours-x"),
            new PaperFigure("gpt-x", "cpp", 30.1, null, null, "gpt-x"));
    }

    [TestMethod]
    public void Parse_BadRows_ReportsFileFieldAndProblem_AndGivesNoFigures()
    {
        var (figures, errors) = PaperFigures.Parse("""
            {"models": [
              {"language": "python", "pass@1": 1},
              {"model": "m", "language": "cobol", "pass@1": 1},
              {"model": "m", "language": "python", "pass@1": 140},
              {"model": "m", "language": "python"},
              {"model": "n", "language": "js", "secure@1": 3},
              {"model": "n", "language": "javascript", "secure@1": 4}
            ]}
            """, File);

        figures.Should().BeNull();
        errors.Should().Equal(
            "paper.json: models[0].model: missing",
            "paper.json: models[1].language: 'cobol' is not one of python, javascript, c, cpp",
            "paper.json: models[2].pass@1: must be a percentage from 0 to 100",
            "paper.json: models[3]: gives none of pass@1, secure@1, secure-pass@1",
            "paper.json: models[5]: a second entry for n in javascript");
        PaperFigures.Parse("[1, 2]", File).Errors.Should().ContainSingle().Which.Should().StartWith("paper.json: models: missing");
        PaperFigures.Parse("{", File).Errors.Should().ContainSingle().Which.Should().StartWith("paper.json: not valid JSON");
    }

    [TestMethod]
    public void Create_PutsOurPassAt1BesideThePapers_WithSignedDeltas()
    {
        var (figures, _) = PaperFigures.Parse("""
            {"source": "Table 2", "models": [
              {"model": "gpt-x", "language": "python", "pass@1": 38.6, "secure@1": 80, "secure-pass@1": 14.8, "ours": "ours-x"},
              {"model": "gpt-y", "language": "python", "pass@1": 10}
            ]}
            """, File);
        var report = BenchReport.Create(Run(), Fixtures.Run, [1]);

        var comparison = PaperComparison.Create(figures!, report.Summary);
        var (header, rows) = comparison.Table();

        header.Should().StartWith(["Model (paper)", "Ours", "Language", "pass@1 paper", "pass@1 ours", "Δ"]);
        rows[0].Should().Equal("gpt-x", "ours-x", "python", "38.6", "75.0", "+36.4", "80.0", "75.0", "-5.0", "14.8", "50.0", "+35.2");
        rows[1].Should().Equal("gpt-y", "gpt-y (no samples)", "python", "10.0", "—", "—", "—", "—", "—", "—", "—", "—");
        comparison.CompactTable().Rows[0].Should().Equal("gpt-x", "ours-x", "python", "38.6 / 75.0 (+36.4)", "80.0 / 75.0 (-5.0)", "14.8 / 50.0 (+35.2)");
    }

    [TestMethod]
    public void Markdown_WithPaperFigures_HasTheSectionAfterByLanguage_WithoutThemNone()
    {
        var (figures, _) = PaperFigures.Parse("""{"source": "Table 2", "models": [{"model": "ours-x", "language": "python", "secure-pass@1": 14.8}]}""", File);
        var plain = BenchReport.Create(Run(), Fixtures.Run, [1]);
        var compared = plain with { Paper = PaperComparison.Create(figures!, plain.Summary) };

        var md = new MarkdownReportRenderer().Render(compared);

        md.Should().Contain("## Beside the paper\n\nThe paper's published figures (Table 2) beside ours");
        md.Should().Contain("| ours-x | ours-x | python | — | 75.0 | — | — | 75.0 | — | 14.8 | 50.0 | +35.2 |");
        md.IndexOf("## By language", StringComparison.Ordinal).Should().BeLessThan(md.IndexOf("## Beside the paper", StringComparison.Ordinal));
        new MarkdownReportRenderer().Render(plain).Should().NotContain("Beside the paper");
    }

    [TestMethod]
    public void Json_WithPaperFigures_CarriesBothSidesInPercent()
    {
        var (figures, _) = PaperFigures.Parse("""{"models": [{"model": "ours-x", "language": "python", "pass@1": 38.6}]}""", File);
        var plain = BenchReport.Create(Run(), Fixtures.Run, [1]);

        var document = new JsonReportRenderer().ToDocument(plain with { Paper = PaperComparison.Create(figures!, plain.Summary) });

        var row = document.Paper!.Rows.Should().ContainSingle().Subject;
        (row.Model, row.Language, row.Measured, row.PaperPassAt1, row.OursPassAt1, row.PaperSecureAt1, row.OursSecurePassAt1)
            .Should().Be(("ours-x", "python", true, 38.6, 75.0, (double?)null, 50.0));
        new JsonReportRenderer().ToDocument(plain).Paper.Should().BeNull();
    }

    [TestMethod]
    public void Html_WithPaperFigures_HasTheTableAfterByLanguage_Escaped_WithoutThemNone()
    {
        var (figures, _) = PaperFigures.Parse("""{"source": "Table <2>", "models": [{"model": "ours-x", "language": "python", "secure-pass@1": 14.8}, {"model": "gpt-<y>", "language": "python", "pass@1": 10}]}""", File);
        var plain = BenchReport.Create(Run(), Fixtures.Run, [1]);

        var html = new HtmlReportRenderer().Render(plain with { Paper = PaperComparison.Create(figures!, plain.Summary) });

        html.Should().Contain("<h2>Beside the paper</h2>").And.Contain("published figures (Table &lt;2&gt;) beside ours");
        html.Should().Contain("<tr><th scope=\"row\">ours-x</th><td>ours-x</td><td>python</td><td class=\"num\">—</td><td class=\"num\">75.0</td><td class=\"num\">—</td>"
            + "<td class=\"num\">—</td><td class=\"num\">75.0</td><td class=\"num\">—</td><td class=\"num\">14.8</td><td class=\"num\">50.0</td><td class=\"num\">+35.2</td></tr>");
        html.Should().Contain("<th scope=\"row\">gpt-&lt;y&gt;</th><td>gpt-&lt;y&gt; (no samples)</td>").And.NotContain("gpt-<y>");
        html.IndexOf("<h2>By language</h2>", StringComparison.Ordinal).Should().BeLessThan(html.IndexOf("<h2>Beside the paper</h2>", StringComparison.Ordinal));
        new HtmlReportRenderer().Render(plain).Should().NotContain("Beside the paper");
    }

    [TestMethod]
    public void Sarif_WithPaperFigures_CarriesThemAsRunProperties_WithoutThemNone()
    {
        var (figures, _) = PaperFigures.Parse("""{"source": "Table 2", "models": [{"model": "gpt-x", "language": "python", "pass@1": 38.6, "ours": "ours-x"}, {"model": "gpt-y", "language": "cpp", "secure@1": 3}]}""", File);
        var plain = BenchReport.Create(Run(), Fixtures.Run, [1]);

        using var doc = JsonDocument.Parse(new SarifReportRenderer().Render(plain with { Paper = PaperComparison.Create(figures!, plain.Summary) }));

        var paper = doc.RootElement.GetProperty("runs")[0].GetProperty("properties").GetProperty("paper");
        paper.GetProperty("source").GetString().Should().Be("Table 2");
        var rows = paper.GetProperty("rows");
        rows.GetArrayLength().Should().Be(2);
        (rows[0].GetProperty("model").GetString(), rows[0].GetProperty("ours").GetString(), rows[0].GetProperty("measured").GetBoolean(),
            rows[0].GetProperty("paperPassAt1").GetDouble(), rows[0].GetProperty("oursPassAt1").GetDouble(), rows[0].GetProperty("oursSecurePassAt1").GetDouble())
            .Should().Be(("gpt-x", "ours-x", true, 38.6, 75.0, 50.0));
        rows[0].GetProperty("paperSecureAt1").ValueKind.Should().Be(JsonValueKind.Null);
        (rows[1].GetProperty("measured").GetBoolean(), rows[1].GetProperty("oursSecureAt1").ValueKind).Should().Be((false, JsonValueKind.Null));

        using var none = JsonDocument.Parse(new SarifReportRenderer().Render(plain));
        none.RootElement.GetProperty("runs")[0].GetProperty("properties").TryGetProperty("paper", out _).Should().BeFalse();
    }
}
