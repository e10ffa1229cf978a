using DualGauge.LanguageServer.Evaluation;
using DualGauge.LanguageServer.History;
using DualGauge.LanguageServer.Server;
using DualGauge.Protocol;
using DualGauge.Protocol.Custom;
using StreamJsonRpc;

namespace DualGauge.LanguageServer.Features.Custom.History;

/// <summary>dualgauge/history/list, get, rerun, clear.</summary>
internal sealed class HistoryHandler(HistoryStore history, SnippetWorkspace workspace, ServerLifecycle lifecycle, ILanguageClient client)
{
    [JsonRpcMethod(Methods.DualGaugeHistoryList, UseSingleObjectParameterDeserialization = true)]
    public HistoryListResult List(HistoryListParams? request = null)
    {
        lifecycle.EnsureReady();
        if (request?.Limit is <= 0 || request?.Offset is < 0)
        {
            throw new LocalRpcException("dualgauge/history/list: offset must be >= 0 and limit > 0.") { ErrorCode = -32602 };
        }

        return history.List(request ?? new HistoryListParams());
    }

    [JsonRpcMethod(Methods.DualGaugeHistoryGet, UseSingleObjectParameterDeserialization = true)]
    public HistoryEntry Get(HistoryIdParams request)
    {
        lifecycle.EnsureReady();
        var record = history.Get(request.Id)
            ?? throw new LocalRpcException($"There is no history entry {request.Id}.") { ErrorCode = -32602 };
        return EvaluationRecords.ToEntry(record with { Summary = record.Summary with { Id = request.Id } });
    }

    [JsonRpcMethod(Methods.DualGaugeHistoryRerun, UseSingleObjectParameterDeserialization = true)]
    public Task<HistoryEntrySummary> RerunAsync(HistoryIdParams request, CancellationToken cancellationToken)
    {
        lifecycle.EnsureReady();
        return workspace.RerunAsync(request.Id, cancellationToken);
    }

    [JsonRpcMethod(Methods.DualGaugeHistoryClear, UseSingleObjectParameterDeserialization = true)]
    public async Task<HistoryClearResult> ClearAsync(HistoryClearParams? request = null)
    {
        lifecycle.EnsureReady();
        var deleted = history.Clear();
        await client.NotifyAsync(Methods.DualGaugeHistoryChanged, new HistoryChangedParams(HistoryChangeReasons.Cleared)).ConfigureAwait(false);
        return new HistoryClearResult(deleted);
    }
}
