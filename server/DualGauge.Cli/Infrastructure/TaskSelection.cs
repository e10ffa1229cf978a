using DualGauge.Core.Tasks;
using DualGauge.Core.Tasks.DualGaugeBench;
using Spectre.Console;

namespace DualGauge.Cli.Infrastructure;

/// <summary>Loads the task catalog, reports every malformed task, and applies --task / --language filters.</summary>
internal static class TaskSelection
{
    public const string DualGaugeBenchPrefix = "dualgauge-bench:";

    /// <param name="suite">Null for the bench-tasks folder; <c>dualgauge-bench:PATH</c> imports the paper's suite from PATH.</param>
    public static (TaskCatalog Catalog, IReadOnlyList<BenchTask> Selected, string? Error) Load(DirectoryInfo tasksDir, string[]? ids, string? language, string? suite = null)
    {
        TaskCatalog catalog;
        if (string.IsNullOrWhiteSpace(suite))
        {
            catalog = TaskLoader.LoadAll(tasksDir.FullName);
        }
        else if (suite.StartsWith(DualGaugeBenchPrefix, StringComparison.Ordinal) && suite.Length > DualGaugeBenchPrefix.Length)
        {
            // One language per run: the paper reports each language apart, and a task id names one task.
            Language lang = Language.Python;
            if (!string.IsNullOrWhiteSpace(language) && (!LanguageExtensions.TryParse(language, out lang) || !DgbImporter.SupportedLanguages.Contains(lang)))
            {
                return (new TaskCatalog(suite, [], []), [], $"--language '{language}' is not one of python, javascript, cpp for the DualGauge-Bench suite");
            }

            if (string.IsNullOrWhiteSpace(language))
            {
                AnsiConsole.MarkupLine("DualGauge-Bench suite: python (choose with --language python|javascript|cpp)");
            }

            catalog = DgbImporter.Import(suite[DualGaugeBenchPrefix.Length..], [lang]);
        }
        else
        {
            return (new TaskCatalog(suite, [], []), [], $"--suite '{suite}' is not dualgauge-bench:PATH");
        }

        foreach (var error in catalog.Errors)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]skipped task[/] {error}");
        }

        IEnumerable<BenchTask> selected = catalog.Tasks;
        if (!string.IsNullOrWhiteSpace(language))
        {
            if (!LanguageExtensions.TryParse(language, out var lang))
            {
                return (catalog, [], $"--language '{language}' is not one of {LanguageExtensions.AllIds}");
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
