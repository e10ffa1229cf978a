using System.ClientModel;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualGauge.Ai.Models;

/// <summary>A model's answer and what it cost.</summary>
/// <param name="Attempts">Requests made, retries included.</param>
public sealed record ModelAnswer(string Text, long? InputTokens, long? OutputTokens, long? TotalTokens, TimeSpan Duration, int Attempts, string? FinishReason);

public enum ModelErrorKind
{
    /// <summary>HTTP 401/403: the key is missing or wrong. Never retried.</summary>
    Unauthorized,
    /// <summary>HTTP 429/503 still after every retry.</summary>
    RateLimited,
    /// <summary>Every attempt exceeded the request timeout.</summary>
    Timeout,
    /// <summary>HTTP 5xx still after every retry.</summary>
    ServerError,
    /// <summary>Another HTTP 4xx (unknown model, bad request). Never retried.</summary>
    Rejected,
    /// <summary>The answer was not a chat completion (malformed JSON, wrong shape).</summary>
    BadResponse,
    /// <summary>No connection could be made.</summary>
    Unreachable,
}

/// <summary>A model could not be asked. The message names the endpoint and the fix; it never contains the API key.</summary>
public sealed class ModelCallException(ModelErrorKind kind, string message, int attempts, Exception? inner = null) : Exception(message, inner)
{
    public ModelErrorKind Kind { get; } = kind;

    public int Attempts { get; } = attempts;
}

/// <summary>Retries with exponential backoff; a Retry-After (or retry-after-ms) header wins over the backoff.</summary>
/// <param name="MaxAttempts">Requests per question, the first included.</param>
/// <param name="MaxDelay">Cap on one wait, whatever the server asks.</param>
public sealed record RetryOptions(int MaxAttempts = 5, TimeSpan? InitialBackoff = null, TimeSpan? MaxDelay = null)
{
    public TimeSpan Initial => InitialBackoff ?? TimeSpan.FromSeconds(1);

    public TimeSpan Cap => MaxDelay ?? TimeSpan.FromSeconds(60);

    /// <summary>Exponential: initial, 2x, 4x... capped; jitter (up to a fifth) spreads concurrent retries apart.</summary>
    public TimeSpan Backoff(int failedAttempt, double jitter01)
    {
        var baseMs = Initial.TotalMilliseconds * Math.Pow(2, Math.Max(0, failedAttempt - 1));
        return TimeSpan.FromMilliseconds(Math.Min(Cap.TotalMilliseconds, baseMs * (1 + (0.2 * jitter01))));
    }
}

/// <summary>
/// Asks a chat model one question with retries, a per-request timeout and an optional rate limit.
/// Shared by generation, the judge, the agentic executor and verified fixes.
/// </summary>
public sealed class ModelCaller
{
    private readonly IChatClient client;
    private readonly ModelEndpoint endpoint;
    private readonly RetryOptions retry;
    private readonly RequestPacer? pacer;
    private readonly TimeProvider time;
    private readonly ILogger logger;

    public ModelCaller(IChatClient client, ModelEndpoint endpoint, RetryOptions? retry = null, RequestPacer? pacer = null, TimeProvider? time = null, ILogger? logger = null)
    {
        this.client = client ?? throw new ArgumentNullException(nameof(client));
        this.endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        this.retry = retry ?? new RetryOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(this.retry.MaxAttempts, 1);
        this.pacer = pacer;
        this.time = time ?? TimeProvider.System;
        this.logger = logger ?? NullLogger.Instance;
    }

    public ModelEndpoint Endpoint => endpoint;

    /// <summary>Builds the OpenAI-compatible client for <paramref name="endpoint"/>.</summary>
    public static ModelCaller For(ModelEndpoint endpoint, RetryOptions? retry = null, RequestPacer? pacer = null, ILogger? logger = null) =>
        new(ChatClientFactory.Create(endpoint), endpoint, retry, pacer, null, logger);

