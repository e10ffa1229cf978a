using DualGauge.Snippets;
using DualGauge.LanguageServer.Settings;
using DualGauge.Protocol.Custom;
using Microsoft.Extensions.Logging;

namespace DualGauge.LanguageServer.Evaluation;

/// <summary>Builds the snippet evaluator for the current settings (Docker endpoint, image, timeout).</summary>
public interface IEvaluatorFactory
{
    ISnippetEvaluator Create(DualGaugeSettings settings);
}

/// <summary>
/// Creates the evaluator on first use (an idle server never touches Docker) and again when a setting
/// it depends on changes; the previous one is disposed.
/// </summary>
internal sealed class EvaluatorProvider(IEvaluatorFactory factory, SettingsService settings, ILogger<EvaluatorProvider> logger) : IAsyncDisposable
{
    private readonly object gate = new();
    private (string? DockerHost, string? Image, int TimeoutMs)? key;
    private ISnippetEvaluator? evaluator;

    public ISnippetEvaluator Get()
    {
        var current = settings.Current;
        var wanted = (current.DockerHost, current.Image, current.TimeoutMs);
        ISnippetEvaluator? previous = null;
        ISnippetEvaluator result;
        lock (gate)
        {
            if (evaluator is null || key != wanted)
            {
                previous = evaluator;
                evaluator = factory.Create(current);
                key = wanted;
                logger.LogInformation("Evaluator ready (docker host {DockerHost}, image {Image}, timeout {TimeoutMs} ms)", current.DockerHost ?? "default", current.Image ?? "default", current.TimeoutMs);
            }

            result = evaluator;
        }

        if (previous is not null)
        {
            _ = DisposeLaterAsync(previous);
        }

        return result;
    }

    public async ValueTask DisposeAsync()
    {
        ISnippetEvaluator? last;
        lock (gate)
        {
            last = evaluator;
            evaluator = null;
        }

        if (last is not null)
        {
            await DisposeLaterAsync(last).ConfigureAwait(false);
        }
    }

    private async Task DisposeLaterAsync(ISnippetEvaluator old)
    {
        try
        {
            switch (old)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Disposing the previous evaluator failed");
        }
    }
}
