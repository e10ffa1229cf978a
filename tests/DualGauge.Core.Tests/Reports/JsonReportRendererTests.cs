using System.Text.Json;
using DualGauge.Core.Metrics;
using DualGauge.Core.Reports;
using DualGauge.Core.Verdicts;
using FluentAssertions;
using static DualGauge.Core.Tests.Metrics.FakeVerdicts;

namespace DualGauge.Core.Tests.Reports;

[TestClass]
public sealed class JsonReportRendererTests
{
    [TestMethod]
    public void Render_ThenParse_RoundTripsSummaryAndSamples()
    {
        var report = BenchReport.Create(TwoModels(), Fixtures.Run, [1, 2]);
        var renderer = new JsonReportRenderer();

        var json = renderer.Render(report);
        var parsed = JsonReportRenderer.Parse(json);

        parsed.Summary.Should().BeEquivalentTo(report.Summary);
        parsed.Run.Should().Be(new RunDocument(Fixtures.Run.StartedAt, 95500, Fixtures.Run.TasksDirectory, Fixtures.Run.SandboxImage, Fixtures.Run.CommandLine, "0.1.0"));
        parsed.Samples.Should().HaveCount(10);
        JsonSerializer.Serialize(parsed, JsonReportRenderer.SerializerOptions).Should().Be(json, "parsing loses nothing");
    }

    [TestMethod]
    public void Render_InsecureSample_CarriesFindingEvidenceAsTraceJson()
    {
        var json = new JsonReportRenderer().Render(BenchReport.Create(TwoModels(), Fixtures.Run));
        var sample = JsonReportRenderer.Parse(json).Samples.Single(s => s is { Model: "model-a", TaskId: "py-sql-user-lookup", SampleId: "s2" });

        sample.Outcome.Should().Be(SampleOutcome.Insecure);
        (sample.FunctionalPass, sample.SecurePass, sample.JointPass).Should().Be((true, false, false));
        var test = sample.Tests.Single(t => t.Id == "tautology_in_username");
        test.Status.Should().Be(TestStatus.Failed);
        test.Cwe.Should().Be("CWE-89");
        var evidence = test.Findings.Single().Evidence.Single();
        evidence.GetProperty("statement").GetString().Should().Be("SELECT * FROM users WHERE name = '' OR '1'='1'");
        evidence.GetProperty("line").GetInt32().Should().Be(7);
        sample.Trace.Should().HaveCount(3);
    }

    [TestMethod]
    public void Render_PropertyNames_AreCamelCaseWithStringEnums()
    {
        using var doc = JsonDocument.Parse(new JsonReportRenderer().Render(BenchReport.Create(TwoModels(), Fixtures.Run)));
        var root = doc.RootElement;

        root.GetProperty("$schema").GetString().Should().Be(JsonReportRenderer.SchemaId);
        root.GetProperty("summary").GetProperty("byModel")[0].GetProperty("functionalPercent").GetDouble().Should().BeApproximately(66.667, 0.001);
        root.GetProperty("summary").GetProperty("failures")[0].GetProperty("compileError").GetInt32().Should().Be(1);
        var samples = root.GetProperty("samples").EnumerateArray().ToList();
        samples.Select(s => s.GetProperty("outcome").GetString()).Distinct().Should().BeEquivalentTo(["secure", "insecure", "broken"]);
        samples.Select(s => s.GetProperty("failure").GetString()).Should().Contain(["none", "compileError", "timeout"]);
        samples[2].GetProperty("tests")[0].GetProperty("status").GetString().Should().Be("timedOut");
        samples[2].GetProperty("tests")[0].GetProperty("kind").GetString().Should().Be("functional");
    }

    [TestMethod]
    public void Render_WithoutTrace_OmitsTraceButKeepsEvidence()
    {
        var json = new JsonReportRenderer(includeTrace: false).Render(BenchReport.Create(TwoModels(), Fixtures.Run));

        var sample = JsonReportRenderer.Parse(json).Samples[1];
        sample.Trace.Should().BeNull();
        sample.Tests.SelectMany(t => t.Findings).SelectMany(f => f.Evidence).Should().ContainSingle();
    }

    [TestMethod]
    public void Parse_LiteralNull_ThrowsJsonException()
    {
        var act = () => JsonReportRenderer.Parse("null");
        act.Should().Throw<JsonException>().WithMessage("*null*");
    }
}
