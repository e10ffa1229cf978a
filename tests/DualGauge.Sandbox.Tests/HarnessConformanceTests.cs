using System.Text;
using System.Text.Json;
using DualGauge.Core.Execution;
using DualGauge.Core.Tasks;
using DualGauge.Core.Traces;
using DualGauge.Sandbox.Tests.Infrastructure;

namespace DualGauge.Sandbox.Tests;

/// <summary>
/// Runs every case under HarnessCases/ (a folder holding job.json + expect.json, at any depth) through the real
/// sandbox and the real harness, and checks the trace against the case's expectations.
/// expect.json: { load_ok, test_status: {id: status}, events: [{ev, test?, match: {field: value, "field~": substring}}],
/// absent: [{ev, test?, match?}], ended }.
/// </summary>
[TestClass]
public sealed class HarnessConformanceTests
{
    private static readonly string CasesRoot = Path.Combine(AppContext.BaseDirectory, "HarnessCases");

    public TestContext TestContext { get; set; } = null!;

    public static IEnumerable<object[]> Cases =>
        Directory.Exists(CasesRoot)
            ? Directory.EnumerateFiles(CasesRoot, "job.json", SearchOption.AllDirectories)
                .Select(job => Path.GetRelativePath(CasesRoot, Path.GetDirectoryName(job)!).Replace(Path.DirectorySeparatorChar, '/'))
                .Order(StringComparer.Ordinal)
                .Select(name => new object[] { name })
            : throw new DirectoryNotFoundException($"No harness cases: {CasesRoot} does not exist (the csproj copies HarnessCases/ to the output).");

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public async Task Harness_Case_MatchesExpectations(string caseName)
    {
        var folder = Path.Combine(CasesRoot, caseName);
        var jobBytes = await File.ReadAllBytesAsync(Path.Combine(folder, "job.json"), TestContext.CancellationToken);
        using var job = JsonDocument.Parse(jobBytes);
        using var expect = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "expect.json"), TestContext.CancellationToken));
        var languageText = job.RootElement.TryGetProperty("language", out var l) ? l.GetString() : null;
        if (!LanguageExtensions.TryParse(languageText, out var language))
        {
            Assert.Fail($"case {caseName}: job.json has no valid \"language\" (found '{languageText}')");
        }

        var testCount = job.RootElement.TryGetProperty("tests", out var tests) ? tests.GetArrayLength() : 0;
        var testTimeoutMs = job.RootElement.TryGetProperty("testTimeoutMs", out var t) ? t.GetInt32() : 3000;
        // Room for every test to hit its own timeout, plus start-up and (for C) compilation.
        var timeout = TimeSpan.FromMilliseconds(testTimeoutMs * Math.Max(1, testCount)) + TimeSpan.FromSeconds(20);

        var run = await SandboxFixture.Sandbox.RunAsync(new SandboxJob(language, jobBytes, timeout, 16 * 1024 * 1024), TestContext.CancellationToken);
        var trace = Trace.Parse(run.Stdout);
        var failures = Check(expect.RootElement, trace, run);

        if (failures.Count > 0)
        {
            var message = new StringBuilder($"case {caseName}: {failures.Count} expectation(s) not met:");
            foreach (var failure in failures)
            {
                message.Append("\n  - ").Append(failure);
            }

            message.Append($"\nsandbox: outcome {run.Outcome}, exit {run.ExitCode?.ToString() ?? "none"}, {run.Duration.TotalMilliseconds:0} ms");
            message.Append("\ntrace:\n").Append(Clip(run.Stdout, 6000));
            if (run.Stderr.Length > 0)
            {
                message.Append("\nharness stderr:\n").Append(Clip(run.Stderr, 3000));
            }

            Assert.Fail(message.ToString());
        }
    }

    internal static List<string> Check(JsonElement expect, Trace trace, SandboxRun run)
    {
        var failures = new List<string>();
        if (run.Outcome != SandboxOutcome.Completed || run.ExitCode != 0)
        {
            failures.Add($"the harness must exit 0 by itself; sandbox outcome {run.Outcome}, exit code {run.ExitCode?.ToString() ?? "none"}");
        }

        if (expect.TryGetProperty("load_ok", out var loadOk))
        {
            var load = trace.Load;
            if (load is null)
            {
                failures.Add("load: expected a load event, found none");
            }
            else if (load.Bool("ok") != loadOk.GetBoolean())
            {
                failures.Add($"load: expected ok={loadOk.GetBoolean()}, found ok={load.Bool("ok")?.ToString() ?? "missing"} ({load.Data.GetRawText()})");
            }
        }

        if (expect.TryGetProperty("test_status", out var statuses))
        {
            foreach (var status in statuses.EnumerateObject())
            {
                var end = trace.TestEnd(status.Name);
                var actual = end?.String("status");
                if (actual != status.Value.GetString())
                {
                    failures.Add($"test {status.Name}: expected status '{status.Value.GetString()}', found {(end is null ? "no test_end event" : $"'{actual}' ({end.Data.GetRawText()})")}");
                }
            }
        }

        if (expect.TryGetProperty("events", out var events))
        {
            foreach (var wanted in events.EnumerateArray())
            {
                var (kind, test, candidates) = Candidates(wanted, trace);
                var matching = candidates.Where(e => Mismatch(wanted, e) is null).ToList();
                if (matching.Count == 0)
                {
                    var where = test is null ? "" : $" in test '{test}'";
                    failures.Add(candidates.Count == 0
                        ? $"event {kind}{where}: expected one matching {MatchText(wanted)}, found no {kind} event{where}"
                        : $"event {kind}{where}: expected one matching {MatchText(wanted)}; closest differed: {string.Join("; ", candidates.Take(3).Select(c => $"{Mismatch(wanted, c)} in {c.Data.GetRawText()}"))}");
                }
            }
        }

        if (expect.TryGetProperty("absent", out var absent))
        {
            foreach (var unwanted in absent.EnumerateArray())
            {
                var (kind, test, candidates) = Candidates(unwanted, trace);
                var present = candidates.FirstOrDefault(e => Mismatch(unwanted, e) is null);
                if (present is not null)
                {
                    failures.Add($"absent {kind}{(test is null ? "" : $" in test '{test}'")}: expected none, found {present.Data.GetRawText()}");
                }
            }
        }

        if (expect.TryGetProperty("ended", out var ended) && trace.Ended != ended.GetBoolean())
        {
            failures.Add($"end: expected ended={ended.GetBoolean()}, the trace {(trace.Ended ? "has" : "has no")} end event");
        }

        return failures;
    }

    private static (string Kind, string? Test, List<TraceEvent> Candidates) Candidates(JsonElement spec, Trace trace)
    {
        var kind = spec.GetProperty("ev").GetString()!;
        var test = spec.TryGetProperty("test", out var t) ? t.GetString() : null;
        var candidates = trace.Events.Where(e => e.Kind == kind && (test is null || e.Test == test)).ToList();
        return (kind, test, candidates);
    }

    private static string MatchText(JsonElement spec) =>
        spec.TryGetProperty("match", out var match) ? match.GetRawText() : "{}";

    /// <summary>Why <paramref name="actual"/> does not satisfy the spec's <c>match</c>, or null when it does.</summary>
    private static string? Mismatch(JsonElement spec, TraceEvent actual)
    {
        if (!spec.TryGetProperty("match", out var match))
        {
            return null;
        }

        foreach (var field in match.EnumerateObject())
        {
            if (field.Name.EndsWith('~'))
            {
                var name = field.Name[..^1];
                var text = actual.String(name);
                if (text is null || !text.Contains(field.Value.GetString() ?? "", StringComparison.Ordinal))
                {
                    return $"{name} {(text is null ? "missing" : Quote(text))} does not contain {Quote(field.Value.GetString() ?? "")}";
                }

                continue;
            }

            if (!actual.Data.TryGetProperty(field.Name, out var value))
            {
                return $"{field.Name} missing (expected {field.Value.GetRawText()})";
            }

            if (!JsonMatches(field.Value, value))
            {
                return $"{field.Name} is {value.GetRawText()}, expected {field.Value.GetRawText()}";
            }
        }

        return null;
    }

    /// <summary>Scalars and arrays must be equal; an expected object matches when each of its fields matches (a subset).</summary>
    internal static bool JsonMatches(JsonElement expected, JsonElement actual) => expected.ValueKind switch
    {
        JsonValueKind.Object => actual.ValueKind == JsonValueKind.Object
            && expected.EnumerateObject().All(p => actual.TryGetProperty(p.Name, out var v) && JsonMatches(p.Value, v)),
        JsonValueKind.Array => actual.ValueKind == JsonValueKind.Array
            && expected.GetArrayLength() == actual.GetArrayLength()
            && expected.EnumerateArray().Zip(actual.EnumerateArray()).All(pair => JsonMatches(pair.First, pair.Second)),
        JsonValueKind.Number => actual.ValueKind == JsonValueKind.Number && expected.GetDouble() == actual.GetDouble(),
        JsonValueKind.String => actual.ValueKind == JsonValueKind.String && expected.GetString() == actual.GetString(),
        _ => expected.ValueKind == actual.ValueKind,
    };

    private static string Quote(string text) => JsonSerializer.Serialize(Clip(text, 300));

    private static string Clip(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");
}
