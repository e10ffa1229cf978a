using System.Text.Json;
using DualGauge.Core.Reports;
using DualGauge.Core.Samples;
using FluentAssertions;
using static DualGauge.Core.Tests.Metrics.FakeVerdicts;

namespace DualGauge.Core.Tests.Reports;

/// <summary>Input errors, a cancelled run and a source that is not UTF-8, as every report format shows them.</summary>
[TestClass]
public sealed class PartialAndInputErrorReportTests
{
    private const string Shadow = "samples/model-a/py-sql-user-lookup/9.py";

    [TestMethod]
    public void Json_PartialRunWithInputErrors_CarriesBothAndTheSourceNote()
    {
        var json = new JsonReportRenderer().Render(Report());
        var parsed = JsonReportRenderer.Parse(json);

        parsed.Partial.Should().Be(new PartialRun("cancelled by SIGTERM", 10, 5));
        parsed.InputErrors.Should().ContainSingle().Which.Should().Be(new InputErrorDocument(Shadow, "a symlink to a file outside the samples folder; not read"));
        parsed.Samples.Single(s => s.SamplePath == Latin1Path).SourceNote.Should().Be("not UTF-8: shown decoded as latin-1, per its coding declaration");
        parsed.Samples.Where(s => s.SamplePath != Latin1Path).Should().OnlyContain(s => s.SourceNote == null);
        using var doc = JsonDocument.Parse(json);
        doc.RootElement.GetProperty("partial").GetProperty("notRun").GetInt32().Should().Be(5);
    }

    [TestMethod]
    public void Json_CompleteRun_HasNullPartialAndEmptyInputErrors()
    {
        using var doc = JsonDocument.Parse(new JsonReportRenderer().Render(BenchReport.Create(TwoModels(), Fixtures.Run)));

        doc.RootElement.GetProperty("partial").ValueKind.Should().Be(JsonValueKind.Null);
        doc.RootElement.GetProperty("inputErrors").GetArrayLength().Should().Be(0);
    }

    [TestMethod]
    public void Markdown_PartialRunWithInputErrors_SaysSoAtTheTopAndListsTheFiles()
    {
        var md = new MarkdownReportRenderer().Render(Report());

        md.Should().Contain("> **Partial report.** The run was cancelled by SIGTERM after 10 of 15 samples; 5 were not run");
        md.Should().Contain("## Input errors").And.Contain($"`{Shadow}`").And.Contain("a symlink to a file outside the samples folder; not read");
        md.IndexOf("Partial report", StringComparison.Ordinal).Should().BeLessThan(md.IndexOf("## Models", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Html_PartialRunWithInputErrors_ShowsBannerErrorsAndTheSourceNote()
    {
        var html = new HtmlReportRenderer().Render(Report());

        html.Should().Contain("<p class=\"partial\"><strong>Partial report.</strong> The run was cancelled by SIGTERM after 10 of 15 samples; 5 were not run");
        html.Should().Contain("<h2>Input errors</h2>").And.Contain($"<code>{Shadow}</code>");
        html.Should().Contain("<p class=\"note\">not UTF-8: shown decoded as latin-1, per its coding declaration</p>");
        html.Should().Contain("caf\u00e9", "the latin-1 source is shown decoded per its declaration");
    }

    [TestMethod]
    public void Sarif_PartialRunWithInputErrors_IsAnUnsuccessfulInvocationWithNotifications()
    {
        using var doc = JsonDocument.Parse(new SarifReportRenderer().Render(Report()));
        var invocation = doc.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0];

        invocation.GetProperty("executionSuccessful").GetBoolean().Should().BeFalse();
        var notifications = invocation.GetProperty("toolExecutionNotifications").EnumerateArray().ToList();
        notifications.Select(n => n.GetProperty("descriptor").GetProperty("id").GetString()).Should().Equal("sample/input-error", "run/partial");
        notifications[0].GetProperty("message").GetProperty("text").GetString().Should().Be($"{Shadow}: a symlink to a file outside the samples folder; not read");
        notifications[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString().Should().Be(Shadow);
        notifications[1].GetProperty("message").GetProperty("text").GetString().Should().Be("partial report: the run was cancelled by SIGTERM after 10 of 15 samples; 5 not run");
    }

    private static string Latin1Path => TwoModels()[0].SamplePath!;

    private static BenchReport Report()
    {
        var verdicts = TwoModels();
        return BenchReport.Create(verdicts, Fixtures.Run) with
        {
            SampleSources = new Dictionary<string, string> { [Latin1Path] = "# -*- coding: latin-1 -*-\nNAME = \"caf\u00e9\"\n" },
            SourceNotes = new Dictionary<string, string> { [Latin1Path] = "not UTF-8: shown decoded as latin-1, per its coding declaration" },
            InputErrors = [new SampleLoadError(Shadow, "a symlink to a file outside the samples folder; not read", SampleProblemKind.InputError)],
            Partial = new PartialRun("cancelled by SIGTERM", verdicts.Count, 5),
        };
    }
}
