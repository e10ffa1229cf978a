namespace DualGauge.Core.Tasks;

/// <summary>A problem with one task's files: which file, which field, what is wrong.</summary>
/// <param name="TaskPath">The task folder (or the manifest) the error belongs to.</param>
/// <param name="File">The file at fault, relative to the tasks root.</param>
/// <param name="Field">The manifest field at fault (e.g. <c>tests[2].cwe</c>), or null when the whole file is at fault.</param>
public sealed record TaskLoadError(string TaskPath, string File, string? Field, string Problem)
{
    public override string ToString() => Field is null ? $"{File}: {Problem}" : $"{File}: {Field}: {Problem}";
}

/// <summary>The tasks that loaded, and the errors of those that did not (each skipped, never fatal).</summary>
public sealed record TaskCatalog(string Root, IReadOnlyList<BenchTask> Tasks, IReadOnlyList<TaskLoadError> Errors)
{
    public BenchTask? Find(string id) => Tasks.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.Ordinal));
}
