using System.Diagnostics;
using DualGauge.Protocol.Basic;
using DualGauge.Protocol.Synchronization;
using DualGauge.Snippets;
using Microsoft.Extensions.Logging;

namespace DualGauge.LanguageServer.Documents;

/// <summary>
/// The open documents and the regions DualGauge tracks in them (AI insertions, evaluated functions, findings
/// restored from the history). One lock guards all of it; every method takes it, and <see cref="Read{T}"/> gives a
/// caller a consistent view of several documents at once. Nothing here evaluates or publishes.
/// </summary>
internal sealed class DocumentStore(ILogger<DocumentStore> logger)
{
    private readonly object gate = new();
    private readonly Dictionary<string, TextDocument> documents = new(StringComparer.Ordinal);
    private int nextRegionId;

    /// <summary>Runs <paramref name="body"/> under the store's lock, with a lookup of the open documents.</summary>
    public T Read<T>(Func<Func<string, TextDocument?>, T> body)
    {
        lock (gate)
        {
            return body(Lookup);
        }
    }

    public void Write(Action<Func<string, TextDocument?>> body)
    {
        lock (gate)
        {
            body(Lookup);
        }
    }

    public TextDocument Open(TextDocumentItem item)
    {
        var document = new TextDocument(item.Uri, item.LanguageId, item.Version, item.Text);
        lock (gate)
        {
            if (documents.Remove(item.Uri, out var previous))
            {
                CancelAll(previous);
            }

            documents[item.Uri] = document;
        }

        logger.LogDebug("Opened {Uri} ({LanguageId}, {Length} chars)", item.Uri, item.LanguageId, item.Text.Length);
        return document;
    }

    /// <summary>Applies the edits in order. Returns null when the document is not open.</summary>
    public DocumentChange? Change(DidChangeTextDocumentParams change)
    {
        var republish = false;
        var touchedAi = new List<TrackedRegion>();
        lock (gate)
        {
            if (!documents.TryGetValue(change.TextDocument.Uri, out var document))
            {
                logger.LogWarning("didChange for {Uri}, which is not open: ignored", change.TextDocument.Uri);
                return null;
            }

            foreach (var contentChange in change.ContentChanges)
            {
                var edit = document.Apply(contentChange);
                foreach (var region in document.Regions)
                {
                    var hadDiagnostics = region.Diagnostics.Count > 0;
                    var touched = region.ApplyEdit(edit);
                    republish |= hadDiagnostics && (touched || edit.Delta != 0);
                    if (touched && region.FromAi && !touchedAi.Contains(region))
                    {
                        touchedAi.Add(region);
                    }
                }
            }

            document.Version = change.TextDocument.Version;
            return new DocumentChange(document, touchedAi, republish);
        }
    }

    public bool Close(string uri)
    {
        lock (gate)
        {
            if (!documents.Remove(uri, out var document))
            {
                return false;
            }

            CancelAll(document);
            return true;
        }
    }

    public TextDocument? Find(string uri)
    {
        lock (gate)
        {
            return documents.GetValueOrDefault(uri);
        }
    }

    /// <summary>The region to evaluate for these lines: an existing one with the same lines, else a new one replacing those it overlaps.</summary>
    /// <param name="replacedFindings">True when a replaced region had diagnostics (the caller republishes).</param>
    public TrackedRegion Track(TextDocument document, int start, int end, string source, SnippetSource snippetSource, bool fromAi, out bool replacedFindings)
    {
        lock (gate)
        {
            replacedFindings = false;
            start = Math.Clamp(start, 0, Math.Max(0, document.LineCount - 1));
            end = Math.Clamp(end, start, Math.Max(0, document.LineCount - 1));
            var existing = document.Regions.FirstOrDefault(r => r.StartLine == start && r.EndLine == end);
            if (existing is not null)
            {
                existing.Source = source;
                existing.SnippetSource = snippetSource;
                existing.FromAi |= fromAi;
                return existing;
            }

            var overlapped = document.Regions.Where(r => r.Overlaps(start, end)).ToList();
            var region = new TrackedRegion(Interlocked.Increment(ref nextRegionId), start, end, source, snippetSource, fromAi || overlapped.Any(r => r.FromAi));
            foreach (var old in overlapped)
            {
                _ = old.Pending?.CancelAsync();
                document.Regions.Remove(old);
            }

            document.Regions.Add(region);
            replacedFindings = overlapped.Any(r => r.Diagnostics.Count > 0);
            return region;
        }
    }

    /// <summary>After widening, a region may cover others that are idle: they are replaced by it.</summary>
    public void MergeOverlapping(string uri, TrackedRegion region)
    {
        lock (gate)
        {
            if (documents.TryGetValue(uri, out var document))
            {
                document.Regions.RemoveAll(other => other != region && other.Overlaps(region.StartLine, region.EndLine) && other.Pending is null);
            }
        }
    }

    public bool IsTracked(string uri, TrackedRegion region)
    {
        lock (gate)
        {
            return documents.TryGetValue(uri, out var document) && document.Regions.Contains(region);
        }
    }

    public void CancelEverything()
    {
        lock (gate)
        {
            foreach (var document in documents.Values)
            {
                CancelAll(document);
            }
        }
    }

    private TextDocument? Lookup(string uri)
    {
        Debug.Assert(Monitor.IsEntered(gate), "documents are read under the store's lock");
        return documents.GetValueOrDefault(uri);
    }

    private static void CancelAll(TextDocument document)
    {
        foreach (var region in document.Regions)
        {
            _ = region.Pending?.CancelAsync();
        }
    }
}

/// <summary>What an edit did: the AI regions it touched (re-evaluated after the debounce) and whether published findings moved or went stale.</summary>
internal sealed record DocumentChange(TextDocument Document, IReadOnlyList<TrackedRegion> TouchedAiRegions, bool Republish);
