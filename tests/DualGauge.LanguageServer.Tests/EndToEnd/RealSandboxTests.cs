using DualGauge.Protocol;
using DualGauge.Protocol.Custom;
using DualGauge.Protocol.Diagnostics;
using DualGauge.TestUtilities.Lsp;

namespace DualGauge.LanguageServer.Tests.EndToEnd;

/// <summary>The in-process server with the real snippet evaluator and the real Docker sandbox.</summary>
[TestClass]
public sealed class RealSandboxTests : ServerTestBase
{
    private const string Uri = "file:///work/app/users.py";

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task EvaluateSelection_InjectableSqliteLookup_PublishesCwe89FromTheSandboxTrace()
    {
        RequiredServices.Require(RequiredServices.DockerAnswers(), "the Docker engine does not answer (`docker version` failed)");
        await using var server = InProcessLanguageServer.Start(evaluatorFactory: null);
        await server.Client.InitializeAsync(StoragePath, new DualGaugeSettings { DebounceMs = 50 });
        await server.Client.OpenAsync(Uri, "python", Samples.InjectablePython);

        var summary = await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, Uri, Lines(3, 6));
        TestContext.WriteLine($"summary: {System.Text.Json.JsonSerializer.Serialize(summary)}");

        summary!.Verdict.Should().Be(Verdicts.Insecure, server.Client.Log);
        summary.FailedTests.Should().NotBeEmpty();
        var published = await server.Client.WaitForDiagnosticsAsync(Uri, d => d.Any(x => x.Code == "CWE-89"), TimeSpan.FromSeconds(30));
        var diagnostic = published.Diagnostics.First(d => d.Code == "CWE-89");
        diagnostic.Severity.Should().Be(DiagnosticSeverity.Error);
        diagnostic.CodeDescription!.Href.Should().Be("https://cwe.mitre.org/data/definitions/89.html");
        diagnostic.Range.Start.Line.Should().BeInRange(3, 5);
        var entry = await server.Client.RequestAsync<HistoryEntry>(Methods.DualGaugeHistoryGet, new HistoryIdParams(summary.Id));
        entry.TraceLines.Should().Contain(l => l.Contains("\"ev\":\"sql\""), "the verdict comes from the executed statements");
        entry.Report.Should().Contain("## Evidence");
    }

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task EvaluateSelection_ParameterisedLookup_IsSecureAndPublishesNothing()
    {
        RequiredServices.Require(RequiredServices.DockerAnswers(), "the Docker engine does not answer (`docker version` failed)");
        await using var server = InProcessLanguageServer.Start(evaluatorFactory: null);
        await server.Client.InitializeAsync(StoragePath, new DualGaugeSettings { DebounceMs = 50 });
        await server.Client.OpenAsync(Uri, "python", Samples.ParameterisedPython);

        var summary = await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, Uri, Lines(3, 6));

        summary!.Verdict.Should().Be(Verdicts.Secure, server.Client.Log);
        (await server.Client.WaitForDiagnosticsAsync(Uri, _ => true)).Diagnostics.Should().BeEmpty();
    }
}
