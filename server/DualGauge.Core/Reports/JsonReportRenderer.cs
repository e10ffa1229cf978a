using System.Text.Json;
using System.Text.Json.Serialization;
using DualGauge.Core.Metrics;
using DualGauge.Core.Tasks;
using DualGauge.Core.Traces;
using DualGauge.Core.Verdicts;

namespace DualGauge.Core.Reports;

/// <summary>The machine-readable report. Its shape is documented in <c>Reports/README.md</c>.</summary>
public sealed class JsonReportRenderer : IReportRenderer
{
    public const string SchemaId = "urn:dualgauge:report:v1";

    /// <summary>camelCase names, strings for enums, nulls written (a property is always present).</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <param name="includeTrace">Write each sample's whole trace, not only the evidence of its findings.</param>
    public JsonReportRenderer(bool includeTrace = true)
    {
        IncludeTrace = includeTrace;
    }

    public bool IncludeTrace { get; }

    public string Format => "json";

    public string FileExtension => "json";

    public string Render(BenchReport report) => JsonSerializer.Serialize(ToDocument(report), SerializerOptions);

    public static BenchReportDocument Parse(string json) =>
        JsonSerializer.Deserialize<BenchReportDocument>(json, SerializerOptions)
            ?? throw new JsonException("The report JSON is the literal null, not a report object.");

    public BenchReportDocument ToDocument(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var run = report.Run;
        return new BenchReportDocument(
            SchemaId,
            new RunDocument(run.StartedAt, run.Duration.TotalMilliseconds, run.TasksDirectory, run.SandboxImage, run.CommandLine, run.Version),
            report.Summary,
            report.Verdicts.Select(v => Sample(v, report.SourceOf(v)) with { SourceNote = report.SourceNoteOf(v), GlueAdapted = report.IsGlueAdapted(v) }).ToList())
        {
            Partial = report.Partial,
            InputErrors = report.InputErrors.Select(e => new InputErrorDocument(e.Path, e.Problem)).ToList(),
            Judge = report.Judge is { } judge ? JudgeDocument.From(judge) : null,
            Adaptations = report.Adaptations,
            Paper = report.Paper is { } paper ? PaperDocument.From(paper) : null,
        };
    }

    private SampleDocument Sample(SampleVerdict v, string? source) => new(
        v.Model,
        v.TaskId,
        v.SampleId,
        v.Language.Id(),
        v.Cwes.Select(Cwe.Normalize).ToList(),
        v.SamplePath,
        v.Outcome(),
        v.FunctionalPass,
        v.SecurePass,
        v.JointPass,
        v.Failure,
        v.FailureDetail,
        v.Tampering,
        v.Duration.TotalMilliseconds,
        v.Tests.Select(t => new TestDocument(
            t.Test.Id,
            t.Kind,
            t.Test.Cwe is { } cwe ? Cwe.Normalize(cwe) : null,
            t.Test.Description,
            t.Status,
            t.Passed,
            t.Message,
            t.Duration.TotalMilliseconds,
            t.Findings.Select(f => new FindingDocument(f.Oracle, f.Message, f.Evidence.Select(Event).ToList())).ToList())
        {
            Attacks = t.Test.Attacks,
            DecidedBy = t.Test.DecidedBy,
        }).ToList(),
        source,
        v.Stderr,
        IncludeTrace ? v.Trace.Events.Select(Event).ToList() : null,
        IncludeTrace ? v.Trace.StrayLines : null);

    private static JsonElement Event(TraceEvent e) => e.Data;
}

/// <summary>The JSON report: one document per run.</summary>
public sealed record BenchReportDocument(
    [property: JsonPropertyName("$schema")] string Schema,
    RunDocument Run,
    BenchSummary Summary,
    IReadOnlyList<SampleDocument> Samples)
{
    /// <summary>Null when the run had no LLM judge.</summary>
    public JudgeDocument? Judge { get; init; }

    /// <summary>Null for a complete run; set when it was cancelled, with how many samples were not run.</summary>
    public PartialRun? Partial { get; init; }

    /// <summary>Samples that were not read (never null when written; absent in reports written before it existed).</summary>
    public IReadOnlyList<InputErrorDocument>? InputErrors { get; init; }

    /// <summary>Empty unless the run was agentic.</summary>
    public IReadOnlyList<SampleAdaptation>? Adaptations { get; init; }

    /// <summary>The paper's figures beside ours; null unless the run was given <c>--compare-paper</c>.</summary>
    public PaperDocument? Paper { get; init; }
}

