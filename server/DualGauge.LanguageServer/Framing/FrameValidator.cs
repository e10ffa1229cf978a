using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace DualGauge.LanguageServer.Framing;

/// <summary>
/// Sits between the client's stream and JSON-RPC and forwards only well-formed frames.
/// StreamJsonRpc tears the connection down on a bad header or body, and one broken message
/// must not cost the user their language server, so bad frames are logged and dropped here.
/// </summary>
internal sealed class FrameValidator
{
    private static readonly byte[] HeaderTerminator = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] ContentLengthName = "Content-Length:"u8.ToArray();
    private const int MaxHeaderBytes = 16 * 1024;

    private readonly PipeReader input;
    private readonly PipeWriter output;
    private readonly ILogger logger;

    public FrameValidator(Stream input, PipeWriter output, ILogger logger)
    {
        this.input = PipeReader.Create(input, new StreamPipeReaderOptions(bufferSize: 64 * 1024, leaveOpen: true));
        this.output = output;
        this.logger = logger;
    }

    public int DroppedFrames { get; private set; }

    /// <summary>Pumps until the input ends; then completes <see cref="output"/> so JSON-RPC sees the disconnect.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            while (true)
            {
                var result = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = result.Buffer;
                while (TryTakeFrame(ref buffer, out var body))
                {
                    if (body is { } frame)
                    {
                        await ForwardAsync(frame, cancellationToken).ConfigureAwait(false);
                    }
                }

                if (result.IsCompleted)
                {
                    if (buffer.Length > 0)
                    {
                        Drop($"the input ended inside a message ({buffer.Length} bytes left)");
                    }

                    input.AdvanceTo(buffer.End);
                    break;
                }

                input.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            failure = null;
            logger.LogInformation("The client connection closed: {Reason}", ex.Message);
        }
        finally
        {
            await input.CompleteAsync().ConfigureAwait(false);
            await output.CompleteAsync(failure).ConfigureAwait(false);
        }
    }

    /// <summary>Takes one frame (a valid body, or null for a dropped frame); false when more bytes are needed.</summary>
    private bool TryTakeFrame(ref ReadOnlySequence<byte> buffer, out byte[]? body)
    {
        body = null;
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> header, HeaderTerminator, advancePastDelimiter: true))
        {
            if (buffer.Length > MaxHeaderBytes)
            {
                // No header terminator in a long stretch: this is garbage; keep only a tail that may start a real header.
                Drop($"{buffer.Length} bytes without a message header");
                buffer = buffer.Slice(buffer.Length - HeaderTerminator.Length);
                return true;
            }

            return false;
        }

        var headerText = Encoding.ASCII.GetString(header.ToArray());
        var length = ParseContentLength(headerText, out var problem);
        if (length is null)
        {
            Drop($"bad message header ({problem}): {Shorten(headerText)}");
            buffer = buffer.Slice(reader.Position);
            return true;
        }

        if (reader.Remaining < length.Value)
        {
            return false;
        }

        var bodySequence = reader.UnreadSequence.Slice(0, length.Value);
        var bytes = bodySequence.ToArray();
        buffer = buffer.Slice(bodySequence.End);
        if (Validate(bytes) is { } reason)
        {
            Drop($"bad message body ({reason}): {Shorten(Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 200)))}");
            return true;
        }

        body = bytes;
        return true;
    }

    private static long? ParseContentLength(string headerText, out string problem)
    {
        // Garbage before the header (say, stray bytes from a crashed writer) is tolerated: the last Content-Length wins.
        var index = headerText.LastIndexOf("Content-Length:", StringComparison.OrdinalIgnoreCase);
        if (index < 0)
        {
            problem = "no Content-Length";
            return null;
        }

        var rest = headerText[(index + ContentLengthName.Length)..];
        var end = rest.IndexOf('\r');
        var value = (end < 0 ? rest : rest[..end]).Trim();
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length > int.MaxValue)
        {
            problem = $"Content-Length '{value}' is not a number";
            return null;
        }

        problem = "";
        return length;
    }

    private static string? Validate(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return $"a JSON-RPC message must be an object, not {root.ValueKind}";
            }

            if (!root.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != "2.0")
            {
                return "missing \"jsonrpc\": \"2.0\"";
            }

            var hasMethod = root.TryGetProperty("method", out var method) && method.ValueKind == JsonValueKind.String;
            var hasId = root.TryGetProperty("id", out _);
            if (!hasMethod && !hasId)
            {
                return "neither a method nor an id";
            }

            if (root.TryGetProperty("params", out var parameters) && parameters.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null))
            {
                return "params must be an object or an array";
            }

            return null;
        }
        catch (JsonException ex)
        {
            return "invalid JSON: " + ex.Message;
        }
    }

    private async Task ForwardAsync(byte[] body, CancellationToken cancellationToken)
    {
        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n"));
        output.Write(header);
        output.Write(body);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Drop(string why)
    {
        DroppedFrames++;
        logger.LogError("Dropped a malformed message from the client: {Why}", why);
    }

    private static string Shorten(string text) => text.Length <= 120 ? text.ReplaceLineEndings(" ") : text[..120].ReplaceLineEndings(" ") + "…";
}
