using System.Reflection;
using DualGauge.Core.Metrics;
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

    /// <summary>The LLM judge's verdicts and agreement with the oracles, when the run had a judge.</summary>
    public JudgeSection? Judge { get; init; }

    /// <summary>Harness glue the agentic executor tried, when the run was agentic.</summary>
    public IReadOnlyList<SampleAdaptation> Adaptations { get; init; } = [];

    /// <summary>Summarises <paramref name="verdicts"/> and wraps them in a report.</summary>
    public static BenchReport Create(IReadOnlyList<SampleVerdict> verdicts, RunMetadata run, IEnumerable<int>? ks = null) =>
        new(BenchAggregator.Summarize(verdicts, ks), verdicts, run);

    public string? SourceOf(SampleVerdict verdict) =>
        verdict.SamplePath is { } path && SampleSources.TryGetValue(path, out var source) ? source : null;

    /// <summary>The adopted glue of a sample that ran with harness glue the agentic executor added, or null.</summary>
    public SampleAdaptation? GlueOf(SampleVerdict verdict) =>
        Adaptations.LastOrDefault(a => a.Adopted && a.Model == verdict.Model && a.TaskId == verdict.TaskId && a.SampleId == verdict.SampleId);

    /// <summary>
    /// The sample's verdict is that of its code with accepted harness glue around it, not of its code alone: every report
    /// marks it "glue-adapted" (<see cref="ReportText.GlueAdapted"/>).
    /// </summary>
    public bool IsGlueAdapted(SampleVerdict verdict) => GlueOf(verdict) is not null;
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
