namespace DualGauge.Ai.Models;

/// <summary>
/// An OpenAI-compatible chat endpoint and the model to ask. The API key is held here only to build the
/// client: it is left out of <see cref="ToString"/>, and nothing in DualGauge writes it to a log, a file or a report.
/// </summary>
/// <param name="Endpoint">The API base, e.g. <c>http://127.0.0.1:11434/v1</c> (requests go to <c>{Endpoint}/chat/completions</c>).</param>
/// <param name="Model">The model name the endpoint knows.</param>
/// <param name="ApiKey">Sent as <c>Authorization: Bearer</c>; null for endpoints that need none.</param>
/// <param name="RequestTimeout">Per request; a request that takes longer is retried like a 503.</param>
public sealed record ModelEndpoint(Uri Endpoint, string Model, string? ApiKey, TimeSpan RequestTimeout)
{
    public const string EndpointVariable = "DUALGAUGE_OPENAI_ENDPOINT";
    public const string ApiKeyVariable = "DUALGAUGE_OPENAI_API_KEY";
    public const string OpenAiKeyVariable = "OPENAI_API_KEY";

    public static TimeSpan DefaultRequestTimeout { get; } = TimeSpan.FromSeconds(120);

    /// <summary>The endpoint without user info, query or fragment: safe to record.</summary>
    public string DisplayEndpoint => new UriBuilder(Endpoint) { UserName = "", Password = "", Query = "", Fragment = "" }.Uri.ToString().TrimEnd('/');

    public override string ToString() => $"{Model} at {DisplayEndpoint}";

    /// <summary>
    /// Endpoint, model and key from options, else from the environment
    /// (<c>DUALGAUGE_OPENAI_ENDPOINT</c>; <c>DUALGAUGE_OPENAI_API_KEY</c>, else <c>OPENAI_API_KEY</c>).
    /// There is no default endpoint: nothing leaves the machine until one is configured.
    /// </summary>
    /// <exception cref="ModelConfigurationException">No endpoint, a malformed one, or no model.</exception>
    public static ModelEndpoint Resolve(string? endpoint, string? model, string? apiKey, TimeSpan? timeout = null, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var url = FirstNonEmpty(endpoint, environment(EndpointVariable));
        if (url is null)
        {
            throw new ModelConfigurationException(
                $"no model endpoint is configured: pass --endpoint URL or set {EndpointVariable} (e.g. http://127.0.0.1:11434/v1 for a local server). Nothing is sent anywhere until one is.");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ModelConfigurationException($"the model endpoint '{url}' is not an absolute http(s) URL");
        }

        if (string.IsNullOrWhiteSpace(model))
        {
            throw new ModelConfigurationException("no model name given");
        }

        var key = FirstNonEmpty(apiKey, environment(ApiKeyVariable), environment(OpenAiKeyVariable));
        if (timeout is { } t && t <= TimeSpan.Zero)
        {
            throw new ModelConfigurationException($"the request timeout must be positive, got {t}");
        }

        return new ModelEndpoint(uri, model.Trim(), key, timeout ?? DefaultRequestTimeout);
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}

/// <summary>The model endpoint settings are missing or malformed. The message says which and how to fix it.</summary>
public sealed class ModelConfigurationException(string message) : Exception(message);
