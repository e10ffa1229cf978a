using System.Text;
using DualGauge.Ai.Blinding;
using DualGauge.Ai.Generation;
using DualGauge.Ai.Models;
using DualGauge.Core.Evaluation;
using DualGauge.Snippets;
using DualGauge.Core.Tasks;
using DualGauge.Core.Traces;
using DualGauge.Core.Verdicts;
using Microsoft.Extensions.AI;

namespace DualGauge.Ai.Fixes;

/// <summary>
/// Replace whole lines <see cref="StartLine"/>..<see cref="EndLine"/> (0-based, inclusive) of the document with
/// <see cref="NewText"/> (which ends with a line break). In LSP terms: range (StartLine, 0) to (EndLine + 1, 0),
/// or, when EndLine is the document's last line, to the end of that line. <see cref="NewDocumentText"/> is the
/// whole document after the edit, for clients that prefer to replace everything.
/// </summary>
public sealed record FixEdit(string DocumentUri, int StartLine, int EndLine, string NewText, string NewDocumentText);

/// <summary>One rewrite the model proposed, and what the dual tests said about it.</summary>
public sealed record FixAttempt(int Attempt, string? Code, string Outcome, IReadOnlyList<string> FailedTests);

/// <summary>
/// The result of "Fix with AI (verified)". <see cref="Edit"/> is set only when the rewrite passed every functional AND
/// every security test of the same dual tests that flagged the original; otherwise <see cref="Message"/> says what still fails.
/// </summary>
public sealed record FixOutcome(bool Verified, FixEdit? Edit, SnippetEvaluation? Evaluation, string Message, IReadOnlyList<FixAttempt> Attempts);

/// <summary>
/// Asks a model for a rewrite of a flagged snippet given its failing tests and their evidence, runs the rewrite through
/// the same dual tests in the sandbox, and offers the edit only when both functional and security pass.
/// </summary>
public sealed class VerifiedFixer(ModelCaller caller, ISnippetEvaluator evaluator, int maxAttempts = 2)
{
    /// <summary>How the outcome of a rewrite refused by <see cref="RewriteInspector"/> starts.</summary>
    public const string RejectedPrefix = "rejected: ";

    /// <summary>At most this many events of what the code did are shown per failing test.</summary>
    public const int EvidencePerTest = 3;

    public const string SystemPrompt =
        "You fix code that failed functional and/or security tests. Rewrite the given function(s) so that every test passes: keep the " +
        "function's name, parameters and behaviour on valid input, and remove the weakness the security tests exercise. Fix the cause in general, " +
        "not the one input a test uses. Answer with the complete rewritten function(s) in one fenced code block, with the imports they need at the " +
        "top of that block, and nothing else in code blocks: no other functions, no module-level code, no patching of modules or builtins " +
        "(such a rewrite is refused).";

