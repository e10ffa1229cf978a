using System.Text.Json;
using DualGauge.LanguageServer.Evaluation;
using DualGauge.LanguageServer.Fixes;
using DualGauge.LanguageServer.Reports;
using DualGauge.LanguageServer.Server;
using DualGauge.Protocol;
using DualGauge.Protocol.Basic;
using DualGauge.Protocol.Custom;
using DualGauge.Protocol.Workspace;
using StreamJsonRpc;

namespace DualGauge.LanguageServer.Features.Workspace;

/// <summary>workspace/executeCommand for the commands the server advertises.</summary>
internal sealed class ExecuteCommandHandler(SnippetWorkspace workspace, AiFixService fixes, ServerLifecycle lifecycle)
{
    [JsonRpcMethod(Methods.WorkspaceExecuteCommand, UseSingleObjectParameterDeserialization = true)]
    public async Task<object?> ExecuteCommandAsync(ExecuteCommandParams request, CancellationToken cancellationToken)
    {
        lifecycle.EnsureReady();
        var args = request.Arguments ?? [];
        switch (request.Command)
        {
            case Commands.EvaluateSelection:
                return await workspace.EvaluateSelectionAsync(Argument<string>(request, args, 0, "uri"), Argument<Range>(request, args, 1, "range"), cancellationToken).ConfigureAwait(false);
            case Commands.EvaluateFile:
                return await workspace.EvaluateFileAsync(Argument<string>(request, args, 0, "uri"), cancellationToken).ConfigureAwait(false);
            case Commands.Rerun:
                return await workspace.RerunAsync(Argument<long>(request, args, 0, "historyId"), cancellationToken).ConfigureAwait(false);
            case Commands.ShowReport:
                return workspace.Report(Argument<long>(request, args, 0, "historyId"));
            case Commands.ShowRemediation:
                var cwe = Argument<string>(request, args, 0, "cwe");
                try
                {
                    return new MarkdownResult(Remediation.Markdown(cwe));
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
