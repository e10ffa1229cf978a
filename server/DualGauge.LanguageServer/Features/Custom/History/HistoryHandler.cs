using DualGauge.LanguageServer.Evaluation;
using DualGauge.LanguageServer.History;
using DualGauge.LanguageServer.Server;
using DualGauge.Protocol;
using DualGauge.Protocol.Custom;
using StreamJsonRpc;

namespace DualGauge.LanguageServer.Features.Custom.History;

/// <summary>dualgauge/history/list, get, rerun, clear.</summary>
internal sealed class HistoryHandler(RequestQueue queue, HistoryStore history, EvaluationScheduler scheduler, ServerLifecycle lifecycle, ILanguageClient client)
{
    [JsonRpcMethod(Methods.DualGaugeHistoryList, UseSingleObjectParameterDeserialization = true)]
    public Task<HistoryListResult> List(HistoryListParams? request = null)
    {
        lifecycle.EnsureReady();
        if (request?.Limit is <= 0 || request?.Offset is < 0)
        {
            throw new LocalRpcException("dualgauge/history/list: offset must be >= 0 and limit > 0.") { ErrorCode = -32602 };
        }

        return queue.RunAsync(Methods.DualGaugeHistoryList, RequestAccess.ReadOnly, () => history.List(request ?? new HistoryListParams()));
    }

    [JsonRpcMethod(Methods.DualGaugeHistoryGet, UseSingleObjectParameterDeserialization = true)]
    public Task<HistoryEntry> Get(HistoryIdParams request)
    {
        lifecycle.EnsureReady();
        return queue.RunAsync(Methods.DualGaugeHistoryGet, RequestAccess.ReadOnly, () =>
        {
            var record = history.Get(request.Id)
                ?? throw new LocalRpcException($"There is no history entry {request.Id}.") { ErrorCode = -32602 };
            return EvaluationRecords.ToEntry(record with { Summary = record.Summary with { Id = request.Id } });
        });
    }

    [JsonRpcMethod(Methods.DualGaugeHistoryRerun, UseSingleObjectParameterDeserialization = true)]
    public async Task<HistoryEntrySummary> RerunAsync(HistoryIdParams request, CancellationToken cancellationToken)
    {
        lifecycle.EnsureReady();
        var run = await queue.RunAsync(Methods.DualGaugeHistoryRerun, RequestAccess.Mutating, () => scheduler.BeginRerun(request.Id)).ConfigureAwait(false);
        return await run(cancellationToken).ConfigureAwait(false);
    }

    [JsonRpcMethod(Methods.DualGaugeHistoryClear, UseSingleObjectParameterDeserialization = true)]
    public async Task<HistoryClearResult> ClearAsync(HistoryClearParams? request = null)
    {
        lifecycle.EnsureReady();
        var deleted = await queue.RunAsync(Methods.DualGaugeHistoryClear, RequestAccess.Mutating, () => history.Clear()).ConfigureAwait(false);
        await client.NotifyAsync(Methods.DualGaugeHistoryChanged, new HistoryChangedParams(HistoryChangeReasons.Cleared)).ConfigureAwait(false);
        return new HistoryClearResult(deleted);
    }
}
