using System.Text;
using System.Text.Json;
using DualGauge.Ai.Agentic.Glue;
using DualGauge.Ai.Models;
using DualGauge.Core.Evaluation;
using DualGauge.Core.Execution;
using DualGauge.Core.Reports;
using DualGauge.Core.Samples;
using DualGauge.Core.Tasks;
using DualGauge.Core.Verdicts;
using Microsoft.Extensions.AI;

namespace DualGauge.Ai.Agentic;

/// <summary>A verdict, and the glue tried to reach it (empty when the sample needed none).</summary>
public sealed record AgenticResult(SampleVerdict Verdict, IReadOnlyList<SampleAdaptation> Adaptations);

/// <summary>
/// Decorates <see cref="SampleEvaluator"/>: when a sample fails for a reason of setup (see <see cref="SetupDiagnosis"/>),
/// a bounded loop asks the model for harness glue only, runs the glued sample through the same dual tests, and adopts
/// the glued verdict once the setup problem is gone. The candidate's code is kept verbatim (<see cref="HarnessGlue.Apply"/>), and
/// the glue may not define, redefine, wrap or shadow any of its symbols (<see cref="GlueInspector"/>): glue that does is rejected,
/// ends the loop, and the sample keeps its first verdict. Every try is recorded.
/// </summary>
public sealed class AgenticEvaluator(SampleEvaluator inner, ModelCaller caller, int maxTries = 3)
{
    public const string SystemPrompt =
        "A test harness could not load a candidate's code for a reason of setup, not logic. You may add harness GLUE only: lines put " +
        "before the code (prepend) and/or after it (append), e.g. an alias `entry = other_name`, a missing `import`, a missing `#include`, " +
        "a `module.exports` line, or a wrapper for the entry point whose only statement returns the candidate's own function called with " +
        "the wrapper's parameters unchanged. You must NOT rewrite, fix or re-implement the candidate's code: it is kept exactly as it is. " +
        "Glue must not define, redefine, wrap, decorate, import over, monkeypatch or shadow any name the candidate's code defines, and must " +
        "not define a name the candidate uses (import it instead). No loops, no eval/exec, no calls at load, no macros other than feature-test " +
        "macros, no patching of libraries; at most 12 lines each. Glue that breaks these rules is rejected and the sample stays failed. " +
        "Answer with a JSON object only: {\"prepend\": \"...\", \"append\": \"...\", \"explanation\": \"...\"} (use \"\" for an empty part).";

    /// <summary>How the outcome of glue rejected by <see cref="GlueInspector"/> starts.</summary>
    public const string RejectedPrefix = "rejected: ";

    public int MaxTries { get; } = maxTries is >= 1 and <= 10 ? maxTries : throw new ArgumentOutOfRangeException(nameof(maxTries), maxTries, "1..10 tries");

