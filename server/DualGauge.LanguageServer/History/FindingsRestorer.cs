using System.Diagnostics;
using DualGauge.LanguageServer.Documents;
using DualGauge.Snippets;
using Microsoft.Extensions.Logging;

namespace DualGauge.LanguageServer.History;

/// <summary>
/// Puts findings back when a document opens (after a close, a server restart or a window reload): for every
/// history entry of the document, the newest per evaluated code, whose exact lines still stand somewhere in
/// the text, the region is tracked again with the diagnostics and CodeLens stored for it. Code that changed
/// has no finding until it is evaluated again.
/// </summary>
internal sealed class FindingsRestorer(DocumentStore store, HistoryStore history, ILogger<FindingsRestorer> logger)
{
    /// <returns>The number of regions restored.</returns>
    public int Restore(TextDocument document)
    {
        if (history.DatabasePath is null)
        {
            return 0;
        }

        var clock = Stopwatch.StartNew();
        IReadOnlyList<RestorableFindings> entries;
        try
        {
            entries = history.Restorable(document.Uri);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Microsoft.Data.Sqlite.SqliteException or System.Text.Json.JsonException)
        {
            logger.LogWarning(ex, "Findings of {Uri} not restored: the history could not be read", document.Uri);
            return 0;
        }

        if (entries.Count == 0)
        {
            return 0;
        }

        var restored = 0;
        store.Write(find =>
        {
            var lines = document.Text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
            var taken = new List<(int Start, int End)>();
            foreach (var entry in entries)
            {
                var wanted = entry.FunctionText.Split('\n');
                if (Locate(lines, wanted, entry.StartLine) is not { } start)
                {
                    continue;
                }

                var end = start + wanted.Length - 1;
                if (taken.Any(t => t.Start <= end && t.End >= start))
                {
                    continue;
                }

                taken.Add((start, end));
                var region = store.Track(document, start, end, "restored", SnippetSource.Selection, fromAi: false, out _);
                region.HistoryId = entry.Id;

                // The stored findings were placed against the entry's first line; the region now starts at 'start'.
                region.SetFindings(entry.Diagnostics, entry.BaseLine, entry.Lens);
                // Verified against exactly these lines: offered again, for the region as it is now.
                region.VerifiedFixes = entry.VerifiedFixes.Select(f => f with { Generation = region.Generation }).ToList();
                restored++;
            }
        });

        logger.LogInformation("Restored the findings of {Count} function(s) in {Uri} from the history in {Ms:F1} ms", restored, document.Uri, clock.Elapsed.TotalMilliseconds);
        return restored;
    }

    /// <summary>The first line where <paramref name="wanted"/> stands exactly, trying the line it was evaluated at first.</summary>
    internal static int? Locate(string[] lines, string[] wanted, int hint)
    {
        if (wanted.Length == 0 || wanted.Length > lines.Length)
        {
            return null;
        }

        bool At(int start)
        {
            for (var i = 0; i < wanted.Length; i++)
            {
                if (!string.Equals(lines[start + i], wanted[i].TrimEnd('\r'), StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        var last = lines.Length - wanted.Length;
        if (hint >= 0 && hint <= last && At(hint))
        {
            return hint;
        }

        for (var start = 0; start <= last; start++)
        {
            if (start != hint && string.Equals(lines[start], wanted[0].TrimEnd('\r'), StringComparison.Ordinal) && At(start))
            {
                return start;
            }
        }

        return null;
    }
}
