using System.Security.Cryptography;
using System.Text;
using DualGauge.Core.Evaluation;
using DualGauge.Core.Execution;
using DualGauge.Snippets.Widening;
using DualGauge.Core.Tasks;

namespace DualGauge.Snippets;

/// <summary>
/// Evaluates an editor snippet: widens it to whole functions, matches a bench task or probe templates,
/// runs the dual tests in the sandbox, judges the trace with the oracles and maps failures to document lines.
/// </summary>
public sealed class SnippetEvaluator : ISnippetEvaluator
{
    /// <summary>Snippet jobs use a shorter per-test limit than bench runs: editors wait for them.</summary>
    public static EvaluationOptions DefaultOptions { get; } = new()
    {
        TestTimeout = TimeSpan.FromSeconds(2),
        LoadAllowance = TimeSpan.FromSeconds(10),
    };

    private readonly SampleEvaluator evaluator;
    private readonly Func<IReadOnlyList<BenchTask>> tasks;
    private readonly TimeProvider time;

    public SnippetEvaluator(ISandbox sandbox, IReadOnlyList<BenchTask> tasks, EvaluationOptions? options = null, TimeProvider? time = null)
        : this(sandbox, () => tasks, options, time)
    {
    }

    /// <param name="tasks">Read on every evaluation, so a reloaded catalog takes effect.</param>
    public SnippetEvaluator(ISandbox sandbox, Func<IReadOnlyList<BenchTask>> tasks, EvaluationOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        evaluator = new SampleEvaluator(sandbox, options ?? DefaultOptions);
        this.tasks = tasks ?? throw new ArgumentNullException(nameof(tasks));
        this.time = time ?? TimeProvider.System;
    }

    /// <summary>Widens and matches without running anything: what <see cref="EvaluateAsync"/> would run.</summary>
    public SnippetPreparation Prepare(Snippet snippet)
    {
        ArgumentNullException.ThrowIfNull(snippet);
        var lineCount = SourceMask.Lines(snippet.DocumentText).Length;
        if (snippet.StartLine < 0 || snippet.EndLine < 0 || Math.Min(snippet.StartLine, snippet.EndLine) >= Math.Max(1, lineCount))
        {
            throw new ArgumentOutOfRangeException(nameof(snippet),
                $"snippet range {snippet.StartLine}-{snippet.EndLine} of {snippet.DocumentUri} is outside the document ({lineCount} lines)");
        }

        var widened = SnippetWidener.Widen(snippet.Language, snippet.DocumentText, snippet.StartLine, Math.Min(snippet.EndLine, lineCount - 1), snippet.HonourIgnoreMarker, out var reason);
        if (widened is null)
        {
            return new SnippetPreparation(snippet, null, new SnippetPlan(new TemplateMatch(MatchKind.None, null, 0, reason!, null), null, []));
        }

        return new SnippetPreparation(snippet, widened, SnippetPlanner.Plan(widened, tasks(), snippet.Language));
    }

    public async Task<SnippetEvaluation> EvaluateAsync(Snippet snippet, CancellationToken cancellationToken)
    {
        var prepared = Prepare(snippet);
        var widened = prepared.Widened;
        var code = widened?.Code ?? "";
        var start = widened?.StartLine ?? Math.Min(snippet.StartLine, snippet.EndLine);
        var end = widened?.EndLine ?? Math.Max(snippet.StartLine, snippet.EndLine);
        if (prepared.Plan.Request is not { } request || widened is null)
        {
            return new SnippetEvaluation(snippet, start, end, code, Hash(code), prepared.Plan.Match, null, [], time.GetUtcNow())
            {
                Assessment = SnippetAssessor.Assess(prepared.Plan, null),
            };
        }

        var plan = prepared.Plan;
        var verdict = await evaluator.EvaluateAsync(request, cancellationToken).ConfigureAwait(false);
        if (plan.Match.Kind == MatchKind.BenchTask && NotItsContract(verdict))
        {
            // Same name, different contract: every functional test of the task failed and no security test found
            // anything, so the task's tests say nothing about this code. Probe it with the templates instead.
            var fallback = SnippetPlanner.Plan(widened, [], snippet.Language);
            if (fallback.Request is { } templateRequest)
            {
                var why = $"{plan.Match.FunctionName} has the name of bench task {plan.Match.TemplateId} but failed all its functional tests (another contract); probed by templates instead: ";
                plan = fallback with { Match = fallback.Match with { Reason = why + fallback.Match.Reason, Confidence = fallback.Match.Confidence * 0.8 } };
                verdict = await evaluator.EvaluateAsync(templateRequest, cancellationToken).ConfigureAwait(false);
            }
        }

        var findings = SnippetFindings.Map(verdict, widened, plan);
        var assessment = SnippetAssessor.Assess(plan, verdict);
        return new SnippetEvaluation(snippet, start, end, code, Hash(code), plan.Match, verdict, findings, time.GetUtcNow())
        {
            // The details cite document lines, never the sample's file or the sandbox's folders.
            Assessment = assessment with
            {
                FunctionalDetail = SnippetFindings.Clean(assessment.FunctionalDetail, widened),
                SecurityDetail = SnippetFindings.Clean(assessment.SecurityDetail, widened),
            },
        };
    }

    private static bool NotItsContract(Core.Verdicts.SampleVerdict verdict)
    {
        var functional = verdict.Tests.Where(t => t.Kind == TestKind.Functional).ToList();
        return verdict.Failure == Core.Verdicts.SampleFailure.None && functional.Count > 0 && functional.All(t => !t.Passed)
            && verdict.Tests.Where(t => t.Kind == TestKind.Security).All(t => t.Findings.Count == 0);
    }

    internal static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}

/// <summary>A snippet widened and matched, ready to run (or explained when nothing fits).</summary>
public sealed record SnippetPreparation(Snippet Snippet, WidenedSnippet? Widened, SnippetPlan Plan);
