using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DualGauge.Benchmarks;
using DualGauge.Core.Execution;
using DualGauge.Core.Tasks;
using Trace = DualGauge.Core.Traces.Trace;
using DualGauge.Sandbox;

// Usage: DualGauge.Benchmarks [--samples N] [--warmup N] [--json [path]]
// Prints a Markdown table of per-sample latency (p50/p95) for a small 5-test Python job:
// warm pool (pool refilled between samples), pool back-to-back, and a fresh container per sample.
// DualGauge.Benchmarks --dgb-import [N]: imports N synthetic DualGauge-Bench tasks (default 307, the paper's count) and
// prints the wall time of each of three imports; no Docker needed.
if (args.Length > 0 && args[0] == "--dgb-import")
{
    return DgbImportBenchmark.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 307);
}

var settings = BenchmarkSettings.Parse(args);
var job = PythonJob.Create();
var options = DockerSandboxOptions.CreateBuilder().WithPoolSize(2).Build();
await using var sandbox = new DockerSandbox(options);
Console.Error.WriteLine($"engine {options.Endpoint}; preparing the sandbox image (built on first use, about a minute)...");
await sandbox.StartAsync(new Progress<string>(line => Console.Error.WriteLine($"  {line}")), CancellationToken.None);

var sandboxJob = new SandboxJob(Language.Python, job, TimeSpan.FromSeconds(30), 1024 * 1024);
var rows = new List<BenchmarkRow>
{
    await Measure.RunAsync("warm pool (refilled between samples)", settings, () => sandbox.RunAsync(sandboxJob, CancellationToken.None),
        before: () => Measure.WaitForPoolAsync(sandbox, options.PoolSize)),
    await Measure.RunAsync("pool, back-to-back", settings, () => sandbox.RunAsync(sandboxJob, CancellationToken.None)),
    // The same path with a no-op command instead of the harness: what the sandbox itself costs.
    await Measure.RunAsync("warm pool, no-op command (sandbox overhead)", settings,
        () => sandbox.ExecuteAsync(["true"], ReadOnlyMemory<byte>.Empty, TimeSpan.FromSeconds(30), 1024, CancellationToken.None),
        before: () => Measure.WaitForPoolAsync(sandbox, options.PoolSize),
        check: run => run.Outcome == SandboxOutcome.Completed && run.ExitCode == 0 ? null : $"outcome {run.Outcome}, exit {run.ExitCode}"),
    await Measure.RunAsync("fresh container (create+start+exec+remove)", settings, () => Measure.FreshContainerAsync(sandbox, sandboxJob),
        before: () => Measure.WaitForPoolAsync(sandbox, options.PoolSize)),
};

var warm = rows[0];
var fresh = rows[3];
var speedup = fresh.P50Ms / warm.P50Ms;
var result = new BenchmarkResult(
    DateTimeOffset.UtcNow,
    Environment.ProcessorCount,
    sandbox.ImageTag,
    settings.Samples,
    "python, 5 tests",
    rows,
    Math.Round(speedup, 2),
    WarmP50TargetMs: 150,
    SpeedupTarget: 2,
    MeetsTargets: warm.P50Ms <= 150 && speedup >= 2);

if (settings.Json)
{
    var text = JsonSerializer.Serialize(result, BenchmarkJson.Default.BenchmarkResult);
    if (settings.JsonPath is { } path)
    {
        await File.WriteAllTextAsync(path, text + "\n");
        Console.Error.WriteLine($"wrote {path}");
    }
    else
    {
        Console.WriteLine(text);
    }
}

if (!settings.Json || settings.JsonPath is not null)
{
    Console.WriteLine($"Sandbox latency, {settings.Samples} samples of a 5-test Python job ({Environment.ProcessorCount} CPUs, image {sandbox.ImageTag})");
    Console.WriteLine();
    Console.WriteLine("| mode | p50 (ms) | p95 (ms) | min (ms) | max (ms) | failed samples |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|");
    foreach (var row in rows)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {row.Mode} | {row.P50Ms:0} | {row.P95Ms:0} | {row.MinMs:0} | {row.MaxMs:0} | {row.FailedSamples} |"));
    }

    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"warm p50 {warm.P50Ms:0} ms (target <= 150 ms); fresh/warm p50 = {speedup:0.0}x (target >= 2x): {(result.MeetsTargets ? "targets met" : "TARGETS MISSED")}"));
}

return rows.Any(r => r.FailedSamples > 0) ? 1 : 0;

namespace DualGauge.Benchmarks
{
    internal sealed record BenchmarkSettings(int Samples, int Warmup, bool Json, string? JsonPath)
    {
        public static BenchmarkSettings Parse(string[] args)
        {
            var samples = 40;
            var warmup = 3;
            var json = false;
            string? jsonPath = null;
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--samples" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0:
                        samples = n;
                        i++;
                        break;
                    case "--warmup" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var w) && w >= 0:
                        warmup = w;
                        i++;
                        break;
                    case "--json":
                        json = true;
                        if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                        {
                            jsonPath = args[++i];
                        }

