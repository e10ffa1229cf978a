using System.Text.Json.Serialization;

namespace DualGauge.Snippets.Checking;

/// <summary>What a checked function came to, worst first. The gate (<c>--fail-on</c>) reads these.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CheckVerdict>))]
public enum CheckVerdict
{
    /// <summary>The code interfered with the harness (forged or hid evidence): never a pass.</summary>
    Tampered,
    /// <summary>An executed probe showed a weakness that no marker or baseline accepts.</summary>
    Insecure,
    /// <summary>Its tests or examples failed, or a smoke run hit a programming error.</summary>
    Broken,
    /// <summary>A template or task matched but nothing could decide (setup error, the input never reached the code).</summary>
    NotJudged,
    /// <summary>No task or template fits the function: nothing was run, nothing is claimed.</summary>
    NotMatched,
    /// <summary>A bare <c>dualgauge-ignore</c> marker skipped the function (unless <c>--ignore-markers</c>): listed, never run.</summary>
    Ignored,
    /// <summary>Every finding is accepted by an inline marker or the baseline.</summary>
    Accepted,
    /// <summary>Probes reached the code and it resisted, for the CWE classes listed.</summary>
    Secure,
}

/// <summary>Where an accepted finding's acceptance comes from.</summary>
/// <param name="Kind"><c>inline</c> (a <c>dualgauge-ignore[CWE-N]: reason</c> marker) or <c>baseline</c>.</param>
public sealed record FindingSuppression(string Kind, string Reason);

/// <summary>One failed test of a checked function, at its place in the file (1-based lines).</summary>
/// <param name="Kind"><c>security</c>, <c>functional</c> or <c>tampered</c>.</param>
/// <param name="RuleId">The CWE for security findings, else e.g. <c>functional/failed</c>.</param>
/// <param name="Fingerprint">Stable across commits and line moves: file, function, rule and the sink line's text.</param>
public sealed record CheckFinding(
    string Kind,
    string RuleId,
    string TestId,
    string Message,
    int Line,
    IReadOnlyList<CheckStep> Steps,
    string? Expected,
    string? Actual,
    string Fingerprint)
{
    public FindingSuppression? Suppression { get; init; }
}

/// <summary>A step of a finding's path (1-based line).</summary>
public sealed record CheckStep(int Line, string Description);

/// <summary>A suppression marker found in a function: honoured when it has a reason.</summary>
public sealed record SuppressionMarker(int Line, IReadOnlyList<string> Cwes, string? Reason)
{
    public bool Honoured => !string.IsNullOrWhiteSpace(Reason);
}

/// <summary>The verdict on one function, with everything it rests on.</summary>
/// <param name="Line">1-based line of the function's header.</param>
/// <param name="Match">"bench task", "template" or "none".</param>
/// <param name="MatchedId">The bench task or template ids.</param>
/// <param name="Failure">The sample's failure as a whole (compile error, timeout...), or null.</param>
public sealed record CheckedFunction(
    string Path,
    string Language,
    string Function,
    int Line,
    int EndLine,
    CheckVerdict Verdict,
    string Match,
    string? MatchedId,
    string MatchReason,
    string Functional,
    string FunctionalDetail,
    string Security,
    string SecurityDetail,
    IReadOnlyList<string> CwesTested,
    IReadOnlyList<string> CwesFound,
    int Probes,
    int ProbesReached,
    string? Failure,
    IReadOnlyList<CheckFinding> Findings,
    IReadOnlyList<SuppressionMarker> Markers,
    bool Cached,
    double Seconds);

/// <summary>The whole check: what was read, each function's verdict, and what was skipped.</summary>
public sealed record CheckReport(
    string Tool,
    string Version,
    string Root,
    string Scope,
    string? Revision,
    string? SandboxImage,
    DateTimeOffset StartedAt,
    double Seconds,
    IReadOnlyList<CheckedFunction> Functions,
    IReadOnlyList<SkippedFile> Skipped,
    int SandboxJobs,
    int CacheHits)
{
    public int Count(CheckVerdict verdict) => Functions.Count(f => f.Verdict == verdict);
}
