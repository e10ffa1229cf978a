using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DualGauge.LanguageServer.Benchmarks;

internal sealed record LatencyResult(
    string Language, int Runs, double P50Ms, double P95Ms, double MinMs, double MaxMs, double AnswerP50Ms, double? EvaluatorP50Ms,
    IReadOnlyList<string> Verdicts, IReadOnlyList<string> Codes)
{
    public static LatencyResult From(BenchSnippet snippet, IReadOnlyList<Measurement> samples, IReadOnlyList<double> evaluatorMs)
    {
        var publish = samples.Select(s => s.PublishMs).Order().ToList();
        var answer = samples.Select(s => s.AnswerMs).Order().ToList();
        return new LatencyResult(snippet.Name, samples.Count, Percentile(publish, 50), Percentile(publish, 95), publish[0], publish[^1], Percentile(answer, 50),
            evaluatorMs.Count > 0 ? Percentile(evaluatorMs.Order().ToList(), 50) : null,
            samples.Select(s => s.Verdict).Distinct().ToList(), samples.SelectMany(s => s.Codes).Distinct().ToList());
    }

    /// <summary>Nearest rank: the smallest sample with at least p% of the samples at or below it.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}

internal sealed record RssPoint(int Evaluations, double Mib);

/// <param name="SecondHalfSlopeMibPer1000">The slope over the second half only: a leak keeps growing there, while caches and
/// re-jitted hot code settle during the first evaluations.</param>
internal sealed record GrowthResult(
    string Language, int Evaluations, double FirstMib, double LastMib, double MaxMib, double SlopeMibPer1000, double SecondHalfSlopeMibPer1000, IReadOnlyList<RssPoint> Samples)
{
    public static GrowthResult From(string language, int evaluations, IReadOnlyList<RssPoint> points) =>
        new(language, evaluations, points[0].Mib, points[^1].Mib, points.Max(p => p.Mib), Slope(points) * 1000,
            Slope(points.Where(p => p.Evaluations >= evaluations / 2).ToList()) * 1000, points);

    /// <summary>Least squares: one high sample (a GC not yet run) moves it less than last minus first.</summary>
    private static double Slope(IReadOnlyList<RssPoint> points)
    {
        if (points.Count < 2)
        {
            return 0;
        }

        var meanX = points.Average(p => p.Evaluations);
        var meanY = points.Average(p => p.Mib);
        var sxx = points.Sum(p => (p.Evaluations - meanX) * (p.Evaluations - meanX));
        return sxx == 0 ? 0 : points.Sum(p => (p.Evaluations - meanX) * (p.Mib - meanY)) / sxx;
    }
}

internal sealed record TargetCheck(string Target, string Measured, bool Met);

internal sealed record BenchmarkResult(
    string Machine, int Processors, int Runs, int Warmup, int IntervalMs, double IdleRssMib, IReadOnlyList<LatencyResult> Latency, GrowthResult? Growth, IReadOnlyList<TargetCheck> Targets)
{
    public const double PythonP50TargetMs = 300;
    public const double IdleTargetMib = 100;

    /// <summary>"No growth" read as under 5 MiB per 1,000 evaluations by the least-squares slope; GC timing alone moves RSS by a few MiB.</summary>
    public const double GrowthTargetMibPer1000 = 5;

    [JsonIgnore]
    public IReadOnlyList<TargetCheck> Failures => Targets.Where(t => !t.Met).ToList();

    public static BenchmarkResult Create(string machine, int processors, BenchmarkOptions options, double idle, IReadOnlyList<LatencyResult> latency, GrowthResult? growth)
    {
        var targets = new List<TargetCheck>();
        if (latency.FirstOrDefault(l => l.Language == "python") is { } python)
        {
            targets.Add(new($"Python p50 <= {PythonP50TargetMs} ms", $"{python.P50Ms:0} ms", python.P50Ms <= PythonP50TargetMs));
        }

        if (latency.FirstOrDefault(l => l.Language == "python-flask") is { } flask)
        {
            targets.Add(new($"Python Flask handler p50 <= {PythonP50TargetMs} ms", $"{flask.P50Ms:0} ms", flask.P50Ms <= PythonP50TargetMs));
        }

        targets.Add(new($"idle RSS <= {IdleTargetMib} MiB", $"{idle:0.0} MiB", idle <= IdleTargetMib));
        if (growth is not null)
        {
            targets.Add(new($"no RSS growth over {growth.Evaluations} evaluations (slope < {GrowthTargetMibPer1000} MiB per 1,000)",
                $"{growth.SlopeMibPer1000:+0.0;-0.0} MiB per 1,000", growth.SlopeMibPer1000 < GrowthTargetMibPer1000));
        }

        return new BenchmarkResult(machine, processors, options.Runs, options.Warmup, options.IntervalMs, idle, latency, growth, targets);
    }
}

internal static class BenchmarkReport
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string Json(BenchmarkResult result) => JsonSerializer.Serialize(result, JsonOptions);

    public static string Markdown(BenchmarkResult result)
    {
        var text = new StringBuilder();
        text.AppendLine($"## evaluateSelection -> publishDiagnostics (warm: {result.Warmup} warm-up evaluations, then {result.Runs} runs {result.IntervalMs} ms apart; {result.Processors} CPUs)");
        text.AppendLine();
        text.AppendLine("| Language | p50 | p95 | min | max | command answered (p50) | of which evaluator (p50, server log) | verdict | diagnostics |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var l in result.Latency)
        {
            text.AppendLine($"| {l.Language} | {l.P50Ms:0} ms | {l.P95Ms:0} ms | {l.MinMs:0} ms | {l.MaxMs:0} ms | {l.AnswerP50Ms:0} ms | {(l.EvaluatorP50Ms is { } e ? $"{e:0} ms" : "n/a")} | {string.Join(", ", l.Verdicts)} | {string.Join(", ", l.Codes)} |");
        }

        text.AppendLine();
        text.AppendLine("## Memory (VmRSS of the server process)");
        text.AppendLine();
        text.AppendLine("| What | Figure |");
        text.AppendLine("|---|---|");
        text.AppendLine($"| Idle after initialize (3 documents open) | {result.IdleRssMib:0.0} MiB |");
        if (result.Growth is { } g)
        {
            text.AppendLine($"| Over {g.Evaluations} {g.Language} evaluations: first / last / max | {g.FirstMib:0.0} / {g.LastMib:0.0} / {g.MaxMib:0.0} MiB |");
            text.AppendLine($"| Slope (least squares over {g.Samples.Count} samples) | {g.SlopeMibPer1000:+0.0;-0.0} MiB per 1,000 evaluations |");
            text.AppendLine($"| Slope over the second half | {g.SecondHalfSlopeMibPer1000:+0.0;-0.0} MiB per 1,000 evaluations |");
            text.AppendLine($"| Samples (evaluations: MiB) | {string.Join(", ", g.Samples.Select(p => $"{p.Evaluations}: {p.Mib:0}"))} |");
        }

        text.AppendLine();
        text.AppendLine("## Targets");
        text.AppendLine();
        text.AppendLine("| Target | Measured | Met |");
        text.AppendLine("|---|---|---|");
        foreach (var t in result.Targets)
        {
            text.AppendLine($"| {t.Target} | {t.Measured} | {(t.Met ? "yes" : "NO")} |");
        }

        return text.ToString();
    }
}
