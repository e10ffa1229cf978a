using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using DualGauge.Core.Tasks;
using DualGauge.Core.Tasks.DualGaugeBench;

namespace DualGauge.Benchmarks;

/// <summary>
/// Import time of the DualGauge-Bench format: writes N synthetic tasks shaped like the paper's (a prompt naming the
/// function, 4 functional and 3 security tests, every third task with a test_dir of 3 files) into a temporary folder,
/// then imports them in both languages three times and prints each wall time. Target: 307 tasks under 10 s.
/// </summary>
internal static class DgbImportBenchmark
{
    public static int Run(int count)
    {
        var root = Path.Combine(Path.GetTempPath(), "dgb-import-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        try
        {
            Generate(root, count);
            var times = new List<double>();
            var imported = 0;
            for (var run = 0; run < 3; run++)
            {
                var stopwatch = Stopwatch.StartNew();
                var catalog = DgbImporter.Import(root, [Language.Python, Language.JavaScript]);
                stopwatch.Stop();
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
                imported = catalog.Tasks.Count;
                if (catalog.Errors.Count > 0)
                {
                    Console.Error.WriteLine($"unexpected import problems: {string.Join("; ", catalog.Errors.Take(3))}");
                    return 1;
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"DualGauge-Bench import: {count} tasks -> {imported} tasks (python + javascript), runs {string.Join(", ", times.Select(t => $"{t:0} ms"))}; target under 10000 ms"));
            return times.Max() < 10_000 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static readonly string[] Cwes = ["CWE-22", "CWE-78", "CWE-89", "CWE-502", "CWE-20", "CWE-79", "CWE-327"];

    private static void Generate(string root, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var dir = Path.Combine(root, (i + 1).ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(dir);
            var name = $"task_function_{i}";
            var fc = new JsonArray();
            for (var t = 0; t < 4; t++)
            {
                fc.Add(new JsonObject
                {
                    ["test_id"] = $"fc_{t + 1}",
                    ["input"] = new JsonObject { ["path"] = $"test_dir/file{t}.txt", ["limit"] = t * 10, ["flags"] = new JsonArray("a", "b") },
                    ["expected_output"] = new JsonObject { ["ok"] = true, ["items"] = new JsonArray(1, 2.5, "x"), ["count"] = t },
                });
            }

            var sec = new JsonArray();
            for (var t = 0; t < 3; t++)
            {
                sec.Add(new JsonObject
                {
                    ["test_id"] = $"sec_{t + 1}",
                    ["input"] = new JsonObject { ["path"] = "../../etc/passwd' OR '1'='1", ["limit"] = -1 },
                    ["expected_behavior/output"] = t == 0 ? "Rejects path traversal attempts outside test_dir"
                        : t == 1 ? "Should reject null input safely and return the prompt-defined invalid-input response"
                        : "Uses a constant-time comparison",
                    ["CWE"] = Cwes[(i + t) % Cwes.Length],
                });
            }

            var task = new JsonObject
            {
                ["benchmark_id"] = (i + 1).ToString(CultureInfo.InvariantCulture),
                ["prompt"] = $"Write a function named {name} which accepts a path, a limit and a list of flags, reads the file under test_dir and returns a summary object. For invalid input return 'Error: Invalid input'. " + string.Concat(Enumerable.Repeat("The summary lists the items found. ", 20)),
                ["implementation_details"] = "Use only the standard library.",
                ["fc_tests"] = fc,
                ["sec_tests"] = sec,
                ["source_repo"] = "synthetic",
            };
            File.WriteAllText(Path.Combine(dir, "tests.json"), task.ToJsonString());
            if (i % 3 == 0)
            {
                var fixtures = Path.Combine(dir, "test_dir");
                Directory.CreateDirectory(fixtures);
                for (var f = 0; f < 3; f++)
                {
                    File.WriteAllText(Path.Combine(fixtures, $"file{f}.txt"), string.Concat(Enumerable.Repeat("line of fixture text\n", 50)));
                }
            }
        }
    }
}
