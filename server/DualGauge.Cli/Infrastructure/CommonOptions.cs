using System.CommandLine;
using DualGauge.Core.Samples;

namespace DualGauge.Cli.Infrastructure;

/// <summary>Options several commands share.</summary>
public static class CommonOptions
{
    public static Option<DirectoryInfo> Tasks() => new("--tasks")
    {
        Description = "The bench-tasks folder (default: ./bench-tasks, else the tasks bundled beside the tool).",
        DefaultValueFactory = _ => new DirectoryInfo(TaskLocator.DefaultTasksDirectory()),
    };

    public static Option<string?> Suite() => new("--suite")
    {
        Description = "Run another suite instead of --tasks: dualgauge-bench:PATH imports the paper's DualGauge-Bench (PATH/<id>/tests.json) for one --language (python, javascript or cpp; default python).",
    };

    public static Option<int> Parallel() => new("--parallel", "-j")
    {
        Description = "How many samples run at once (each in its own container).",
        DefaultValueFactory = _ => Math.Max(1, Environment.ProcessorCount),
    };

    public static Option<string?> DockerHost() => new("--docker-host")
    {
        Description = "Docker endpoint (default: $DOCKER_HOST, else unix:///var/run/docker.sock).",
    };

    public static Option<string?> Image() => new("--image")
    {
        Description = "Sandbox image to use instead of the versioned image DualGauge builds.",
    };

    public static Option<string[]> TaskIds() => new("--task")
    {
        Description = "Only these task ids (repeatable).",
        AllowMultipleArgumentsPerToken = true,
    };

    public static Option<string?> LanguageFilter() => new("--language")
    {
        Description = "Only tasks in this language (python, javascript, c, cpp).",
    };

    public static Option<long> MaxSampleBytes() => new("--max-sample-bytes")
    {
        Description = "Samples larger than this many bytes are input errors and are not read (default 1048576, 1 MiB).",
        DefaultValueFactory = _ => SampleFileReader.DefaultMaxBytes,
    };
}

internal static class TaskLocator
{
    /// <summary>
    /// The bench tasks the snippet pipeline may match by contract (snippets validate, check): none, with a line
    /// saying what that means, when the folder is missing; malformed tasks are counted and skipped.
    /// </summary>
    /// <param name="missing">What the command does without tasks, printed after "no bench tasks at FOLDER; ".</param>
    public static IReadOnlyList<Core.Tasks.BenchTask> LoadForSnippets(string folder, string missingLevel, string missing)
    {
        if (!Directory.Exists(folder))
        {
            Console.WriteLine($"{missingLevel}: no bench tasks at {folder}; {missing}");
            return [];
        }

        var catalog = Core.Tasks.TaskLoader.LoadAll(folder);
        if (catalog.Errors.Count > 0)
        {
            Console.WriteLine($"warning: {catalog.Errors.Count} malformed bench task(s) in {folder} skipped (dualgauge tasks list names them)");
        }

        return catalog.Tasks;
    }

    public static string DefaultTasksDirectory()
    {
        var local = Path.Combine(Environment.CurrentDirectory, "bench-tasks");
        if (Directory.Exists(local))
        {
            return local;
        }

        // Walk up from the tool (a development build lives under the repository).
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "bench-tasks");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return local;
    }
}
