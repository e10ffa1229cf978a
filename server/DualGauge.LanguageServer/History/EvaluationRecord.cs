using System.Text.Json.Serialization;
using DualGauge.Protocol.Custom;

namespace DualGauge.LanguageServer.History;

/// <summary>Everything about one evaluation beyond its summary, stored as JSON in the history database.</summary>
internal sealed record EvaluationDetails
{
    [JsonPropertyName("matchReason")] public required string MatchReason { get; init; }
    /// <summary>The evaluated lines of the document, exactly; findings are restored only where these lines still stand.</summary>
    [JsonPropertyName("functionText")] public string FunctionText { get; init; } = "";
    [JsonPropertyName("functionName")] public string? FunctionName { get; init; }
    /// <summary>The functional words: "works (its own examples)", "behaviour not checked (smoke run only)", "not judged".</summary>
    [JsonPropertyName("works")] public string? Works { get; init; }
    [JsonPropertyName("worksDetail")] public string? WorksDetail { get; init; }
    /// <summary>The security words: "insecure: CWE-89", "secure against CWE-89 (2 of 2 probes reached the code)", "not judged".</summary>
    [JsonPropertyName("secure")] public string? Secure { get; init; }
    [JsonPropertyName("secureDetail")] public string? SecureDetail { get; init; }
    [JsonPropertyName("cwesTested")] public IReadOnlyList<string> CwesTested { get; init; } = [];
    [JsonPropertyName("probesReached")] public int ProbesReached { get; init; }
    [JsonPropertyName("probes")] public int Probes { get; init; }
    [JsonPropertyName("failure")] public string? Failure { get; init; }
    [JsonPropertyName("tests")] public IReadOnlyList<HistoryTest> Tests { get; init; } = [];
    [JsonPropertyName("findings")] public IReadOnlyList<HistoryFinding> Findings { get; init; } = [];
    [JsonPropertyName("evidence")] public IReadOnlyList<string> Evidence { get; init; } = [];
    [JsonPropertyName("traceLines")] public IReadOnlyList<string> TraceLines { get; init; } = [];
    [JsonPropertyName("traceTruncated")] public bool TraceTruncated { get; init; }
    [JsonPropertyName("stderr")] public string? Stderr { get; init; }
    [JsonPropertyName("durationMs")] public double DurationMs { get; init; }

    /// <summary>The document as evaluated, kept (when not huge) so a rerun reproduces it after the file changed or closed.</summary>
    [JsonPropertyName("documentText")] public string? DocumentText { get; init; }
    [JsonPropertyName("snippetStartLine")] public int SnippetStartLine { get; init; }
    [JsonPropertyName("snippetEndLine")] public int SnippetEndLine { get; init; }
    [JsonPropertyName("snippetSource")] public string SnippetSource { get; init; } = "";
}

/// <summary>One row of the history: the summary the client lists plus the details and code.</summary>
internal sealed record EvaluationRecord(HistoryEntrySummary Summary, string Code, EvaluationDetails Details);

/// <summary>An evaluation as written: its summary with the id, the findings placed for it, its CodeLens text, and whether it updated an earlier entry.</summary>
internal sealed record StoredEvaluation(HistoryEntrySummary Summary, IReadOnlyList<DualGauge.Protocol.Diagnostics.Diagnostic> Diagnostics, string Lens, bool Updated);

/// <summary>What a reopened document needs to show an entry's findings again: the exact lines it judged, and the findings placed against <paramref name="BaseLine"/>.</summary>
internal sealed record RestorableFindings(long Id, string FunctionText, IReadOnlyList<DualGauge.Protocol.Diagnostics.Diagnostic> Diagnostics, int BaseLine, string? Lens, int StartLine, int EndLine)
{
    public IReadOnlyList<Documents.VerifiedFix> VerifiedFixes { get; init; } = [];
}
