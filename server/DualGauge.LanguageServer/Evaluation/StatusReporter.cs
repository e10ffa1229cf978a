using Microsoft.Extensions.Logging;
using DualGauge.LanguageServer.Server;
using DualGauge.Protocol;
using DualGauge.Protocol.Custom;

namespace DualGauge.LanguageServer.Evaluation;

/// <summary>Sends <c>dualgauge/status</c> when the state, the pending count or the message changes.</summary>
internal sealed class StatusReporter(ILanguageClient client)
{
    private readonly object gate = new();
    private StatusParams? last;

    public StatusParams? Last => last;

    public Task ReportAsync(StatusParams status)
    {
        lock (gate)
        {
            if (status == last)
            {
                return Task.CompletedTask;
            }

            last = status;
        }

        return client.NotifyAsync(Methods.DualGaugeStatus, status);
    }
}

/// <summary>Work-done progress for one evaluation, when the client supports it.</summary>
internal sealed class ProgressReporter(ILanguageClient client, Microsoft.Extensions.Logging.ILogger<ProgressReporter> logger)
{
    private int next;

    public async Task<IAsyncDisposable> BeginAsync(string title, string message, CancellationToken cancellationToken)
    {
        if (client.Capabilities.Window?.WorkDoneProgress != true)
        {
            return NoProgress.Instance;
        }

        var token = $"dualgauge/evaluation/{Interlocked.Increment(ref next)}";
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await client.RequestAsync<Protocol.Progress.WorkDoneProgressCreateParams, object?>(Methods.WindowWorkDoneProgressCreate, new(token), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug("The client did not create progress {Token}: {Message}", token, ex.Message);
            return NoProgress.Instance;
        }

        await client.NotifyAsync(Methods.Progress, new Protocol.Progress.ProgressParams<Protocol.Progress.WorkDoneProgressBegin>(token, new() { Title = title, Message = message, Cancellable = false })).ConfigureAwait(false);
        return new Progress(client, token);
    }

    private sealed class Progress(ILanguageClient client, string token) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() =>
            await client.NotifyAsync(Methods.Progress, new Protocol.Progress.ProgressParams<Protocol.Progress.WorkDoneProgressEnd>(token, new() { Message = "done" })).ConfigureAwait(false);
    }

    private sealed class NoProgress : IAsyncDisposable
    {
        public static readonly NoProgress Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
