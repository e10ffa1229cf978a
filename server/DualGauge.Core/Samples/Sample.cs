using DualGauge.Core.Tasks;

namespace DualGauge.Core.Samples;

/// <summary>One candidate implementation of a task, produced by a model (or a pseudo-model).</summary>
/// <param name="Path">Where the code came from (a file path), if it came from a file.</param>
public sealed record Sample(string Model, BenchTask Task, string SampleId, string Code, string? Path);

/// <summary>A problem with the samples folder; reported, never fatal.</summary>
public sealed record SampleLoadError(string Path, string Problem)
{
    public override string ToString() => $"{Path}: {Problem}";
}

/// <summary>The samples to evaluate, and what could not be read.</summary>
public sealed record SampleSet(IReadOnlyList<Sample> Samples, IReadOnlyList<SampleLoadError> Errors);
