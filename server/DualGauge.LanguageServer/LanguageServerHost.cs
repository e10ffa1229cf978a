using System.Diagnostics;
using System.IO.Pipelines;
using DualGauge.LanguageServer.Evaluation;
using DualGauge.LanguageServer.Framing;
using DualGauge.LanguageServer.History;
using DualGauge.LanguageServer.Logging;
using DualGauge.LanguageServer.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StreamJsonRpc;

namespace DualGauge.LanguageServer;

/// <summary>
/// One language server on two streams. Production passes stdin/stdout; tests pass in-memory pipes
/// and talk to it with a real JSON-RPC client. Runs until <c>exit</c> or until the connection closes
/// (treated as shutdown + exit).
/// </summary>
public sealed class LanguageServerHost : IAsyncDisposable
{
    private readonly LanguageServerOptions options;
    private readonly ServerLogging logging;
    private readonly ServiceProvider services;
    private readonly ILogger<LanguageServerHost> logger;

    public LanguageServerHost(LanguageServerOptions options)
    {
        this.options = options;
        logging = new ServerLogging(options.LogSink);
        services = new ServiceCollection().AddServerDependencies(options, logging).BuildServiceProvider();
        logger = services.GetRequiredService<ILogger<LanguageServerHost>>();
    }

    /// <summary>The server's services, for tests that inspect state the protocol does not expose.</summary>
    internal IServiceProvider Services => services;

    /// <summary>The log file in use (a temp folder before initialize, the storage folder after).</summary>
    public string LogFilePath => logging.LogFilePath;

    /// <summary>Serves until exit or disconnect; returns the process exit code.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var lifecycle = services.GetRequiredService<ServerLifecycle>();
        var client = services.GetRequiredService<LanguageClient>();
        var validated = new Pipe();
        var validator = new FrameValidator(options.Input, validated.Writer, services.GetRequiredService<ILogger<FrameValidator>>(), options.MaxFrameBytes);
        var formatter = new SystemTextJsonFormatter();
        var handler = new HeaderDelimitedMessageHandler(PipeWriter.Create(options.Output, new StreamPipeWriterOptions(leaveOpen: true)), validated.Reader, formatter);
        using var queueContext = new OrderedSynchronizationContext(ex => logger.LogError(ex, "A request handler failed"));
        using var rpc = new JsonRpc(handler)
        {
            CancelLocallyInvokedMethodsWhenConnectionIsClosed = true,
            SynchronizationContext = queueContext,
        };
        var trace = new TraceSource("DualGauge.JsonRpc", SourceLevels.Warning);
        trace.Listeners.Clear();
        trace.Listeners.Add(new JsonRpcTraceListener(logger));
        rpc.TraceSource = trace;
        foreach (var type in ServerDependencies.Handlers)
        {
            rpc.AddLocalRpcTarget(services.GetRequiredService(type), new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
        }

        // Verified quick fixes are prepared after each insecure evaluation (the verifier subscribes to the scheduler).
        services.GetRequiredService<Fixes.QuickFixVerifier>().Start();
        client.Attach(rpc);
        logging.ClientSink.Attach(client);
        rpc.StartListening();
        var pump = validator.RunAsync(cancellationToken);
        logger.LogInformation("DualGauge language server started (pid {Pid}); log {Log}", Environment.ProcessId, logging.LogFilePath);

        var cancelled = Task.Delay(Timeout.Infinite, cancellationToken);
        var finished = await Task.WhenAny(rpc.Completion, lifecycle.Exited, cancelled).ConfigureAwait(false);
        int exitCode;
        if (finished == lifecycle.Exited)
        {
            exitCode = await lifecycle.Exited.ConfigureAwait(false);
        }
        else
        {
            if (finished == rpc.Completion && rpc.Completion.Exception is { } error)
            {
                logger.LogWarning(error.GetBaseException(), "The connection failed");
            }

            logger.LogInformation("The client connection closed without exit: shutting down");
            lifecycle.MarkShutdown();
            exitCode = 0;
        }

        await StopAsync().ConfigureAwait(false);
        try
        {
            await pump.WaitAsync(TimeSpan.FromSeconds(2), CancellationToken.None).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // stdin stays open when the client sent exit without closing it; the process is about to end anyway.
        }

        logger.LogInformation("Exiting with code {Code}", exitCode);
        return exitCode;
    }

    private async Task StopAsync()
    {
        await services.GetRequiredService<EvaluationScheduler>().DisposeAsync().ConfigureAwait(false);
        await services.GetRequiredService<EvaluationQueue>().DisposeAsync().ConfigureAwait(false);
        await services.GetRequiredService<EvaluatorProvider>().DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        services.GetRequiredService<HistoryStore>().Dispose();
        await services.DisposeAsync().ConfigureAwait(false);
        logging.Dispose();
    }
}
