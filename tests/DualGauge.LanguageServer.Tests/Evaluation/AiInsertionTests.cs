using DualGauge.Snippets;
using DualGauge.Protocol;
using DualGauge.Protocol.Basic;
using DualGauge.Protocol.Custom;
using DualGauge.Protocol.Synchronization;
using DualGauge.TestUtilities.Snippets;

namespace DualGauge.LanguageServer.Tests.Evaluation;

[TestClass]
public sealed class AiInsertionTests : ServerTestBase
{
    private static AiInsertionParams Insertion(int start, int end, string source = InsertionSources.InlineSuggestion, int version = 1) =>
        new(new VersionedTextDocumentIdentifier(PythonUri, version), new Range(new Position(start, 0), new Position(end, 0)), source);

    [TestMethod]
    public async Task AiInsertion_AutoEvaluateOn_EvaluatesAfterDebounceAndPublishes()
    {
        var evaluator = InsecureEvaluator();
        var server = await StartWithPythonFileAsync(evaluator);

        await server.Client.NotifyAsync(Methods.DualGaugeAiInsertion, Insertion(3, 6));

        var published = await server.Client.WaitForDiagnosticsAsync(PythonUri, d => d.Any(x => x.Code == "CWE-89"));
        published.Diagnostics.Should().ContainSingle();
        var snippet = evaluator.Calls.Should().ContainSingle().Subject;
        (snippet.StartLine, snippet.EndLine, snippet.Source).Should().Be((3, 5, SnippetSource.InlineSuggestion));
        var history = await server.Client.RequestAsync<HistoryListResult>(Methods.DualGaugeHistoryList, new HistoryListParams());
        history.Items.Should().ContainSingle().Which.Source.Should().Be(InsertionSources.InlineSuggestion);
    }

    [TestMethod]
    public async Task AiInsertion_RepeatedWithinDebounce_EvaluatesOnce()
    {
        var evaluator = InsecureEvaluator();
        var server = await StartWithPythonFileAsync(evaluator, new DualGaugeSettings { DebounceMs = 300 });

        for (var i = 0; i < 5; i++)
        {
            await server.Client.NotifyAsync(Methods.DualGaugeAiInsertion, Insertion(3, 6));
        }

        await server.Client.WaitForDiagnosticsAsync(PythonUri, d => d.Count > 0);
        await server.Client.RequestAsync<HistoryListResult>(Methods.DualGaugeHistoryList, new HistoryListParams());
        evaluator.CallCount.Should().Be(1);
    }

    [TestMethod]
    public async Task AiInsertion_AutoEvaluateOff_IsNotEvaluated()
    {
        var evaluator = InsecureEvaluator();
        var server = await StartWithPythonFileAsync(evaluator, new DualGaugeSettings { AutoEvaluateAiInsertions = false, DebounceMs = 0 });

        await server.Client.NotifyAsync(Methods.DualGaugeAiInsertion, Insertion(3, 6));
        var viaCommand = await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(0, 0));

