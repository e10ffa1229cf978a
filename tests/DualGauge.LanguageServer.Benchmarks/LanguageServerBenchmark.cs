using System.Diagnostics;
using System.Text.Json;
using DualGauge.Protocol;
using DualGauge.Protocol.Custom;
using DualGauge.Protocol.Diagnostics;
using DualGauge.TestUtilities.Lsp;

namespace DualGauge.LanguageServer.Benchmarks;

/// <summary>The benchmark could not run (no server binary, no Docker, an evaluation that never published).</summary>
internal sealed class BenchmarkException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Starts the real server binary over stdio, as an editor does, and measures what a developer feels: the time from
/// <c>dualgauge.evaluateSelection</c> to the diagnostics it publishes, the idle footprint, and memory over many evaluations.
/// </summary>
internal sealed class LanguageServerBenchmark(BenchmarkOptions options, TextWriter progress)
{
    private static readonly TimeSpan EvaluationTimeout = TimeSpan.FromSeconds(120);

    public async Task<BenchmarkResult> RunAsync()
    {
        if (options.ServerPath is not null)
        {
            Environment.SetEnvironmentVariable(ServerBinary.PathVariable, Path.GetFullPath(options.ServerPath));
        }

        string serverPath;
        try
        {
            serverPath = ServerBinary.Locate();
        }
        catch (FileNotFoundException ex)
        {
            throw new BenchmarkException(ex.Message, ex);
        }

        var environment = new Dictionary<string, string>();
        var tasks = options.ResolveTasks();
        if (tasks is not null)
        {
            environment["DUALGAUGE_TASKS"] = tasks;
        }

        var storage = Path.Combine(Path.GetTempPath(), "dualgauge-lsp-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(storage);
        progress.WriteLine($"server {serverPath}; tasks {tasks ?? "(none: probe templates only)"}; storage {storage}");
        var server = ServerBinary.Start(environment);
        try
        {
            var client = server.Client;
            await client.InitializeAsync(storage, new DualGaugeSettings());
            await client.WaitForAsync<StatusParams>(Methods.DualGaugeStatus, s => s.State == ServerStates.Ready, TimeSpan.FromSeconds(10))
                .ConfigureAwait(false);
            foreach (var snippet in Snippets.All)
            {
                await client.OpenAsync(snippet.Uri, snippet.Language, snippet.Text);
            }

            // Let the runtime settle after initialize before reading the idle footprint.
            await Task.Delay(TimeSpan.FromSeconds(2));
            var idle = server.ResidentBytes();
            progress.WriteLine($"idle RSS {Mib(idle):0.0} MiB");

            var latencies = new List<LatencyResult>();
            foreach (var snippet in Snippets.All)
            {
                for (var i = 0; i < options.Warmup; i++)
                {
                    await EvaluateAsync(client, snippet);
                }

                var samples = new List<Measurement>();
                for (var i = 0; i < options.Runs; i++)
                {
                    await Task.Delay(options.IntervalMs);
                    samples.Add(await EvaluateAsync(client, snippet));
                }

                var result = LatencyResult.From(snippet, samples, EvaluatorTimes(storage, snippet, options.Runs));
                progress.WriteLine($"{snippet.Name}: p50 {result.P50Ms:0} ms, p95 {result.P95Ms:0} ms (diagnostics {string.Join(",", result.Codes)})");
                latencies.Add(result);
            }

            GrowthResult? growth = null;
            if (options.Evaluations > 0)
            {
                var snippet = Snippets.All.First(s => s.Language == options.GrowthLanguage);
                var points = new List<RssPoint> { new(0, Mib(server.ResidentBytes())) };
                var stopwatch = Stopwatch.StartNew();
                for (var i = 1; i <= options.Evaluations; i++)
                {
                    await EvaluateAsync(client, snippet);
                    if (i % options.SampleEvery == 0 || i == options.Evaluations)
                    {
                        points.Add(new RssPoint(i, Mib(server.ResidentBytes())));
                        progress.WriteLine($"growth: {i} evaluations, RSS {points[^1].Mib:0.0} MiB, {stopwatch.Elapsed.TotalSeconds:0} s");
                    }
                }

                growth = GrowthResult.From(snippet.Language, options.Evaluations, points);
            }

            return BenchmarkResult.Create(Environment.MachineName, Environment.ProcessorCount, options, Mib(idle), latencies, growth);
        }
        catch (TimeoutException ex)
        {
            throw new BenchmarkException($"{ex.Message}", ex);
        }
        finally
        {
            await server.DisposeAsync();
            try
            {
                Directory.Delete(storage, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Sends the command and waits for the first publish of that document after it; both times are measured from the send.</summary>
    private static async Task<Measurement> EvaluateAsync(LspTestClient client, BenchSnippet snippet)
    {
        var published = client.WaitForAsync(Methods.TextDocumentPublishDiagnostics, n => n.As<PublishDiagnosticsParams>().Uri == snippet.Uri, EvaluationTimeout, includeReceived: false);
        var sent = DateTimeOffset.UtcNow;
        var answer = client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, snippet.Uri,
            new DualGauge.Protocol.Basic.Range(new(snippet.StartLine, 0), new(snippet.EndLine, 200)));
        HistoryEntrySummary? summary;
        try
        {
            summary = await answer.WaitAsync(EvaluationTimeout);
        }
        catch (StreamJsonRpc.RemoteInvocationException ex)
        {
            throw new BenchmarkException($"evaluateSelection of {snippet.Uri} failed: {ex.Message}", ex);
        }

        var answered = DateTimeOffset.UtcNow;
        var notification = await published;
        var diagnostics = notification.As<PublishDiagnosticsParams>().Diagnostics;
        return new Measurement(
            (notification.At - sent).TotalMilliseconds,
            (answered - sent).TotalMilliseconds,
            summary?.Verdict ?? "null",
            diagnostics.Select(d => d.Code ?? "").Distinct().ToList());
    }

    /// <summary>
    /// The evaluator's own time for the last <paramref name="count"/> runs of a snippet, from the server's log line
    /// "Evaluated FILE:LINES in N ms" (queue to sandbox verdict). The rest of the latency is the server and the connection.
    /// </summary>
    private static IReadOnlyList<double> EvaluatorTimes(string storage, BenchSnippet snippet, int count)
    {
        var file = snippet.Uri[(snippet.Uri.LastIndexOf('/') + 1)..];
        var pattern = new System.Text.RegularExpressions.Regex($@"Evaluated {System.Text.RegularExpressions.Regex.Escape(file)}:\S+ in (\d+) ms");
        var logs = Path.Combine(storage, "logs");
        if (!Directory.Exists(logs))
        {
            return [];
        }

        var times = new List<double>();
        foreach (var log in Directory.EnumerateFiles(logs, "*.log"))
        {
            using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                if (pattern.Match(line) is { Success: true } match)
                {
                    times.Add(double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        return times.TakeLast(count).ToList();
    }

    private static double Mib(long bytes) => bytes / 1024.0 / 1024.0;
}

internal sealed record Measurement(double PublishMs, double AnswerMs, string Verdict, IReadOnlyList<string> Codes);
