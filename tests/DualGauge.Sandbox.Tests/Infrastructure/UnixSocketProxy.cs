using System.Collections.Concurrent;
using System.Net.Sockets;

namespace DualGauge.Sandbox.Tests.Infrastructure;

/// <summary>
/// A byte-for-byte proxy from a Unix socket to the real engine's socket. Stopping it drops every connection,
/// which is exactly what a client sees when the engine goes away, without touching the real engine.
/// </summary>
public sealed class UnixSocketProxy : IAsyncDisposable
{
    private readonly string target;
    private readonly ConcurrentDictionary<Socket, byte> connections = new();
    private Socket? listener;
    private CancellationTokenSource? stopping;
    private Task accepting = Task.CompletedTask;

    public UnixSocketProxy(string path, string target = "/var/run/docker.sock")
    {
        Path = path;
        this.target = target;
    }

    public string Path { get; }

    public Uri Endpoint => new($"unix://{Path}");

    public int AcceptedConnections => acceptedConnections;

    private int acceptedConnections;

    public void Start()
    {
        File.Delete(Path);
        listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(Path));
        listener.Listen(64);
        stopping = new CancellationTokenSource();
        accepting = AcceptLoopAsync(listener, stopping.Token);
    }

    public async Task StopAsync()
    {
        if (listener is null)
        {
            return;
        }

        await stopping!.CancelAsync();
        listener.Dispose();
        foreach (var socket in connections.Keys)
        {
            socket.Dispose();
        }

        connections.Clear();
        try
        {
            await accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        listener = null;
        File.Delete(Path);
    }

    private async Task AcceptLoopAsync(Socket server, CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await server.AcceptAsync(token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref acceptedConnections);
            var upstream = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await upstream.ConnectAsync(new UnixDomainSocketEndPoint(target), token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException)
            {
                client.Dispose();
                upstream.Dispose();
                continue;
            }

            connections.TryAdd(client, 0);
            connections.TryAdd(upstream, 0);
            _ = PumpAsync(client, upstream);
            _ = PumpAsync(upstream, client);
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            from.Dispose();
            to.Dispose();
            connections.TryRemove(from, out _);
            connections.TryRemove(to, out _);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