        evaluator.Calls.Should().ContainSingle().Which.Source.Should().Be(SnippetSource.Selection);
        viaCommand!.Source.Should().Be(InsertionSources.Selection);
    }

    [TestMethod]
    public async Task AiInsertion_LargeInsertionBelowThreshold_IsIgnored()
    {
        var evaluator = InsecureEvaluator();
        var server = await StartWithPythonFileAsync(evaluator, new DualGaugeSettings { DebounceMs = 0, LargeInsertionThreshold = 8 });

        await server.Client.NotifyAsync(Methods.DualGaugeAiInsertion, Insertion(3, 6, InsertionSources.LargeInsertion));
        await server.Client.NotifyAsync(Methods.DualGaugeAiInsertion, Insertion(3, 6, InsertionSources.Chat));

        var snippet = await evaluator.WaitForCallsAsync(1);
        snippet.Source.Should().Be(SnippetSource.ChatInsert);
        await server.Client.WaitForDiagnosticsAsync(PythonUri, d => d.Count > 0);
        evaluator.CallCount.Should().Be(1);
    }

    [TestMethod]
    public async Task Edit_InsideEvaluatedAiRegion_ClearsDiagnosticsThenReevaluatesTheNewCode()
    {
        var evaluator = InsecureEvaluator();
        var server = await StartWithPythonFileAsync(evaluator);
        await server.Client.NotifyAsync(Methods.DualGaugeAiInsertion, Insertion(3, 6));
        await server.Client.WaitForDiagnosticsAsync(PythonUri, d => d.Count > 0);
        evaluator.Behavior = (s, _) => Task.FromResult(Evaluations.Secure(s));
        var publishesBefore = server.Client.Of(Methods.TextDocumentPublishDiagnostics).Count;

        // The developer fixes the query in place.
        await server.Client.ChangeAsync(PythonUri, 2, new TextDocumentContentChangeEvent(
            new Range(new Position(4, 12), new Position(4, 200)), "\"SELECT id, name, email FROM users WHERE name = ?\""));

        await server.Client.WaitForDiagnosticsAsync(PythonUri, d => d.Count == 0);
        var second = await evaluator.WaitForCallsAsync(2);
        second.DocumentText.Should().Contain("WHERE name = ?\"");
        await server.Client.WaitForAsync<HistoryChangedParams>(Methods.DualGaugeHistoryChanged, h => h.Id == 2);
        server.Client.Of(Methods.TextDocumentPublishDiagnostics).Skip(publishesBefore).Should().NotBeEmpty();
    }

    [TestMethod]
    public async Task Edit_AboveEvaluatedRegion_MovesItsDiagnosticsWithTheCode()
    {
        var server = await StartWithPythonFileAsync(InsecureEvaluator());
        await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));
        await server.Client.WaitForDiagnosticsAsync(PythonUri, d => d.Count == 1 && d[0].Range.Start.Line == 5);

        await server.Client.ChangeAsync(PythonUri, 2, new TextDocumentContentChangeEvent(new Range(new Position(1, 0), new Position(1, 0)), "import os\nimport re\n"));

        var moved = await server.Client.WaitForDiagnosticsAsync(PythonUri, d => d.Count == 1 && d[0].Range.Start.Line == 7);
        moved.Diagnostics[0].RelatedInformation![0].Location.Range.Start.Line.Should().Be(5);
        moved.Version.Should().Be(2);
    }

    [TestMethod]
    public async Task Edit_DuringEvaluation_DropsTheStaleResultButKeepsItsHistory()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var evaluator = new FakeSnippetEvaluator(async (s, _) =>
        {
            await release.Task;
            return Evaluations.Insecure(s);
        });
        var server = await StartWithPythonFileAsync(evaluator);
        var evaluation = server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));
        await evaluator.WaitForCallsAsync(1);

        await server.Client.ChangeAsync(PythonUri, 2, new TextDocumentContentChangeEvent(new Range(new Position(5, 4), new Position(5, 4)), "rows = "));

        // Requests are handled in order: once this answers, the edit has been applied.
        await server.Client.RequestAsync<HistoryListResult>(Methods.DualGaugeHistoryList, new HistoryListParams());
        release.SetResult();
        var summary = await evaluation;

        summary!.Verdict.Should().Be(Verdicts.Insecure);
        (await server.Client.WaitForDiagnosticsAsync(PythonUri, _ => true)).Diagnostics.Should().BeEmpty();
        (await server.Client.RequestAsync<HistoryListResult>(Methods.DualGaugeHistoryList, new HistoryListParams())).Total.Should().Be(1);
    }

    [TestMethod]
    public async Task AiInsertion_IgnoreMarkerAboveFunction_IsSkipped()
    {
        var evaluator = InsecureEvaluator();
        var server = Start(evaluator);
        await server.Client.InitializeAsync(StoragePath, new DualGaugeSettings { DebounceMs = 0 });
        await server.Client.OpenAsync(PythonUri, "python", PythonSource.Replace("\ndef find_user", "\n# dualgauge-ignore\ndef find_user"));

        await server.Client.NotifyAsync(Methods.DualGaugeAiInsertion, Insertion(4, 7));
        var viaCommand = await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(5, 6));

        viaCommand.Should().BeNull();
        evaluator.CallCount.Should().Be(0);
    }
}
