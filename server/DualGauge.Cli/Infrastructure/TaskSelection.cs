using DualGauge.Core.Tasks;
using Spectre.Console;

namespace DualGauge.Cli.Infrastructure;

/// <summary>Loads the task catalog, reports every malformed task, and applies --task / --language filters.</summary>
internal static class TaskSelection
{
    public static (TaskCatalog Catalog, IReadOnlyList<BenchTask> Selected, string? Error) Load(DirectoryInfo tasksDir, string[]? ids, string? language)
    {
        var catalog = TaskLoader.LoadAll(tasksDir.FullName);
        foreach (var error in catalog.Errors)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]skipped task[/] {error}");
        }

        IEnumerable<BenchTask> selected = catalog.Tasks;
        if (!string.IsNullOrWhiteSpace(language))
        {
            if (!LanguageExtensions.TryParse(language, out var lang))
            {
                return (catalog, [], $"--language '{language}' is not one of python, javascript, c");
            }

            selected = selected.Where(t => t.Language == lang);
        }

        if (ids is { Length: > 0 })
        {
            var unknown = ids.Where(id => catalog.Find(id) is null).ToList();
            if (unknown.Count > 0)
            {
                var broken = catalog.Errors.Where(e => unknown.Any(u => e.TaskPath.EndsWith("/" + u, StringComparison.Ordinal))).ToList();
                return (catalog, [], broken.Count > 0
                    ? $"task {string.Join(", ", unknown)} is malformed (see above)"
                    : $"no task {string.Join(", ", unknown)} in {catalog.Root}");
            }

            selected = selected.Where(t => ids.Contains(t.Id));
        }

        return (catalog, selected.ToList(), null);
    }
}
