using System.Text.Json.Serialization;
using DualGauge.Protocol.Basic;

namespace DualGauge.Protocol.Custom;

/// <summary><c>initializationOptions</c> of <c>initialize</c>.</summary>
public sealed record InitializationOptions
{
    /// <summary>Folder for the history database and the logs.</summary>
    [JsonPropertyName("storagePath"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? StoragePath { get; init; }
    [JsonPropertyName("settings"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DualGaugeSettings? Settings { get; init; }
}

/// <summary>The "dualgauge" settings section. Missing values take the defaults below.</summary>
public sealed record DualGaugeSettings
{
    public const string Section = "dualgauge";

    [JsonPropertyName("dockerHost"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? DockerHost { get; init; }
    [JsonPropertyName("image"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Image { get; init; }
    [JsonPropertyName("autoEvaluateAiInsertions")] public bool AutoEvaluateAiInsertions { get; init; } = true;
    [JsonPropertyName("evaluateOnSave")] public bool EvaluateOnSave { get; init; }
    /// <summary>Code no test fits is a Hint (and a CodeLens) by default; true makes it an Information entry in the Problems panel.</summary>
    [JsonPropertyName("showUnmatchedInProblems")] public bool ShowUnmatchedInProblems { get; init; }
    [JsonPropertyName("timeoutMs")] public int TimeoutMs { get; init; } = 10000;
    [JsonPropertyName("languages")] public IReadOnlyList<string> Languages { get; init; } = ["python", "javascript", "c", "cpp"];
    /// <summary>Lines; a <c>largeInsertion</c> smaller than this is not evaluated.</summary>
    [JsonPropertyName("largeInsertionThreshold")] public int LargeInsertionThreshold { get; init; } = 8;
    [JsonPropertyName("debounceMs")] public int DebounceMs { get; init; } = 400;
    [JsonPropertyName("ai")] public AiSettings Ai { get; init; } = new();
}

/// <summary>
/// "Fix with AI (verified)". Off by default; nothing is sent anywhere unless it is enabled and an endpoint is set.
/// The API key is never a setting: the server reads DUALGAUGE_OPENAI_API_KEY, else OPENAI_API_KEY, from its environment.
/// </summary>
public sealed record AiSettings
{
    [JsonPropertyName("enabled")] public bool Enabled { get; init; }
    /// <summary>An OpenAI-compatible API base, e.g. <c>http://127.0.0.1:11434/v1</c>; else DUALGAUGE_OPENAI_ENDPOINT.</summary>
    [JsonPropertyName("endpoint"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Endpoint { get; init; }
    [JsonPropertyName("model"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Model { get; init; }
}

/// <summary>Result of <c>dualgauge.fixWithAi</c>: whether the verified rewrite was applied, and what happened.</summary>
public sealed record FixWithAiResult(
    [property: JsonPropertyName("applied")] bool Applied,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("failedTests")] IReadOnlyList<string> FailedTests);

/// <summary>The <c>source</c> values of <c>dualgauge/aiInsertion</c> and of history entries.</summary>
public static class InsertionSources
{
    public const string InlineSuggestion = "inlineSuggestion";
    public const string Chat = "chat";
    public const string LargeInsertion = "largeInsertion";
    public const string Selection = "selection";
    public const string File = "file";
    public const string Save = "save";
}

public sealed record AiInsertionParams(
    [property: JsonPropertyName("textDocument")] VersionedTextDocumentIdentifier TextDocument,
    [property: JsonPropertyName("range")] Range Range,
    [property: JsonPropertyName("source")] string Source);

public static class Verdicts
{
    public const string Secure = "secure";
    public const string Insecure = "insecure";
    public const string Broken = "broken";
    public const string NotMatched = "notMatched";
    /// <summary>Matched and run, but no probe reached the code (or only a smoke run passed): never "secure".</summary>
    public const string NotJudged = "notJudged";
    public const string Error = "error";
}

public static class MatchKinds
{
    public const string BenchTask = "benchTask";
    public const string Template = "template";
    public const string None = "none";
}

public sealed record HistoryEntrySummary
{
    [JsonPropertyName("id")] public required long Id { get; init; }
    /// <summary>ISO 8601.</summary>
    [JsonPropertyName("time")] public required string Time { get; init; }
    [JsonPropertyName("uri")] public required string Uri { get; init; }
    [JsonPropertyName("range")] public required Range Range { get; init; }
    [JsonPropertyName("source")] public required string Source { get; init; }
    [JsonPropertyName("language")] public required string Language { get; init; }
    [JsonPropertyName("template")] public required string? Template { get; init; }
    [JsonPropertyName("matchKind")] public required string MatchKind { get; init; }
    [JsonPropertyName("confidence")] public required double Confidence { get; init; }
    [JsonPropertyName("verdict")] public required string Verdict { get; init; }
    [JsonPropertyName("functionalPass")] public required bool? FunctionalPass { get; init; }
    [JsonPropertyName("securePass")] public required bool? SecurePass { get; init; }
    [JsonPropertyName("failedTests")] public required IReadOnlyList<string> FailedTests { get; init; }
    [JsonPropertyName("codeHash")] public required string CodeHash { get; init; }
    /// <summary>The evaluated function's name, when the code has one.</summary>
    [JsonPropertyName("function"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Function { get; init; }
    /// <summary>The CWEs a probe proved (insecure code).</summary>
    [JsonPropertyName("cwes")] public IReadOnlyList<string> Cwes { get; init; } = [];
    /// <summary>The CWE classes whose probes reached the code.</summary>
    [JsonPropertyName("cwesTested")] public IReadOnlyList<string> CwesTested { get; init; } = [];
    /// <summary>How many times the same code was evaluated again after this entry was first written.</summary>
    [JsonPropertyName("reruns")] public int Reruns { get; init; }
    /// <summary>CWEs a probe proved that a scoped marker in the function accepts, each with its reason: "CWE-89: codes come from our own vouchers".</summary>
    [JsonPropertyName("accepted")] public IReadOnlyList<string> Accepted { get; init; } = [];
    /// <summary>One line a person reads: "SQL injection (CWE-89) in find_user", "secure against CWE-89 · 3/3 tests".</summary>
    [JsonPropertyName("headline")] public string Headline { get; init; } = "";
    [JsonPropertyName("durationMs")] public double DurationMs { get; init; }
}

public sealed record HistoryTest(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("passed")] bool Passed,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("cwe")] string? Cwe,
    [property: JsonPropertyName("durationMs")] double DurationMs);

public sealed record HistoryFinding(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("testId")] string TestId,
    [property: JsonPropertyName("cwe")] string? Cwe,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("line")] int? Line,
    [property: JsonPropertyName("relatedLine")] int? RelatedLine,
    [property: JsonPropertyName("expected")] string? Expected,
    [property: JsonPropertyName("actual")] string? Actual);

/// <summary>One history entry in full (<c>dualgauge/history/get</c>).</summary>
public sealed record HistoryEntry
{
    [JsonPropertyName("summary")] public required HistoryEntrySummary Summary { get; init; }
    [JsonPropertyName("code")] public required string Code { get; init; }
    [JsonPropertyName("matchReason")] public required string MatchReason { get; init; }
    [JsonPropertyName("functionName"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? FunctionName { get; init; }
    [JsonPropertyName("failure"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Failure { get; init; }
    [JsonPropertyName("tests")] public required IReadOnlyList<HistoryTest> Tests { get; init; }
    [JsonPropertyName("findings")] public required IReadOnlyList<HistoryFinding> Findings { get; init; }
    /// <summary>One line per trace event an oracle cited.</summary>
    [JsonPropertyName("evidence")] public required IReadOnlyList<string> Evidence { get; init; }
    /// <summary>The raw trace (JSON lines), capped.</summary>
    [JsonPropertyName("traceLines")] public required IReadOnlyList<string> TraceLines { get; init; }
    [JsonPropertyName("traceTruncated")] public bool TraceTruncated { get; init; }
    [JsonPropertyName("report")] public required string Report { get; init; }
    /// <summary>The report as HTML, raw HTML in it escaped.</summary>
    [JsonPropertyName("reportHtml"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ReportHtml { get; init; }
}

public sealed record HistoryListParams
{
    [JsonPropertyName("offset"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Offset { get; init; }
    [JsonPropertyName("limit"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Limit { get; init; }
    [JsonPropertyName("uri"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Uri { get; init; }
    [JsonPropertyName("verdict"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Verdict { get; init; }
    [JsonPropertyName("source"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Source { get; init; }
    [JsonPropertyName("search"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Search { get; init; }
}

public sealed record HistoryListResult(
    [property: JsonPropertyName("items")] IReadOnlyList<HistoryEntrySummary> Items,
    [property: JsonPropertyName("total")] int Total);

public sealed record HistoryIdParams(
    [property: JsonPropertyName("id")] long Id);

public sealed record HistoryClearParams;

public sealed record HistoryClearResult(
    [property: JsonPropertyName("deleted")] int Deleted);

public static class HistoryChangeReasons
{
    public const string Added = "added";
    public const string Updated = "updated";
    public const string Cleared = "cleared";
}

public sealed record HistoryChangedParams(
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Id = null);

public static class ServerStates
{
    public const string Starting = "starting";
    public const string Ready = "ready";
    public const string Evaluating = "evaluating";
    public const string DockerUnavailable = "dockerUnavailable";
}

public sealed record StatusParams(
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("pending")] int Pending,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("fix"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Fix = null);

/// <summary>Result of <c>dualgauge.showReport</c> and <c>dualgauge.showRemediation</c>.</summary>
public sealed record MarkdownResult(
    [property: JsonPropertyName("markdown")] string Markdown)
{
    /// <summary>The same text as an HTML fragment (raw HTML in the Markdown is escaped, never passed through), for a webview.</summary>
    [JsonPropertyName("html"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Html { get; init; }
    [JsonPropertyName("title"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Title { get; init; }
    /// <summary>The history entry a report is about: a client keeps one panel per entry.</summary>
    [JsonPropertyName("historyId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public long? HistoryId { get; init; }
}

/// <summary>The <c>data</c> of every DualGauge diagnostic.</summary>
public sealed record DiagnosticData(
    [property: JsonPropertyName("historyId")] long HistoryId);
