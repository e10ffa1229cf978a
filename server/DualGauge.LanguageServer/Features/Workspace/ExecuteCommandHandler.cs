using System.Text.Json;
using DualGauge.LanguageServer.Evaluation;
using DualGauge.LanguageServer.Fixes;
using DualGauge.LanguageServer.History;
using DualGauge.LanguageServer.Reports;
using DualGauge.LanguageServer.Server;
using DualGauge.Protocol;
using DualGauge.Protocol.Basic;
using DualGauge.Protocol.Custom;
using DualGauge.Protocol.Workspace;
using StreamJsonRpc;

namespace DualGauge.LanguageServer.Features.Workspace;

/// <summary>
/// workspace/executeCommand for the commands the server advertises. An evaluation command tracks its region inside
/// the request queue (a mutation, in arrival order) and runs the evaluation outside it; reports are reads.
/// </summary>
internal sealed class ExecuteCommandHandler(RequestQueue queue, EvaluationScheduler scheduler, HistoryStore history, AiFixService fixes, ServerLifecycle lifecycle)
{
    [JsonRpcMethod(Methods.WorkspaceExecuteCommand, UseSingleObjectParameterDeserialization = true)]
    public async Task<object?> ExecuteCommandAsync(ExecuteCommandParams request, CancellationToken cancellationToken)
    {
        lifecycle.EnsureReady();
        var args = request.Arguments ?? [];
        var method = $"{Methods.WorkspaceExecuteCommand} {request.Command}";
        switch (request.Command)
        {
            case Commands.EvaluateSelection:
            {
                var uri = Argument<string>(request, args, 0, "uri");
                var range = Argument<Range>(request, args, 1, "range");
                var run = await queue.RunAsync(method, RequestAccess.Mutating, () => scheduler.BeginSelection(uri, range)).ConfigureAwait(false);
                return await run(cancellationToken).ConfigureAwait(false);
            }

            case Commands.EvaluateFile:
            {
                var uri = Argument<string>(request, args, 0, "uri");
                var run = await queue.RunAsync(method, RequestAccess.Mutating, () => scheduler.BeginFile(uri)).ConfigureAwait(false);
                return await run(cancellationToken).ConfigureAwait(false);
            }

            case Commands.Rerun:
            {
                var id = Argument<long>(request, args, 0, "historyId");
                var run = await queue.RunAsync(method, RequestAccess.Mutating, () => scheduler.BeginRerun(id)).ConfigureAwait(false);
                return await run(cancellationToken).ConfigureAwait(false);
            }

            case Commands.ShowReport:
            {
                var id = Argument<long>(request, args, 0, "historyId");
                return await queue.RunAsync(method, RequestAccess.ReadOnly, () => Report(id)).ConfigureAwait(false);
            }

            case Commands.ShowRemediation:
                var cwe = Argument<string>(request, args, 0, "cwe");
                var language = args.Count > 1 && args[1].ValueKind == JsonValueKind.String ? args[1].GetString() : null;
                try
                {
                    var markdown = Remediation.Markdown(cwe, language);
                    return new MarkdownResult(markdown) { Html = ReportHtml.Render(markdown), Title = $"How to fix {cwe.Trim().ToUpperInvariant()}" };
                }
                catch (ArgumentException ex)
                {
                    throw new LocalRpcException($"{request.Command}: {ex.Message}") { ErrorCode = -32602 };
                }

            case Commands.FixWithAi:
                return await fixes.FixAsync(Argument<long>(request, args, 0, "historyId"), cancellationToken).ConfigureAwait(false);
            default:
                throw new LocalRpcException($"Unknown command '{request.Command}'. Known commands: {string.Join(", ", Commands.All)}.") { ErrorCode = -32602 };
        }
    }

    private MarkdownResult Report(long historyId)
    {
        var record = history.Get(historyId) ?? throw EvaluationScheduler.NoEntry(historyId);
        var markdown = ReportRenderer.Render(record with { Summary = record.Summary with { Id = historyId } });
        return new MarkdownResult(markdown) { Html = ReportHtml.Render(markdown), Title = $"DualGauge report #{historyId}: {record.Summary.Headline}", HistoryId = historyId };
    }

    private static T Argument<T>(ExecuteCommandParams request, IReadOnlyList<JsonElement> args, int index, string name)
    {
        if (index >= args.Count)
        {
            throw new LocalRpcException($"{request.Command}: argument {index} ({name}) is missing.") { ErrorCode = -32602 };
        }

        try
        {
            return args[index].Deserialize<T>(ProtocolJson.Options) ?? throw new JsonException("null");
        }
        catch (JsonException ex)
        {
            throw new LocalRpcException($"{request.Command}: argument {index} ({name}) must be a {typeof(T).Name}: {ex.Message}") { ErrorCode = -32602 };
        }
    }
}
