using DualGauge.Core.Samples;
using DualGauge.Core.Tasks;

namespace DualGauge.Core.Evaluation;

/// <summary>
/// Everything needed to run one sample against a set of dual tests: a bench task's, or tests a
/// snippet template generated.
/// </summary>
public sealed record EvaluationRequest
{
    public required string TaskId { get; init; }
    public required Language Language { get; init; }
    public required string EntryPoint { get; init; }
    public required IReadOnlyList<string> Cwes { get; init; }
    public required TaskFile TestsFile { get; init; }
    public required IReadOnlyList<TestSpec> Tests { get; init; }
    public IReadOnlyList<TaskFile> Fixtures { get; init; } = [];

    /// <summary>
    /// The candidate's source code as text. Setting it sets <see cref="Source"/> to the text's UTF-8 bytes;
    /// a sample read from a file sets <see cref="Source"/> instead, and this is then its display text.
    /// </summary>
    public string Code
    {
        get => Source.Text;
        init => Source = SampleSource.FromText(value);
    }

    /// <summary>The candidate's code as bytes: what the sandbox gets, unchanged.</summary>
    public SampleSource Source { get; init; } = SampleSource.Empty;
    public required string Model { get; init; }
    public required string SampleId { get; init; }
    public string? SamplePath { get; init; }

    public static EvaluationRequest ForTask(BenchTask task, string code, string model, string sampleId, string? samplePath = null) =>
        ForTask(task, SampleSource.FromText(code), model, sampleId, samplePath);

    public static EvaluationRequest ForTask(BenchTask task, SampleSource source, string model, string sampleId, string? samplePath = null) => new()
    {
        TaskId = task.Id,
        Language = task.Language,
        EntryPoint = task.EntryPoint,
        Cwes = task.Cwes,
        TestsFile = task.TestsFile,
        Tests = task.Tests,
        Fixtures = task.Fixtures,
        Source = source,
        Model = model,
        SampleId = sampleId,
        SamplePath = samplePath,
    };
}

/// <summary>Limits for one evaluation.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Per-test limit enforced by the harness.</summary>
    public TimeSpan TestTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Time allowed to load or compile the sample, on top of the tests' time.</summary>
    public TimeSpan LoadAllowance { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Cap on the harness output read from the sandbox; past it the job is killed as an output flood.</summary>
    public int MaxTraceBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Per test, how much of the candidate's own stdout/stderr the trace keeps.</summary>
    public int CandidateOutputCapBytes { get; init; } = 16 * 1024;

    public TimeSpan JobTimeout(int tests) => LoadAllowance + TestTimeout * Math.Max(1, tests) + TimeSpan.FromSeconds(2);
}
