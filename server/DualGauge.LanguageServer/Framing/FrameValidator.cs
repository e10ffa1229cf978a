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
/// <remarks>
/// A frame whose Content-Length is over the cap is refused the same way: it is logged, and its body is
/// discarded as it arrives, never buffered, so the next frame is read as usual. A Content-Length that lies
/// (2 GB declared, a few bytes sent) would otherwise swallow every later message, so while discarding the
/// validator watches for a frame header: <c>Content-Length: digits</c> followed by a raw CR LF cannot occur
/// inside a JSON body (JSON strings cannot hold raw CR or LF, and the name is not a JSON token), so one
/// proves that the refused body ended early, and reading resumes there.
/// </remarks>
internal sealed class FrameValidator
{
    /// <summary>The default cap on one frame's body: far above any real LSP message (a 10 MB document is 10 MB).</summary>
    public const long DefaultMaxFrameBytes = 64 * 1024 * 1024;

    private static readonly byte[] HeaderTerminator = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] ContentLengthName = "Content-Length:"u8.ToArray();
    private const int MaxHeaderBytes = 16 * 1024;

    private readonly PipeReader input;
    private readonly PipeWriter output;
    private readonly ILogger logger;
    private readonly long maxFrameBytes;

    // While a refused frame's body is being discarded: how much of it is still to come, and its declared length.
    private long skipRemaining;
    private long skipDeclared;

    public FrameValidator(Stream input, PipeWriter output, ILogger logger, long maxFrameBytes = DefaultMaxFrameBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFrameBytes);
        this.input = PipeReader.Create(input, new StreamPipeReaderOptions(bufferSize: 64 * 1024, leaveOpen: true));
        this.output = output;
        this.logger = logger;
        this.maxFrameBytes = maxFrameBytes;
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
                    if (skipRemaining > 0)
                    {
                        logger.LogWarning("The input ended inside the refused {Declared}-byte message ({Remaining} bytes of it never came)", skipDeclared, skipRemaining);
                    }
                    else if (buffer.Length > 0)
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
        if (skipRemaining > 0)
        {
            return TrySkip(ref buffer);
        }

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

        if (length.Value > maxFrameBytes)
        {
            DroppedFrames++;
            logger.LogError(
                "Refused a message from the client: its Content-Length {Length} is over the {Cap} cap on one message; its body is skipped as it arrives, without being kept in memory",
                length.Value,
                Describe(maxFrameBytes));
            skipRemaining = skipDeclared = length.Value;
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

    /// <summary>Discards the refused frame's body as it arrives; true when done (or resynchronised), false when more bytes are needed.</summary>
    private bool TrySkip(ref ReadOnlySequence<byte> buffer)
    {
        var window = buffer.Slice(0, Math.Min(buffer.Length, skipRemaining));
        var bytes = window.ToArray();
        var header = FindFrameHeader(bytes, out var keepFrom);
        if (header >= 0)
        {
            var skipped = skipDeclared - skipRemaining + header;
            logger.LogWarning("The refused message ended after {Skipped} of its declared {Declared} bytes: a new message header follows; reading from there", skipped, skipDeclared);
            buffer = buffer.Slice(header);
            skipRemaining = 0;
            return true;
        }

        // All of the declared body is here: drop it all. Otherwise keep a tail that may be the start of a header.
        var discard = window.Length == skipRemaining ? window.Length : keepFrom;
        buffer = buffer.Slice(discard);
        skipRemaining -= discard;
        if (skipRemaining > 0)
        {
            return false;
        }

        logger.LogInformation("Skipped the {Declared} bytes of the refused message; reading the next message", skipDeclared);
        return true;
    }

    /// <summary>
    /// Where a frame header (<c>Content-Length:</c>, optional spaces, digits, CR LF) starts in <paramref name="data"/>,
    /// or -1; <paramref name="keepFrom"/> is where bytes must be kept because a header may start there but is not yet complete.
    /// </summary>
    internal static int FindFrameHeader(ReadOnlySpan<byte> data, out int keepFrom)
    {
        keepFrom = Math.Max(0, data.Length - (ContentLengthName.Length - 1));
        var offset = 0;
        while (offset < data.Length)
        {
            var found = data[offset..].IndexOf(ContentLengthName);
            if (found < 0)
            {
                return -1;
            }

            var at = offset + found;
            var i = at + ContentLengthName.Length;
            while (i < data.Length && data[i] == (byte)' ')
            {
                i++;
            }

            var digits = i;
            while (i < data.Length && char.IsAsciiDigit((char)data[i]))
            {
                i++;
            }

            if (i + 1 >= data.Length)
            {
                keepFrom = Math.Min(keepFrom, at);
                return -1;
            }

            if (i > digits && data[i] == (byte)'\r' && data[i + 1] == (byte)'\n')
            {
                return at;
            }

            offset = at + 1;
        }

        return -1;
    }

    private static string Describe(long bytes) =>
        bytes % (1024 * 1024) == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MiB ({bytes:N0} bytes)")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes:N0}-byte");

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
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
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
