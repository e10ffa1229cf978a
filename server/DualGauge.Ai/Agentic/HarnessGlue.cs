using System.Text.RegularExpressions;
using DualGauge.Core.Samples;
using DualGauge.Core.Tasks;

namespace DualGauge.Ai.Agentic;

/// <summary>
/// Harness glue: a few lines put before and/or after a candidate's code so the harness can load it. The candidate's
/// own text is never edited: <see cref="Apply"/> concatenates, and checks that the original survives verbatim.
/// </summary>
public sealed partial record HarnessGlue(string? Prepend, string? Append, string Explanation)
{
    public const int MaxLines = 12;
    public const int MaxChars = 1200;

    public bool IsEmpty => string.IsNullOrWhiteSpace(Prepend) && string.IsNullOrWhiteSpace(Append);

    /// <summary>Why this glue is refused (it would do more than wire the code up), or null when it is acceptable.</summary>
    public string? Refusal(Language language)
    {
        if (IsEmpty)
        {
            return "the glue is empty";
        }

        foreach (var (name, part) in new[] { ("prepend", Prepend), ("append", Append) })
        {
            if (string.IsNullOrWhiteSpace(part))
            {
                continue;
            }

            var lines = part.Split('\n').Length;
            if (lines > MaxLines || part.Length > MaxChars)
            {
                return $"the {name} glue is {lines} lines / {part.Length} characters; glue is at most {MaxLines} lines and {MaxChars} characters";
            }

            // Loops mean logic; monkeypatching or dynamic code could hide what the monitors see.
            if (Loops().IsMatch(part))
            {
                return $"the {name} glue contains a loop: glue wires code up, it does not compute";
            }

            if (Dynamic().Match(part) is { Success: true } dynamic)
            {
                return $"the {name} glue uses '{dynamic.Value.Trim()}', which could change what the monitors see";
            }

            if (language != Language.C && Monkeypatch().Match(part) is { Success: true } patch)
            {
                return $"the {name} glue assigns to an attribute ('{patch.Value.Trim()}'), which could patch a library";
            }
        }

        return null;
    }

    /// <summary>The glued code: prepend, the candidate's code unchanged, append.</summary>
    public string Apply(string candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var head = string.IsNullOrWhiteSpace(Prepend) ? "" : Prepend.TrimEnd('\n') + "\n";
        var tail = string.IsNullOrWhiteSpace(Append) ? "" : (candidate.EndsWith('\n') ? "" : "\n") + Append.TrimEnd('\n') + "\n";
        var glued = head + candidate + tail;
        if (glued.Length != head.Length + candidate.Length + tail.Length
            || !string.Equals(glued.Substring(head.Length, candidate.Length), candidate, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("harness glue must keep the candidate's code verbatim");
        }

        return glued;
    }

    /// <summary>
    /// The glued code as bytes: prepend, the candidate's bytes unchanged, append. For a candidate that is not
    /// plain UTF-8 (see <see cref="SourceRefusal"/>) only ASCII appended glue is accepted.
    /// </summary>
    public SampleSource Apply(SampleSource candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var head = string.IsNullOrWhiteSpace(Prepend) ? "" : Prepend.TrimEnd('\n') + "\n";
        var tail = string.IsNullOrWhiteSpace(Append) ? "" : (candidate.Span.EndsWith("\n"u8) ? "" : "\n") + Append.TrimEnd('\n') + "\n";
        return candidate.Concat(head, tail);
    }

    /// <summary>
    /// Why this glue cannot be put around <paramref name="candidate"/>'s bytes, or null. A candidate that is not
    /// UTF-8, or declares its encoding, takes no prepended glue (it would move a coding declaration out of the
    /// first two lines) and only ASCII appended glue (whose bytes read the same in any such encoding).
    /// </summary>
    public string? SourceRefusal(SampleSource candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.IsUtf8 && candidate.DeclaredEncoding is null)
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(Prepend))
        {
            return "the candidate is not UTF-8 (or declares its encoding), and prepended glue would move its coding declaration";
        }

        return Append is { } append && !append.All(char.IsAscii)
            ? "the candidate is not UTF-8 (or declares its encoding), and the appended glue is not ASCII"
            : null;
    }

    [GeneratedRegex(@"\b(for|while)\b[ \t]*[\(\w]|\bdo[ \t]*\{")]
    private static partial Regex Loops();

    [GeneratedRegex(@"\b(eval|exec|compile|__import__|setattr|globals|Function|vm\.|dlopen|ctypes|asm)\b\s*[\(\.]?")]
    private static partial Regex Dynamic();

    [GeneratedRegex(@"^[ \t]*(?!module\.exports\b|exports\.)[A-Za-z_][\w]*(\.[A-Za-z_]\w*)+[ \t]*=[^=]", RegexOptions.Multiline)]
    private static partial Regex Monkeypatch();
}
