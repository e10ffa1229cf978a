using DualGauge.LanguageServer.Tests.EndToEnd;
using DualGauge.Protocol;
using DualGauge.Protocol.Basic;
using DualGauge.Protocol.Custom;
using DualGauge.Protocol.Diagnostics;
using DualGauge.Protocol.Language;
using DualGauge.Protocol.Window;
using DualGauge.TestUtilities.Ai;
using DualGauge.TestUtilities.Lsp;
using StreamJsonRpc;

namespace DualGauge.LanguageServer.Tests.Fixes;

/// <summary>"Fix with AI (verified)" against an OpenAI-compatible endpoint on loopback and the real Docker sandbox.</summary>
[TestClass]
public sealed class FixWithAiTests : ServerTestBase
{
    private const string Uri = "file:///work/app/customers.py";
    private const string ApiKey = "sk-test-7f3a9c-never-in-logs";

    /// <summary>No bench task has this entry point, so the SQL probe template judges it (with or without bench-tasks on disk).</summary>
    private const string Injectable =
        "import sqlite3\n" +
        "\n" +
        "\n" +
        "def lookup_customer(conn, name):\n" +
        "    query = f\"SELECT id, name, email FROM customers WHERE name = '{name}'\"\n" +
        "    return conn.execute(query).fetchall()\n";

    private const string ParameterisedAnswer =
        "Here is the fix:\n```python\nimport sqlite3\n\n\ndef lookup_customer(conn, name):\n" +
        "    return conn.execute(\"SELECT id, name, email FROM customers WHERE name = ?\", (name,)).fetchall()\n```\n";

    private const string StillInjectableAnswer =
        "```python\ndef lookup_customer(conn, name):\n" +
        "    query = \"SELECT id, name, email FROM customers WHERE name = '%s'\" % name\n" +
        "    return conn.execute(query).fetchall()\n```\n";

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task FixWithAi_RewritePassesEveryTest_AppliesTheEditWithTheKeyFromTheEnvironmentOnly()
    {
        RequireDocker();
        await using var model = FakeOpenAiServer.Replying(FakeReply.Chat(ParameterisedAnswer));
        await using var server = await StartFlaggedAsync(new AiSettings { Enabled = true, Endpoint = model.Endpoint, Model = "fixer-1" });
        var diagnostic = (await server.Client.WaitForDiagnosticsAsync(Uri, d => d.Any(x => x.Code == "CWE-89"))).Diagnostics.First(d => d.Code == "CWE-89");

        var actions = await CodeActionsAsync(server.Client, diagnostic);
        var fix = actions.Should().ContainSingle(a => a.Title == "DualGauge: Fix with AI (verified)").Subject;
        fix.Command!.CommandIdentifier.Should().Be(Commands.FixWithAi);
        var result = await server.Client.ExecuteCommandAsync<FixWithAiResult>(fix.Command.CommandIdentifier, fix.Command.Arguments!.ToArray()!);

        result!.Applied.Should().BeTrue(result.Message + Environment.NewLine + server.Client.Log);
        var applied = server.Client.ApplyEditRequests.Should().ContainSingle().Subject;
        var edit = applied.Edit.Changes[Uri].Should().ContainSingle().Subject;
        edit.Range.Start.Should().Be(new Position(3, 0));
        edit.Range.End.Should().Be(new Position(6, 0));
        edit.NewText.Should().Contain("WHERE name = ?\", (name,)").And.Contain("def lookup_customer(conn, name):\n");
        var request = model.Requests.Should().ContainSingle().Subject;
        request.Model.Should().Be("fixer-1");
        request.Headers["Authorization"].Should().Be("Bearer " + ApiKey);
        request.Messages.Last().Content.Should().Contain("lookup_customer").And.Contain("CWE-89");
        (await server.Client.WaitForAsync<ShowMessageParams>(Methods.WindowShowMessage, m => m.Type == MessageType.Info)).Message.Should().Contain("applied");
        server.Client.Log.Should().NotContain(ApiKey);
        Directory.EnumerateFiles(StoragePath, "*.log", SearchOption.AllDirectories).Select(File.ReadAllText).Should().NotContain(l => l.Contains(ApiKey));
    }

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task FixWithAi_RewriteStillInjectable_RefusesAndNamesTheFailingTests()
    {
        RequireDocker();
        await using var model = FakeOpenAiServer.Replying(FakeReply.Chat(StillInjectableAnswer));
        await using var server = await StartFlaggedAsync(new AiSettings { Enabled = true, Endpoint = model.Endpoint, Model = "fixer-1" });
        var diagnostic = (await server.Client.WaitForDiagnosticsAsync(Uri, d => d.Any(x => x.Code == "CWE-89"))).Diagnostics.First(d => d.Code == "CWE-89");
        var historyId = diagnostic.Data!.Value.GetProperty("historyId").GetInt64();

        var result = await server.Client.ExecuteCommandAsync<FixWithAiResult>(Commands.FixWithAi, historyId);

        result!.Applied.Should().BeFalse();
        result.FailedTests.Should().NotBeEmpty().And.Contain(t => t.Contains("security, CWE-89"));
        server.Client.ApplyEditRequests.Should().BeEmpty();
        model.Requests.Should().HaveCount(2, "the fixer tries twice, the second time with the first rewrite's failures");
        var shown = await server.Client.WaitForAsync<ShowMessageParams>(Methods.WindowShowMessage, m => m.Message.Contains("not applied"));
        shown.Type.Should().Be(MessageType.Warning);
        foreach (var failed in result.FailedTests)
        {
            shown.Message.Should().Contain(failed.Split(' ')[0]);
        }
    }

