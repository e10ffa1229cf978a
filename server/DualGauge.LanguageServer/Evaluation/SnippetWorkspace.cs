using System.Collections.Concurrent;
using DualGauge.Core.Execution;
using DualGauge.Snippets;
using DualGauge.Core.Tasks;
using DualGauge.LanguageServer.Documents;
using DualGauge.LanguageServer.History;
using DualGauge.LanguageServer.Reports;
using DualGauge.LanguageServer.Server;
using DualGauge.LanguageServer.Settings;
using DualGauge.Protocol;
using DualGauge.Protocol.Basic;
using DualGauge.Protocol.Custom;
using DualGauge.Protocol.Diagnostics;
using DualGauge.Protocol.Language;
using DualGauge.Protocol.Synchronization;
using Microsoft.Extensions.Logging;
using StreamJsonRpc;

namespace DualGauge.LanguageServer.Evaluation;

/// <summary>
/// The one stateful service behind every handler: open documents, the regions DualGauge tracks in them
/// (AI insertions, evaluated snippets), pending evaluations and the diagnostics published for them.
/// Document mutations arrive in order from the request queue; evaluations run in the background and
/// publish only if the code they judged is unchanged.
/// </summary>
internal sealed class SnippetWorkspace : IAsyncDisposable
{
    private readonly object gate = new();
    private readonly Dictionary<string, TextDocument> documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> publishScheduled = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Uri, int RegionId), TrackedRegion> retries = [];
    private readonly SemaphoreSlim publishGate = new(1, 1);
    private readonly ILanguageClient client;
    private readonly EvaluationQueue queue;
    private readonly HistoryStore history;
    private readonly SettingsService settings;
    private readonly LanguageServerOptions options;
    private readonly ILogger<SnippetWorkspace> logger;
    private Timer? retryTimer;
    private int nextRegionId;
    private bool disposed;

    public SnippetWorkspace(ILanguageClient client, EvaluationQueue queue, HistoryStore history, SettingsService settings, LanguageServerOptions options, ILogger<SnippetWorkspace> logger)
    {
        this.client = client;
        this.queue = queue;
        this.history = history;
        this.settings = settings;
        this.options = options;
        this.logger = logger;
    }

    // ---- documents -------------------------------------------------------------------------

    public void Open(TextDocumentItem item)
    {
        lock (gate)
        {
            if (documents.Remove(item.Uri, out var previous))
            {
                CancelAll(previous);
            }

            documents[item.Uri] = new TextDocument(item.Uri, item.LanguageId, item.Version, item.Text);
        }

        logger.LogDebug("Opened {Uri} ({LanguageId}, {Length} chars)", item.Uri, item.LanguageId, item.Text.Length);
    }

    public void Change(DidChangeTextDocumentParams change)
    {
        var republish = false;
        var reevaluate = new List<TrackedRegion>();
        lock (gate)
        {
            if (!documents.TryGetValue(change.TextDocument.Uri, out var document))
            {
                logger.LogWarning("didChange for {Uri}, which is not open: ignored", change.TextDocument.Uri);
                return;
            }

            foreach (var contentChange in change.ContentChanges)
            {
                var edit = document.Apply(contentChange);
                foreach (var region in document.Regions)
                {
                    var hadDiagnostics = region.Diagnostics.Count > 0;
                    var touched = region.ApplyEdit(edit);
                    republish |= hadDiagnostics && (touched || edit.Delta != 0);
                    if (touched && region.FromAi && !reevaluate.Contains(region))
                    {
                        reevaluate.Add(region);
                    }
                }
            }

            document.Version = change.TextDocument.Version;
            if (settings.Current.AutoEvaluateAiInsertions)
            {
                foreach (var region in reevaluate)
                {
                    ScheduleDebounced(document, region);
                }
            }
        }

        if (republish)
        {
            SchedulePublish(change.TextDocument.Uri);
        }
    }

    public void Save(DidSaveTextDocumentParams save)
    {
        if (!settings.Current.EvaluateOnSave)
        {
            return;
        }

        _ = EvaluateFileCoreAsync(save.TextDocument.Uri, InsertionSources.Save, SnippetSource.Save, CancellationToken.None)
            .ContinueWith(t => logger.LogWarning(t.Exception!.GetBaseException(), "Evaluate on save of {Uri} failed", save.TextDocument.Uri), TaskContinuationOptions.OnlyOnFaulted);
    }

    public void Close(string uri)
    {
        lock (gate)
        {
            if (documents.Remove(uri, out var document))
            {
                CancelAll(document);
            }
        }

        // Diagnostics of a closed document belong to nobody: clear them.
        _ = client.NotifyAsync(Methods.TextDocumentPublishDiagnostics, new PublishDiagnosticsParams { Uri = uri, Diagnostics = [] });
    }

    public string? GetText(string uri)
    {
        lock (gate)
        {
            return documents.TryGetValue(uri, out var document) ? document.Text : null;
        }
    }

    public int? GetVersion(string uri)
    {
        lock (gate)
        {
            return documents.TryGetValue(uri, out var document) ? document.Version : null;
        }
    }

    // ---- AI insertions -------------------------------------------------------------------------

    public void AiInsertion(AiInsertionParams insertion)
    {
        var current = settings.Current;
        if (!current.AutoEvaluateAiInsertions)
        {
            logger.LogDebug("AI insertion in {Uri} not evaluated: autoEvaluateAiInsertions is off", insertion.TextDocument.Uri);
            return;
        }

        var (start, end) = Lines(insertion.Range);
        if (insertion.Source == InsertionSources.LargeInsertion && end - start + 1 < current.LargeInsertionThreshold)
        {
            logger.LogDebug("Large insertion of {Lines} lines is below the threshold of {Threshold}", end - start + 1, current.LargeInsertionThreshold);
            return;
        }

        var snippetSource = insertion.Source switch
        {
            InsertionSources.InlineSuggestion => SnippetSource.InlineSuggestion,
            InsertionSources.Chat => SnippetSource.ChatInsert,
            InsertionSources.LargeInsertion => SnippetSource.LargeInsertion,
            _ => (SnippetSource?)null,
        };
        if (snippetSource is null)
        {
            throw new LocalRpcException($"dualgauge/aiInsertion: source must be inlineSuggestion, chat or largeInsertion, not '{insertion.Source}'") { ErrorCode = -32602 };
        }

        lock (gate)
        {
            if (!documents.TryGetValue(insertion.TextDocument.Uri, out var document))
            {
                logger.LogWarning("dualgauge/aiInsertion for {Uri}, which is not open: ignored", insertion.TextDocument.Uri);
                return;
            }

            if (!IsEnabled(document, out var why))
            {
                logger.LogDebug("AI insertion in {Uri} not evaluated: {Why}", document.Uri, why);
                return;
            }

            if (insertion.TextDocument.Version != document.Version)
            {
                logger.LogDebug("AI insertion for version {Sent} of {Uri}, now at {Now}: using its range as is", insertion.TextDocument.Version, document.Uri, document.Version);
            }

            var region = Track(document, start, end, insertion.Source, snippetSource.Value, fromAi: true);
            ScheduleDebounced(document, region);
        }
    }

    // ---- commands ------------------------------------------------------------------------------

    public async Task<HistoryEntrySummary?> EvaluateSelectionAsync(string uri, Range range, CancellationToken cancellationToken)
    {
        TrackedRegion region;
        lock (gate)
        {
            var document = RequireOpen(uri, Commands.EvaluateSelection);
            if (!IsEnabled(document, out var why))
            {
                logger.LogInformation("Not evaluating {Uri}: {Why}", uri, why);
                return null;
            }

            var (start, end) = Lines(range);
            region = Track(document, start, end, InsertionSources.Selection, SnippetSource.Selection, fromAi: false);
        }

        return await EvaluateNowAsync(uri, region, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<HistoryEntrySummary>> EvaluateFileAsync(string uri, CancellationToken cancellationToken) =>
        await EvaluateFileCoreAsync(uri, InsertionSources.File, SnippetSource.Selection, cancellationToken).ConfigureAwait(false);

    public async Task<HistoryEntrySummary> RerunAsync(long historyId, CancellationToken cancellationToken)
    {
        var record = history.Get(historyId) ?? throw NoEntry(historyId);
        TrackedRegion? region;
        lock (gate)
        {
            region = null;
            if (documents.TryGetValue(record.Summary.Uri, out var document))
            {
                region = document.Regions.FirstOrDefault(r => r.HistoryId == historyId)
                    ?? Track(document, record.Summary.Range.Start.Line, record.Summary.Range.End.Line, record.Summary.Source, ParseSnippetSource(record.Details.SnippetSource), fromAi: false);
            }
        }

        if (region is not null)
        {
            return await EvaluateNowAsync(record.Summary.Uri, region, cancellationToken).ConfigureAwait(false)
                ?? throw new LocalRpcException($"History entry {historyId} was not re-run: its function is marked {FunctionLocator.IgnoreMarker}.") { ErrorCode = -32803 };
        }

        // The document is closed: re-run the snapshot the history kept.
        if (!LanguageExtensions.TryParse(record.Summary.Language, out var language))
        {
            throw new LocalRpcException($"History entry {historyId} has an unknown language '{record.Summary.Language}'.") { ErrorCode = -32803 };
        }

        var text = record.Details.DocumentText ?? record.Code;
        var snapshot = new TextDocumentSnapshot(text);
        var (startLine, endLine) = record.Details.DocumentText is not null
            ? (record.Details.SnippetStartLine, record.Details.SnippetEndLine)
            : (0, text.Split('\n').Length - 1);
        var snippet = new Snippet(record.Summary.Uri, language, text, startLine, endLine, ParseSnippetSource(record.Details.SnippetSource));
        SnippetEvaluation evaluation;
        try
        {
            evaluation = await queue.RunAsync(snippet, $"history entry {historyId}", cancellationToken).ConfigureAwait(false);
        }
        catch (SandboxUnavailableException ex)
        {
            throw SandboxError(ex);
        }

        var added = EvaluationRecords.FromEvaluation(evaluation, record.Summary.Source, record.Summary.Uri, snapshot);
        var id = await Task.Run(() => history.Add(added), CancellationToken.None).ConfigureAwait(false);
        await client.NotifyAsync(Methods.DualGaugeHistoryChanged, new HistoryChangedParams(HistoryChangeReasons.Added, id)).ConfigureAwait(false);
        return added.Summary with { Id = id };
    }

    public MarkdownResult Report(long historyId)
    {
        var record = history.Get(historyId) ?? throw NoEntry(historyId);
        return new MarkdownResult(ReportRenderer.Render(record with { Summary = record.Summary with { Id = historyId } }));
    }

    /// <summary>
    /// The code a history entry judged, as it stands now in the open document (the region follows edits), with the
    /// document version it was read at; null when the document is closed.
    /// </summary>
    public (Snippet Snippet, int Version)? CurrentSnippet(long historyId)
    {
        var record = history.Get(historyId) ?? throw NoEntry(historyId);
        lock (gate)
        {
            if (!documents.TryGetValue(record.Summary.Uri, out var document) || document.Language is not { } language)
            {
                return null;
            }

            var region = document.Regions.FirstOrDefault(r => r.HistoryId == historyId);
            var (start, end) = region is not null ? (region.StartLine, region.EndLine) : (record.Summary.Range.Start.Line, record.Summary.Range.End.Line);
            start = Math.Clamp(start, 0, Math.Max(0, document.LineCount - 1));
            end = Math.Clamp(end, start, Math.Max(0, document.LineCount - 1));
            return (new Snippet(document.Uri, language, document.Text, start, end, ParseSnippetSource(record.Details.SnippetSource)), document.Version);
        }
    }

    // ---- code actions --------------------------------------------------------------------------

    public IReadOnlyList<CodeAction> CodeActions(CodeActionParams request)
    {
        var actions = new List<CodeAction>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var diagnostic in request.Context.Diagnostics)
        {
            if (diagnostic.Source != DiagnosticFactory.Source || DiagnosticFactory.HistoryId(diagnostic) is not { } historyId)
            {
                continue;
            }

            void Add(CodeAction action)
            {
                if (seen.Add(action.Title + "\u0000" + historyId))
                {
                    actions.Add(action);
                }
            }

            Add(new CodeAction
            {
                Title = "DualGauge: Show evaluation report",
                Kind = CodeActionKinds.QuickFix,
                Diagnostics = [diagnostic],
                Command = new Command("DualGauge: Show evaluation report", Commands.ShowReport, [historyId]),
            });
            Add(new CodeAction
            {
                Title = "DualGauge: Re-run evaluation",
                Kind = CodeActionKinds.QuickFix,
                Diagnostics = [diagnostic],
                Command = new Command("DualGauge: Re-run evaluation", Commands.Rerun, [historyId]),
            });
            if (SuppressEdit(request.TextDocument.Uri, historyId) is { } edit)
            {
                Add(new CodeAction
                {
                    Title = "DualGauge: Suppress for this snippet",
                    Kind = CodeActionKinds.QuickFix,
                    Diagnostics = [diagnostic],
                    Edit = edit,
                });
            }

            if (settings.Current.Ai.Enabled && IsFixable(diagnostic))
            {
                Add(new CodeAction
                {
                    Title = FixWithAiTitle,
                    Kind = CodeActionKinds.QuickFix,
                    Diagnostics = [diagnostic],
                    Command = new Command(FixWithAiTitle, Commands.FixWithAi, [historyId]),
                });
            }

            if (diagnostic.Code is { } code && code.StartsWith("CWE-", StringComparison.OrdinalIgnoreCase))
            {
                Add(new CodeAction
                {
                    Title = $"DualGauge: How to fix {code}",
                    Kind = CodeActionKinds.QuickFix,
                    Diagnostics = [diagnostic],
                    Command = new Command($"DualGauge: How to fix {code}", Commands.ShowRemediation, [code]),
                });
            }
        }

        return actions;
    }

    public const string FixWithAiTitle = "DualGauge: Fix with AI (verified)";

    /// <summary>Failed security (Error) and functional (Warning) tests; not "nothing matched" or a broken evaluator.</summary>
    private static bool IsFixable(Diagnostic diagnostic) =>
        diagnostic.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning && diagnostic.Code != DiagnosticFactory.EvaluationFailedCode;

    /// <summary>Inserts the ignore comment on the line above the evaluated function, indented like it.</summary>
    private WorkspaceEdit? SuppressEdit(string uri, long historyId)
    {
        lock (gate)
        {
            if (!documents.TryGetValue(uri, out var document) || document.Language is not { } language)
            {
                return null;
            }

            int? functionLine = document.Regions.FirstOrDefault(r => r.HistoryId == historyId)?.StartLine;
            if (functionLine is null)
            {
                var record = history.Get(historyId);
                functionLine = record?.Summary.Range.Start.Line;
            }

            if (functionLine is not { } line)
            {
                return null;
            }

            var header = FunctionLocator.HeaderFor(language, document, line, line) ?? line;
            var insertAt = FunctionLocator.AttachedStart(language, document, header);
            var text = document.GetLine(insertAt);
            var indent = text[..(text.Length - text.TrimStart().Length)];
            var newline = document.Text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
            return new WorkspaceEdit(new Dictionary<string, IReadOnlyList<TextEdit>>
            {
                [uri] = [new TextEdit(new Range(new Position(insertAt, 0), new Position(insertAt, 0)), indent + FunctionLocator.IgnoreComment(language) + newline)],
            });
        }
    }

    // ---- evaluation ----------------------------------------------------------------------------

    private async Task<IReadOnlyList<HistoryEntrySummary>> EvaluateFileCoreAsync(string uri, string source, SnippetSource snippetSource, CancellationToken cancellationToken)
    {
        var regions = new List<TrackedRegion>();
        lock (gate)
        {
            var document = RequireOpen(uri, Commands.EvaluateFile);
            if (document.Language is not { } language || !IsEnabled(document, out _))
            {
                return [];
            }

            var headers = FunctionLocator.TopLevelHeaders(language, document);
            if (headers.Count == 0)
            {
                regions.Add(Track(document, 0, Math.Max(0, document.LineCount - 1), source, snippetSource, fromAi: false));
            }
            else
            {
                for (var i = 0; i < headers.Count; i++)
                {
                    var end = i + 1 < headers.Count ? headers[i + 1] - 1 : document.LineCount - 1;
                    while (end > headers[i] && string.IsNullOrWhiteSpace(document.GetLine(end)))
                    {
                        end--;
                    }

                    regions.Add(Track(document, headers[i], end, source, snippetSource, fromAi: false));
                }
            }
        }

        var runs = regions.Select(r => EvaluateNowAsync(uri, r, cancellationToken)).ToList();
        var results = new List<HistoryEntrySummary>();
        foreach (var run in runs)
        {
            if (await run.ConfigureAwait(false) is { } summary)
            {
                results.Add(summary);
            }
        }

        return results;
    }

    /// <summary>Evaluates a region now (no debounce), cancelling its previous run. For explicit requests: errors reach the caller.</summary>
    private async Task<HistoryEntrySummary?> EvaluateNowAsync(string uri, TrackedRegion region, CancellationToken cancellationToken)
    {
        CancellationToken token;
        lock (gate)
        {
            token = SwapPending(region, cancellationToken).Token;
        }

        try
        {
            return await EvaluateRegionAsync(uri, region, token).ConfigureAwait(false);
        }
        catch (SandboxUnavailableException ex)
        {
            throw SandboxError(ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LocalRpcException($"The evaluation was superseded or dropped: {ex.Message}") { ErrorCode = -32803 };
        }
    }

    private void ScheduleDebounced(TextDocument document, TrackedRegion region)
    {
        var token = SwapPending(region, CancellationToken.None).Token;
        var uri = document.Uri;
        var delay = TimeSpan.FromMilliseconds(settings.Current.DebounceMs);
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(delay, token).ConfigureAwait(false);
                await EvaluateRegionAsync(uri, region, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Superseded by a newer edit or evaluation of the same region, or dropped from a full queue.
            }
            catch (SandboxUnavailableException)
            {
                // Already reported through dualgauge/status and queued for retry.
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Background evaluation in {Uri} failed", uri);
            }
        }, CancellationToken.None);
    }

    private static CancellationTokenSource SwapPending(TrackedRegion region, CancellationToken linkedTo)
    {
        var next = CancellationTokenSource.CreateLinkedTokenSource(linkedTo);
        var previous = region.Pending;
        region.Pending = next;

        // Callers hold the workspace lock: run cancellation callbacks (the evaluator's, the queue's) elsewhere.
        _ = previous?.CancelAsync();
        return next;
    }

    private async Task<HistoryEntrySummary?> EvaluateRegionAsync(string uri, TrackedRegion region, CancellationToken cancellationToken)
    {
        Snippet snippet;
        int generation;
        int snapshotStart;
        lock (gate)
        {
            if (!documents.TryGetValue(uri, out var document) || !document.Regions.Contains(region) || document.Language is not { } language)
            {
                return null;
            }

            var header = FunctionLocator.HeaderFor(language, document, region.StartLine, region.EndLine);
            if (header is { } h && FunctionLocator.IsSuppressed(language, document, h))
            {
                logger.LogInformation("Skipped lines {Start}-{End} of {Uri}: the function is marked {Marker}", region.StartLine + 1, region.EndLine + 1, uri, FunctionLocator.IgnoreMarker);
                return null;
            }

            generation = region.Generation;
            snapshotStart = region.StartLine;
            snippet = new Snippet(uri, language, document.Text, region.StartLine, region.EndLine, region.SnippetSource);
        }

        var snapshot = new TextDocumentSnapshot(snippet.DocumentText);
        var label = $"{ShortName(uri)}:{snippet.StartLine + 1}-{snippet.EndLine + 1}";
        EvaluationRecord record;
        IReadOnlyList<Diagnostic> diagnostics;
        int baseLine;
        try
        {
            var evaluation = await queue.RunAsync(snippet, label, cancellationToken).ConfigureAwait(false);
            var evaluated = new TextDocument(uri, "", 0, snippet.DocumentText);
            if (FunctionLocator.IsSuppressed(snippet.Language, evaluated, FunctionLocator.HeaderFor(snippet.Language, evaluated, evaluation.StartLine, evaluation.EndLine) ?? evaluation.StartLine))
            {
                logger.LogInformation("Not reporting {Label}: the evaluated function is marked {Marker}", label, FunctionLocator.IgnoreMarker);
                return null;
            }

            record = EvaluationRecords.FromEvaluation(evaluation, region.Source, uri, snapshot);
            var id = history.Add(record);
            record = record with { Summary = record.Summary with { Id = id } };
            diagnostics = DiagnosticFactory.Create(evaluation, id, uri, snapshot);
            baseLine = evaluation.StartLine;
            lock (gate)
            {
                if (region.Generation == generation)
                {
                    var shift = region.StartLine - snapshotStart;
                    region.Reset(evaluation.StartLine + shift, evaluation.EndLine + shift);
                    region.HistoryId = id;
                    region.SetDiagnostics(diagnostics, baseLine);
                    MergeOverlapping(uri, region);
                }
                else
                {
                    logger.LogInformation("The code of {Label} changed during its evaluation: history entry {Id} kept, diagnostics not published", label, id);
                }
            }

            RetrySoon();
        }
        catch (SandboxUnavailableException)
        {
            lock (gate)
            {
                retries[(uri, region.Id)] = region;
                retryTimer ??= new Timer(_ => RetryNow(), null, options.SandboxRetryInterval, options.SandboxRetryInterval);
            }

            throw;
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // The evaluator broke: record it and say so on the code, instead of going silent.
            record = EvaluationRecords.FromFailure(snippet, region.Source, SnippetText(snippet), ex, snapshot);
            var id = history.Add(record);
            record = record with { Summary = record.Summary with { Id = id } };
            lock (gate)
            {
                if (region.Generation == generation)
                {
                    region.HistoryId = id;
                    region.SetDiagnostics([DiagnosticFactory.EvaluationFailed(snippet.StartLine, ex, id, snapshot)], snapshotStart);
                }
            }
        }
        finally
        {
            lock (gate)
            {
                if (region.Pending?.Token == cancellationToken)
                {
                    region.Pending = null;
                }
            }
        }

        await PublishAsync(uri).ConfigureAwait(false);
        await client.NotifyAsync(Methods.DualGaugeHistoryChanged, new HistoryChangedParams(HistoryChangeReasons.Added, record.Summary.Id)).ConfigureAwait(false);
        return record.Summary;
    }

    /// <summary>After widening, a region may cover others that are idle: they are replaced by it.</summary>
    private void MergeOverlapping(string uri, TrackedRegion region)
    {
        if (documents.TryGetValue(uri, out var document))
        {
            document.Regions.RemoveAll(other => other != region && other.Overlaps(region.StartLine, region.EndLine) && other.Pending is null);
        }
    }

    private TrackedRegion Track(TextDocument document, int start, int end, string source, SnippetSource snippetSource, bool fromAi)
    {
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
        if (overlapped.Any(r => r.Diagnostics.Count > 0))
        {
            SchedulePublish(document.Uri);
        }

        return region;
    }

    private void RetrySoon()
    {
        bool any;
        lock (gate)
        {
            any = retries.Count > 0;
        }

        if (any)
        {
            _ = Task.Run(RetryNow);
        }
    }

    private void RetryNow()
    {
        List<(string Uri, TrackedRegion Region)> due;
        lock (gate)
        {
            due = retries.Select(r => (r.Key.Uri, r.Value)).ToList();
            retries.Clear();
            retryTimer?.Dispose();
            retryTimer = null;
            if (disposed)
            {
                return;
            }

            due.RemoveAll(d => !documents.TryGetValue(d.Uri, out var document) || !document.Regions.Contains(d.Region));
        }

        foreach (var (uri, region) in due)
        {
            logger.LogInformation("Retrying the evaluation of {Uri}:{Start}-{End} that waited for the sandbox", ShortName(uri), region.StartLine + 1, region.EndLine + 1);
            lock (gate)
            {
                if (documents.TryGetValue(uri, out var document))
                {
                    ScheduleDebounced(document, region);
                }
            }
        }
    }

    // ---- publishing ----------------------------------------------------------------------------

    private void SchedulePublish(string uri)
    {
        if (!publishScheduled.TryAdd(uri, 0))
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            await Task.Delay(options.PublishDelay).ConfigureAwait(false);
            publishScheduled.TryRemove(uri, out _);
            await PublishAsync(uri).ConfigureAwait(false);
        });
    }

    public async Task PublishAsync(string uri)
    {
        await publishGate.WaitAsync().ConfigureAwait(false);
        try
        {
            PublishDiagnosticsParams message;
            lock (gate)
            {
                if (!documents.TryGetValue(uri, out var document))
                {
                    return;
                }

                message = new PublishDiagnosticsParams
                {
                    Uri = uri,
                    Version = document.Version,
                    Diagnostics = document.Regions.SelectMany(r => r.CurrentDiagnostics()).ToList(),
                };
            }

            await client.NotifyAsync(Methods.TextDocumentPublishDiagnostics, message).ConfigureAwait(false);
        }
        finally
        {
            publishGate.Release();
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private bool IsEnabled(TextDocument document, out string why)
    {
        if (document.Language is not { } language)
        {
            why = $"language '{document.LanguageId}' is not one DualGauge evaluates ({LanguageExtensions.AllIds})";
            return false;
        }

        if (!settings.Current.Languages.Contains(language.Id(), StringComparer.OrdinalIgnoreCase))
        {
            why = $"{language.Id()} is not in dualgauge.languages";
            return false;
        }

        why = "";
        return true;
    }

    private TextDocument RequireOpen(string uri, string what) =>
        documents.TryGetValue(uri, out var document)
            ? document
            : throw new LocalRpcException($"{what}: the document {uri} is not open (send textDocument/didOpen first)") { ErrorCode = -32602 };

    private static (int Start, int End) Lines(Range range)
    {
        var start = Math.Min(range.Start.Line, range.End.Line);
        var end = Math.Max(range.Start.Line, range.End.Line);

        // A range ending at column 0 of a later line does not include that line.
        if (end > start && range.End.Character == 0 && range.End.Line == end)
        {
            end--;
        }

        return (start, end);
    }

    private static string SnippetText(Snippet snippet)
    {
        var lines = snippet.DocumentText.Split('\n');
        var start = Math.Clamp(snippet.StartLine, 0, lines.Length);
        var end = Math.Clamp(snippet.EndLine, start - 1, lines.Length - 1);
        return string.Join('\n', lines[start..(end + 1)]);
    }

    private static SnippetSource ParseSnippetSource(string value) =>
        Enum.TryParse<SnippetSource>(value, ignoreCase: true, out var source) ? source : SnippetSource.Selection;

    private static string ShortName(string uri) => uri[(uri.LastIndexOf('/') + 1)..];

    private static LocalRpcException NoEntry(long historyId) =>
        new($"There is no history entry {historyId} (it may have been cleared).") { ErrorCode = -32602 };

    private static LocalRpcException SandboxError(SandboxUnavailableException ex) =>
        new($"The sandbox is unavailable: {ex.Message} {EvaluationQueue.DockerFix}") { ErrorCode = -32803 };

    private void CancelAll(TextDocument document)
    {
        foreach (var region in document.Regions)
        {
            _ = region.Pending?.CancelAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (gate)
        {
            disposed = true;
            retryTimer?.Dispose();
            retryTimer = null;
            foreach (var document in documents.Values)
            {
                CancelAll(document);
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