                        break;
                    default:
                        throw new ArgumentException($"unknown or invalid argument '{args[i]}' (usage: [--samples N>0] [--warmup N>=0] [--json [path]])");
                }
            }

            return new BenchmarkSettings(samples, warmup, json, jsonPath);
        }
    }

    internal sealed record BenchmarkRow(string Mode, int Samples, double P50Ms, double P95Ms, double MinMs, double MaxMs, int FailedSamples);

    internal sealed record BenchmarkResult(
        DateTimeOffset Time,
        int Cpus,
        string Image,
        int Samples,
        string Job,
        IReadOnlyList<BenchmarkRow> Rows,
        double FreshOverWarmP50,
        double WarmP50TargetMs,
        double SpeedupTarget,
        bool MeetsTargets);

    [System.Text.Json.Serialization.JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
    [System.Text.Json.Serialization.JsonSerializable(typeof(BenchmarkResult))]
    internal sealed partial class BenchmarkJson : System.Text.Json.Serialization.JsonSerializerContext;

    internal static class Measure
    {
        /// <param name="before">Runs before each sample, outside the timed part (e.g. letting the pool refill).</param>
        public static async Task<BenchmarkRow> RunAsync(
            string mode, BenchmarkSettings settings, Func<Task<SandboxRun>> sample, Func<Task>? before = null, Func<SandboxRun, string?>? check = null)
        {
            check ??= run => PythonJob.AllPassed(run, out var why) ? null : why;
            Console.Error.WriteLine($"measuring: {mode}");
            before ??= () => Task.CompletedTask;
            for (var i = 0; i < settings.Warmup; i++)
            {
                await before();
                await sample();
            }

            var times = new List<double>();
            var failed = 0;
            for (var i = 0; i < settings.Samples; i++)
            {
                await before();
                var clock = Stopwatch.StartNew();
                var run = await sample();
                clock.Stop();
                times.Add(clock.Elapsed.TotalMilliseconds);
                if (check(run) is { } why)
                {
                    failed++;
                    Console.Error.WriteLine($"  sample {i} failed: {why}");
                }
            }

            times.Sort();
            return new BenchmarkRow(mode, times.Count, Math.Round(Percentile(times, 0.50), 1), Math.Round(Percentile(times, 0.95), 1),
                Math.Round(times[0], 1), Math.Round(times[^1], 1), failed);
        }

        /// <summary>Nearest-rank percentile of sorted values.</summary>
        private static double Percentile(List<double> sorted, double p) =>
            sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

        public static async Task WaitForPoolAsync(DockerSandbox sandbox, int size)
        {
            var clock = Stopwatch.StartNew();
            while (sandbox.ReadyContainers < size && clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(20);
            }

            // Lets the background removal of the previous container finish, so it does not share the sample's CPU.
            await Task.Delay(150);
        }

        private static Docker.DotNet.DockerClient? client;

        /// <summary>The no-pool baseline: a container created, started, exec'd and removed within the sample.</summary>
        public static async Task<SandboxRun> FreshContainerAsync(DockerSandbox sandbox, SandboxJob job)
        {
            client ??= DockerSandbox.CreateClient(sandbox.Options);
            await using var container = await SandboxContainer.StartAsync(
                client, sandbox.Options, sandbox.ImageTag, sandbox.Session, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None);
            container.TryTake();
            return await container.ExecAsync([DockerSandbox.HarnessRunPath, job.Language.Id()], job.Input, job.Timeout, job.MaxOutputBytes, CancellationToken.None);
        }
    }

    internal static class PythonJob
    {
        private static readonly string[] TestIds = ["adds", "adds_negatives", "adds_zero", "rejects_text", "large_numbers"];

        public static byte[] Create() => new HarnessJob
        {
            Language = "python",
            EntryPoint = "add",
            Sample = new HarnessFile("solution.py", "def add(a, b):\n    if not isinstance(a, int) or not isinstance(b, int):\n        raise TypeError('ints only')\n    return a + b\n"),
            TestsFile = new HarnessFile("tests.py", """
                def test_adds(ctx):
                    assert ctx.call(2, 3) == 5, "2 + 3"

                def test_adds_negatives(ctx):
                    assert ctx.call(-2, -3) == -5, "-2 + -3"

                def test_adds_zero(ctx):
                    assert ctx.call(0, 7) == 7, "0 + 7"

                def test_rejects_text(ctx):
                    outcome = ctx.attempt("2", 3)
                    assert isinstance(outcome.error, TypeError), "a string must be rejected"

                def test_large_numbers(ctx):
                    assert ctx.call(10**20, 1) == 10**20 + 1, "big ints"

                """),
            Tests = TestIds.Select(id => new HarnessTest(id, "functional")).ToList(),
            TestTimeoutMs = 3000,
        }.ToUtf8Json();

        public static bool AllPassed(SandboxRun run, out string why)
        {
            if (run.Outcome != SandboxOutcome.Completed || run.ExitCode != 0)
            {
                why = $"outcome {run.Outcome}, exit {run.ExitCode}, stderr {run.Stderr}";
                return false;
            }

            var trace = Trace.Parse(run.Stdout);
            var notPassed = TestIds.Where(id => trace.TestEnd(id)?.String("status") != "pass").ToList();
            why = notPassed.Count == 0 ? "" : $"tests not passed: {string.Join(", ", notPassed)}; trace: {run.Stdout}";
            return notPassed.Count == 0;
        }
    }
}
