using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace DualGauge.TestUtilities.Ai;

/// <summary>A request the fake endpoint received, kept for assertions.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset ReceivedAt)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string Model => Json.GetProperty("model").GetString()!;

    public IReadOnlyList<(string Role, string Content)> Messages =>
        Json.GetProperty("messages").EnumerateArray().Select(m => (m.GetProperty("role").GetString()!, Content(m.GetProperty("content")))).ToList();

    public double? Temperature => Json.TryGetProperty("temperature", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetDouble() : null;

    private static string Content(JsonElement content) => content.ValueKind == JsonValueKind.String
        ? content.GetString()!
        : string.Concat(content.EnumerateArray().Select(p => p.TryGetProperty("text", out var text) ? text.GetString() : ""));
}

/// <summary>What the fake endpoint answers: a status, a body, headers, and an optional delay before answering.</summary>
public sealed record FakeReply(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default)
{
    public static FakeReply Chat(string content, int promptTokens = 11, int completionTokens = 22) => new(200, JsonSerializer.Serialize(new
    {
        id = "chatcmpl-fake",
        @object = "chat.completion",
        created = 1_700_000_000,
        model = "fake",
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
        usage = new { prompt_tokens = promptTokens, completion_tokens = completionTokens, total_tokens = promptTokens + completionTokens },
    }));

    public static FakeReply Error(int status, string message, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, JsonSerializer.Serialize(new { error = new { message, type = "fake_error", code = status.ToString() } }), headers);
}

/// <summary>
/// An OpenAI-compatible endpoint on 127.0.0.1 and an ephemeral port, answering POST /v1/chat/completions from a
/// handler, and recording every request it receives.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly HttpListener listener;
    private readonly Func<RecordedRequest, int, FakeReply> handler;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;
    private int count;

    /// <param name="handler">Gets each request and its 0-based index.</param>
    public FakeOpenAiServer(Func<RecordedRequest, int, FakeReply> handler)
    {
        this.handler = handler;
        listener = StartOnFreePort(out var port);
        Endpoint = $"http://127.0.0.1:{port}/v1";
        loop = Task.Run(AcceptAsync);
    }

    /// <summary>Answers the replies in order, then repeats the last.</summary>
    public static FakeOpenAiServer Replying(params FakeReply[] replies) => new((_, i) => replies[Math.Min(i, replies.Length - 1)]);

    public string Endpoint { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    private static HttpListener StartOnFreePort(out int port)
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return listener;
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
            }
        }
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
            var request = new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, headers, body, DateTimeOffset.UtcNow);
            Requests.Enqueue(request);
            var index = Interlocked.Increment(ref count) - 1;
            var reply = context.Request.Url.AbsolutePath.EndsWith("/chat/completions", StringComparison.Ordinal)
                ? handler(request, index)
                : FakeReply.Error(404, $"no route {context.Request.Url.AbsolutePath}");
            if (reply.Delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(reply.Delay, stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = "application/json";
            foreach (var (key, value) in reply.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[key] = value;
            }

            var bytes = Encoding.UTF8.GetBytes(reply.Body);
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception) when (stopping.IsCancellationRequested)
        {
        }
        catch (HttpListenerException)
        {
            // The client gave up (a timeout test): nothing to answer.
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        listener.Close();
        try
        {
            await loop;
        }
        catch (ObjectDisposedException)
        {
        }

        stopping.Dispose();
    }
}
