using DualGauge.LanguageServer.Documents;
using System.Diagnostics;
using System.Text;
using DualGauge.LanguageServer.Evaluation;
using DualGauge.Protocol;
using DualGauge.Protocol.Basic;
using DualGauge.Protocol.Custom;
using DualGauge.Protocol.Synchronization;
using DualGauge.TestUtilities.Snippets;
using Microsoft.Extensions.DependencyInjection;
using StreamJsonRpc;

namespace DualGauge.LanguageServer.Tests.Protocol;

[TestClass]
public sealed class RobustnessTests : ServerTestBase
{
    [TestMethod]
    public async Task UnknownRequest_Always_AnswersMethodNotFoundAndStaysResponsive()
    {
        var server = await StartWithPythonFileAsync(InsecureEvaluator());

        var act = () => server.Client.RequestAsync<object>("textDocument/definitelyNotAMethod", new { x = 1 });

        (await act.Should().ThrowAsync<RemoteMethodNotFoundException>()).Which.ErrorCode.Should().Be(StreamJsonRpc.Protocol.JsonRpcErrorCode.MethodNotFound);
        await server.Client.NotifyAsync("$/someUnknownNotification", new { y = 2 });
        (await server.Client.RequestAsync<HistoryListResult>(Methods.DualGaugeHistoryList, new HistoryListParams())).Total.Should().Be(0);
    }

