using DualGauge.Core.Tasks;

namespace DualGauge.Core.Samples;

/// <summary>One candidate implementation of a task, produced by a model (or a pseudo-model).</summary>
/// <param name="Source">The code: the bytes the sandbox gets, and the text people see.</param>
/// <param name="Path">Where the code came from (a file path), if it came from a file.</param>
public sealed record Sample(string Model, BenchTask Task, string SampleId, SampleSource Source, string? Path)
{
    /// <summary>A sample that exists only as text; its bytes are the text's UTF-8 encoding.</summary>
    public Sample(string model, BenchTask task, string sampleId, string code, string? path)
        : this(model, task, sampleId, SampleSource.FromText(code), path)
    {
    }

    /// <summary>The code as text (see <see cref="SampleSource.Text"/>).</summary>
    public string Code => Source.Text;
}

/// <summary>How bad a problem with the samples folder is.</summary>
public enum SampleProblemKind
{
    /// <summary>Not a sample (a stray file, a folder of an unknown task): skipped, as the layout says.</summary>
    Skipped,

    /// <summary>A sample that could not be read safely (a symlink out of the folder, not a regular file, too large): not evaluated, and counted.</summary>
    InputError,
}

/// <summary>A problem with the samples folder; reported, never fatal.</summary>
public sealed record SampleLoadError(string Path, string Problem, SampleProblemKind Kind = SampleProblemKind.Skipped)
{
    public override string ToString() => $"{Path}: {Problem}";
}

/// <summary>The samples to evaluate, and what could not be read.</summary>
public sealed record SampleSet(IReadOnlyList<Sample> Samples, IReadOnlyList<SampleLoadError> Errors)
{
    /// <summary>The samples that exist but could not be read.</summary>
    public IReadOnlyList<SampleLoadError> InputErrors => Errors.Where(e => e.Kind == SampleProblemKind.InputError).ToList();
}
