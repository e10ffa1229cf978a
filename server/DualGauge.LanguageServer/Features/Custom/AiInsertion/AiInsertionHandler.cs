using DualGauge.LanguageServer.Evaluation;
using DualGauge.LanguageServer.Server;
using DualGauge.Protocol;
using DualGauge.Protocol.Custom;
using StreamJsonRpc;

namespace DualGauge.LanguageServer.Features.Custom.AiInsertion;

/// <summary>dualgauge/aiInsertion: the client saw AI-generated code land in a document. Tracks a region (mutating); the evaluation runs after the debounce.</summary>
internal sealed class AiInsertionHandler(RequestQueue queue, EvaluationScheduler scheduler)
{
    [JsonRpcMethod(Methods.DualGaugeAiInsertion, UseSingleObjectParameterDeserialization = true)]
    public Task AiInsertion(AiInsertionParams request) =>
        queue.RunAsync(Methods.DualGaugeAiInsertion, RequestAccess.Mutating, () => scheduler.AiInsertion(request));
}
