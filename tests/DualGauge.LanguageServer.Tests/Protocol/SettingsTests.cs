using System.Text.Json;
using DualGauge.Protocol;
using DualGauge.Protocol.Custom;
using DualGauge.Protocol.Lifecycle;
using DualGauge.Protocol.Workspace;
using DualGauge.TestUtilities.Snippets;

namespace DualGauge.LanguageServer.Tests.Protocol;

[TestClass]
public sealed class SettingsTests : ServerTestBase
{
    private static readonly ClientCapabilities PullCapable = new() { Workspace = new WorkspaceClientCapabilities { Configuration = true } };

    [TestMethod]
    public async Task Initialized_ClientSupportsConfiguration_PullsTheDualGaugeSection()
    {
        var evaluator = InsecureEvaluator();
        var server = Start(evaluator);
        server.Client.ConfigurationSection = new DualGaugeSettings { Languages = ["javascript"] };

        await server.Client.InitializeAsync(StoragePath, capabilities: PullCapable);
        // "ready" comes before the pull; the log line says when the pulled section applies.
        await server.Client.WaitForAsync(Methods.WindowLogMessage, n => n.Params.GetProperty("message").GetString()!.Contains("Settings from workspace/configuration"));
        await server.Client.OpenAsync(PythonUri, "python", PythonSource);
        var summary = await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));

        server.Client.ConfigurationRequests.Should().Be(1);
        summary.Should().BeNull("python is not in the pulled dualgauge.languages");
    }

    [TestMethod]
    public async Task DidChangeConfiguration_PushedSection_AppliesAndRecreatesTheEvaluatorForANewDockerHost()
    {
        var evaluator = InsecureEvaluator();
        var server = await StartWithPythonFileAsync(evaluator, new DualGaugeSettings { Languages = ["c"] });
        (await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6))).Should().BeNull();

        var pushed = JsonSerializer.SerializeToElement(new { dualgauge = new { languages = new[] { "python" }, dockerHost = "tcp://127.0.0.1:2375" } });
        await server.Client.NotifyAsync(Methods.WorkspaceDidChangeConfiguration, new DidChangeConfigurationParams(pushed));
        var summary = await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));

        summary!.Verdict.Should().Be(Verdicts.Insecure);
        evaluator.Created.Should().ContainSingle().Which.DockerHost.Should().Be("tcp://127.0.0.1:2375");
    }

    [TestMethod]
    public async Task DidChangeConfiguration_NullSettings_PullsFromTheClient()
    {
        var server = Start(InsecureEvaluator());
        await server.Client.InitializeAsync(StoragePath, capabilities: PullCapable);
        await server.Client.WaitForAsync<StatusParams>(Methods.DualGaugeStatus, s => s.State == ServerStates.Ready);

        await server.Client.NotifyAsync(Methods.WorkspaceDidChangeConfiguration, new DidChangeConfigurationParams(null));
        await server.Client.RequestAsync<HistoryListResult>(Methods.DualGaugeHistoryList, new HistoryListParams());

        server.Client.ConfigurationRequests.Should().Be(2);
    }

    [TestMethod]
    public async Task InitializationOptions_InvalidValue_LogsTheSettingAndKeepsTheDefault()
    {
        var server = Start(InsecureEvaluator());

        await server.Client.InitializeAsync(StoragePath, new DualGaugeSettings { TimeoutMs = -5 });

        await server.Client.WaitForAsync(Methods.WindowLogMessage, n => n.Params.GetProperty("message").GetString()!.Contains("dualgauge.timeoutMs from initializationOptions must be positive, got -5; using 10000"));
    }
}
