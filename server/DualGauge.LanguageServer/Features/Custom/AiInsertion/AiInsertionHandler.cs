using DualGauge.LanguageServer.Evaluation;
using DualGauge.Protocol;
using DualGauge.Protocol.Custom;
using StreamJsonRpc;

namespace DualGauge.LanguageServer.Features.Custom.AiInsertion;

/// <summary>dualgauge/aiInsertion: the client saw AI-generated code land in a document.</summary>
internal sealed class AiInsertionHandler(SnippetWorkspace workspace)
{
    [JsonRpcMethod(Methods.DualGaugeAiInsertion, UseSingleObjectParameterDeserialization = true)]
    public void AiInsertion(AiInsertionParams request) => workspace.AiInsertion(request);
}
