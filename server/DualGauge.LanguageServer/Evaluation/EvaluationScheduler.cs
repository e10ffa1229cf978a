using DualGauge.Core.Execution;
using DualGauge.Core.Tasks;
using DualGauge.LanguageServer.Documents;
using DualGauge.LanguageServer.History;
using DualGauge.LanguageServer.Publishing;
using DualGauge.LanguageServer.Server;
using DualGauge.LanguageServer.Settings;
using DualGauge.Protocol;
using DualGauge.Protocol.Basic;
using DualGauge.Protocol.Custom;
using DualGauge.Snippets;
using Microsoft.Extensions.Logging;
using StreamJsonRpc;

namespace DualGauge.LanguageServer.Evaluation;

/// <summary>
/// Decides what to evaluate and when: AI insertions after a debounce, selections, files and re-runs at once,
/// evaluations that waited for Docker when it is back. Each run goes through the <see cref="EvaluationQueue"/>
/// into the sandbox; its record is written to the history before its findings are placed on the region and
/// published. A result for code that changed while it ran is kept in the history and never published.
/// </summary>
internal sealed class EvaluationScheduler : IAsyncDisposable
{
    private readonly object retryGate = new();
    private readonly Dictionary<(string Uri, int RegionId), TrackedRegion> retries = [];
    private readonly DocumentStore store;
    private readonly FindingsPublisher publisher;
    private readonly EvaluationQueue queue;
    private readonly HistoryStore history;
    private readonly SettingsService settings;
    private readonly LanguageServerOptions options;
    private readonly ILanguageClient client;
    private readonly ILogger<EvaluationScheduler> logger;
    private Timer? retryTimer;
    private bool disposed;

    public EvaluationScheduler(DocumentStore store, FindingsPublisher publisher, EvaluationQueue queue, HistoryStore history, SettingsService settings, LanguageServerOptions options, ILanguageClient client, ILogger<EvaluationScheduler> logger)
    {
        this.store = store;
        this.publisher = publisher;
        this.queue = queue;
        this.history = history;
        this.settings = settings;
        this.options = options;
        this.client = client;
        this.logger = logger;
    }

    /// <summary>Raised after an evaluation's record is in the history and its findings are published.</summary>
    public event Action<string, TrackedRegion, SnippetEvaluation, long>? Evaluated;

    // ---- triggers ------------------------------------------------------------------------------

