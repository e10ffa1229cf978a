using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using DualGauge.Protocol;
using DualGauge.Protocol.Basic;
using DualGauge.Protocol.Custom;
using DualGauge.Protocol.Diagnostics;
using DualGauge.Protocol.Lifecycle;
using DualGauge.Protocol.Synchronization;
using DualGauge.Protocol.Workspace;
using StreamJsonRpc;

namespace DualGauge.TestUtilities.Lsp;

/// <summary>One notification the server sent, as received.</summary>
public sealed record ReceivedNotification(string Method, JsonElement Params, DateTimeOffset At)
{
    public T As<T>() => Params.Deserialize<T>(ProtocolJson.Options) ?? throw new InvalidOperationException($"{Method} had null params");
}

/// <summary>
/// A small LSP client over real JSON-RPC framing. It records every notification the server sends,
/// answers the server's requests (workspace/configuration, window/workDoneProgress/create), and lets
/// a test await a notification with a timeout instead of sleeping.
/// </summary>
public sealed class LspTestClient : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private readonly Stream stream;
    private readonly JsonRpc rpc;
    private readonly object gate = new();
    private readonly List<ReceivedNotification> received = [];
    private readonly List<(string Method, Func<ReceivedNotification, bool> Match, TaskCompletionSource<ReceivedNotification> Done)> waiters = [];

    public LspTestClient(Stream stream)
    {
        // One writer at a time: the client's own answers to server requests (workspace/configuration,
        // window/workDoneProgress/create) and a test's raw frames share the connection.
        this.stream = new SerializedWriteStream(stream);
        rpc = new JsonRpc(new HeaderDelimitedMessageHandler(this.stream, stream, new SystemTextJsonFormatter()));
        rpc.AddLocalRpcTarget(new Target(this), new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
        rpc.StartListening();
    }

    /// <summary>What the client answers to workspace/configuration for the "dualgauge" section.</summary>
    public DualGaugeSettings? ConfigurationSection { get; set; }

    public int ConfigurationRequests { get; private set; }

    /// <summary>When set, workspace/configuration is answered only once this task completes (ordering tests).</summary>
    public Task? ConfigurationGate { get; set; }

    /// <summary>What the client answers to workspace/applyEdit.</summary>
    public ApplyWorkspaceEditResult ApplyEditAnswer { get; set; } = new(true);

    /// <summary>Every workspace/applyEdit the server sent, in order.</summary>
    public ConcurrentQueue<ApplyWorkspaceEditParams> ApplyEditRequests { get; } = new();

    public List<string> CreatedProgressTokens { get; } = [];

    public Task Completion => rpc.Completion;

    public IReadOnlyList<ReceivedNotification> Notifications
    {
        get
        {
            lock (gate)
            {
                return [.. received];
            }
        }
    }

    public IReadOnlyList<ReceivedNotification> Of(string method) => Notifications.Where(n => n.Method == method).ToList();

    /// <summary>The server's log as received through window/logMessage (for test output on failure).</summary>
    public string Log => string.Join(Environment.NewLine, Of(Methods.WindowLogMessage).Select(n => n.Params.GetProperty("message").GetString()));

    // ---- requests and notifications ---------------------------------------------------------------

    public Task<T> RequestAsync<T>(string method, object? parameters, CancellationToken cancellationToken = default) =>
        rpc.InvokeWithParameterObjectAsync<T>(method, parameters, cancellationToken);

    public Task NotifyAsync(string method, object? parameters = null) =>
        parameters is null ? rpc.NotifyAsync(method) : rpc.NotifyWithParameterObjectAsync(method, parameters);

    public async Task<InitializeResult> InitializeAsync(string storagePath, DualGaugeSettings? settings = null, ClientCapabilities? capabilities = null)
    {
        var result = await RequestAsync<InitializeResult>(Methods.Initialize, new InitializeParams
        {
            ProcessId = Environment.ProcessId,
            ClientInfo = new ClientInfo("DualGauge test client"),
            InitializationOptions = new InitializationOptions { StoragePath = storagePath, Settings = settings },
            Capabilities = capabilities ?? new ClientCapabilities(),
        });
        await NotifyAsync(Methods.Initialized, new InitializedParams());
        return result;
    }

    public Task OpenAsync(string uri, string languageId, string text, int version = 1) =>
        NotifyAsync(Methods.TextDocumentDidOpen, new DidOpenTextDocumentParams(new TextDocumentItem(uri, languageId, version, text)));

    public Task ChangeAsync(string uri, int version, params TextDocumentContentChangeEvent[] changes) =>
        NotifyAsync(Methods.TextDocumentDidChange, new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version), changes));

    public Task<T?> ExecuteCommandAsync<T>(string command, params object[] arguments) =>
        RequestAsync<T?>(Methods.WorkspaceExecuteCommand, new ExecuteCommandParams(command, arguments.Select(a => JsonSerializer.SerializeToElement(a, ProtocolJson.Options)).ToList()));

    public async Task ShutdownAndExitAsync()
    {
        await RequestAsync<JsonElement?>(Methods.Shutdown, null);
        await NotifyAsync(Methods.Exit);
    }

    /// <summary>Writes bytes straight onto the connection, bypassing JSON-RPC (for malformed-input tests). Call it while no other message is being sent.</summary>
    public async Task WriteRawAsync(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await stream.WriteAsync(bytes);
        await stream.FlushAsync();
    }

    /// <summary>Writes bytes straight onto the connection, bypassing JSON-RPC (never interleaved with a message JSON-RPC is writing).</summary>
    public async Task WriteRawAsync(ReadOnlyMemory<byte> bytes)
    {
        await stream.WriteAsync(bytes);
        await stream.FlushAsync();
    }

    // ---- waiting ----------------------------------------------------------------------------------

    /// <summary>The first notification of <paramref name="method"/> matching <paramref name="match"/>, already received or still to come.</summary>
    public Task<ReceivedNotification> WaitForAsync(string method, Func<ReceivedNotification, bool>? match = null, TimeSpan? timeout = null, bool includeReceived = true)
    {
        match ??= _ => true;
        var done = new TaskCompletionSource<ReceivedNotification>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (includeReceived && received.LastOrDefault(n => n.Method == method && match(n)) is { } existing)
            {
                return Task.FromResult(existing);
            }

            waiters.Add((method, match, done));
        }

        return WithTimeout(done.Task, timeout ?? DefaultTimeout, $"{method} matching the condition");
    }

    public async Task<T> WaitForAsync<T>(string method, Func<T, bool>? match = null, TimeSpan? timeout = null, bool includeReceived = true)
    {
        var notification = await WaitForAsync(method, n => match is null || match(n.As<T>()), timeout, includeReceived);
        return notification.As<T>();
    }

    /// <summary>
    /// Waits until the diagnostics of <paramref name="uri"/> (the latest publish) satisfy <paramref name="match"/>.
    /// The latest publish counts, so this reads as "the client now shows ...".
    /// </summary>
    public Task<PublishDiagnosticsParams> WaitForDiagnosticsAsync(string uri, Func<IReadOnlyList<Diagnostic>, bool> match, TimeSpan? timeout = null)
    {
        var done = new TaskCompletionSource<ReceivedNotification>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool Matches(ReceivedNotification n)
        {
            var p = n.As<PublishDiagnosticsParams>();
            return p.Uri == uri && match(p.Diagnostics);
        }

        lock (gate)
        {
            var latest = received.LastOrDefault(n => n.Method == Methods.TextDocumentPublishDiagnostics && n.As<PublishDiagnosticsParams>().Uri == uri);
            if (latest is not null && Matches(latest))
            {
                return Task.FromResult(latest.As<PublishDiagnosticsParams>());
            }

            waiters.Add((Methods.TextDocumentPublishDiagnostics, Matches, done));
        }

        return WithTimeout(done.Task, timeout ?? DefaultTimeout, $"diagnostics of {uri} matching the condition")
            .ContinueWith(t => t.Result.As<PublishDiagnosticsParams>(), TaskScheduler.Default);
    }

    public PublishDiagnosticsParams? LatestDiagnostics(string uri) =>
        Of(Methods.TextDocumentPublishDiagnostics).Select(n => n.As<PublishDiagnosticsParams>()).LastOrDefault(p => p.Uri == uri);

    private async Task<ReceivedNotification> WithTimeout(Task<ReceivedNotification> task, TimeSpan timeout, string what)
    {
        try
        {
            return await task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            var methods = string.Join(", ", Notifications.GroupBy(n => n.Method).Select(g => $"{g.Key} x{g.Count()}"));
            throw new TimeoutException($"No {what} within {timeout.TotalSeconds:0.#} s. Received: {methods}.{Environment.NewLine}Server log:{Environment.NewLine}{Log}");
        }
    }

    private void Record(string method, JsonElement parameters)
    {
        var notification = new ReceivedNotification(method, parameters.Clone(), DateTimeOffset.UtcNow);
        List<TaskCompletionSource<ReceivedNotification>> completed = [];
        lock (gate)
        {
            received.Add(notification);
            foreach (var waiter in waiters.ToList())
            {
                if (waiter.Method == method && waiter.Match(notification))
                {
                    waiters.Remove(waiter);
                    completed.Add(waiter.Done);
                }
            }
        }

        foreach (var done in completed)
        {
            done.TrySetResult(notification);
        }
    }

    public async ValueTask DisposeAsync()
    {
        rpc.Dispose();
        await stream.DisposeAsync();
    }

    /// <summary>What the server may call on the client.</summary>
    private sealed class Target(LspTestClient owner)
    {
        [JsonRpcMethod(Methods.TextDocumentPublishDiagnostics)]
        public void PublishDiagnostics(JsonElement p) => owner.Record(Methods.TextDocumentPublishDiagnostics, p);

        [JsonRpcMethod(Methods.DualGaugeStatus)]
        public void Status(JsonElement p) => owner.Record(Methods.DualGaugeStatus, p);

        [JsonRpcMethod(Methods.DualGaugeHistoryChanged)]
        public void HistoryChanged(JsonElement p) => owner.Record(Methods.DualGaugeHistoryChanged, p);

        [JsonRpcMethod(Methods.WindowLogMessage)]
        public void LogMessage(JsonElement p) => owner.Record(Methods.WindowLogMessage, p);

        [JsonRpcMethod(Methods.WindowShowMessage)]
        public void ShowMessage(JsonElement p) => owner.Record(Methods.WindowShowMessage, p);

        [JsonRpcMethod(Methods.Progress)]
        public void Progress(JsonElement p) => owner.Record(Methods.Progress, p);

        [JsonRpcMethod(Methods.WorkspaceApplyEdit)]
        public ApplyWorkspaceEditResult ApplyEdit(ApplyWorkspaceEditParams p)
        {
            owner.ApplyEditRequests.Enqueue(p);
            return owner.ApplyEditAnswer;
        }

        [JsonRpcMethod(Methods.WorkspaceConfiguration)]
        public async Task<object?[]> Configuration(ConfigurationParams p)
        {
            owner.ConfigurationRequests++;
            if (owner.ConfigurationGate is { } gate)
            {
                await gate;
            }

            return p.Items.Select(i => i.Section == DualGaugeSettings.Section ? (object?)owner.ConfigurationSection : null).ToArray();
        }

        [JsonRpcMethod(Methods.WindowWorkDoneProgressCreate)]
        public object? CreateProgress(JsonElement p)
        {
            lock (owner.gate)
            {
                owner.CreatedProgressTokens.Add(p.GetProperty("token").GetString()!);
            }

            return null;
        }
    }
}
