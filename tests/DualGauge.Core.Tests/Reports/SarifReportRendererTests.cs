using System.Text.Json;
using DualGauge.Core.Reports;
using DualGauge.Core.Tasks;
using FluentAssertions;
using static DualGauge.Core.Tests.Metrics.FakeVerdicts;

namespace DualGauge.Core.Tests.Reports;

[TestClass]
public sealed class SarifReportRendererTests
{
    [TestMethod]
    public void Render_TwoModels_HasTheRequiredSarifShape()
    {
        using var doc = JsonDocument.Parse(new SarifReportRenderer().Render(BenchReport.Create(TwoModels(), Fixtures.Run)));
        var root = doc.RootElement;

        root.GetProperty("version").GetString().Should().Be("2.1.0");
        root.GetProperty("$schema").GetString().Should().Be(SarifReportRenderer.SchemaUri);
        var run = root.GetProperty("runs").EnumerateArray().Single();
        var driver = run.GetProperty("tool").GetProperty("driver");
        driver.GetProperty("name").GetString().Should().Be("DualGauge");
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        var ruleIds = rules.Select(r => r.GetProperty("id").GetString()).ToList();
        ruleIds.Should().OnlyHaveUniqueItems();

        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            var ruleId = result.GetProperty("ruleId").GetString();
            ruleIds.Should().Contain(ruleId);
            ruleIds[result.GetProperty("ruleIndex").GetInt32()].Should().Be(ruleId);
            result.GetProperty("message").GetProperty("text").GetString().Should().NotBeNullOrWhiteSpace();
            result.GetProperty("level").GetString().Should().BeOneOf("error", "warning");
            var location = result.GetProperty("locations").EnumerateArray().Single();
            location.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString().Should().NotBeNullOrEmpty();
        }
    }

    [TestMethod]
    public void Render_FailedSecurityTests_AreErrorsUnderTheirCweRule()
    {
        using var doc = JsonDocument.Parse(new SarifReportRenderer().Render(BenchReport.Create(TwoModels(), Fixtures.Run)));
        var run = doc.RootElement.GetProperty("runs")[0];

        var rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "CWE-89");
        rule.GetProperty("name").GetString().Should().Be("SqlInjection");
        rule.GetProperty("shortDescription").GetProperty("text").GetString().Should().Be("CWE-89: SQL injection");
        rule.GetProperty("helpUri").GetString().Should().Be("https://cwe.mitre.org/data/definitions/89.html");

        var errors = run.GetProperty("results").EnumerateArray().Where(r => r.GetProperty("level").GetString() == "error").ToList();
        errors.Should().HaveCount(2);
        var first = errors[0];
        first.GetProperty("ruleId").GetString().Should().Be("CWE-89");
        first.GetProperty("message").GetProperty("text").GetString().Should().Be("The username ' OR '1'='1 was spliced into the SQL statement.");
        var physical = first.GetProperty("locations")[0].GetProperty("physicalLocation");
        physical.GetProperty("artifactLocation").GetProperty("uri").GetString().Should().Be("samples/model-a/py-sql-user-lookup/s2.py");
        physical.GetProperty("region").GetProperty("startLine").GetInt32().Should().Be(7);
        var properties = first.GetProperty("properties");
        properties.GetProperty("model").GetString().Should().Be("model-a");
        properties.GetProperty("task").GetString().Should().Be("py-sql-user-lookup");
        properties.GetProperty("test").GetString().Should().Be("tautology_in_username");
    }

    [TestMethod]
    public void Render_FunctionalAndSampleFailures_AreWarningsWithTheirKindRules()
    {
        using var doc = JsonDocument.Parse(new SarifReportRenderer().Render(BenchReport.Create(TwoModels(), Fixtures.Run)));
        var run = doc.RootElement.GetProperty("runs")[0];

        var warnings = run.GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("level").GetString() == "warning")
            .Select(r => r.GetProperty("ruleId").GetString())
            .ToList();
        warnings.Should().BeEquivalentTo(["functional/timeout", "sample/compile-error", "sample/timeout"]);
        run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .Single(r => r.GetProperty("id").GetString() == "functional/timeout")
            .GetProperty("defaultConfiguration").GetProperty("level").GetString().Should().Be("warning");
    }

    [TestMethod]
    public void Render_BaseDirectory_WritesSamplePathsRelativeToIt()
    {
        var baseDir = Path.Combine(Path.GetTempPath(), "dg-sarif-base");
        var verdict = Sample("m", "c-copy-name", "s1", Language.C, ["CWE-787"],
            [Fail(T3Overflow, "", Finding("no-sanitizer-report", "A long name overflowed the buffer.",
                """{"ev":"sanitizer","t":1,"test":"long_name","tool":"AddressSanitizer","kind":"stack-buffer-overflow","location":"solution.c:6","report":"..."}"""))])
            with { SamplePath = Path.Combine(baseDir, "samples", "m", "c copy", "s1.c") };

        using var doc = JsonDocument.Parse(new SarifReportRenderer(baseDir).Render(BenchReport.Create([verdict], Fixtures.Run)));
        var run = doc.RootElement.GetProperty("runs")[0];

        var artifact = run.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation");
        artifact.GetProperty("artifactLocation").GetProperty("uri").GetString().Should().Be("samples/m/c%20copy/s1.c");
        artifact.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString().Should().Be("SRCROOT");
        artifact.GetProperty("region").GetProperty("startLine").GetInt32().Should().Be(6, "the sanitizer frame in solution.c gives the line");
        run.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString().Should().Be(new Uri(baseDir + "/").AbsoluteUri);
    }

    [TestMethod]
    public void Render_NoFailures_HasEmptyResultsAndNoRules()
    {
        var verdict = Sample("m", "t", "s", Language.Python, ["CWE-89"], [Pass(T1Finds), Pass(T1Tautology)]);

        using var doc = JsonDocument.Parse(new SarifReportRenderer().Render(BenchReport.Create([verdict], Fixtures.Run)));

        var run = doc.RootElement.GetProperty("runs")[0];
        run.GetProperty("results").GetArrayLength().Should().Be(0);
        run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength().Should().Be(0);
    }
}
