using System.Reflection;
using DualGauge.Core.Metrics;
using DualGauge.Core.Samples;
using DualGauge.Core.Verdicts;

namespace DualGauge.Core.Reports;

/// <summary>How a benchmark run was started.</summary>
/// <param name="StartedAt">When the run began.</param>
/// <param name="Duration">Wall-clock time of the whole run.</param>
/// <param name="TasksDirectory">The bench-tasks folder the tasks were loaded from.</param>
/// <param name="SandboxImage">The sandbox image (name:tag) the samples ran in.</param>
/// <param name="CommandLine">The command line that started the run.</param>
/// <param name="Version">The DualGauge version that produced the report.</param>
public sealed record RunMetadata(
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    string TasksDirectory,
    string SandboxImage,
    string CommandLine,
    string Version)
{
    /// <summary>The informational version of the DualGauge Core assembly (without a source-revision suffix).</summary>
    public static string CurrentVersion { get; } =
        (typeof(RunMetadata).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(RunMetadata).Assembly.GetName().Version?.ToString()
            ?? "unknown").Split('+')[0];
}

/// <summary>What every report renders: the summary, the verdicts it was computed from, and how the run was made.</summary>
public sealed record BenchReport(BenchSummary Summary, IReadOnlyList<SampleVerdict> Verdicts, RunMetadata Run)
{
    /// <summary>Sample source code by <see cref="SampleVerdict.SamplePath"/>, shown in detailed reports when known.</summary>
    public IReadOnlyDictionary<string, string> SampleSources { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// By <see cref="SampleVerdict.SamplePath"/>, how the source shown was decoded when it is not plain UTF-8
    /// (e.g. "not UTF-8: shown with replacement characters"); the sandbox always got the bytes unchanged.
    /// </summary>
    public IReadOnlyDictionary<string, string> SourceNotes { get; init; } = new Dictionary<string, string>();

    /// <summary>Samples that exist but were not read (a symlink out of the samples folder, not a regular file, too large).</summary>
    public IReadOnlyList<SampleLoadError> InputErrors { get; init; } = [];

    /// <summary>Set when the run stopped early (cancelled): the verdicts are those finished by then.</summary>
    public PartialRun? Partial { get; init; }

    /// <summary>The LLM judge's verdicts and agreement with the oracles, when the run had a judge.</summary>
    public JudgeSection? Judge { get; init; }

    /// <summary>The paper's published figures beside ours, when the run was given <c>--compare-paper</c>.</summary>
    public PaperComparison? Paper { get; init; }

    /// <summary>Harness glue the agentic executor tried, when the run was agentic.</summary>
    public IReadOnlyList<SampleAdaptation> Adaptations { get; init; } = [];

    /// <summary>Summarises <paramref name="verdicts"/> and wraps them in a report.</summary>
    public static BenchReport Create(IReadOnlyList<SampleVerdict> verdicts, RunMetadata run, IEnumerable<int>? ks = null) =>
        new(BenchAggregator.Summarize(verdicts, ks), verdicts, run);

    public string? SourceOf(SampleVerdict verdict) =>
        verdict.SamplePath is { } path && SampleSources.TryGetValue(path, out var source) ? source : null;

    public string? SourceNoteOf(SampleVerdict verdict) =>
        verdict.SamplePath is { } path && SourceNotes.TryGetValue(path, out var note) ? note : null;

    /// <summary>The adopted glue of a sample that ran with harness glue the agentic executor added, or null.</summary>
    public SampleAdaptation? GlueOf(SampleVerdict verdict) =>
        Adaptations.LastOrDefault(a => a.Adopted && a.Model == verdict.Model && a.TaskId == verdict.TaskId && a.SampleId == verdict.SampleId);

    /// <summary>
    /// The sample's verdict is that of its code with accepted harness glue around it, not of its code alone: every report
    /// marks it "glue-adapted" (<see cref="ReportText.GlueAdapted"/>).
    /// </summary>
    public bool IsGlueAdapted(SampleVerdict verdict) => GlueOf(verdict) is not null;
}

/// <summary>A run that stopped before every sample was evaluated.</summary>
/// <param name="Reason">Why, e.g. "cancelled by SIGTERM".</param>
/// <param name="Evaluated">Samples with a verdict in the report.</param>
/// <param name="NotRun">Samples that were never run (or were cut off while running) and are not in the report.</param>
public sealed record PartialRun(string Reason, int Evaluated, int NotRun)
{
    public string Describe() => $"partial report: the run was {Reason} after {Evaluated} of {Evaluated + NotRun} samples; {NotRun} not run";
}

/// <summary>Renders a <see cref="BenchReport"/> to one document.</summary>
public interface IReportRenderer
{
    /// <summary>Format name used on the command line, e.g. <c>html</c>.</summary>
    string Format { get; }

    /// <summary>File extension without the dot, e.g. <c>sarif</c>.</summary>
    string FileExtension { get; }

    string Render(BenchReport report);
}