    [TestMethod]
    [DataRow("Content-Length: 12\r\n\r\n{not json!!}", DisplayName = "invalid JSON body")]
    [DataRow("Content-Length: 7\r\n\r\n[1,2,3]", DisplayName = "array body")]
    [DataRow("Content-Length: 15\r\n\r\n{\"hello\":\"you\"}", DisplayName = "not JSON-RPC")]
    [DataRow("Content-Type: text/plain\r\n\r\n", DisplayName = "header without Content-Length")]
    [DataRow("Content-Length: banana\r\n\r\n", DisplayName = "non-numeric Content-Length")]
    [DataRow("garbage without any header terminator", DisplayName = "garbage before the next header")]
    public async Task MalformedMessage_AnyKind_IsDroppedAndServerStaysResponsive(string raw)
    {
        var server = await StartWithPythonFileAsync(InsecureEvaluator());

        await server.Client.WriteRawAsync(raw);

        var list = await server.Client.RequestAsync<HistoryListResult>(Methods.DualGaugeHistoryList, new HistoryListParams()).WaitAsync(TimeSpan.FromSeconds(10));
        list.Total.Should().Be(0);
        server.Run.IsCompleted.Should().BeFalse();
        (await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6)))!.Verdict.Should().Be(Verdicts.Insecure);
    }

    [TestMethod]
    public async Task MalformedMessage_Dropped_IsLoggedToTheClient()
    {
        var server = await StartWithPythonFileAsync(InsecureEvaluator());

        await server.Client.WriteRawAsync("Content-Length: 12\r\n\r\n{not json!!}");

        await server.Client.WaitForAsync(Methods.WindowLogMessage, n => n.Params.GetProperty("message").GetString()!.Contains("Dropped a malformed message"));
    }

    [TestMethod]
    public async Task OversizedMessage_ContentLengthThatLies_IsRefusedLoggedAndTheNextMessageIsRead()
    {
        var server = await StartWithPythonFileAsync(InsecureEvaluator());
        const string Body = "{\"jsonrpc\":\"2.0\",\"method\":\"x\"}";

        // Today's failure: the server waited for 2 GB that never came, and every later message was swallowed.
        await server.Client.WriteRawAsync("Content-Length: 2000000000\r\n\r\n" + Body);

        var list = await server.Client.RequestAsync<HistoryListResult>(Methods.DualGaugeHistoryList, new HistoryListParams()).WaitAsync(TimeSpan.FromSeconds(10));
        list.Total.Should().Be(0);
        server.Run.IsCompleted.Should().BeFalse();
        await server.Client.WaitForAsync(Methods.WindowLogMessage, n => n.Params.GetProperty("message").GetString()!
            .Contains("Refused a message from the client: its Content-Length 2000000000 is over the 64 MiB (67,108,864 bytes) cap"));
        await server.Client.WaitForAsync(Methods.WindowLogMessage, n => n.Params.GetProperty("message").GetString()!
            .Contains($"The refused message ended after {Body.Length} of its declared 2000000000 bytes"));
        (await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6)))!.Verdict.Should().Be(Verdicts.Insecure);
    }

    [TestMethod]
    public async Task OversizedMessage_BodyReallyOverTheCap_IsSkippedAsItArrivesAndServerStaysResponsive()
    {
        var server = await StartWithPythonFileAsync(InsecureEvaluator());
        // A real body one byte over the default 64 MiB cap, a didOpen whose text mentions a frame header (escaped, as JSON must).
        var prefix = "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"file:///work/app/huge.py\",\"languageId\":\"python\",\"version\":1,\"text\":\"# Content-Length: 12\\r\\n\\r\\n";
        const string Suffix = "\"}}}";
        var length = 64 * 1024 * 1024 + 1;
        var frame = new byte[Encoding.ASCII.GetByteCount($"Content-Length: {length}\r\n\r\n") + length];
        var header = Encoding.ASCII.GetBytes($"Content-Length: {length}\r\n\r\n");
        header.CopyTo(frame, 0);
        Encoding.ASCII.GetBytes(prefix).CopyTo(frame, header.Length);
        frame.AsSpan(header.Length + prefix.Length, length - prefix.Length - Suffix.Length).Fill((byte)'x');
        Encoding.ASCII.GetBytes(Suffix).CopyTo(frame, frame.Length - Suffix.Length);

        var stopwatch = Stopwatch.StartNew();
        await server.Client.WriteRawAsync(frame);
        var list = await server.Client.RequestAsync<HistoryListResult>(Methods.DualGaugeHistoryList, new HistoryListParams()).WaitAsync(TimeSpan.FromSeconds(30));
        TestContext.WriteLine($"64 MiB + 1 refused frame written and the next request answered in {stopwatch.ElapsedMilliseconds} ms");

        list.Total.Should().Be(0);
        await server.Client.WaitForAsync(Methods.WindowLogMessage, n => n.Params.GetProperty("message").GetString()!
            .Contains($"Skipped the {length} bytes of the refused message; reading the next message"));
        server.Client.Log.Should().NotContain("ended after", "a header mentioned inside a JSON string is not a frame header");
        server.Host.Services.GetRequiredService<DocumentStore>().Find("file:///work/app/huge.py")?.Text.Should().BeNull("the refused didOpen never reached the server");
        (await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6)))!.Verdict.Should().Be(Verdicts.Insecure);
    }

    [TestMethod]
    public async Task OversizedMessage_SmallerConfiguredCap_IsRefusedAndAnAllowedMessageStillPasses()
    {
        var server = Start(InsecureEvaluator(), o => o with { MaxFrameBytes = 1000 });
        await server.Client.InitializeAsync(StoragePath, new DualGaugeSettings { DebounceMs = 50 });
        var big = "{\"jsonrpc\":\"2.0\",\"method\":\"$/x\",\"params\":{\"p\":\"" + new string('y', 2000) + "\"}}";

        await server.Client.WriteRawAsync($"Content-Length: {big.Length}\r\n\r\n{big}");
        await server.Client.OpenAsync(PythonUri, "python", PythonSource);

        await server.Client.WaitForAsync(Methods.WindowLogMessage, n => n.Params.GetProperty("message").GetString()!.Contains($"its Content-Length {big.Length} is over the 1,000-byte cap"));
        (await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6)))!.Verdict.Should().Be(Verdicts.Insecure);
    }

    [TestMethod]
    public async Task DidOpen_TenMegabyteDocument_IsHeldExactlyAndEvaluable()
    {
        var evaluator = InsecureEvaluator();
        var server = Start(evaluator);
        await server.Client.InitializeAsync(StoragePath);
        var filler = new StringBuilder();
        while (filler.Length < 10 * 1024 * 1024)
        {
            filler.Append("# padding line so the document weighs ten megabytes ..........................\n");
        }

        var text = PythonSource + filler;
        var stopwatch = Stopwatch.StartNew();
        await server.Client.OpenAsync(PythonUri, "python", text);
        var summary = await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));
        TestContext.WriteLine($"10 MB document: evaluateSelection answered {stopwatch.ElapsedMilliseconds} ms after didOpen was sent");

        summary!.Verdict.Should().Be(Verdicts.Insecure);
        evaluator.Calls.Single().DocumentText.Should().HaveLength(text.Length).And.Be(text);
        await server.Client.WaitForDiagnosticsAsync(PythonUri, d => d.Any(x => x.Code == "CWE-89"));
    }

    [TestMethod]
    public async Task DidChange_StormOfAThousandEditsInASecond_LeavesExactTextAndAResponsiveServer()
    {
        var server = await StartWithPythonFileAsync(InsecureEvaluator());
        var expected = new StringBuilder(PythonSource);
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < 1000; i++)
        {
            // Alternate typing at the end of line 1 and inserting new lines at the top, like a fast typist plus a formatter.
            TextDocumentContentChangeEvent change;
            if (i % 10 == 9)
            {
                change = new(new Range(new Position(0, 0), new Position(0, 0)), "#\n");
                expected.Insert(0, "#\n");
            }
            else
            {
                var line1 = expected.ToString().Split('\n')[1];
                change = new(new Range(new Position(1, line1.Length), new Position(1, line1.Length)), "x");
                var offset = expected.ToString().IndexOf('\n') + 1 + line1.Length;
                expected.Insert(offset, "x");
            }

            await server.Client.ChangeAsync(PythonUri, i + 2, change);
        }

        stopwatch.Stop();
        var list = await server.Client.RequestAsync<HistoryListResult>(Methods.DualGaugeHistoryList, new HistoryListParams()).WaitAsync(TimeSpan.FromSeconds(5));

        TestContext.WriteLine($"1000 didChange sent in {stopwatch.ElapsedMilliseconds} ms; next request answered after the storm");
        stopwatch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1), "the storm must really be a thousand edits in a second");
        list.Total.Should().Be(0);
        var store = server.Host.Services.GetRequiredService<DocumentStore>();
        store.Find(PythonUri)!.Text.Should().Be(expected.ToString());
        store.Find(PythonUri)!.Version.Should().Be(1001);
    }

    [TestMethod]
    public async Task DidChange_FullAndIncrementalWithCrLfAndSurrogates_AppliesInUtf16Units()
    {
        var server = Start(InsecureEvaluator());
        await server.Client.InitializeAsync(StoragePath);
        await server.Client.OpenAsync(PythonUri, "python", "a😀b\r\nline two\r\n");

        await server.Client.ChangeAsync(PythonUri, 2,
            new TextDocumentContentChangeEvent(new Range(new Position(0, 3), new Position(0, 4)), "B"),
            new TextDocumentContentChangeEvent(new Range(new Position(1, 5), new Position(1, 8)), "2\r\nthree"));
        await server.Client.RequestAsync<HistoryListResult>(Methods.DualGaugeHistoryList, new HistoryListParams());
        var store = server.Host.Services.GetRequiredService<DocumentStore>();
        store.Find(PythonUri)!.Text.Should().Be("a😀B\r\nline 2\r\nthree\r\n");

        await server.Client.ChangeAsync(PythonUri, 3, new TextDocumentContentChangeEvent(null, "replaced"));
        await server.Client.RequestAsync<HistoryListResult>(Methods.DualGaugeHistoryList, new HistoryListParams());
        store.Find(PythonUri)!.Text.Should().Be("replaced");
    }

    [TestMethod]
    public async Task ExecuteCommand_BadArguments_AnswersInvalidParamsNamingTheArgument()
    {
        var server = await StartWithPythonFileAsync(InsecureEvaluator());

        var missing = () => server.Client.ExecuteCommandAsync<object>(Commands.EvaluateSelection, PythonUri);
        var unknown = () => server.Client.ExecuteCommandAsync<object>("dualgauge.nope");
        var notOpen = () => server.Client.ExecuteCommandAsync<object>(Commands.EvaluateSelection, "file:///nowhere.py", Lines(0, 1));

        (await missing.Should().ThrowAsync<RemoteRpcException>()).Which.Message.Should().Contain("argument 1 (range) is missing");
        (await unknown.Should().ThrowAsync<RemoteRpcException>()).Which.Message.Should().Contain("Unknown command 'dualgauge.nope'");
        (await notOpen.Should().ThrowAsync<RemoteRpcException>()).Which.Message.Should().Contain("is not open");
    }
}
