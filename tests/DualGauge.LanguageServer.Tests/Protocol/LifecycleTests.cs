using System.Text.Json;
using DualGauge.LanguageServer.Evaluation;
using DualGauge.Protocol;
using DualGauge.Protocol.Custom;
using DualGauge.Protocol.Lifecycle;
using DualGauge.TestUtilities.Snippets;
using StreamJsonRpc;

namespace DualGauge.LanguageServer.Tests.Protocol;

[TestClass]
public sealed class LifecycleTests : ServerTestBase
{
    [TestMethod]
    public async Task Initialize_AnyClient_AdvertisesIncrementalSyncCodeActionsAndEveryCommand()
    {
        var server = Start(InsecureEvaluator());

        var result = await server.Client.InitializeAsync(StoragePath);

        result.ServerInfo.Name.Should().Be("DualGauge");
        result.Capabilities.TextDocumentSync.Change.Should().Be(TextDocumentSyncKind.Incremental);
        result.Capabilities.TextDocumentSync.OpenClose.Should().BeTrue();
        result.Capabilities.CodeActionProvider!.CodeActionKinds.Should().Contain("quickfix");
        result.Capabilities.ExecuteCommandProvider!.Commands.Should().BeEquivalentTo(
            ["dualgauge.evaluateSelection", "dualgauge.evaluateFile", "dualgauge.rerun", "dualgauge.showReport", "dualgauge.showRemediation"]);
        await server.Client.WaitForAsync<StatusParams>(Methods.DualGaugeStatus, s => s.State == ServerStates.Starting);
        await server.Client.WaitForAsync<StatusParams>(Methods.DualGaugeStatus, s => s.State == ServerStates.Ready);
    }

    [TestMethod]
    public async Task Initialize_Wire_UsesNumericSyncKindAndCamelCaseNames()
    {
        var server = Start(InsecureEvaluator());

        var raw = await server.Client.RequestAsync<JsonElement>(Methods.Initialize, new InitializeParams { InitializationOptions = new() { StoragePath = StoragePath } });

        raw.GetProperty("capabilities").GetProperty("textDocumentSync").GetProperty("change").GetInt32().Should().Be(2);
        raw.GetProperty("capabilities").GetProperty("executeCommandProvider").GetProperty("commands").GetArrayLength().Should().Be(5);
    }

    [TestMethod]
    public async Task Request_BeforeInitialize_FailsWithServerNotInitialized()
    {
        var server = Start(InsecureEvaluator());

        var act = () => server.Client.RequestAsync<HistoryListResult>(Methods.DualGaugeHistoryList, new HistoryListParams());

        (await act.Should().ThrowAsync<RemoteInvocationException>()).Which.ErrorCode.Should().Be(-32002);
    }

    [TestMethod]
    public async Task Initialize_Twice_SecondFailsAndServerStaysUp()
    {
        var server = Start(InsecureEvaluator());
        await server.Client.InitializeAsync(StoragePath);

        var again = () => server.Client.RequestAsync<InitializeResult>(Methods.Initialize, new InitializeParams());

        await again.Should().ThrowAsync<RemoteInvocationException>();
        (await server.Client.RequestAsync<HistoryListResult>(Methods.DualGaugeHistoryList, new HistoryListParams())).Total.Should().Be(0);
    }

    [TestMethod]
    public async Task ShutdownThenExit_Always_ExitsWithZero()
    {
        var server = Start(InsecureEvaluator());
        await server.Client.InitializeAsync(StoragePath);

        await server.Client.ShutdownAndExitAsync();

        (await server.WaitForExitAsync()).Should().Be(0);
    }

    [TestMethod]
    public async Task Exit_WithoutShutdown_ExitsWithOne()
    {
        var server = Start(InsecureEvaluator());
        await server.Client.InitializeAsync(StoragePath);

        await server.Client.NotifyAsync(Methods.Exit);

        (await server.WaitForExitAsync()).Should().Be(1);
    }

    [TestMethod]
    public async Task ConnectionClosed_WhileEvaluating_ServerShutsDownAndCancelsTheEvaluation()
    {
        var evaluator = FakeSnippetEvaluator.HangsUntilCancelled(out var cancelled);
        var server = await StartWithPythonFileAsync(evaluator);
        _ = server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));
        await evaluator.WaitForCallsAsync(1);

        await server.Client.DisposeAsync();

        (await server.WaitForExitAsync()).Should().Be(0);
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [TestMethod]
    public async Task Initialize_WithStoragePath_WritesTheLogIntoIt()
    {
        var server = Start(InsecureEvaluator());

        await server.Client.InitializeAsync(StoragePath);

        server.Host.LogFilePath.Should().StartWith(Path.Combine(StoragePath, "logs"));
    }

    [TestMethod]
    public async Task Initialized_ConfigurationAnswerStillPending_ReportsReadyAtOnce()
    {
        var server = Start(InsecureEvaluator());
        var answer = new TaskCompletionSource();
        server.Client.ConfigurationGate = answer.Task;

        await server.Client.InitializeAsync(StoragePath, capabilities: new ClientCapabilities { Workspace = new WorkspaceClientCapabilities { Configuration = true } });

        await server.Client.WaitForAsync<StatusParams>(Methods.DualGaugeStatus, s => s.State == ServerStates.Ready, TimeSpan.FromSeconds(5));
        server.Client.ConfigurationRequests.Should().BeLessThanOrEqualTo(1);
        answer.SetResult();
    }
}
