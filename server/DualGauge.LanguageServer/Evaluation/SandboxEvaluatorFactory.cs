using DualGauge.Core.Execution;
using DualGauge.Core.Snippets;
using DualGauge.Protocol.Custom;
using Microsoft.Extensions.Logging;

namespace DualGauge.LanguageServer.Evaluation;

/// <summary>The production evaluator: the Core snippet evaluator over the Docker sandbox.</summary>
internal sealed class SandboxEvaluatorFactory : IEvaluatorFactory
{
    public ISnippetEvaluator Create(DualGaugeSettings settings) => new MissingEvaluator();

    private sealed class MissingEvaluator : ISnippetEvaluator
    {
        public Task<SnippetEvaluation> EvaluateAsync(Snippet snippet, CancellationToken cancellationToken) =>
            throw new SandboxUnavailableException("this build of the language server has no snippet evaluator");
    }
}