    [TestMethod]
    public async Task FixWithAi_Disabled_NoCodeActionNoCommandAndNoRequest()
    {
        await using var model = FakeOpenAiServer.Replying(FakeReply.Chat(ParameterisedAnswer));
        var server = Start(InsecureEvaluator(), o => o with { Environment = Env });
        var init = await server.Client.InitializeAsync(StoragePath, new DualGaugeSettings { Ai = new AiSettings { Enabled = false, Endpoint = model.Endpoint, Model = "fixer-1" } });
        await server.Client.OpenAsync(PythonUri, "python", PythonSource);
        await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));
        var diagnostics = (await server.Client.WaitForDiagnosticsAsync(PythonUri, d => d.Count > 0)).Diagnostics;

        init.Capabilities.ExecuteCommandProvider!.Commands.Should().NotContain(Commands.FixWithAi);
        var actions = await server.Client.RequestAsync<List<CodeAction>>(Methods.TextDocumentCodeAction,
            new CodeActionParams(new TextDocumentIdentifier(PythonUri), diagnostics[0].Range, new CodeActionContext(diagnostics)));
        actions.Should().NotBeEmpty().And.NotContain(a => a.Title.Contains("AI"));
        var historyId = diagnostics[0].Data!.Value.GetProperty("historyId").GetInt64();
        var call = () => server.Client.ExecuteCommandAsync<FixWithAiResult>(Commands.FixWithAi, historyId);
        (await call.Should().ThrowAsync<RemoteInvocationException>()).Which.Message.Should().Contain("dualgauge.ai.enabled");
        model.Requests.Should().BeEmpty();
    }

    [TestMethod]
    public async Task Initialize_AiEnabled_AdvertisesFixWithAi()
    {
        var server = Start(InsecureEvaluator(), o => o with { Environment = Env });

        var init = await server.Client.InitializeAsync(StoragePath, new DualGaugeSettings { Ai = new AiSettings { Enabled = true, Endpoint = "http://127.0.0.1:9/v1", Model = "m" } });

        init.Capabilities.ExecuteCommandProvider!.Commands.Should().Contain(Commands.FixWithAi);
    }

    [TestMethod]
    public async Task FixWithAi_EnabledWithoutEndpoint_ShowsHowToConfigureAndSendsNothing()
    {
        var server = Start(InsecureEvaluator(), o => o with { Environment = Env });
        await server.Client.InitializeAsync(StoragePath, new DualGaugeSettings { Ai = new AiSettings { Enabled = true, Model = "fixer-1" } });
        await server.Client.OpenAsync(PythonUri, "python", PythonSource);
        var summary = await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));

        var result = await server.Client.ExecuteCommandAsync<FixWithAiResult>(Commands.FixWithAi, summary!.Id);

        result!.Applied.Should().BeFalse();
        result.Message.Should().Contain("no model endpoint is configured").And.Contain("dualgauge.ai.endpoint");
        (await server.Client.WaitForAsync<ShowMessageParams>(Methods.WindowShowMessage)).Type.Should().Be(MessageType.Error);
    }

    /// <summary>The environment the server sees: the key only, never an endpoint (so the settings decide where requests go).</summary>
    private static string? Env(string name) => name == "DUALGAUGE_OPENAI_API_KEY" ? ApiKey : null;

    private static void RequireDocker() =>
        RequiredServices.Require(RequiredServices.DockerAnswers(), "the Docker engine does not answer (`docker version` failed)");

    /// <summary>The real sandbox has flagged <see cref="Injectable"/> (CWE-89) in an open document.</summary>
    private async Task<InProcessLanguageServer> StartFlaggedAsync(AiSettings ai)
    {
        var server = InProcessLanguageServer.Start(evaluatorFactory: null, o => o with { Environment = Env });
        await server.Client.InitializeAsync(StoragePath, new DualGaugeSettings { Ai = ai });
        await server.Client.OpenAsync(Uri, "python", Injectable);
        var summary = await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, Uri, Lines(3, 6));
        summary!.Verdict.Should().Be(Verdicts.Insecure, server.Client.Log);
        return server;
    }

    private static Task<List<CodeAction>> CodeActionsAsync(LspTestClient client, Diagnostic diagnostic) =>
        client.RequestAsync<List<CodeAction>>(Methods.TextDocumentCodeAction,
            new CodeActionParams(new TextDocumentIdentifier(Uri), diagnostic.Range, new CodeActionContext([diagnostic])));
}
