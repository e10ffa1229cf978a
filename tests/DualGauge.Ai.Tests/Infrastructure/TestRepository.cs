using System.Reflection;
using DualGauge.Core.Tasks;

namespace DualGauge.Ai.Tests.Infrastructure;

/// <summary>The repository the tests were built from: its real bench tasks.</summary>
public static class TestRepository
{
    public const string SqlTask = "py-product-search-sort";

    public static string Root { get; } = FindRoot();

    public static string BenchTasks => Path.Combine(Root, "bench-tasks");

    private static readonly Lazy<TaskCatalog> Catalog = new(() => TaskLoader.LoadAll(BenchTasks));

    public static BenchTask Task(string id) => Catalog.Value.Find(id) ?? throw new InvalidOperationException($"no task {id} in {BenchTasks}");

    public static string Reference(BenchTask task, VariantKind kind) =>
        File.ReadAllText(Path.Combine(task.Directory, task.Variants.First(v => v.Kind == kind).RelativePath));

    /// <summary>A temporary bench-tasks folder holding a copy of the named real task.</summary>
    public static string CopyTask(string id)
    {
        var task = Task(id);
        var root = Path.Combine(Path.GetTempPath(), "dg-ai-" + Guid.NewGuid().ToString("N"), "bench-tasks");
        var target = Path.Combine(root, task.Language.Id(), id);
        foreach (var file in Directory.EnumerateFiles(task.Directory, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(task.Directory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return root;
    }

    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "dg-ai-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        var stamped = typeof(TestRepository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (stamped is not null && File.Exists(Path.Combine(stamped, "DualGauge.sln")))
        {
            return stamped;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DualGauge.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("DualGauge.sln not found above " + AppContext.BaseDirectory);
    }
}
