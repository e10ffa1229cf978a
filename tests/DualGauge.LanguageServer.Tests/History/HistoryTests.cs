using DualGauge.Protocol;
using DualGauge.Protocol.Custom;
using DualGauge.TestUtilities.Snippets;
using StreamJsonRpc;

namespace DualGauge.LanguageServer.Tests.History;

[TestClass]
public sealed class HistoryTests : ServerTestBase
{
    private const string OtherUri = "file:///work/app/other.py";

    [TestMethod]
    public async Task List_FiltersAndPaging_ReturnTheMatchingEntriesNewestFirstAndARerunUpdatesItsEntry()
    {
        var evaluator = new FakeSnippetEvaluator((s, _) => Task.FromResult(s.DocumentUri == OtherUri ? Evaluations.Secure(s) : Evaluations.Insecure(s)));
        var server = await StartWithPythonFileAsync(evaluator);
        await server.Client.OpenAsync(OtherUri, "python", "def ok(conn, name):\n    return conn.execute('SELECT 1 WHERE ? = ?', (name, name)).fetchall()\n");
        var a = await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));
        var b = await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, OtherUri, Lines(0, 2));
        var c = await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));

        var all = await List(server, new HistoryListParams());
        var page = await List(server, new HistoryListParams { Offset = 1, Limit = 1 });
        var insecure = await List(server, new HistoryListParams { Verdict = Verdicts.Insecure });
        var other = await List(server, new HistoryListParams { Uri = OtherUri });
        var searched = await List(server, new HistoryListParams { Search = "SELECT 1 WHERE" });
        var bySource = await List(server, new HistoryListParams { Source = InsertionSources.Chat });

        // The same code evaluated again is a re-run: its entry is updated and counted, not duplicated.
        c!.Id.Should().Be(a!.Id);
        c.Reruns.Should().Be(1);
        a.Reruns.Should().Be(0);
        all.Items.Select(i => i.Id).Should().Equal(c.Id, b!.Id);
        all.Items[0].Reruns.Should().Be(1);
        all.Total.Should().Be(2);
        page.Items.Should().ContainSingle().Which.Id.Should().Be(b.Id);
        page.Total.Should().Be(2);
        insecure.Items.Select(i => i.Id).Should().Equal(c.Id);
        other.Items.Should().ContainSingle().Which.Verdict.Should().Be(Verdicts.Secure);
        searched.Items.Should().ContainSingle().Which.Id.Should().Be(b.Id);
        bySource.Total.Should().Be(0);
    }

    [TestMethod]
    public async Task Get_Entry_ReturnsCodeTestsFindingsEvidenceTraceAndReport()
    {
        var server = await StartWithPythonFileAsync(InsecureEvaluator());
        var summary = await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));

        var entry = await server.Client.RequestAsync<HistoryEntry>(Methods.DualGaugeHistoryGet, new HistoryIdParams(summary!.Id));

        entry.Summary.Should().BeEquivalentTo(summary);
        entry.Code.Should().StartWith("def find_user(conn, username):");
        entry.Tests.Select(t => (t.Id, t.Passed)).Should().Equal(("finds_existing_user", true), ("tautology_in_username", false));
        entry.Findings.Should().ContainSingle().Which.Cwe.Should().Be("CWE-89");
        entry.Evidence.Should().Contain(e => e.Contains("sql-no-payload")).And.Contain(e => e.Contains("executed SQL"));
        entry.TraceLines.Should().HaveCount(9);
        entry.Report.Should().Contain("## Tests");
        entry.MatchReason.Should().Be("executes SQL built from a parameter");
    }

    [TestMethod]
    public async Task Get_UnknownId_FailsWithInvalidParams()
    {
        var server = await StartWithPythonFileAsync(InsecureEvaluator());

        var act = () => server.Client.RequestAsync<HistoryEntry>(Methods.DualGaugeHistoryGet, new HistoryIdParams(4242));

        (await act.Should().ThrowAsync<RemoteRpcException>()).Which.Message.Should().Contain("no history entry 4242");
    }

    [TestMethod]
    public async Task RerunRequest_ClosedDocument_RerunsTheStoredSnapshot()
    {
        var evaluator = InsecureEvaluator();
        var server = await StartWithPythonFileAsync(evaluator);
        var first = await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));
        await server.Client.NotifyAsync(Methods.TextDocumentDidClose, new DualGauge.Protocol.Synchronization.DidCloseTextDocumentParams(new(PythonUri)));

        var again = await server.Client.RequestAsync<HistoryEntrySummary>(Methods.DualGaugeHistoryRerun, new HistoryIdParams(first!.Id));

        again.Id.Should().Be(first.Id, "the snapshot's code is unchanged: the re-run updates its entry");
        again.Reruns.Should().Be(1);
        again.CodeHash.Should().Be(first.CodeHash);
        evaluator.Calls[1].DocumentText.Should().Be(PythonSource);
        (evaluator.Calls[1].StartLine, evaluator.Calls[1].EndLine).Should().Be((3, 5));
        await server.Client.WaitForAsync<HistoryChangedParams>(Methods.DualGaugeHistoryChanged, h => h.Id == again.Id);
    }

    [TestMethod]
    public async Task Clear_Always_DeletesEverythingAndNotifies()
    {
        var server = await StartWithPythonFileAsync(InsecureEvaluator());
        await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));
        await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));

        var cleared = await server.Client.RequestAsync<HistoryClearResult>(Methods.DualGaugeHistoryClear, new HistoryClearParams());

        cleared.Deleted.Should().Be(1, "the second evaluation of the same code re-ran the first entry");
        (await List(server, new HistoryListParams())).Total.Should().Be(0);
        await server.Client.WaitForAsync<HistoryChangedParams>(Methods.DualGaugeHistoryChanged, h => h.Reason == HistoryChangeReasons.Cleared && h.Id == null);
    }

    [TestMethod]
    public async Task History_ServerRestartedOnSameStorage_KeepsEveryEntry()
    {
        var first = await StartWithPythonFileAsync(InsecureEvaluator());
        var summary = await first.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));
        await first.Client.ShutdownAndExitAsync();
        await first.WaitForExitAsync();

        var second = Start(InsecureEvaluator());
        await second.Client.InitializeAsync(StoragePath);
        var list = await List(second, new HistoryListParams());

        list.Items.Should().ContainSingle().Which.Should().BeEquivalentTo(summary);
        File.Exists(Path.Combine(StoragePath, "history.db")).Should().BeTrue();
    }

    [TestMethod]
    public async Task HistoryChanged_AfterEachEvaluation_IsSentAfterTheRowIsReadable()
    {
        var server = await StartWithPythonFileAsync(InsecureEvaluator());

        var summary = await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));
        var changed = await server.Client.WaitForAsync<HistoryChangedParams>(Methods.DualGaugeHistoryChanged);

        changed.Should().Be(new HistoryChangedParams(HistoryChangeReasons.Added, summary!.Id));
        (await server.Client.RequestAsync<HistoryEntry>(Methods.DualGaugeHistoryGet, new HistoryIdParams(changed.Id!.Value))).Summary.Id.Should().Be(summary.Id);
    }

    private static Task<HistoryListResult> List(TestUtilities.Lsp.InProcessLanguageServer server, HistoryListParams query) =>
        server.Client.RequestAsync<HistoryListResult>(Methods.DualGaugeHistoryList, query);
}
