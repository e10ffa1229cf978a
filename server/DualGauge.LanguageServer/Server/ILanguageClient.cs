using DualGauge.Protocol.Lifecycle;
using StreamJsonRpc;

namespace DualGauge.LanguageServer.Server;

/// <summary>What the server can send to the client. One seam so services never touch JSON-RPC directly.</summary>
internal interface ILanguageClient
{
    ClientCapabilities Capabilities { get; }

    Task NotifyAsync<T>(string method, T parameters);

    Task<TResult> RequestAsync<TParams, TResult>(string method, TParams parameters, CancellationToken cancellationToken);
}

/// <summary>The connection to the client; <see cref="Attach"/> is called once JSON-RPC exists, capabilities once the client initialized.</summary>
internal sealed class LanguageClient : ILanguageClient
{
    private JsonRpc? rpc;

    public ClientCapabilities Capabilities { get; set; } = new();

    public void Attach(JsonRpc connection) => rpc = connection;

    public async Task NotifyAsync<T>(string method, T parameters)
    {
        if (rpc is not { IsDisposed: false } connection)
        {
            return;
        }

        try
        {
            await connection.NotifyWithParameterObjectAsync(method, parameters).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ConnectionLostException or ObjectDisposedException or IOException)
        {
            // The client went away; the host's shutdown path handles the rest.
        }
    }

    public Task<TResult> RequestAsync<TParams, TResult>(string method, TParams parameters, CancellationToken cancellationToken) =>
        rpc is { } connection
            ? connection.InvokeWithParameterObjectAsync<TResult>(method, parameters, cancellationToken)
            : throw new InvalidOperationException("The connection to the client is not open.");
}
