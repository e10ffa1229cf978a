using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace DualGauge.Ai.Models;

/// <summary>Builds the <see cref="IChatClient"/> for an OpenAI-compatible endpoint.</summary>
public static class ChatClientFactory
{
    /// <summary>A placeholder credential for endpoints that take no key (local servers); the client requires one.</summary>
    private const string NoKey = "no-key";

    public static IChatClient Create(ModelEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var options = new OpenAIClientOptions
        {
            Endpoint = endpoint.Endpoint,
            NetworkTimeout = endpoint.RequestTimeout,
            // ModelCaller owns retries (it honours Retry-After and records attempts); the pipeline must not retry on its own.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        var chat = new ChatClient(endpoint.Model, new ApiKeyCredential(endpoint.ApiKey ?? NoKey), options);
        return chat.AsIChatClient();
    }
}
