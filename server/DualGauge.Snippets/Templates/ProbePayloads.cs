using System.Text;

namespace DualGauge.Snippets.Templates;

/// <summary>Attack inputs the probes of every language send, so a finding reads the same in Python and JavaScript.</summary>
internal static class ProbePayloads
{
    public const string SqlTautology = "' OR '1'='1";
    public const string Traversal = "../../../../../../../../etc/passwd";
    public const string Xss = "<script>alert(\"dg\")</script>";

    /// <summary>The mutations a descriptor's probe may ask for (<c>mutations: [...]</c>).</summary>
    public static readonly IReadOnlyList<string> MutationKinds = ["url", "double-url", "case", "nesting", "separator", "extension"];

    /// <summary>
    /// The payload's mutations of the kinds asked for, in order, each different from the payload and from the others:
    /// <list type="bullet">
    /// <item><c>url</c>: every character but letters, digits and placeholders percent-encoded (<c>..%2F..%2F</c>), for code
    /// that decodes after it filters;</item>
    /// <item><c>double-url</c>: encoded twice (<c>..%252F</c>), for code that decodes twice;</item>
    /// <item><c>case</c>: letters in alternating case (<c>&lt;ScRiPt&gt;</c>, <c>' oR '1'='1</c>), for a case-sensitive blacklist;</item>
    /// <item><c>nesting</c>: the filtered token inside itself (<c>....//</c>, <c>&lt;scr&lt;script&gt;ipt&gt;</c>), for a filter that removes it once;</item>
    /// <item><c>separator</c>: another separator where the payload has one (a shell <c>;</c> as a newline, <c>|</c>, <c>&amp;&amp;</c>;
    /// a path's <c>/</c> doubled), for a blacklist of one separator.</item>
    /// </list>
    /// Placeholders (<c>&lt;workdir&gt;</c>, <c>&lt;host&gt;</c>) are kept as they are.
    /// </summary>
    public static IReadOnlyList<(string Kind, string Payload)> Mutate(string? payload, IReadOnlyList<string> kinds)
    {
        var result = new List<(string Kind, string Payload)>();
        if (string.IsNullOrEmpty(payload))
        {
            return result;
        }

        void Add(string kind, string value)
        {
            if (value != payload && result.All(r => r.Payload != value))
            {
                result.Add((kind, value));
            }
        }

        foreach (var kind in kinds)
        {
            switch (kind)
            {
                case "url":
                    Add(kind, Encode(payload));
                    break;
                case "double-url":
                    Add(kind, Encode(payload).Replace("%", "%25", StringComparison.Ordinal));
                    break;
                case "case":
                    Add(kind, AlternateCase(payload));
                    break;
                case "nesting":
                    if (payload.Contains("../", StringComparison.Ordinal))
                    {
                        Add(kind, payload.Replace("../", "....//", StringComparison.Ordinal));
                    }

                    if (payload.Contains("<script>", StringComparison.OrdinalIgnoreCase))
                    {
                        Add(kind, payload.Replace("<script>", "<scr<script>ipt>", StringComparison.OrdinalIgnoreCase));
                    }

                    break;
                case "separator":
                    if (payload.Contains("; ", StringComparison.Ordinal))
                    {
                        Add(kind, payload.Replace("; ", "\n", StringComparison.Ordinal));
                        Add(kind, payload.Replace("; ", " | ", StringComparison.Ordinal));
                        Add(kind, payload.Replace("; ", " && ", StringComparison.Ordinal));
                    }
                    else if (payload.Contains("$(", StringComparison.Ordinal) && payload.EndsWith(')'))
                    {
                        var at = payload.IndexOf("$(", StringComparison.Ordinal);
                        Add(kind, payload[..at] + "`" + payload[(at + 2)..^1] + "`");
                    }
                    else if (payload.Contains("../", StringComparison.Ordinal))
                    {
                        Add(kind, payload.Replace("../", "..//", StringComparison.Ordinal));
                    }

                    break;
                case "extension":
                    // A path the function only accepts with an allowed extension (an upload, an image): the
                    // attacker keeps the extension and the traversal both.
                    foreach (var ext in new[] { ".png", ".txt", ".pdf" })
                    {
                        Add(kind, payload + ext);
                    }

                    break;
            }
        }

        return result;
    }

    private static string Encode(string payload)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < payload.Length; i++)
        {
            // A placeholder the runtime fills (<workdir>, <host>) stays readable.
            if (payload[i] == '<' && payload.IndexOf('>', i) is var end and > 0 && payload[(i + 1)..end] is "workdir" or "host")
            {
                builder.Append(payload, i, end - i + 1);
                i = end;
                continue;
            }

            var c = payload[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')
            {
                builder.Append(c);
            }
            else
            {
                foreach (var b in Encoding.UTF8.GetBytes(c.ToString()))
                {
                    builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        return builder.ToString();
    }

    private static string AlternateCase(string payload)
    {
        if (payload.Contains("script", StringComparison.OrdinalIgnoreCase))
        {
            // Only the tag names: the script inside stays valid JavaScript.
            return payload.Replace("script", "ScRiPt", StringComparison.OrdinalIgnoreCase);
        }

        var builder = new StringBuilder();
        var upper = false;
        for (var i = 0; i < payload.Length; i++)
        {
            if (payload[i] == '<' && payload.IndexOf('>', i) is var end and > 0 && payload[(i + 1)..end] is "workdir" or "host")
            {
                builder.Append(payload, i, end - i + 1);
                i = end;
                continue;
            }

            var c = payload[i];
            if (char.IsAsciiLetter(c))
            {
                builder.Append(upper ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
                upper = !upper;
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