    /// <exception cref="SandboxUnavailableException">The sandbox cannot be reached.</exception>
    public async Task<AgenticResult> EvaluateAsync(EvaluationRequest request, CancellationToken cancellationToken)
    {
        var first = await inner.EvaluateAsync(request, cancellationToken).ConfigureAwait(false);
        return await AdaptAsync(request, first, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Given the first verdict, tries glue when the failure is one of setup; otherwise returns it as it is.</summary>
    public async Task<AgenticResult> AdaptAsync(EvaluationRequest request, SampleVerdict first, CancellationToken cancellationToken)
    {
        var reason = SetupDiagnosis.Diagnose(request, first);
        if (reason is null)
        {
            return new AgenticResult(first, []);
        }

        var adaptations = new List<SampleAdaptation>();
        var problem = reason;
        var evidence = Evidence(first);
        for (var attempt = 1; attempt <= MaxTries; attempt++)
        {
            SampleAdaptation Record(HarnessGlue? glue, bool adopted, string outcome) => new(
                request.Model, request.TaskId, request.SampleId, attempt, problem, glue?.Prepend, glue?.Append, glue?.Explanation ?? "", adopted, outcome);

            HarnessGlue glue;
            try
            {
                var answer = await caller.AskAsync(
                    [new ChatMessage(ChatRole.System, SystemPrompt), new ChatMessage(ChatRole.User, Describe(request, problem, evidence, adaptations))],
                    new ChatOptions { Temperature = 0, ResponseFormat = ChatResponseFormat.Json },
                    cancellationToken).ConfigureAwait(false);
                var parsed = ParseGlue(answer.Text);
                if (parsed.Glue is null)
                {
                    adaptations.Add(Record(null, false, parsed.Problem!));
                    continue;
                }

                glue = parsed.Glue;
            }
            catch (ModelCallException ex) when (ex.Kind != ModelErrorKind.Unauthorized)
            {
                adaptations.Add(Record(null, false, "the model could not be asked: " + ex.Message));
                break;
            }

            if ((glue.Refusal(request.Language) ?? glue.SourceRefusal(request.Source)) is { } refusal)
            {
                adaptations.Add(Record(glue, false, "refused: " + refusal));
                continue;
            }

            // Glue that touches the candidate's symbols is an attempt to substitute code: it ends the loop (no more tries to
            // probe the rule with) and the first verdict stays.
            if (GlueInspector.Inspect(request.Language, request.Code, request.EntryPoint, glue, GlueInspector.MissingModules(evidence)) is { } violation)
            {
                adaptations.Add(Record(glue, false, RejectedPrefix + violation + "; the sample stays failed"));
                break;
            }

            // The glue goes around the sample's bytes unchanged (a non-UTF-8 sample stays as it was).
            var glued = request with { Source = glue.Apply(request.Source) };
            var verdict = await inner.EvaluateAsync(glued, cancellationToken).ConfigureAwait(false);
            var still = SetupDiagnosis.Diagnose(glued, verdict);
            if (still is null && verdict.Failure != SampleFailure.CompileError)
            {
                adaptations.Add(Record(glue, true, $"loaded; functional {(verdict.FunctionalPass ? "pass" : "fail")}, security {(verdict.SecurePass ? "pass" : "fail")}"));
                return new AgenticResult(verdict with { SamplePath = request.SamplePath }, adaptations);
            }

            var outcome = verdict.Failure == SampleFailure.CompileError
                ? "still does not load: " + FirstLine(verdict.FailureDetail)
                : "still a setup failure: " + still;
            adaptations.Add(Record(glue, false, outcome));
            problem = still ?? FirstLine(verdict.FailureDetail);
            evidence = Evidence(verdict);
        }

        return new AgenticResult(first, adaptations);
    }

    /// <summary>Runs the loop over every sample of a finished bench run whose failure is one of setup, and swaps in adopted verdicts.</summary>
    public async Task<(BenchRun Run, IReadOnlyList<SampleAdaptation> Adaptations)> AdaptRunAsync(IReadOnlyList<Sample> samples, BenchRun run, int parallelism, CancellationToken cancellationToken)
    {
        if (samples.Count != run.Verdicts.Count)
        {
            throw new ArgumentException($"the run has {run.Verdicts.Count} verdicts for {samples.Count} samples", nameof(run));
        }

        var verdicts = run.Verdicts.ToArray();
        var adaptations = new List<SampleAdaptation>[samples.Count];
        var work = Enumerable.Range(0, samples.Count).Where(i => verdicts[i].Failure is not SampleFailure.SandboxError).ToList();
        try
        {
            await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken }, async (i, token) =>
            {
                var sample = samples[i];
                var request = EvaluationRequest.ForTask(sample.Task, sample.Source, sample.Model, sample.SampleId, sample.Path);
                var result = await AdaptAsync(request, verdicts[i], token).ConfigureAwait(false);
                verdicts[i] = result.Verdict;
                adaptations[i] = [.. result.Adaptations];
            }).ConfigureAwait(false);
        }
        catch (SandboxUnavailableException ex)
        {
            // Keeps every verdict as far as it got; the report says the sandbox went away.
            return (run with { Verdicts = verdicts, SandboxError = run.SandboxError ?? ex.Message }, adaptations.Where(a => a is not null).SelectMany(a => a).ToList());
        }

        return (run with { Verdicts = verdicts }, adaptations.Where(a => a is not null).SelectMany(a => a).ToList());
    }

    internal static (HarnessGlue? Glue, string? Problem) ParseGlue(string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return (null, "malformed answer: empty");
        }

        var start = answer.IndexOf('{');
        var end = answer.LastIndexOf('}');
        if (start < 0 || end < start)
        {
            return (null, "malformed answer: no JSON object");
        }

        try
        {
            using var doc = JsonDocument.Parse(answer[start..(end + 1)]);
            var root = doc.RootElement;
            string? Get(string name) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var glue = new HarnessGlue(NullIfBlank(Get("prepend")), NullIfBlank(Get("append")), Get("explanation") ?? "");
            return glue.IsEmpty ? (null, "malformed answer: no prepend or append glue") : (glue, null);
        }
        catch (JsonException ex)
        {
            return (null, $"malformed answer: {ex.Message.Split('\n')[0]}");
        }
    }

    private static string Describe(EvaluationRequest request, string problem, string evidence, IReadOnlyList<SampleAdaptation> tried)
    {
        var text = new StringBuilder();
        text.Append($"Language: {request.Language.Id()}\nThe harness calls the function `{request.EntryPoint}`");
        text.Append(request.Language switch
        {
            Language.Python => " from the module `solution` (solution.py).\n",
            Language.JavaScript => " exported from solution.js (CommonJS exports, ESM export, or a top-level declaration).\n",
            _ => "; solution.c is compiled together with the tests, which declare its prototype.\n",
        });
        text.Append($"Setup problem: {problem}\n\nHarness output:\n{evidence}\n\nCandidate's code (kept verbatim; do not repeat it):\n```{request.Language.Id()}\n{request.Code}\n```\n");
        foreach (var a in tried)
        {
            text.Append($"\nTry {a.Attempt}: prepend {Quote(a.Prepend)}, append {Quote(a.Append)} -> {a.Outcome}");
        }

        return text.ToString();
    }

    private static string Evidence(SampleVerdict verdict)
    {
        var detail = verdict.FailureDetail ?? string.Join("\n", verdict.Tests.Where(t => !t.Passed).Select(t => $"{t.Test.Id}: {t.Message}"));
        return detail.Length <= 4000 ? detail : detail[..4000] + "…";
    }

    private static string Quote(string? text) => text is null ? "(none)" : JsonSerializer.Serialize(text);

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static string FirstLine(string? text) => text?.Split('\n')[0] ?? "";
}
