using System.Text.Json;
using DualGauge.Protocol.Basic;
using DualGauge.Protocol.Custom;
using DualGauge.Protocol.Diagnostics;

namespace DualGauge.LanguageServer.Tests.Protocol;

[TestClass]
public sealed class SerializationTests
{
    [TestMethod]
    public void Diagnostic_OptionalFieldsNull_AreOmittedAndSeverityIsNumeric()
    {
        var json = JsonSerializer.Serialize(new Diagnostic { Range = new Range(new Position(1, 2), new Position(1, 5)), Message = "m", Severity = DiagnosticSeverity.Warning }, ProtocolJson.Options);

        json.Should().Be("""{"range":{"start":{"line":1,"character":2},"end":{"line":1,"character":5}},"severity":2,"message":"m"}""");
    }

    [TestMethod]
    public void Diagnostic_NumericCodeFromAClient_ReadsAsItsText()
    {
        var diagnostic = JsonSerializer.Deserialize<Diagnostic>("""{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":1}},"message":"m","code":89}""", ProtocolJson.Options)!;

        diagnostic.Code.Should().Be("89");
    }

    [TestMethod]
    public void HistoryEntrySummary_NoTemplate_WritesTemplateAsNull()
    {
        var summary = new HistoryEntrySummary
        {
            Id = 7, Time = "2026-11-25T08:00:00Z", Uri = "file:///a.py", Range = Range.Lines(0, 1), Source = "chat", Language = "python",
            Template = null, MatchKind = MatchKinds.None, Confidence = 0, Verdict = Verdicts.NotMatched, FunctionalPass = null, SecurePass = null,
            FailedTests = [], CodeHash = "ab",
        };

        using var document = JsonDocument.Parse(JsonSerializer.Serialize(summary, ProtocolJson.Options));

        document.RootElement.GetProperty("template").ValueKind.Should().Be(JsonValueKind.Null);
        document.RootElement.GetProperty("functionalPass").ValueKind.Should().Be(JsonValueKind.Null);
        document.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal(
            "id", "time", "uri", "range", "source", "language", "template", "matchKind", "confidence", "verdict", "functionalPass", "securePass", "failedTests", "codeHash",
            "cwes", "cwesTested", "reruns", "accepted", "headline", "durationMs");
    }

    [TestMethod]
    public void AiInsertion_SpecExample_Deserializes()
    {
        var insertion = JsonSerializer.Deserialize<AiInsertionParams>(
            """{"textDocument":{"uri":"file:///a.py","version":4},"range":{"start":{"line":3,"character":0},"end":{"line":9,"character":0}},"source":"largeInsertion"}""", ProtocolJson.Options)!;

        insertion.Should().Be(new AiInsertionParams(new VersionedTextDocumentIdentifier("file:///a.py", 4), new Range(new Position(3, 0), new Position(9, 0)), InsertionSources.LargeInsertion));
    }

    [TestMethod]
    public void Settings_MissingValues_TakeTheSpecDefaults()
    {
        var settings = JsonSerializer.Deserialize<DualGaugeSettings>("""{"image":"dualgauge-sandbox:1"}""", ProtocolJson.Options)!;

        settings.Should().BeEquivalentTo(new DualGaugeSettings { Image = "dualgauge-sandbox:1" });
        (settings.AutoEvaluateAiInsertions, settings.EvaluateOnSave, settings.TimeoutMs, settings.LargeInsertionThreshold, settings.DebounceMs).Should().Be((true, false, 10000, 8, 400));
        settings.Languages.Should().Equal("python", "javascript", "c", "cpp");
    }
}
