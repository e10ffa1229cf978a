using System.Text;
using System.Text.RegularExpressions;
using DualGauge.Core.Tasks;

namespace DualGauge.Core.Samples;

/// <summary>
/// A sample's code as the bytes that were read, which are what the sandbox gets, unchanged, and the text
/// people are shown. The text is decoded from the bytes: as UTF-8, or for Python in the encoding its
/// PEP 263 coding declaration names; bytes that decode as neither are shown with replacement characters
/// and <see cref="DisplayNote"/> says so. The text is never encoded back into the bytes.
/// </summary>
public sealed partial class SampleSource
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] bytes;

    private SampleSource(byte[] bytes, string text, bool isUtf8, string? declaredEncoding, string? displayNote)
    {
        this.bytes = bytes;
        Text = text;
        IsUtf8 = isUtf8;
        DeclaredEncoding = declaredEncoding;
        DisplayNote = displayNote;
    }

    public static SampleSource Empty { get; } = FromText("");

    /// <summary>The bytes exactly as read (a copy: the source itself never changes).</summary>
    public byte[] Bytes => (byte[])bytes.Clone();

    public ReadOnlySpan<byte> Span => bytes;

    public int Length => bytes.Length;

    /// <summary>The code for display, glue and diagnosis.</summary>
    public string Text { get; }

    /// <summary>The bytes are valid UTF-8.</summary>
    public bool IsUtf8 { get; }

    /// <summary>The encoding a Python coding declaration names and the text was decoded with, when one was honoured.</summary>
    public string? DeclaredEncoding { get; }

    /// <summary>Null for UTF-8; otherwise how the text shown was obtained, e.g. "not UTF-8: shown decoded as latin-1, per its coding declaration".</summary>
    public string? DisplayNote { get; }

    /// <summary>Code that exists only as text (an editor's document, a model's answer): its bytes are its UTF-8 encoding.</summary>
    public static SampleSource FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new SampleSource(new UTF8Encoding(false).GetBytes(text), text, true, null, null);
    }

    /// <summary>Bytes read from a file; <paramref name="language"/> decides whether a PEP 263 declaration is looked for.</summary>
    public static SampleSource FromBytes(byte[] bytes, Language language)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var copy = (byte[])bytes.Clone();
        var utf8 = TryStrictUtf8(copy);
        if (language == Language.Python && PythonCodingDeclaration(copy) is { } declared && !IsUtf8Name(declared))
        {
            if (TryDecode(copy, declared) is { } decoded)
            {
                return new SampleSource(copy, decoded, utf8 is not null, declared, utf8 is null ? $"not UTF-8: shown decoded as {declared}, per its coding declaration" : null);
            }
        }

        if (utf8 is not null)
        {
            return new SampleSource(copy, utf8.Length > 0 && utf8[0] == '\uFEFF' ? utf8[1..] : utf8, true, null, null);
        }

        var replaced = new UTF8Encoding(false, false).GetString(copy);
        return new SampleSource(copy, replaced, false, null, "not UTF-8: shown with replacement characters (\uFFFD) for the bytes that are not; the sandbox gets the bytes unchanged");
    }

    /// <summary>The strict UTF-8 decoding of the bytes (a BOM is kept as U+FEFF), or null when they are not UTF-8.</summary>
    public string? AsUtf8() => IsUtf8 ? TryStrictUtf8(bytes) : null;

    /// <summary>This code with text added before and after, as bytes: the candidate's bytes stay as they are.</summary>
    public SampleSource Concat(string head, string tail)
    {
        var headBytes = new UTF8Encoding(false).GetBytes(head);
        var tailBytes = new UTF8Encoding(false).GetBytes(tail);
        var all = new byte[headBytes.Length + bytes.Length + tailBytes.Length];
        headBytes.CopyTo(all, 0);
        bytes.CopyTo(all, headBytes.Length);
        tailBytes.CopyTo(all, headBytes.Length + bytes.Length);
        return new SampleSource(all, head + Text + tail, IsUtf8, DeclaredEncoding, DisplayNote);
    }

    /// <summary>
    /// The encoding named by a PEP 263 declaration: a comment matching <c>coding[:=]\s*([-\w.]+)</c> on the
    /// first line, or on the second when the first is a comment or blank line too.
    /// </summary>
    public static string? PythonCodingDeclaration(ReadOnlySpan<byte> source)
    {
        var start = source.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        for (var line = 0; line < 2 && start <= source.Length; line++)
        {
            var rest = source[start..];
            var end = rest.IndexOfAny((byte)'\n', (byte)'\r');
            var text = Encoding.Latin1.GetString(end < 0 ? rest : rest[..end]);
            if (CodingDeclaration().Match(text) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }

            if (!CommentOrBlank().IsMatch(text) || end < 0)
            {
                return null;
            }

            start += end + (rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? 2 : 1);
        }

        return null;
    }

    private static string? TryStrictUtf8(byte[] data)
    {
        try
        {
            return StrictUtf8.GetString(data);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static string? TryDecode(byte[] data, string pythonName)
    {
        if (ToEncoding(pythonName) is not { } encoding)
        {
            return null;
        }

        try
        {
            var strict = (Encoding)encoding.Clone();
            strict.DecoderFallback = DecoderFallback.ExceptionFallback;
            return strict.GetString(data);
        }
        catch (Exception ex) when (ex is DecoderFallbackException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Python codec names (case and '-'/'_' insensitive) to .NET encodings; null when unknown.</summary>
    private static Encoding? ToEncoding(string pythonName)
    {
        var name = pythonName.ToLowerInvariant().Replace('_', '-');
        name = name switch
        {
            "latin-1" or "latin1" or "l1" or "iso8859-1" or "iso-8859-1" or "8859" or "cp819" or "iso-ir-100" => "iso-8859-1",
            "ascii" or "us-ascii" or "646" => "us-ascii",
            _ when name.StartsWith("iso8859-", StringComparison.Ordinal) => "iso-8859-" + name["iso8859-".Length..],
            _ when name.StartsWith("cp125", StringComparison.Ordinal) => "windows-" + name[2..],
            _ => name,
        };
        if (name == "iso-8859-1")
        {
            return Encoding.Latin1;
        }

        if (name == "us-ascii")
        {
            return Encoding.ASCII;
        }

        return System.Text.CodePagesEncodingProvider.Instance.GetEncoding(name) ?? TryGetEncoding(name);
    }

    private static Encoding? TryGetEncoding(string name)
    {
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IsUtf8Name(string name) => name.ToLowerInvariant().Replace('_', '-') is "utf-8" or "utf8" or "utf-8-sig";

    [GeneratedRegex(@"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")]
    private static partial Regex CodingDeclaration();

    [GeneratedRegex(@"^[ \t\f]*(#.*)?$")]
    private static partial Regex CommentOrBlank();
}