    public async Task<FixOutcome> FixAsync(SnippetEvaluation original, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(original);
        if (original.Verdict is not { } verdict || original.Match.Kind == MatchKind.None || original.Match.FunctionName is not { } function)
        {
            return new FixOutcome(false, null, null, "nothing to fix: no dual tests matched this code (" + original.Match.Reason + ")", []);
        }

        if (verdict.JointPass)
        {
            return new FixOutcome(false, null, original, "nothing to fix: the code already passes every functional and security test", []);
        }

        var attempts = new List<FixAttempt>();
        var failing = verdict;
        var code = original.Code;
        for (var attempt = 1; attempt <= Math.Max(1, maxAttempts); attempt++)
        {
            ModelAnswer answer;
            try
            {
                answer = await caller.AskAsync(
                    [new ChatMessage(ChatRole.System, SystemPrompt), new ChatMessage(ChatRole.User, Describe(original.Snippet.Language, function, code, failing, attempts))],
                    new ChatOptions { Temperature = 0.2f },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (ModelCallException ex)
            {
                attempts.Add(new FixAttempt(attempt, null, "the model could not be asked: " + ex.Message, []));
                break;
            }

            var extracted = CodeExtractor.Extract(answer.Text, original.Snippet.Language, function);
            if (extracted.Status != ExtractionStatus.Code || extracted.Code is null)
            {
                attempts.Add(new FixAttempt(attempt, extracted.Code, $"the answer had no code defining {function} ({extracted.Note})", []));
                continue;
            }

            // The glue rule for rewrites: only the flagged function(s) and their imports, nothing that shadows, patches or runs at
            // module level. A rewrite that breaks it is never run, so it can never be "verified"; it ends the loop.
            if (RewriteInspector.Inspect(original.Snippet.Language, original.Snippet.DocumentText, original.StartLine, original.EndLine, extracted.Code) is { } violation)
            {
                attempts.Add(new FixAttempt(attempt, extracted.Code, RejectedPrefix + violation, []));
                break;
            }

            var edit = BuildEdit(original, extracted.Code);
            var rewriteLines = edit.NewText.TrimEnd('\n').Split('\n').Length;
            var snippet = original.Snippet with
            {
                DocumentText = edit.NewDocumentText,
                StartLine = original.StartLine,
                EndLine = original.StartLine + rewriteLines - 1,
            };
            var evaluation = await evaluator.EvaluateAsync(snippet, cancellationToken).ConfigureAwait(false);
            if (evaluation.Match.Kind != original.Match.Kind || evaluation.Match.TemplateId != original.Match.TemplateId || evaluation.Verdict is null)
            {
                attempts.Add(new FixAttempt(attempt, extracted.Code,
                    $"the rewrite is no longer checked by the same tests (matched {evaluation.Match.TemplateId ?? "nothing"} instead of {original.Match.TemplateId})", []));
                continue;
            }

            var failed = evaluation.Verdict.FailedTests.Select(Label).ToList();
            if (evaluation.Verdict.FunctionalPass && evaluation.Verdict.SecurePass)
            {
                attempts.Add(new FixAttempt(attempt, extracted.Code, "passed every functional and security test", []));
                return new FixOutcome(true, edit, evaluation,
                    $"verified: the rewrite passes all {evaluation.Verdict.Tests.Count} tests of {original.Match.TemplateId} in the sandbox", attempts);
            }

            attempts.Add(new FixAttempt(attempt, extracted.Code, "still fails: " + string.Join("; ", failed), failed));
            failing = evaluation.Verdict;
            code = extracted.Code;
        }

        var last = attempts.LastOrDefault(a => a.FailedTests.Count > 0);
        var message = last is not null
            ? $"no verified fix after {attempts.Count} attempt(s); the best rewrite still fails {string.Join(", ", last.FailedTests)}"
            : $"no verified fix: {attempts.LastOrDefault()?.Outcome ?? "no attempt was made"}";
        return new FixOutcome(false, null, null, message, attempts);
    }

    /// <summary>Replaces the evaluated lines with the rewrite, re-indented to where the original function sat.</summary>
    internal static FixEdit BuildEdit(SnippetEvaluation original, string rewrite)
    {
        var doc = original.Snippet.DocumentText;
        var newline = doc.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = doc.Replace("\r\n", "\n").Split('\n').ToList();
        var endsWithNewline = doc.EndsWith('\n');
        if (endsWithNewline)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var start = Math.Clamp(original.StartLine, 0, Math.Max(0, lines.Count - 1));
        var end = Math.Clamp(original.EndLine, start, Math.Max(0, lines.Count - 1));
        var indent = new string(lines[start].TakeWhile(c => c is ' ' or '\t').ToArray());
        var rewriteLines = rewrite.Replace("\r\n", "\n").TrimEnd('\n').Split('\n')
            .Select(l => indent.Length > 0 && l.Length > 0 && !l.StartsWith(indent, StringComparison.Ordinal) ? indent + l : l)
            .ToList();
        var newLines = lines.Take(start).Concat(rewriteLines).Concat(lines.Skip(end + 1)).ToList();
        var newDocument = string.Join(newline, newLines) + (endsWithNewline ? newline : "");
        var newText = string.Join(newline, rewriteLines) + newline;
        return new FixEdit(original.Snippet.DocumentUri, start, end, newText, newDocument);
    }

    /// <summary>
    /// What the model reads: the code, and for each failing test its id, kind, CWE, description and attack (the issue text of
    /// the test's spec) and up to <see cref="EvidencePerTest"/> blind events of what the code did in it. Not sent: the result
    /// message (an oracle's finding quotes the payload it looks for, a functional assertion the expected value), the findings,
    /// the events the oracles picked as evidence, the oracles' kinds and arguments, "why the oracles catch it", and anything about
    /// the tests that passed.
    /// </summary>
    internal static string Describe(Language language, string function, string code, SampleVerdict failing, IReadOnlyList<FixAttempt> tried)
    {
        var text = new StringBuilder();
        text.Append($"Language: {language.Id()}. Function to fix: `{function}`.\n\n```{language.Id()}\n{code.TrimEnd()}\n```\n\nFailing tests:\n");
        if (failing.Failure != SampleFailure.None)
        {
            text.Append($"- the code as a whole: {failing.Failure}: {failing.FailureDetail?.Split('\n')[0]}\n");
        }

        foreach (var test in failing.FailedTests)
        {
            text.Append($"- {Label(test)}: {test.Test.Description}");
            if (test.Test.Attacks is { } attacks)
            {
                text.Append($" Attack: {attacks}");
            }

            text.Append('\n');
            foreach (var evidence in Evidence(failing, test))
            {
                text.Append($"  evidence: {evidence}\n");
            }
        }

        if (tried.Count > 0)
        {
            text.Append("\nEarlier rewrites and why they were not accepted:\n");
            foreach (var a in tried)
            {
                text.Append($"- attempt {a.Attempt}: {a.Outcome}\n");
            }
        }

        return text.ToString();
    }

    /// <summary>What the code did in the test, from its own trace (monitored events first, then its calls), blind and described.</summary>
    private static IEnumerable<string> Evidence(SampleVerdict verdict, TestResult test)
    {
        var blind = BlindEvidence.Events(verdict.Trace.ForTest(test.Test.Id).Select(e => e.Data))
            .Select(e => new TraceEvent(e.GetProperty("ev").GetString()!, test.Test.Id, e, 0))
            .Where(e => TraceEventKinds.Monitored.Contains(e.Kind) || e.Kind == TraceEventKinds.Call)
            .OrderBy(e => e.Kind == TraceEventKinds.Call ? 1 : 0)
            .Take(EvidencePerTest);
        return blind.Select(e => e.Describe()).Select(d => BlindEvidence.Scrub(d.Length <= 400 ? d : d[..400] + "…"));
    }

    private static string Label(TestResult test) =>
        test.Kind == TestKind.Security ? $"{test.Test.Id} (security{(test.Test.Cwe is { } cwe ? ", " + cwe : "")})" : $"{test.Test.Id} (functional)";
}
