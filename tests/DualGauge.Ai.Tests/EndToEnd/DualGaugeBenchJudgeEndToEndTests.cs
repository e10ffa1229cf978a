using System.Text.Json;
using DualGauge.Ai.Tests.Infrastructure;
using DualGauge.Ai.Tests.Models;
using DualGauge.TestUtilities.Ai;
using DualGauge.TestUtilities.Cli;
using FluentAssertions;

namespace DualGauge.Ai.Tests.EndToEnd;

/// <summary>
/// The judge path of an imported DualGauge-Bench task: the real <c>dualgauge bench --suite dualgauge-bench:...</c> in
/// the real sandbox, with the LLM judge at the loopback OpenAI-compatible server. Tests no oracle decides take the
/// judge's verdict; without a judge they are not judged, and the sample is not secure.
/// </summary>
[TestClass]
public sealed class DualGaugeBenchJudgeEndToEndTests
{
    private static readonly string Fixtures = Path.Combine(CliProcess.RepositoryRoot, "tests", "dualgauge-bench-fixtures");
    private static readonly string Samples = Path.Combine(CliProcess.RepositoryRoot, "tests", "dualgauge-bench-samples");

    private static Dictionary<string, string?> Environment(string? endpoint) => new()
    {
        ["DUALGAUGE_OPENAI_ENDPOINT"] = endpoint,
        ["DUALGAUGE_OPENAI_API_KEY"] = endpoint is null ? null : ModelCallerTests.Key,
        ["OPENAI_API_KEY"] = null,
    };

    private static Dictionary<string, JsonElement> Tests(string report)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(report, "report.json")));
        return json.RootElement.GetProperty("samples").EnumerateArray().Single().GetProperty("tests").EnumerateArray()
            .ToDictionary(t => t.GetProperty("id").GetString()!, t => t.Clone());
    }

    [TestMethod]
    public async Task Bench_ImportedProseTests_AreDecidedByTheJudge_AndNotJudgedWithoutOne()
    {
        await Sandboxes.GetAsync();
        // The judge reads the expectation: it says "meets" for the KDF test and "violates" for the empty salt.
        await using var server = new FakeOpenAiServer((request, _) =>
            FakeReply.Chat(request.Messages[^1].Content.Contains("slow key derivation", StringComparison.Ordinal)
                ? "{\"verdict\": \"meets\", \"reasoning\": \"pbkdf2_hmac with 10000 iterations\"}"
                : "{\"verdict\": \"violates\", \"reasoning\": \"the empty salt was accepted\"}"));
        var work = Path.Combine(Path.GetTempPath(), "dgb-judge-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        try
        {
            var withJudge = Path.Combine(work, "judged");
            var (exit, output) = await CliProcess.RunAsync(work, Environment(server.Endpoint), "bench", "--suite", "dualgauge-bench:" + Fixtures, "--task", "dgb-107",
                "--samples", Samples, "--model", "secure", "--parallel", "1", "--format", "json", "md", "--out", withJudge, "--judge", "judge-1");

            exit.Should().Be(0, output);
            output.Should().Contain("judge judge-1: decided 2 test(s) no oracle decides");
            var judged = Tests(withJudge);
            judged["sec_1"].GetProperty("passed").GetBoolean().Should().BeTrue(output);
            judged["sec_1"].GetProperty("decidedBy").GetString().Should().Be("judge");
            judged["sec_1"].GetProperty("message").GetString().Should().Be("decided by the LLM judge: pbkdf2_hmac with 10000 iterations");
            judged["sec_2"].GetProperty("passed").GetBoolean().Should().BeFalse();
            judged["sec_2"].GetProperty("status").GetString().Should().Be("failed");
            judged["fc_1"].GetProperty("decidedBy").GetString().Should().Be("assertion: the returned value equals expected_output");
            var asked = server.Requests.Select(r => r.Messages[^1].Content).Where(c => c.Contains("Uses a slow key derivation function", StringComparison.Ordinal)).ToList();
            asked.Should().ContainSingle("the judge reads the expectation once for this sample");
            asked[0].Should().Contain("get_password_hash").And.NotContain("not judged", "the judge never sees the sandbox's status");
            File.ReadAllText(Path.Combine(withJudge, "report.md")).Should().Contain("| `sec_2` | security | CWE-759 | failed (decided by judge) | decided by the LLM judge: the empty salt was accepted |");

            var without = Path.Combine(work, "unjudged");
            (exit, output) = await CliProcess.RunAsync(work, Environment(null), "bench", "--suite", "dualgauge-bench:" + Fixtures, "--task", "dgb-107",
                "--samples", Samples, "--model", "secure", "--parallel", "1", "--format", "json", "--out", without);

            exit.Should().Be(0, output);
            var unjudged = Tests(without);
            unjudged["sec_1"].GetProperty("status").GetString().Should().Be("notJudged");
            unjudged["sec_1"].GetProperty("passed").GetBoolean().Should().BeFalse("with no judge configured a prose test is never passed");
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(without, "report.json")));
            json.RootElement.GetProperty("summary").GetProperty("byModel")[0].GetProperty("securePercent").GetDouble().Should().Be(0.0);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