    public void AfterChange(DocumentChange change)
    {
        if (!settings.Current.AutoEvaluateAiInsertions)
        {
            return;
        }

        foreach (var region in change.TouchedAiRegions)
        {
            ScheduleDebounced(change.Document.Uri, region);
        }
    }

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
        } ?? throw new LocalRpcException($"dualgauge/aiInsertion: source must be inlineSuggestion, chat or largeInsertion, not '{insertion.Source}'") { ErrorCode = -32602 };

        if (store.Find(insertion.TextDocument.Uri) is not { } document)
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

        var region = Track(document, start, end, insertion.Source, snippetSource, fromAi: true);
        ScheduleDebounced(document.Uri, region);
    }

    /// <summary>The selection's region is tracked now (inside the request queue); the returned task evaluates it.</summary>
    public Func<CancellationToken, Task<HistoryEntrySummary?>> BeginSelection(string uri, Range range)
    {
        var document = RequireOpen(uri, Commands.EvaluateSelection);
        if (!IsEnabled(document, out var why))
        {
            logger.LogInformation("Not evaluating {Uri}: {Why}", uri, why);
            return _ => Task.FromResult<HistoryEntrySummary?>(null);
        }

        var (start, end) = Lines(range);
        var region = Track(document, start, end, InsertionSources.Selection, SnippetSource.Selection, fromAi: false);
        return ct => EvaluateNowAsync(uri, region, ct);
    }

    public Func<CancellationToken, Task<IReadOnlyList<HistoryEntrySummary>>> BeginFile(string uri, string source = InsertionSources.File, SnippetSource snippetSource = SnippetSource.Selection)
    {
        var document = RequireOpen(uri, Commands.EvaluateFile);
        if (document.Language is not { } language || !IsEnabled(document, out _))
        {
            return _ => Task.FromResult<IReadOnlyList<HistoryEntrySummary>>([]);
        }

        var regions = new List<TrackedRegion>();
        var text = store.Read(_ => (Headers: FunctionLocator.TopLevelHeaders(language, document), Lines: document.LineCount));
        if (text.Headers.Count == 0)
        {
            regions.Add(Track(document, 0, Math.Max(0, text.Lines - 1), source, snippetSource, fromAi: false));
        }
        else
        {
            for (var i = 0; i < text.Headers.Count; i++)
            {
                var end = i + 1 < text.Headers.Count ? text.Headers[i + 1] - 1 : text.Lines - 1;
                var header = text.Headers[i];
                end = store.Read(_ =>
                {
                    var e = end;
                    while (e > header && string.IsNullOrWhiteSpace(document.GetLine(e)))
                    {
                        e--;
                    }

                    return e;
                });
                regions.Add(Track(document, header, end, source, snippetSource, fromAi: false));
            }
        }

        // One function after another: the queue runs one evaluation at a time anyway, and a file with more functions
        // than the queue holds must not push its own first functions out of it.
        return async ct =>
        {
            var results = new List<HistoryEntrySummary>();
            foreach (var region in regions)
            {
                if (await EvaluateNowAsync(uri, region, ct).ConfigureAwait(false) is { } summary)
                {
                    results.Add(summary);
                }
            }

            return results;
        };
    }

    public void AfterSave(string uri)
    {
        if (!settings.Current.EvaluateOnSave || store.Find(uri) is null)
        {
            return;
        }

        var run = BeginFile(uri, InsertionSources.Save, SnippetSource.Save);
        _ = run(CancellationToken.None)
            .ContinueWith(t => logger.LogWarning(t.Exception!.GetBaseException(), "Evaluate on save of {Uri} failed", uri), TaskContinuationOptions.OnlyOnFaulted);
    }

    /// <summary>Re-runs a history entry: on the open document's current code, or on the snapshot the history kept.</summary>
    public Func<CancellationToken, Task<HistoryEntrySummary>> BeginRerun(long historyId)
    {
        var record = history.Get(historyId) ?? throw NoEntry(historyId);
        if (store.Find(record.Summary.Uri) is { } document)
        {
            var region = store.Read(_ => document.Regions.FirstOrDefault(r => r.HistoryId == historyId))
                ?? Track(document, record.Summary.Range.Start.Line, record.Summary.Range.End.Line, record.Summary.Source, ParseSnippetSource(record.Details.SnippetSource), fromAi: false);
            return async ct => await EvaluateNowAsync(record.Summary.Uri, region, ct).ConfigureAwait(false)
                ?? throw new LocalRpcException($"History entry {historyId} was not re-run: its function is marked {FunctionLocator.IgnoreMarker}.") { ErrorCode = -32803 };
        }

        return ct => RerunSnapshotAsync(historyId, record, ct);
    }

    private async Task<HistoryEntrySummary> RerunSnapshotAsync(long historyId, EvaluationRecord record, CancellationToken cancellationToken)
    {
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
        var stored = await Task.Run(() => history.Record(added), CancellationToken.None).ConfigureAwait(false);
        await NotifyHistoryAsync(stored).ConfigureAwait(false);
        return stored.Summary;
    }

    // ---- running -------------------------------------------------------------------------------

    /// <summary>Evaluates a region now (no debounce), cancelling its previous run. For explicit requests: errors reach the caller.</summary>
    private async Task<HistoryEntrySummary?> EvaluateNowAsync(string uri, TrackedRegion region, CancellationToken cancellationToken)
    {
        var token = store.Read(_ => SwapPending(region, cancellationToken).Token);
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

    private void ScheduleDebounced(string uri, TrackedRegion region)
    {
        var token = store.Read(_ => SwapPending(region, CancellationToken.None).Token);
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

    /// <remarks>Called under the store's lock: cancellation callbacks (the evaluator's, the queue's) run elsewhere.</remarks>
    private static CancellationTokenSource SwapPending(TrackedRegion region, CancellationToken linkedTo)
    {
        var next = CancellationTokenSource.CreateLinkedTokenSource(linkedTo);
        var previous = region.Pending;
        region.Pending = next;
        _ = previous?.CancelAsync();
        return next;
    }

    private async Task<HistoryEntrySummary?> EvaluateRegionAsync(string uri, TrackedRegion region, CancellationToken cancellationToken)
    {
        var captured = store.Read(find =>
        {
            if (find(uri) is not { } document || !document.Regions.Contains(region) || document.Language is not { } language)
            {
                return null;
            }

            var header = FunctionLocator.HeaderFor(language, document, region.StartLine, region.EndLine);
            if (header is { } h && FunctionLocator.IsSuppressed(language, document, h))
            {
                logger.LogInformation("Skipped lines {Start}-{End} of {Uri}: the function is marked {Marker}", region.StartLine + 1, region.EndLine + 1, uri, FunctionLocator.IgnoreMarker);
                return null;
            }

            return new
            {
                region.Generation,
                region.StartLine,
                Snippet = new Snippet(uri, language, document.Text, region.StartLine, region.EndLine, region.SnippetSource),
            };
        });
        if (captured is null)
        {
            return null;
        }

        var snippet = captured.Snippet;
        var snapshot = new TextDocumentSnapshot(snippet.DocumentText);
        var label = $"{ShortName(uri)}:{snippet.StartLine + 1}-{snippet.EndLine + 1}";
        StoredEvaluation stored;
        SnippetEvaluation? evaluation = null;
        try
        {
            evaluation = await queue.RunAsync(snippet, label, cancellationToken).ConfigureAwait(false);
            var evaluated = new TextDocument(uri, "", 0, snippet.DocumentText);
            if (FunctionLocator.IsSuppressed(snippet.Language, evaluated, FunctionLocator.HeaderFor(snippet.Language, evaluated, evaluation.StartLine, evaluation.EndLine) ?? evaluation.StartLine))
            {
                logger.LogInformation("Not reporting {Label}: the evaluated function is marked {Marker}", label, FunctionLocator.IgnoreMarker);
                return null;
            }

            var record = EvaluationRecords.FromEvaluation(evaluation, region.Source, uri, snapshot);
            var unmatchedInProblems = settings.Current.ShowUnmatchedInProblems;
            stored = history.Record(record, id => DiagnosticFactory.Create(evaluation, id, uri, snapshot, unmatchedInProblems));
            store.Write(_ =>
            {
                if (region.Generation == captured.Generation)
                {
                    var shift = region.StartLine - captured.StartLine;
                    region.Reset(evaluation.StartLine + shift, evaluation.EndLine + shift);
                    region.HistoryId = stored.Summary.Id;
                    region.SetFindings(stored.Diagnostics, evaluation.StartLine, stored.Lens);
                }
                else
                {
                    logger.LogInformation("The code of {Label} changed during its evaluation: history entry {Id} kept, diagnostics not published", label, stored.Summary.Id);
                }
            });
            store.MergeOverlapping(uri, region);
            RetrySoon();
        }
        catch (SandboxUnavailableException)
        {
            lock (retryGate)
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
            logger.LogError(ex, "The evaluation of {Label} failed", label);
            var record = EvaluationRecords.FromFailure(snippet, region.Source, SnippetText(snippet), ex, snapshot);
            stored = history.Record(record, id => [DiagnosticFactory.EvaluationFailed(snippet.StartLine, ex, id, snapshot)]);
            store.Write(_ =>
            {
                if (region.Generation == captured.Generation)
                {
                    region.HistoryId = stored.Summary.Id;
                    region.SetFindings(stored.Diagnostics, captured.StartLine, stored.Lens);
                }
            });
        }
        finally
        {
            store.Write(_ =>
            {
                if (region.Pending?.Token == cancellationToken)
                {
                    region.Pending = null;
                }
            });
        }

        await publisher.PublishAsync(uri).ConfigureAwait(false);
        await NotifyHistoryAsync(stored).ConfigureAwait(false);
        if (evaluation is not null)
        {
            Evaluated?.Invoke(uri, region, evaluation, stored.Summary.Id);
        }

        return stored.Summary;
    }

    private Task NotifyHistoryAsync(StoredEvaluation stored) =>
        client.NotifyAsync(Methods.DualGaugeHistoryChanged, new HistoryChangedParams(stored.Updated ? HistoryChangeReasons.Updated : HistoryChangeReasons.Added, stored.Summary.Id));

    private TrackedRegion Track(TextDocument document, int start, int end, string source, SnippetSource snippetSource, bool fromAi)
    {
        var region = store.Track(document, start, end, source, snippetSource, fromAi, out var replacedFindings);
        if (replacedFindings)
        {
            publisher.Schedule(document.Uri);
        }

        return region;
    }

    private void RetrySoon()
    {
        bool any;
        lock (retryGate)
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
        lock (retryGate)
        {
            due = retries.Select(r => (r.Key.Uri, r.Value)).ToList();
            retries.Clear();
            retryTimer?.Dispose();
            retryTimer = null;
            if (disposed)
            {
                return;
            }
        }

        foreach (var (uri, region) in due.Where(d => store.IsTracked(d.Uri, d.Region)))
        {
            logger.LogInformation("Retrying the evaluation of {Uri}:{Start}-{End} that waited for the sandbox", ShortName(uri), region.StartLine + 1, region.EndLine + 1);
            ScheduleDebounced(uri, region);
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
        store.Find(uri) ?? throw new LocalRpcException($"{what}: the document {uri} is not open (send textDocument/didOpen first)") { ErrorCode = -32602 };

    public static (int Start, int End) Lines(Range range)
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

    public static SnippetSource ParseSnippetSource(string value) =>
        Enum.TryParse<SnippetSource>(value, ignoreCase: true, out var source) ? source : SnippetSource.Selection;

    private static string ShortName(string uri) => uri[(uri.LastIndexOf('/') + 1)..];

    public static LocalRpcException NoEntry(long historyId) =>
        new($"There is no history entry {historyId} (it may have been cleared).") { ErrorCode = -32602 };

    private static LocalRpcException SandboxError(SandboxUnavailableException ex) =>
        new($"The sandbox is unavailable: {ex.Message} {EvaluationQueue.DockerFix}") { ErrorCode = -32803 };

    public ValueTask DisposeAsync()
    {
        lock (retryGate)
        {
            disposed = true;
            retryTimer?.Dispose();
            retryTimer = null;
        }

        store.CancelEverything();
        return ValueTask.CompletedTask;
    }
}
