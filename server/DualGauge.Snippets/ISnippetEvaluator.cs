using DualGauge.Core.Tasks;
using DualGauge.Core.Verdicts;

namespace DualGauge.Snippets;

/// <summary>How a snippet came to be evaluated.</summary>
public enum SnippetSource
{
    /// <summary>The developer asked (Evaluate Selection / Evaluate File).</summary>
    Selection,
    /// <summary>An inline suggestion (e.g. Copilot ghost text) was accepted.</summary>
    InlineSuggestion,
    /// <summary>Code inserted from a chat answer.</summary>
    ChatInsert,
    /// <summary>A large single insertion (paste or generated edit).</summary>
    LargeInsertion,
    /// <summary>The document was saved with evaluate-on-save enabled.</summary>
    Save,
}

/// <summary>A region of a document to evaluate. Lines are 0-based and inclusive.</summary>
/// <param name="DocumentText">The whole document, so the evaluator can widen the range and keep imports.</param>
public sealed record Snippet(
    string DocumentUri,
    Language Language,
    string DocumentText,
    int StartLine,
    int EndLine,
    SnippetSource Source)
{
    /// <summary>False: a bare <c>dualgauge-ignore</c> marker does not skip the function (<c>check --ignore-markers</c>).</summary>
    public bool HonourIgnoreMarker { get; init; } = true;
}

/// <summary>What the evaluator decided the snippet is, and how sure it is.</summary>
public enum MatchKind
{
    /// <summary>The snippet implements a bench task's entry point and contract: the task's full dual tests run.</summary>
    BenchTask,
    /// <summary>A template keyed on what the code does (shell, SQL, paths...): generated probes run.</summary>
    Template,
    /// <summary>Nothing fits; no verdict is given.</summary>
    None,
}

/// <param name="TemplateId">The bench task id or template id, or null for <see cref="MatchKind.None"/>.</param>
/// <param name="Confidence">0..1.</param>
/// <param name="Reason">Why this template was chosen (or why nothing fits), shown to the user.</param>
/// <param name="FunctionName">The function under test.</param>
public sealed record TemplateMatch(MatchKind Kind, string? TemplateId, double Confidence, string Reason, string? FunctionName);

/// <summary>One failed test, placed in the document.</summary>
/// <param name="Line">0-based document line of the evidence (the sink for security failures), if known.</param>
/// <param name="RelatedLine">0-based document line of the sink when <paramref name="Line"/> is the function header.</param>
public sealed record SnippetFinding(
    TestKind Kind,
    string TestId,
    string? Cwe,
    string Message,
    int? Line,
    int? RelatedLine,
    string? Expected,
    string? Actual)
{
    /// <summary>
    /// For security findings, the path the attacker's value took through the function, in document order: where
    /// the input is read, each line that builds a value from it, and the sink. Locations only (chosen by reading
    /// the code); the finding itself comes from the executed probe.
    /// </summary>
    public IReadOnlyList<FindingStep> Steps { get; init; } = [];

    /// <summary>For security findings, the input the probe put its payload in (a parameter, a request field), when known.</summary>
    public string? Input { get; init; }
}

/// <summary>One step of a finding's path: a 0-based document line and what happens there.</summary>
public sealed record FindingStep(int Line, string Description);

/// <summary>The result of evaluating one snippet.</summary>
/// <param name="StartLine">The widened range actually evaluated (0-based, inclusive).</param>
/// <param name="Code">The code actually evaluated (the widened functions).</param>
/// <param name="CodeHash">SHA-256 of <paramref name="Code"/>, hex.</param>
/// <param name="Verdict">The sample verdict, or null when nothing matched.</param>
public sealed record SnippetEvaluation(
    Snippet Snippet,
    int StartLine,
    int EndLine,
    string Code,
    string CodeHash,
    TemplateMatch Match,
    SampleVerdict? Verdict,
    IReadOnlyList<SnippetFinding> Findings,
    DateTimeOffset EvaluatedAt)
{
    /// <summary>What the verdict rests on, in the words every view shows ("behaviour not checked", "not judged: ...").</summary>
    public SnippetAssessment Assessment { get; init; } = SnippetAssessment.NotJudged(Match.Reason);
}

/// <summary>Widens a snippet to its enclosing function(s), matches it to a template, runs it in the sandbox and judges it.</summary>
public interface ISnippetEvaluator
{
    /// <exception cref="Execution.SandboxUnavailableException">The sandbox cannot be reached.</exception>
    Task<SnippetEvaluation> EvaluateAsync(Snippet snippet, CancellationToken cancellationToken);
}