/// <summary>The paper's per-model figures beside ours, in percent (null where a figure is not given or not measured).</summary>
public sealed record PaperDocument(string? Source, IReadOnlyList<PaperRowDocument> Rows)
{
    public static PaperDocument From(PaperComparison comparison) =>
        new(comparison.Source, comparison.Rows.Select(r =>
        {
            var (pass, secure, securePass) = r.OursPercent;
            return new PaperRowDocument(r.Paper.Model, r.Paper.Ours, r.Paper.Language, r.Ours is not null,
                r.Paper.PassAt1, pass, r.Paper.SecureAt1, secure, r.Paper.SecurePassAt1, securePass);
        }).ToList());
}

public sealed record PaperRowDocument(
    string Model,
    string Ours,
    string Language,
    bool Measured,
    double? PaperPassAt1,
    double? OursPassAt1,
    double? PaperSecureAt1,
    double? OursSecureAt1,
    double? PaperSecurePassAt1,
    double? OursSecurePassAt1);

/// <summary>The judge section: the agreement with the oracles, and every judged test (disagreements have <c>disagrees</c> true).</summary>
public sealed record JudgeDocument(
    string JudgeModel,
    AgreementStats Agreement,
    int Malformed,
    int Errors,
    int Disagreements,
    IReadOnlyList<JudgedTest> Judgments)
{
    public static JudgeDocument From(JudgeSection judge) =>
        new(judge.JudgeModel, judge.Agreement, judge.Malformed, judge.Errors, judge.Disagreements.Count, judge.Judgments);
}

public sealed record RunDocument(
    DateTimeOffset StartedAt,
    double DurationMs,
    string TasksDirectory,
    string SandboxImage,
    string CommandLine,
    string Version);

public sealed record SampleDocument(
    string Model,
    string TaskId,
    string SampleId,
    string Language,
    IReadOnlyList<string> Cwes,
    string? SamplePath,
    SampleOutcome Outcome,
    bool FunctionalPass,
    bool SecurePass,
    bool JointPass,
    SampleFailure Failure,
    string? FailureDetail,
    IReadOnlyList<string> Tampering,
    double DurationMs,
    IReadOnlyList<TestDocument> Tests,
    string? Source,
    string Stderr,
    IReadOnlyList<JsonElement>? Trace,
    IReadOnlyList<string>? StrayTraceLines)
{
    /// <summary>Null for UTF-8 source; otherwise how <see cref="Source"/> was decoded for display.</summary>
    public string? SourceNote { get; init; }

    /// <summary>The verdict is that of the sample's code with accepted agentic harness glue around it (see <c>adaptations</c>).</summary>
    public bool GlueAdapted { get; init; }
}

/// <summary>A sample file that was not read, and why.</summary>
public sealed record InputErrorDocument(string Path, string Problem);

public sealed record TestDocument(
    string Id,
    TestKind Kind,
    string? Cwe,
    string Description,
    TestStatus Status,
    bool Passed,
    string Message,
    double DurationMs,
    IReadOnlyList<FindingDocument> Findings)
{
    /// <summary>For a security test, the attack it sends (from the task's spec); null otherwise.</summary>
    public string? Attacks { get; init; }

    /// <summary>For an imported test (DualGauge-Bench), what decides it: <c>oracle: ...</c>, <c>assertion: ...</c> or <c>judge</c>; null for the suite's own tests.</summary>
    public string? DecidedBy { get; init; }
}

public sealed record FindingDocument(string Oracle, string Message, IReadOnlyList<JsonElement> Evidence);
