using System.Globalization;
using System.Reflection;

namespace DualGauge.LanguageServer.Benchmarks;

/// <summary>Command-line options; a bad value is an error naming the option and what it wants.</summary>
/// <param name="IntervalMs">Pause between measured runs: a developer does not select and evaluate every few milliseconds, and the
/// server's one pooled sandbox container is refilled in the background after each run. 0 measures back-to-back runs.</param>
internal sealed record BenchmarkOptions(int Runs, int Warmup, int Evaluations, int SampleEvery, bool Json, string? ServerPath, string? TasksPath, string GrowthLanguage, int IntervalMs)
{
    public const string Usage =
        "dualgauge-lsp-bench [--runs N (30)] [--warmup N (3)] [--interval-ms MS between measured runs (500; 0 = back-to-back)] [--evaluations N (1000; 0 skips the growth run)] [--sample-every N (100)]\n" +
        "                    [--growth-language python|javascript|c (python)] [--server PATH/dualgauge-languageserver.dll] [--tasks BENCH_TASKS_DIR] [--json]";

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions(30, 3, 1000, 100, false, null, null, "python", 500);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Count(string name, int min)
            {
                var text = Value();
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min
                    ? n
                    : throw new ArgumentException($"{name} must be a whole number >= {min}, got '{text}'");
            }

            options = args[i] switch
            {
                "--runs" => options with { Runs = Count("--runs", 1) },
                "--warmup" => options with { Warmup = Count("--warmup", 0) },
                "--interval-ms" => options with { IntervalMs = Count("--interval-ms", 0) },
                "--evaluations" => options with { Evaluations = Count("--evaluations", 0) },
                "--sample-every" => options with { SampleEvery = Count("--sample-every", 1) },
                "--json" => options with { Json = true },
                "--server" => options with { ServerPath = Value() },
                "--tasks" => options with { TasksPath = Value() },
                "--growth-language" => options with
                {
                    GrowthLanguage = Value() is var language && Snippets.All.Any(s => s.Language == language)
                        ? language
                        : throw new ArgumentException($"--growth-language must be python, javascript or c, got '{language}'"),
                },
                "-h" or "--help" => throw new HelpRequestedException(),
                var other => throw new ArgumentException($"unknown option '{other}'"),
            };
        }

        return options;
    }

    /// <summary>--tasks, else the repository's bench-tasks (the build records where the repository is).</summary>
    public string? ResolveTasks()
    {
        if (TasksPath is not null)
        {
            return Directory.Exists(TasksPath) ? Path.GetFullPath(TasksPath) : throw new ArgumentException($"--tasks: no folder at {TasksPath}");
        }

        var root = typeof(BenchmarkOptions).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        var candidate = root is null ? null : Path.Combine(root, "bench-tasks");
        return candidate is not null && Directory.Exists(candidate) ? candidate : null;
    }
}

internal sealed class HelpRequestedException() : Exception("help requested");
