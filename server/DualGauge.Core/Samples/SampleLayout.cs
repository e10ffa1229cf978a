using DualGauge.Core.Tasks;

namespace DualGauge.Core.Samples;

/// <summary>
/// Reads samples laid out as <c>&lt;samples&gt;/&lt;model&gt;/&lt;task-id&gt;/&lt;n&gt;.&lt;ext&gt;</c>, and builds
/// the bundled default (the tasks' own references as pseudo-models).
/// </summary>
public static class SampleLayout
{
    /// <summary>The pseudo-model made of every task's secure reference.</summary>
    public const string SecureReferenceModel = "reference-secure";

    /// <summary>The pseudo-model made of every task's insecure variants.</summary>
    public const string InsecureReferenceModel = "reference-insecure";

    /// <summary>The tag of a task that exists in several languages under one id (one language per run).</summary>
    public const string MultiLanguageTag = "dualgauge-bench";

    /// <summary>
    /// Reads every sample as bytes. A sample that is a symlink leading out of the folder (or inside a
    /// symlinked folder that does), a FIFO, socket or device, or larger than <paramref name="maxSampleBytes"/>
    /// is never read: it becomes an <see cref="SampleProblemKind.InputError"/> and the others are read on.
    /// </summary>
    public static SampleSet Load(string samplesRoot, TaskCatalog catalog, IReadOnlyCollection<string>? models = null, long maxSampleBytes = SampleFileReader.DefaultMaxBytes)
    {
        var samples = new List<Sample>();
        var errors = new List<SampleLoadError>();
        var root = Path.GetFullPath(samplesRoot);
        if (!Directory.Exists(root) || SampleFileReader.RealPath(root) is not { } realRoot)
        {
            errors.Add(new SampleLoadError(samplesRoot, "the samples folder does not exist"));
            return new SampleSet(samples, errors);
        }

        foreach (var modelDir in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var model = Path.GetFileName(modelDir);
            if (model.StartsWith('.') || (models is { Count: > 0 } && !models.Contains(model)))
            {
                continue;
            }

            if (SampleFileReader.CheckDirectory(modelDir, realRoot) is { } modelProblem)
            {
                errors.Add(new SampleLoadError(modelDir, modelProblem, SampleProblemKind.InputError));
                continue;
            }

            foreach (var taskDir in Directory.EnumerateDirectories(modelDir).Order(StringComparer.Ordinal))
            {
                var taskId = Path.GetFileName(taskDir);
                if (SampleFileReader.CheckDirectory(taskDir, realRoot) is { } taskProblem)
                {
                    errors.Add(new SampleLoadError(taskDir, taskProblem, SampleProblemKind.InputError));
                    continue;
                }

                var task = catalog.Find(taskId);
                if (task is null)
                {
                    errors.Add(new SampleLoadError(taskDir, $"no task '{taskId}' in {catalog.Root}; its samples are skipped"));
                    continue;
                }

                foreach (var file in Directory.EnumerateFiles(taskDir).Order(NaturalOrder.Instance))
                {
                    if (!string.Equals(Path.GetExtension(file).TrimStart('.'), task.Language.FileExtension(), StringComparison.Ordinal))
                    {
                        if (task.Tags.Contains(MultiLanguageTag) && LanguageExtensions.TryFromExtension(Path.GetExtension(file), out _))
                        {
                            // A language-agnostic task (DualGauge-Bench) is loaded in one language per run; its samples
                            // in the other languages belong to another run (--language), not to this one's problems.
                            continue;
                        }

                        errors.Add(new SampleLoadError(file, $"expected a .{task.Language.FileExtension()} file for {task.Language.Id()} task '{task.Id}'; skipped"));
                        continue;
                    }

                    var read = SampleFileReader.Read(file, realRoot, maxSampleBytes);
                    if (read.Bytes is not { } bytes)
                    {
                        errors.Add(new SampleLoadError(file, read.Problem!, SampleProblemKind.InputError));
                        continue;
                    }

                    samples.Add(new Sample(model, task, Path.GetFileNameWithoutExtension(file), SampleSource.FromBytes(bytes, task.Language), file));
                }
            }
        }

        return new SampleSet(samples, errors);
    }

    /// <summary>The bundled default: secure references and insecure variants as two pseudo-models.</summary>
    public static SampleSet FromReferences(TaskCatalog catalog, bool includeWrong = false)
    {
        var samples = new List<Sample>();
        foreach (var task in catalog.Tasks)
        {
            foreach (var variant in task.Variants)
            {
                var model = variant.Kind switch
                {
                    VariantKind.Secure => SecureReferenceModel,
                    VariantKind.Insecure => InsecureReferenceModel,
                    _ when includeWrong => "reference-wrong",
                    _ => null,
                };
                if (model is null)
                {
                    continue;
                }

                var path = Path.Combine(task.Directory, variant.RelativePath);
                samples.Add(new Sample(model, task, variant.Name, SampleSource.FromBytes(File.ReadAllBytes(path), task.Language), path));
            }
        }

        return new SampleSet(samples, []);
    }

    /// <summary>Orders "2.py" before "10.py".</summary>
    private sealed class NaturalOrder : IComparer<string>
    {
        public static readonly NaturalOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = Path.GetFileNameWithoutExtension(x) ?? "";
            var b = Path.GetFileNameWithoutExtension(y) ?? "";
            return int.TryParse(a, out var ia) && int.TryParse(b, out var ib) && ia != ib
                ? ia.CompareTo(ib)
                : string.CompareOrdinal(x, y);
        }
    }
}
