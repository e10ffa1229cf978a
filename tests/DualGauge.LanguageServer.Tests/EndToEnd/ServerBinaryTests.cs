using DualGauge.Protocol;
using DualGauge.Protocol.Custom;
using DualGauge.TestUtilities.Lsp;

namespace DualGauge.LanguageServer.Tests.EndToEnd;

/// <summary>The real server binary over stdio, as editors start it.</summary>
[TestClass]
public sealed class ServerBinaryTests : ServerTestBase
{
    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task IdleServer_AfterInitializeAndOpen_StaysSmall()
    {
        await using var server = ServerBinary.Start();
        await server.Client.InitializeAsync(StoragePath);
        await server.Client.WaitForAsync<StatusParams>(Methods.DualGaugeStatus, s => s.State == ServerStates.Ready);
        await server.Client.OpenAsync(PythonUri, "python", PythonSource);
        await server.Client.RequestAsync<HistoryListResult>(Methods.DualGaugeHistoryList, new HistoryListParams());

        var rss = server.ResidentBytes();

        TestContext.WriteLine($"Idle server RSS: {rss / (1024.0 * 1024):0.0} MiB (pid {server.Process.Id})");
        rss.Should().BeLessThan(150L * 1024 * 1024, "an idle server loads no Docker client, no tasks and no evaluator");
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task RealBinary_StdinClosed_ExitsWithZero()
    {
        await using var server = ServerBinary.Start();
        await server.Client.InitializeAsync(StoragePath);

        server.Process.StandardInput.Close();
        await server.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));

        server.Process.ExitCode.Should().Be(0);
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task RealBinary_ShutdownExit_ExitsWithZeroAndNeverWritesNonProtocolBytes()
    {
        await using var server = ServerBinary.Start();
        await server.Client.InitializeAsync(StoragePath);
        await server.Client.WriteRawAsync("Content-Length: 3\r\n\r\n{x}");
        (await server.Client.RequestAsync<HistoryListResult>(Methods.DualGaugeHistoryList, new HistoryListParams())).Total.Should().Be(0);

        await server.Client.ShutdownAndExitAsync();
        await server.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));

        server.Process.ExitCode.Should().Be(0);
        server.Client.Completion.IsFaulted.Should().BeFalse("every byte on stdout was a well-framed JSON-RPC message");
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task RealBinary_DockerHostUnreachable_ReportsDockerUnavailableWithTheFix()
    {
        await using var server = ServerBinary.Start();
        await server.Client.InitializeAsync(StoragePath, new DualGaugeSettings { DockerHost = "unix:///nonexistent/docker.sock" });
        await server.Client.OpenAsync(PythonUri, "python", Samples.InjectablePython);

        var act = () => server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));

        (await act.Should().ThrowAsync<StreamJsonRpc.RemoteRpcException>()).Which.Message.Should().Contain("/nonexistent/docker.sock").And.Contain("Start the Docker engine");
        var status = await server.Client.WaitForAsync<StatusParams>(Methods.DualGaugeStatus, s => s.State == ServerStates.DockerUnavailable);
        status.Message.Should().Contain("/nonexistent/docker.sock");
        status.Fix.Should().NotBeNullOrEmpty();
    }

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task RealBinary_KilledRightAfterPublishing_KeepsTheEvaluationInTheHistory()
    {
        RequiredServices.Require(RequiredServices.DockerAnswers(), "the Docker engine does not answer (`docker version` failed)");
        long id;
        await using (var first = ServerBinary.Start())
        {
            await first.Client.InitializeAsync(StoragePath);
            await first.Client.OpenAsync(PythonUri, "python", Samples.InjectablePython);
            var started = System.Diagnostics.Stopwatch.StartNew();
            await first.Client.NotifyAsync(Methods.DualGaugeAiInsertion,
                new AiInsertionParams(new DualGauge.Protocol.Basic.VersionedTextDocumentIdentifier(PythonUri, 1), Lines(3, 6), InsertionSources.InlineSuggestion));
            var published = await first.Client.WaitForDiagnosticsAsync(PythonUri, d => d.Count > 0, TimeSpan.FromSeconds(240));
            id = published.Diagnostics[0].Data!.Value.GetProperty("historyId").GetInt64();
            TestContext.WriteLine($"AI insertion to diagnostics (debounce 400 ms, cold sandbox): {started.ElapsedMilliseconds} ms; server RSS after one evaluation: {first.ResidentBytes() / (1024.0 * 1024):0.0} MiB");

            // No shutdown, no exit, no flush: the process dies the moment the diagnostics arrived.
            var killedPid = first.Process.Id;
            first.Process.Kill(entireProcessTree: true);
            await first.Process.WaitForExitAsync();
            RemoveContainersOf(killedPid);
        }

        await using var second = ServerBinary.Start();
        await second.Client.InitializeAsync(StoragePath);
        var entry = await second.Client.RequestAsync<HistoryEntry>(Methods.DualGaugeHistoryGet, new HistoryIdParams(id));

        entry.Summary.Source.Should().Be(InsertionSources.InlineSuggestion);
        entry.Code.Should().Contain("def find_user");
        entry.TraceLines.Should().NotBeEmpty();
    }

    /// <summary>A killed server cannot remove its warm sandbox container; do it here rather than leave it to the next server.</summary>
    private static void RemoveContainersOf(int pid)
    {
        if (RequiredServices.FindOnPath("docker") is not { } docker)
        {
            return;
        }

        using var list = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(docker, $"ps -aq --filter label=dualgauge.pid={pid}") { RedirectStandardOutput = true })!;
        var ids = list.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        list.WaitForExit();
        if (ids.Length > 0)
        {
            using var remove = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(docker, "rm -f " + string.Join(' ', ids)) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            remove.WaitForExit();
        }
    }
}
