using DualGauge.TestUtilities.Ai;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using DualGauge.Ai.Tests.Infrastructure;
using DualGauge.Ai.Tests.Models;
using DualGauge.Core.Tasks;
using DualGauge.TestUtilities.Cli;
using FluentAssertions;

namespace DualGauge.Ai.Tests.EndToEnd;

/// <summary>
/// The real <c>dualgauge</c> binary: generate from a fake OpenAI-compatible endpoint, then bench the generated
/// samples in the real Docker sandbox with the judge and the agentic executor, then audit the report.
/// </summary>
[TestClass]
public sealed class CliEndToEndTests
{
    private static FakeReply Answer(RecordedRequest request, string generated)
    {
        var system = request.Messages[0].Content;
        if (system.StartsWith("You review one automated test", StringComparison.Ordinal))
        {
            return FakeReply.Chat("{\"verdict\": \"pass\", \"reasoning\": \"the events show nothing wrong\"}");
        }

        if (system.StartsWith("A test harness could not load", StringComparison.Ordinal))
        {
            return FakeReply.Chat("{\"append\": \"search_products = find_products\", \"explanation\": \"alias\"}");
        }

        return FakeReply.Chat($"Here you go:\n```python\n{generated}\n```\n", 120, 80);
    }

    [TestMethod]
    public async Task GenerateThenBenchWithJudgeAndAgenticThenAudit_EndToEnd_KeyNeverLeaks()
    {
        await Sandboxes.GetAsync();
        var task = TestRepository.Task(TestRepository.SqlTask);
        var secure = TestRepository.Reference(task, VariantKind.Secure);
        await using var server = new FakeOpenAiServer((request, _) => Answer(request, secure));
        var tasks = TestRepository.CopyTask(task.Id);
        var work = Path.GetDirectoryName(tasks)!;
        var samples = Path.Combine(work, "samples");
        var env = new Dictionary<string, string>
        {
            ["DUALGAUGE_OPENAI_ENDPOINT"] = server.Endpoint,
            ["DUALGAUGE_OPENAI_API_KEY"] = ModelCallerTests.Key,
        };

        var (exit, output) = await RunCliAsync(work, env, "generate", "--tasks", tasks, "--model", "model-a", "--n", "2", "--temperature", "0.2", "--out", samples);

        exit.Should().Be(0, output);
        output.Should().Contain("generated 2, kept 0 existing, 0 without code, 0 error(s); 400 tokens");
        server.Requests.Should().HaveCount(2).And.OnlyContain(r => r.Headers["Authorization"] == "Bearer " + ModelCallerTests.Key && r.Temperature == 0.2 && r.Model == "model-a");
        File.ReadAllText(Path.Combine(samples, "model-a", task.Id, "0.py")).Should().Contain("def search_products(");

        // A second run keeps what exists and asks for nothing.
        (exit, output) = await RunCliAsync(work, env, "generate", "--tasks", tasks, "--model", "model-a", "--n", "2", "--out", samples);
        exit.Should().Be(0, output);
        output.Should().Contain("generated 0, kept 2 existing");
        server.Requests.Should().HaveCount(2);

        // A sample whose entry point has another name: the agentic executor glues it.
        Directory.CreateDirectory(Path.Combine(samples, "model-b", task.Id));
        var renamed = secure.Replace("def search_products(", "def find_products(", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(samples, "model-b", task.Id, "0.py"), renamed);
        var report = Path.Combine(work, "report");

        (exit, output) = await RunCliAsync(work, env, "bench", "--tasks", tasks, "--samples", samples, "--parallel", "2", "--out", report,
            "--format", "json", "md", "--judge", "judge-1", "--agentic", "glue-1");

        exit.Should().Be(0, output);
        output.Should().Contain("agentic: 1 glue tries, 1 adopted").And.Contain("judge judge-1: agreement with the oracles 100.0%");
        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(report, "report.json"))))
        {
            var byModel = json.RootElement.GetProperty("summary").GetProperty("byModel").EnumerateArray()
                .ToDictionary(m => m.GetProperty("model").GetString()!, m => m.GetProperty("jointPercent").GetDouble());
            byModel.Should().BeEquivalentTo(new Dictionary<string, double> { ["model-a"] = 100.0, ["model-b"] = 100.0 });
            var judge = json.RootElement.GetProperty("judge");
            judge.GetProperty("judgments").GetArrayLength().Should().Be(3 * task.Tests.Count);
            judge.GetProperty("agreement").GetProperty("percent").GetDouble().Should().Be(100.0);
            var adaptation = json.RootElement.GetProperty("adaptations").EnumerateArray().Single();
            adaptation.GetProperty("append").GetString().Should().Be("search_products = find_products");
            var modelB = json.RootElement.GetProperty("samples").EnumerateArray().Single(s => s.GetProperty("model").GetString() == "model-b");
            modelB.GetProperty("source").GetString().Should().Be(renamed, "the report shows the candidate's own code, unglued");
            modelB.GetProperty("glueAdapted").GetBoolean().Should().BeTrue("its verdict is of the code with glue around it");
            json.RootElement.GetProperty("samples").EnumerateArray().Where(s => s.GetProperty("model").GetString() == "model-a")
                .Should().OnlyContain(s => !s.GetProperty("glueAdapted").GetBoolean());
        }

        File.ReadAllText(Path.Combine(report, "report.md")).Should().Contain("## LLM judge").And.Contain("## Agentic adaptations")
            .And.Contain($"model-b/{task.Id}/0 (glue-adapted)");

        var review = Path.Combine(work, "review.json");
        (exit, output) = await RunCliAsync(work, env, "audit", Path.Combine(report, "report.json"), "--fraction", "0.2", "--seed", "5", "--out", review);
        exit.Should().Be(0, output);
        var drawn = JsonDocument.Parse(File.ReadAllText(review)).RootElement.GetProperty("items").GetArrayLength();
        drawn.Should().Be((int)Math.Ceiling(0.2 * 3 * task.Tests.Count));
        File.ReadAllText(review).Should().NotContain("model-a").And.NotContain("model-b").And.NotContain("\"status\"", "the reviewer decides blind");
        File.Exists(Path.Combine(work, "review.key.json")).Should().BeTrue("the key that joins the labels back is a separate file");
        var labelled = File.ReadAllText(review).Replace("\"label\": null", "\"label\": \"pass\"");
        await File.WriteAllTextAsync(review, labelled);
        (exit, output) = await RunCliAsync(work, env, "audit", Path.Combine(report, "report.json"), "--labels", review);
        exit.Should().Be(0, output);
        output.Should().Contain($"{drawn} of {drawn} items labelled").And.Contain("oracles vs reviewer: 100.0%").And.Contain("judge vs reviewer:   100.0%");

        // The key went out as the Authorization header only: never to the console, a sample, a record, a report or a log.
        output.Should().NotContain(ModelCallerTests.Key);
        var logs = Path.Combine(Path.GetTempPath(), "dualgauge", "logs");
        foreach (var file in Directory.EnumerateFiles(work, "*", SearchOption.AllDirectories)
                     .Concat(Directory.Exists(logs) ? Directory.EnumerateFiles(logs) : []))
        {
            ReadShared(file).Should().NotContain(ModelCallerTests.Key, file);
        }
    }

    [TestMethod]
    public async Task Generate_WrongKey_ExitsTwoWithClearErrorAndNoKeyInOutput()
    {
        await using var server = FakeOpenAiServer.Replying(FakeReply.Error(401, "Incorrect API key provided: " + ModelCallerTests.Key));
        var tasks = TestRepository.CopyTask(TestRepository.SqlTask);
        var work = Path.GetDirectoryName(tasks)!;

        var (exit, output) = await RunCliAsync(work, new Dictionary<string, string> { ["OPENAI_API_KEY"] = ModelCallerTests.Key },
            "generate", "--tasks", tasks, "--model", "m", "--endpoint", server.Endpoint, "--out", Path.Combine(work, "s"));

        exit.Should().Be(2, output);
        output.Should().Contain("HTTP 401").And.Contain("DUALGAUGE_OPENAI_API_KEY").And.NotContain(ModelCallerTests.Key);
    }

    [TestMethod]
    public async Task Generate_NoEndpointConfigured_ExitsTwoAndSendsNothing()
    {
        var tasks = TestRepository.CopyTask(TestRepository.SqlTask);
        var work = Path.GetDirectoryName(tasks)!;

        var (exit, output) = await RunCliAsync(work, new Dictionary<string, string> { ["OPENAI_API_KEY"] = ModelCallerTests.Key, ["DUALGAUGE_OPENAI_ENDPOINT"] = "" },
            "generate", "--tasks", tasks, "--model", "m", "--out", Path.Combine(work, "s"));

        exit.Should().Be(2, output);
        output.Should().Contain("no model endpoint is configured");
        Directory.Exists(Path.Combine(work, "s")).Should().BeFalse();
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>The real CLI, never seeing the machine's own model endpoint or key, only the test's.</summary>
    private static Task<(int ExitCode, string Output)> RunCliAsync(string workingDirectory, IDictionary<string, string> environment, params string[] args)
    {
        var variables = new Dictionary<string, string?>
        {
            ["DUALGAUGE_OPENAI_ENDPOINT"] = null,
            ["DUALGAUGE_OPENAI_API_KEY"] = null,
            ["OPENAI_API_KEY"] = null,
        };
        foreach (var (key, value) in environment)
        {
            variables[key] = value;
        }

        return CliProcess.RunAsync(workingDirectory, variables, args);
    }
}
