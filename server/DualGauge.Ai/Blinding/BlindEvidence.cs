using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DualGauge.Ai.Blinding;

/// <summary>
/// The evidence of what a sample's code did in one test, with everything that states or implies a verdict taken out,
/// for readers who must decide on their own: the LLM judge, a human auditor, the model asked for a fix.
/// <list type="bullet">
/// <item>Only events of what the code did are kept (an allowlist: calls with their arguments, return values and exceptions;
/// processes, files, sockets, SQL, evaluated code, deserialisation, native code, sanitizer reports, captured output, limits hit,
/// and the test's start with its folders). <c>test_end</c> (which carries the harness's status and message), <c>load</c>,
/// <c>harness</c>, <c>end</c> and any event kind not on the list are dropped, so a future event that carries a status is
/// dropped too rather than leaked.</item>
/// <item>Top-level properties that are a verdict or the harness's message (<c>status</c>, <c>passed</c>, <c>ok</c>,
/// <c>message</c>...) are removed from what is kept.</item>
/// <item>The words pass/fail and the test statuses (passed, failed, timed out, not run, crashed, in any case and form) are
/// replaced in every string value: a candidate that prints "all tests passed" does not get to say so to its judge.</item>
/// </list>
/// </summary>
public static partial class BlindEvidence
{
    public const string Redacted = "[word removed]";

    /// <summary>Event kinds that record what the code did (see <c>Traces/TraceEvent.cs</c>).</summary>
    public static IReadOnlySet<string> KeptKinds { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "test_start", "call", "process", "file", "socket", "sql", "code", "deserialize", "native", "sanitizer", "output", "limit",
    };

    /// <summary>Top-level properties dropped from every kept event: verdicts and the harness's own words about the test.</summary>
    public static IReadOnlySet<string> DroppedProperties { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "status", "passed", "pass", "fail", "failed", "ok", "outcome", "verdict", "message", "expected", "findings", "finding", "oracle", "oracles",
    };

    /// <summary>The kept events, in order, each rebuilt without verdict properties and verdict words.</summary>
    public static IReadOnlyList<JsonElement> Events(IEnumerable<JsonElement> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var kept = new List<JsonElement>();
        foreach (var e in events)
        {
            if (Blind(e) is { } blind)
            {
                kept.Add(blind);
            }
        }

        return kept;
    }

    /// <summary>One event made blind, or null when the event is not evidence of what the code did.</summary>
    public static JsonElement? Blind(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("ev", out var ev) || ev.ValueKind != JsonValueKind.String || !KeptKinds.Contains(ev.GetString()!))
        {
            return null;
        }

        var node = new JsonObject();
        foreach (var property in e.EnumerateObject())
        {
            if (DroppedProperties.Contains(property.Name) || IsVerdictWord(property.Name))
            {
                continue;
            }

            node[property.Name] = Scrub(JsonNode.Parse(property.Value.GetRawText()));
        }

        using var doc = JsonDocument.Parse(node.ToJsonString());
        return doc.RootElement.Clone();
    }

    /// <summary>Replaces every pass/fail/status word in <paramref name="text"/>.</summary>
    public static string Scrub(string text) => VerdictWords().Replace(text, Redacted);

    /// <summary>True when <paramref name="text"/> holds a pass/fail/status word.</summary>
    public static bool HasVerdictWord(string text) => VerdictWords().IsMatch(text);

    private static bool IsVerdictWord(string word) => VerdictWords().Match(word) is { Success: true } m && m.Length == word.Length;

    private static JsonNode? Scrub(JsonNode? node)
    {
        switch (node)
        {
            case JsonValue value when value.TryGetValue<string>(out var text):
                return JsonValue.Create(Scrub(text));
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    obj[key] = Scrub(child?.DeepClone());
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = Scrub(array[i]?.DeepClone());
                }

                return array;
            default:
                return node;
        }
    }

    // \b does not split snake_case (\w includes _), so the word is also matched between underscores: test_passed, FAILED_LOGIN.
    [GeneratedRegex(@"(?<![A-Za-z0-9])(pass(es|ed|ing)?|fail(s|ed|ing|ures?)?|timed[ _-]?out|not[ _-]?run|crash(es|ed)?)(?![A-Za-z0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VerdictWords();
}