    /// <exception cref="ModelCallException">The model could not be asked (after retries, where retrying makes sense).</exception>
    public async Task<ModelAnswer> AskAsync(IReadOnlyList<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var total = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            if (pacer is not null)
            {
                await pacer.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            using var perRequest = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            perRequest.CancelAfter(endpoint.RequestTimeout);
            ModelCallException failure;
            TimeSpan? retryAfter = null;
            try
            {
                var response = await client.GetResponseAsync(messages, options, perRequest.Token).ConfigureAwait(false);
                return new ModelAnswer(
                    response.Text ?? "",
                    response.Usage?.InputTokenCount,
                    response.Usage?.OutputTokenCount,
                    response.Usage?.TotalTokenCount,
                    total.Elapsed,
                    attempt,
                    response.FinishReason?.Value);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException ex)
            {
                failure = new ModelCallException(ModelErrorKind.Timeout,
                    $"{endpoint.DisplayEndpoint} did not answer within {endpoint.RequestTimeout.TotalSeconds:0.#} s ({attempt} attempt(s))", attempt, ex);
            }
            catch (ClientResultException ex)
            {
                failure = Classify(ex, attempt);
                retryAfter = RetryAfter(ex);
            }
            catch (HttpRequestException ex)
            {
                failure = new ModelCallException(ModelErrorKind.Unreachable, $"cannot reach {endpoint.DisplayEndpoint}: {Scrub(ex.Message)}", attempt, SafeInner(ex));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The client throws JSON or shape errors when the body is not a chat completion.
                failure = new ModelCallException(ModelErrorKind.BadResponse,
                    $"{endpoint.DisplayEndpoint} answered with something that is not a chat completion ({ex.GetType().Name}: {Scrub(FirstLine(ex.Message))})", attempt, SafeInner(ex));
            }

            var retryable = failure.Kind is ModelErrorKind.RateLimited or ModelErrorKind.ServerError or ModelErrorKind.Timeout or ModelErrorKind.Unreachable;
            if (!retryable || attempt >= retry.MaxAttempts)
            {
                throw failure;
            }

            var delay = retryAfter is { } asked
                ? (asked > retry.Cap ? retry.Cap : asked)
                : retry.Backoff(attempt, Random.Shared.NextDouble());
            logger.LogWarning("{Endpoint}: {Problem}; retry {Attempt}/{Max} in {Delay} ms{Source}",
                endpoint.DisplayEndpoint, failure.Message, attempt + 1, retry.MaxAttempts, (int)delay.TotalMilliseconds, retryAfter is null ? "" : " (Retry-After)");
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private ModelCallException Classify(ClientResultException original, int attempt)
    {
        var ex = SafeInner(original);
        var status = original.Status;
        var where = endpoint.DisplayEndpoint;
        return status switch
        {
            401 or 403 => new ModelCallException(ModelErrorKind.Unauthorized,
                $"{where} refused the request with HTTP {status}: the API key is missing or not accepted. Set {ModelEndpoint.ApiKeyVariable} (or {ModelEndpoint.OpenAiKeyVariable}), or pass --api-key.", attempt, ex),
            429 => new ModelCallException(ModelErrorKind.RateLimited, $"{where} is rate limiting (HTTP 429) after {attempt} attempt(s)", attempt, ex),
            503 => new ModelCallException(ModelErrorKind.RateLimited, $"{where} is unavailable (HTTP 503) after {attempt} attempt(s)", attempt, ex),
            0 => new ModelCallException(ModelErrorKind.Unreachable, $"cannot reach {where}: {Scrub(FirstLine(original.Message))}", attempt, ex),
            >= 500 => new ModelCallException(ModelErrorKind.ServerError, $"{where} failed with HTTP {status} after {attempt} attempt(s): {Scrub(FirstLine(original.Message))}", attempt, ex),
            _ => new ModelCallException(ModelErrorKind.Rejected,
                $"{where} rejected the request with HTTP {status} (model '{endpoint.Model}'): {Scrub(FirstLine(original.Message))}", attempt, ex),
        };
    }

    /// <summary>Retry-After in seconds or as an HTTP date, or OpenAI's retry-after-ms.</summary>
    internal TimeSpan? RetryAfter(ClientResultException ex)
    {
        var headers = ex.GetRawResponse()?.Headers;
        if (headers is null)
        {
            return null;
        }

        if (headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0)
        {
            return TimeSpan.FromMilliseconds(millis);
        }

        if (!headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    /// <summary>
    /// The inner exception, unless its text carries the key (a server echoing a rejected key): then none, since
    /// callers log exceptions with their inner chain.
    /// </summary>
    private Exception? SafeInner(Exception ex) =>
        !string.IsNullOrEmpty(endpoint.ApiKey) && ex.ToString().Contains(endpoint.ApiKey, StringComparison.Ordinal) ? null : ex;

    /// <summary>Servers sometimes echo part of a rejected key; whatever they say, the key never reaches a message.</summary>
    private string Scrub(string text) =>
        string.IsNullOrEmpty(endpoint.ApiKey) ? text : text.Replace(endpoint.ApiKey, "***", StringComparison.Ordinal);

    private static string FirstLine(string text)
    {
        var line = text.Split('\n')[0].Trim();
        return line.Length <= 300 ? line : line[..300] + "…";
    }
}

/// <summary>Spaces requests evenly so that at most <c>requestsPerMinute</c> start in any minute, across threads.</summary>
public sealed class RequestPacer
{
    private readonly TimeSpan interval;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private DateTimeOffset next = DateTimeOffset.MinValue;

    public RequestPacer(double requestsPerMinute, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requestsPerMinute);
        interval = TimeSpan.FromMinutes(1 / requestsPerMinute);
        this.time = time ?? TimeProvider.System;
    }

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (gate)
        {
            var now = time.GetUtcNow();
            var slot = next > now ? next : now;
            next = slot + interval;
            wait = slot - now;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
