using System.Text.Json;
using DualGauge.Protocol;
using DualGauge.Protocol.Basic;
using DualGauge.Protocol.Custom;
using DualGauge.Protocol.Diagnostics;
using DualGauge.Protocol.Language;
using DualGauge.Protocol.Lifecycle;
using DualGauge.Protocol.Synchronization;
using DualGauge.TestUtilities.Snippets;
using StreamJsonRpc;

namespace DualGauge.LanguageServer.Tests.Evaluation;

[TestClass]
public sealed class EvaluateCommandTests : ServerTestBase
{
    [TestMethod]
    public async Task EvaluateSelection_InsecureSql_PublishesCweErrorWithLinkSinkAndHistoryId()
    {
        var server = await StartWithPythonFileAsync(InsecureEvaluator());

        var summary = await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));
        var published = await server.Client.WaitForDiagnosticsAsync(PythonUri, d => d.Count > 0);

        summary!.Verdict.Should().Be(Verdicts.Insecure);
        summary.FunctionalPass.Should().BeTrue();
        summary.SecurePass.Should().BeFalse();
        summary.FailedTests.Should().Equal("tautology_in_username");
        summary.Template.Should().Be(Evaluations.TemplateId);
        summary.MatchKind.Should().Be(MatchKinds.Template);
        summary.Source.Should().Be(InsertionSources.Selection);
        var diagnostic = published.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Source.Should().Be("DualGauge");
        diagnostic.Severity.Should().Be(DiagnosticSeverity.Error);
        diagnostic.Code.Should().Be("CWE-89");
        diagnostic.CodeDescription!.Href.Should().Be("https://cwe.mitre.org/data/definitions/89.html");
        diagnostic.Message.Should().StartWith("SQL injection (CWE-89): the username input reaches the query text\n• ", "a headline first, then the evidence")
            .And.Contain("' OR '1'='1");
        diagnostic.Range.Start.Line.Should().Be(5);
        // Related information is the rest of the path (the parameter on the header line), never the line itself.
        diagnostic.RelatedInformation.Should().ContainSingle().Which.Location.Range.Start.Line.Should().Be(3);
        diagnostic.RelatedInformation![0].Message.Should().StartWith("Username comes in as a parameter");
        diagnostic.Data!.Value.GetProperty("historyId").GetInt64().Should().Be(summary.Id);
        published.Version.Should().Be(1);
    }

    [TestMethod]
    public async Task EvaluateSelection_FunctionalFailure_PublishesWarningWithTestIdAndExpectedGot()
    {
        var server = await StartWithPythonFileAsync(new FakeSnippetEvaluator((s, _) => Task.FromResult(Evaluations.Broken(s))));

        var summary = await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));
        var published = await server.Client.WaitForDiagnosticsAsync(PythonUri, d => d.Count > 0);

        summary!.Verdict.Should().Be(Verdicts.Broken);
        var diagnostic = published.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Severity.Should().Be(DiagnosticSeverity.Warning);
        diagnostic.Code.Should().Be("finds_existing_user");
        diagnostic.Message.Should().Be("Functional test finds_existing_user failed: expected [(1, 'alice', 'a@x')], got []");
    }

    [TestMethod]
    [DataRow(false, DiagnosticSeverity.Hint)]
    [DataRow(true, DiagnosticSeverity.Information)]
    public async Task EvaluateSelection_NothingMatches_PublishesAHintWithTheReasonOrAProblemWhenAsked(bool inProblems, DiagnosticSeverity expected)
    {
        var server = await StartWithPythonFileAsync(new FakeSnippetEvaluator((s, _) => Task.FromResult(Evaluations.NotMatched(s))),
            new DualGaugeSettings { DebounceMs = 50, ShowUnmatchedInProblems = inProblems });

        var summary = await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));
        var published = await server.Client.WaitForDiagnosticsAsync(PythonUri, d => d.Count > 0);

        summary!.Verdict.Should().Be(Verdicts.NotMatched);
        summary.FunctionalPass.Should().BeNull();
        summary.Template.Should().BeNull();
        var diagnostic = published.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Severity.Should().Be(expected, "harmless unmatched code stays out of the Problems panel unless the setting asks for it");
        diagnostic.Message.Should().Contain("no template fits");
    }

    [TestMethod]
    public async Task EvaluateSelection_Secure_PublishesNoDiagnostics()
    {
        var server = await StartWithPythonFileAsync(new FakeSnippetEvaluator((s, _) => Task.FromResult(Evaluations.Secure(s))));

        var summary = await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));

        summary!.Verdict.Should().Be(Verdicts.Secure);
        (await server.Client.WaitForDiagnosticsAsync(PythonUri, _ => true)).Diagnostics.Should().BeEmpty();
    }

    [TestMethod]
    public async Task EvaluateSelection_EvaluatorThrows_PublishesOneClearDiagnosticAndRecordsAnError()
    {
        var server = await StartWithPythonFileAsync(new FakeSnippetEvaluator((_, _) => throw new InvalidDataException("the trace had no load event")));

        var summary = await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));
        var published = await server.Client.WaitForDiagnosticsAsync(PythonUri, d => d.Count > 0);

        summary!.Verdict.Should().Be(Verdicts.Error);
        published.Diagnostics.Should().ContainSingle().Which.Message.Should().Be("DualGauge could not evaluate this code: the trace had no load event");
    }

    [TestMethod]
    public async Task EvaluateSelection_LanguageDisabled_ReturnsNullWithoutEvaluating()
    {
        var evaluator = InsecureEvaluator();
        var server = await StartWithPythonFileAsync(evaluator, new DualGaugeSettings { Languages = ["c"] });

        var summary = await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));

        summary.Should().BeNull();
        evaluator.CallCount.Should().Be(0);
    }

    [TestMethod]
    public async Task EvaluateFile_TwoFunctions_EvaluatesEachSeparately()
    {
        var evaluator = new FakeSnippetEvaluator((s, _) => Task.FromResult(s.StartLine == 3 ? Evaluations.Insecure(s) : Evaluations.Secure(s)));
        var server = Start(evaluator);
        await server.Client.InitializeAsync(StoragePath);
        await server.Client.OpenAsync(PythonUri, "python", PythonSource + "\n\ndef add(a, b):\n    return a + b\n");

        var summaries = await server.Client.ExecuteCommandAsync<HistoryEntrySummary[]>(Commands.EvaluateFile, PythonUri);

        summaries!.Select(s => (s.Range.Start.Line, s.Verdict)).Should().BeEquivalentTo([(3, Verdicts.Insecure), (8, Verdicts.Secure)]);
        evaluator.Calls.Select(c => (c.StartLine, c.EndLine)).Should().BeEquivalentTo([(3, 5), (8, 9)]);
    }

    [TestMethod]
    public async Task CodeAction_OnDualGaugeDiagnostic_OffersReportRerunSuppressAndRemediation()
    {
        var server = await StartWithPythonFileAsync(InsecureEvaluator());
        var summary = await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));
        var diagnostic = (await server.Client.WaitForDiagnosticsAsync(PythonUri, d => d.Count > 0)).Diagnostics[0];
        var foreign = diagnostic with { Source = "pyright", Data = null };

        var actions = await server.Client.RequestAsync<CodeAction[]>(Methods.TextDocumentCodeAction,
            new CodeActionParams(new TextDocumentIdentifier(PythonUri), diagnostic.Range, new CodeActionContext([diagnostic, foreign])));

        actions.Select(a => a.Title).Should().Equal(
            "DualGauge: Show evaluation report", "DualGauge: Re-run evaluation", "DualGauge: Accept CWE-89 in this function (with a reason)",
            "DualGauge: Suppress for this snippet", "DualGauge: How to fix CWE-89");
        actions[0].Command!.CommandIdentifier.Should().Be(Commands.ShowReport);
        ((JsonElement)actions[0].Command!.Arguments![0]!).GetInt64().Should().Be(summary!.Id);
        actions[1].Command!.CommandIdentifier.Should().Be(Commands.Rerun);
        actions[4].Command!.CommandIdentifier.Should().Be(Commands.ShowRemediation);
        ((JsonElement)actions[4].Command!.Arguments![0]!).GetString().Should().Be("CWE-89");
        ((JsonElement)actions[4].Command!.Arguments![1]!).GetString().Should().Be("python", "the note shows the document's language");
        var scoped = actions[2].Edit!.Changes[PythonUri].Should().ContainSingle().Subject;
        scoped.Range.Should().Be(new Range(new Position(3, 0), new Position(3, 0)));
        scoped.NewText.Should().Be("# dualgauge-ignore[CWE-89]: REASON: why this is acceptable here\n");
        var edit = actions[3].Edit!.Changes[PythonUri].Should().ContainSingle().Subject;
        edit.Range.Should().Be(new Range(new Position(3, 0), new Position(3, 0)));
        edit.NewText.Should().Be("# dualgauge-ignore\n");
    }

    [TestMethod]
    public async Task Suppress_AppliedToTheDocument_SkipsTheFunctionAfterwards()
    {
        var evaluator = InsecureEvaluator();
        var server = await StartWithPythonFileAsync(evaluator);
        await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));
        var diagnostic = (await server.Client.WaitForDiagnosticsAsync(PythonUri, d => d.Count > 0)).Diagnostics[0];
        var actions = await server.Client.RequestAsync<CodeAction[]>(Methods.TextDocumentCodeAction,
            new CodeActionParams(new TextDocumentIdentifier(PythonUri), diagnostic.Range, new CodeActionContext([diagnostic])));
        var edit = actions.Single(a => a.Title == "DualGauge: Suppress for this snippet").Edit!.Changes[PythonUri][0];

        await server.Client.ChangeAsync(PythonUri, 2, new TextDocumentContentChangeEvent(edit.Range, edit.NewText));
        var again = await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(4, 7));

        again.Should().BeNull();
        evaluator.CallCount.Should().Be(1);
        (await server.Client.WaitForDiagnosticsAsync(PythonUri, d => d.Count == 0)).Diagnostics.Should().BeEmpty();
    }

    [TestMethod]
    public async Task ShowReport_AfterEvaluation_RendersTestsFindingsEvidenceCodeAndTrace()
    {
        var server = await StartWithPythonFileAsync(InsecureEvaluator());
        var summary = await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));

        var report = await server.Client.ExecuteCommandAsync<MarkdownResult>(Commands.ShowReport, summary!.Id);

        report!.Markdown.Should().Contain($"# DualGauge evaluation #{summary.Id}: insecure")
            .And.Contain("| `tautology_in_username` | security (CWE-89) | ✗ failed |")
            .And.Contain("| `finds_existing_user` | functional | ✓ pass |")
            .And.Contain("## Findings").And.Contain("## Evidence").And.Contain("executed SQL: SELECT id, name, email FROM users WHERE name = '' OR '1'='1'")
            .And.Contain("```python\ndef find_user(conn, username):")
            .And.Contain("## Trace excerpt").And.Contain("\"ev\":\"sql\"");
    }

    [TestMethod]
    public async Task ShowRemediation_Cwe89_ExplainsParameterBinding_AndRejectsNonCwe()
    {
        var server = await StartWithPythonFileAsync(InsecureEvaluator());

        var note = await server.Client.ExecuteCommandAsync<MarkdownResult>(Commands.ShowRemediation, "CWE-89");
        var bad = () => server.Client.ExecuteCommandAsync<MarkdownResult>(Commands.ShowRemediation, "SQLi");

        var python = await server.Client.ExecuteCommandAsync<MarkdownResult>(Commands.ShowRemediation, "CWE-89", "python");

        note!.Markdown.Should().StartWith("# How to fix SQL injection (CWE-89)").And.Contain("placeholder")
            .And.Contain("## python").And.Contain("## javascript").And.Contain("## c");
        note.Html.Should().Contain("<h1>How to fix SQL injection (CWE-89)</h1>");
        python!.Markdown.Should().Contain("## Python").And.Contain("cur.execute(\"SELECT id, total FROM orders WHERE status = ?\", (status,))")
            .And.NotContain("db.all(").And.NotContain("sqlite3_bind_text");
        (await bad.Should().ThrowAsync<RemoteRpcException>()).Which.Message.Should().Contain("'SQLi' is not a CWE identifier");
    }

    [TestMethod]
    public async Task Rerun_OpenDocument_EvaluatesCurrentCodeAndUpdatesItsEntry()
    {
        var evaluator = InsecureEvaluator();
        var server = await StartWithPythonFileAsync(evaluator);
        var first = await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));
        evaluator.Behavior = (s, _) => Task.FromResult(Evaluations.Secure(s));

        var second = await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.Rerun, first!.Id);

        second!.Id.Should().Be(first.Id, "the code is unchanged: a re-run updates its entry instead of adding a row");
        second.Reruns.Should().Be(1);
        second.Verdict.Should().Be(Verdicts.Secure);
        await server.Client.WaitForAsync<HistoryChangedParams>(Methods.DualGaugeHistoryChanged, h => h.Id == second.Id && h.Reason == HistoryChangeReasons.Updated);
        (await server.Client.RequestAsync<HistoryListResult>(Methods.DualGaugeHistoryList, new HistoryListParams())).Total.Should().Be(1);
        await server.Client.WaitForDiagnosticsAsync(PythonUri, d => d.Count == 0);
    }

    [TestMethod]
    public async Task Close_DocumentWithDiagnostics_ClearsThem()
    {
        var server = await StartWithPythonFileAsync(InsecureEvaluator());
        await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));
        await server.Client.WaitForDiagnosticsAsync(PythonUri, d => d.Count > 0);

        await server.Client.NotifyAsync(Methods.TextDocumentDidClose, new DidCloseTextDocumentParams(new TextDocumentIdentifier(PythonUri)));

        await server.Client.WaitForDiagnosticsAsync(PythonUri, d => d.Count == 0);
    }

    [TestMethod]
    public async Task Evaluation_ClientSupportsProgress_CreatesBeginsAndEndsWorkDoneProgress()
    {
        var server = Start(InsecureEvaluator());
        await server.Client.InitializeAsync(StoragePath, capabilities: new ClientCapabilities { Window = new WindowClientCapabilities { WorkDoneProgress = true } });
        await server.Client.OpenAsync(PythonUri, "python", PythonSource);

        await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));
        var end = await server.Client.WaitForAsync(Methods.Progress, n => n.Params.GetProperty("value").GetProperty("kind").GetString() == "end");

        var token = server.Client.CreatedProgressTokens.Should().ContainSingle().Subject;
        end.Params.GetProperty("token").GetString().Should().Be(token);
        server.Client.Of(Methods.Progress).First().Params.GetProperty("value").GetProperty("kind").GetString().Should().Be("begin");
    }

    [TestMethod]
    public async Task EvaluationQueue_Full_DropsTheOldestPendingEvaluation()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var evaluator = new FakeSnippetEvaluator(async (s, ct) =>
        {
            await release.Task.WaitAsync(ct);
            return Evaluations.Secure(s);
        });
        var server = Start(evaluator, o => o with { MaxPendingEvaluations = 2 });
        await server.Client.InitializeAsync(StoragePath);
        await server.Client.OpenAsync(PythonUri, "python", string.Concat(Enumerable.Range(0, 8).Select(i => $"def f{i}(x):\n    return x\n")));
        var running = server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(0, 1));
        await evaluator.WaitForCallsAsync(1);

        var oldest = server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(2, 3));
        var middle = server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(4, 5));
        var newest = server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(6, 7));
        var dropped = () => oldest;

        (await dropped.Should().ThrowAsync<RemoteRpcException>()).Which.Message.Should().Contain("dropped from the full evaluation queue");
        release.SetResult();
        (await running)!.Verdict.Should().Be(Verdicts.Secure);
        (await middle)!.Verdict.Should().Be(Verdicts.Secure);
        (await newest)!.Verdict.Should().Be(Verdicts.Secure);
        evaluator.Calls.Select(c => c.StartLine).Should().Equal(0, 4, 6);
    }

    [TestMethod]
    [DataRow(true, 1)]
    [DataRow(false, 0)]
    public async Task DidSave_EvaluateOnSaveSetting_EvaluatesTheFileOnlyWhenOn(bool evaluateOnSave, int expectedEntries)
    {
        var evaluator = InsecureEvaluator();
        var server = await StartWithPythonFileAsync(evaluator, new DualGaugeSettings { EvaluateOnSave = evaluateOnSave, DebounceMs = 0 });

        await server.Client.NotifyAsync(Methods.TextDocumentDidSave, new DidSaveTextDocumentParams(new TextDocumentIdentifier(PythonUri)));
        if (evaluateOnSave)
        {
            await server.Client.WaitForDiagnosticsAsync(PythonUri, d => d.Count > 0);
        }

        var list = await server.Client.RequestAsync<HistoryListResult>(Methods.DualGaugeHistoryList, new HistoryListParams { Source = InsertionSources.Save });
        list.Total.Should().Be(expectedEntries);
        evaluator.Calls.Select(c => c.Source).Should().Equal(Enumerable.Repeat(DualGauge.Snippets.SnippetSource.Save, expectedEntries));
    }

    [TestMethod]
    public async Task CancelRequest_RunningEvaluateSelection_CancelsTheEvaluation()
    {
        var evaluator = FakeSnippetEvaluator.HangsUntilCancelled(out var cancelled);
        var server = await StartWithPythonFileAsync(evaluator);
        using var cts = new CancellationTokenSource();
        var request = server.Client.RequestAsync<HistoryEntrySummary>(Methods.WorkspaceExecuteCommand,
            new DualGauge.Protocol.Workspace.ExecuteCommandParams(Commands.EvaluateSelection,
                [JsonSerializer.SerializeToElement(PythonUri), JsonSerializer.SerializeToElement(Lines(3, 6), ProtocolJson.Options)]), cts.Token);
        await evaluator.WaitForCallsAsync(1);

        var cancelledAt = DateTimeOffset.UtcNow;
        await cts.CancelAsync();

        await request.Invoking(r => r).Should().ThrowAsync<OperationCanceledException>();
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var ready = await server.Client.WaitForAsync(Methods.DualGaugeStatus, n => n.At >= cancelledAt && n.As<StatusParams>().State == ServerStates.Ready);
        ready.As<StatusParams>().Pending.Should().Be(0);
    }
}
