using System.Text.Json;

namespace DualGauge.Core.Traces;

/// <summary>The parsed JSON-lines trace a harness wrote for one job, plus lines that were not valid events.</summary>
public sealed class Trace
{
    private Trace(IReadOnlyList<TraceEvent> events, IReadOnlyList<string> strayLines)
    {
        Events = events;
        StrayLines = strayLines;
    }

    public IReadOnlyList<TraceEvent> Events { get; }

    /// <summary>Lines that were not JSON objects with an <c>ev</c> field (kept as evidence, never dropped silently).</summary>
    public IReadOnlyList<string> StrayLines { get; }

    public static Trace Empty { get; } = new([], []);

    public TraceEvent? Load => Events.FirstOrDefault(e => e.Kind == TraceEventKinds.Load);

    public bool Ended => Events.Any(e => e.Kind == TraceEventKinds.End);

    public IEnumerable<TraceEvent> ForTest(string testId) => Events.Where(e => e.Test == testId);

    public TraceEvent? TestEnd(string testId) =>
        Events.LastOrDefault(e => e.Kind == TraceEventKinds.TestEnd && e.Test == testId);

    public static Trace Parse(string jsonLines)
    {
        var events = new List<TraceEvent>();
        var stray = new List<string>();
        var lineNumber = 0;
        foreach (var rawLine in jsonLines.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] == '{')
            {
                try
                {
                    using var doc = JsonDocument.Parse(line);
                    var root = doc.RootElement;
                    if (root.TryGetProperty("ev", out var ev) && ev.ValueKind == JsonValueKind.String)
                    {
                        var test = root.TryGetProperty("test", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                        events.Add(new TraceEvent(ev.GetString()!, test, root.Clone(), lineNumber));
                        continue;
                    }
                }
                catch (JsonException)
                {
                    // Falls through to stray: a truncated last line after a kill is expected.
                }
            }

            stray.Add(line);
        }

        return new Trace(events, stray);
    }
}
