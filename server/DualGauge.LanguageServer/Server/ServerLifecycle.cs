using StreamJsonRpc;

namespace DualGauge.LanguageServer.Server;

/// <summary>initialize → initialized → shutdown → exit, and the exit code the process returns.</summary>
internal sealed class ServerLifecycle
{
    private readonly TaskCompletionSource<int> exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Initialized { get; private set; }

    public bool ShutdownRequested { get; private set; }

    /// <summary>Completes with the exit code when the client sends <c>exit</c>.</summary>
    public Task<int> Exited => exited.Task;

    public void MarkInitialized() => Initialized = true;

    public void MarkShutdown() => ShutdownRequested = true;

    /// <summary>LSP: exit code 0 after shutdown, 1 when exit comes without it.</summary>
    public void Exit() => exited.TrySetResult(ShutdownRequested ? 0 : 1);

    public void EnsureReady()
    {
        if (!Initialized)
        {
            throw new LocalRpcException("The server is not initialized yet: send initialize first.") { ErrorCode = -32002 };
        }

        if (ShutdownRequested)
        {
            throw new LocalRpcException("The server is shutting down.") { ErrorCode = -32600 };
        }
    }
}
