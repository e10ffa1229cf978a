using DualGauge.Core.Execution;
using DualGauge.Protocol;
using DualGauge.Protocol.Basic;
using DualGauge.Protocol.Custom;
using DualGauge.Protocol.Window;
using DualGauge.TestUtilities.Snippets;
using StreamJsonRpc;

namespace DualGauge.LanguageServer.Tests.Evaluation;

[TestClass]
public sealed class SandboxUnavailableTests : ServerTestBase
{
    private const string DockerDown = "Cannot reach the Docker engine at unix:///var/run/docker.sock (the default endpoint): connection refused";

    [TestMethod]
    public async Task Evaluation_DockerDownThenBack_ReportsUnavailableWithFixThenRecoversAndPublishes()
    {
        var dockerUp = false;
        var evaluator = new FakeSnippetEvaluator((s, _) => dockerUp
            ? Task.FromResult(Evaluations.Insecure(s))
            : Task.FromException<Snippets.SnippetEvaluation>(new SandboxUnavailableException(DockerDown)));
        var server = await StartWithPythonFileAsync(evaluator, configure: o => o with { SandboxRetryInterval = TimeSpan.FromMilliseconds(300) });

        await server.Client.NotifyAsync(Methods.DualGaugeAiInsertion,
            new AiInsertionParams(new VersionedTextDocumentIdentifier(PythonUri, 1), Lines(3, 6), InsertionSources.Chat));

        var down = await server.Client.WaitForAsync<StatusParams>(Methods.DualGaugeStatus, s => s.State == ServerStates.DockerUnavailable);
        down.Message.Should().Be(DockerDown);
        down.Fix.Should().Contain("Start the Docker engine").And.Contain("dualgauge.dockerHost");
        await evaluator.WaitForCallsAsync(2);
        dockerUp = true;
        var shown = await server.Client.WaitForAsync<ShowMessageParams>(Methods.WindowShowMessage);
        shown.Type.Should().Be(MessageType.Warning);
        shown.Message.Should().Contain(DockerDown);

        await server.Client.WaitForDiagnosticsAsync(PythonUri, d => d.Any(x => x.Code == "CWE-89"));
        server.Client.Of(Methods.WindowShowMessage).Should().ContainSingle("the outage is announced once, not on every retry");
        var statuses = server.Client.Of(Methods.DualGaugeStatus).Select(n => n.As<StatusParams>()).ToList();
        statuses.Last().State.Should().Be(ServerStates.Ready);
        statuses.Select(s => s.State).Should().ContainInOrder(ServerStates.Evaluating, ServerStates.DockerUnavailable, ServerStates.Evaluating, ServerStates.Ready);
    }

    [TestMethod]
    public async Task EvaluateSelection_DockerDown_FailsWithTheReasonAndTheFix()
    {
        var evaluator = new FakeSnippetEvaluator((_, _) => Task.FromException<Snippets.SnippetEvaluation>(new SandboxUnavailableException(DockerDown)));
        var server = await StartWithPythonFileAsync(evaluator);

        var act = () => server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));

        var error = (await act.Should().ThrowAsync<RemoteInvocationException>()).Which;
        error.Message.Should().Contain(DockerDown).And.Contain("Start the Docker engine");
        await server.Client.WaitForAsync<StatusParams>(Methods.DualGaugeStatus, s => s.State == ServerStates.DockerUnavailable && s.Pending == 0);
    }
}
