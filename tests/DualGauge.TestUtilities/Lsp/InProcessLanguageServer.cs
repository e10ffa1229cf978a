using DualGauge.LanguageServer;
using DualGauge.LanguageServer.Evaluation;
using Nerdbank.Streams;

namespace DualGauge.TestUtilities.Lsp;

/// <summary>A real server and a real client joined by in-memory pipes: real framing, real JSON-RPC, no process. A null evaluator factory means the real Docker sandbox.</summary>
public sealed class InProcessLanguageServer : IAsyncDisposable
{
    private InProcessLanguageServer(LanguageServerHost host, Task<int> run, LspTestClient client, Stream serverStream)
    {
        Host = host;
        Run = run;
        Client = client;
        ServerStream = serverStream;
    }

    public LanguageServerHost Host { get; }

    /// <summary>Completes with the server's exit code.</summary>
    public Task<int> Run { get; }

    public LspTestClient Client { get; }

    private Stream ServerStream { get; }

    public static InProcessLanguageServer Start(IEvaluatorFactory? evaluatorFactory, Func<LanguageServerOptions, LanguageServerOptions>? configure = null)
    {
        var (serverStream, clientStream) = FullDuplexStream.CreatePair();
        var options = new LanguageServerOptions
        {
            Input = serverStream,
            Output = serverStream,
            EvaluatorFactory = evaluatorFactory,
            // Scripted evaluators count their calls; quick-fix verification (extra runs) is opted into by the tests of it.
            VerifyQuickFixes = evaluatorFactory is null,
            SandboxRetryInterval = TimeSpan.FromMilliseconds(200),
            PublishDelay = TimeSpan.FromMilliseconds(10),
        };
        options = configure?.Invoke(options) ?? options;
        var host = new LanguageServerHost(options);
        var run = Task.Run(() => host.RunAsync());
        return new InProcessLanguageServer(host, run, new LspTestClient(clientStream), serverStream);
    }

    /// <summary>Waits for the server to stop; fails if it does not within <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null) => await Run.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));

    public async ValueTask DisposeAsync()
    {
        if (!Run.IsCompleted)
        {
            try
            {
                await Client.ShutdownAndExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception ex) when (ex is TimeoutException or StreamJsonRpc.ConnectionLostException or ObjectDisposedException or StreamJsonRpc.RemoteInvocationException)
            {
            }
        }

        await Client.DisposeAsync();
        try
        {
            await Run.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            await ServerStream.DisposeAsync();
            await Host.DisposeAsync();
        }
    }
}
