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
}
