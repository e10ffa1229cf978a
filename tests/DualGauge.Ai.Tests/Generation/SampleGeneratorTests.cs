using DualGauge.TestUtilities.Ai;
using DualGauge.Ai.Generation;
using DualGauge.Ai.Models;
using DualGauge.Ai.Tests.Infrastructure;
using DualGauge.Ai.Tests.Models;
using DualGauge.Core.Samples;
using DualGauge.Core.Tasks;
using FluentAssertions;

namespace DualGauge.Ai.Tests.Generation;

[TestClass]
public sealed class SampleGeneratorTests
{
    private static SampleGenerator Generator(FakeOpenAiServer server) =>
        new(model => ModelCaller.For(ModelEndpoint.Resolve(server.Endpoint, model, ModelCallerTests.Key, TimeSpan.FromSeconds(10), _ => null),
            new RetryOptions(2, TimeSpan.FromMilliseconds(20))));

    [TestMethod]
    public async Task RunAsync_TwoSamples_WritesTheBenchLayoutAndRecordsTokensAndTime()
    {
        var task = TestRepository.Task(TestRepository.SqlTask);
        var code = TestRepository.Reference(task, VariantKind.Secure);
        await using var server = FakeOpenAiServer.Replying(FakeReply.Chat($"Sure:\n```python\n{code}\n```\n", 100, 50));
        var root = TestRepository.TempDirectory();

        var run = await Generator(server).RunAsync(["org/model:7b"], [task], new GenerationOptions(root, 2, 0.4f), null, CancellationToken.None);

        run.Generated.Should().Be(2);
        run.Tokens.Should().Be(300);
        var loaded = SampleLayout.Load(root, new TaskCatalog(TestRepository.BenchTasks, [task], []));
        loaded.Errors.Should().BeEmpty("the records folder is invisible to bench");
        loaded.Samples.Select(s => (s.Model, s.SampleId)).Should().BeEquivalentTo([("org-model-7b", "0"), ("org-model-7b", "1")]);
        loaded.Samples[0].Code.Should().Be(code.Replace("\r\n", "\n").Trim('\n') + "\n");
        var record = SampleGenerator.ReadRecord(root, "org/model:7b", task.Id, 1)!;
        record.Status.Should().Be("code");
        (record.InputTokens, record.OutputTokens, record.TotalTokens).Should().Be((100L, 50L, 150L));
        record.DurationMs.Should().BeGreaterThan(0);
        record.Model.Should().Be("org/model:7b");
        var request = server.Requests.First();
        request.Model.Should().Be("org/model:7b");
        request.Temperature.Should().BeApproximately(0.4, 1e-6);
        request.Messages.Should().Contain(m => m.Role == "user" && m.Content == task.Prompt);
    }

    [TestMethod]
    public async Task RunAsync_SecondRun_KeepsExistingSamplesAndAsksOnlyForMissingOnes()
    {
        var task = TestRepository.Task(TestRepository.SqlTask);
        await using var server = FakeOpenAiServer.Replying(FakeReply.Chat("```python\ndef search_products(conn, term, sort_by='name', descending=False):\n    return []\n```"));
        var root = TestRepository.TempDirectory();
        await Generator(server).RunAsync(["m"], [task], new GenerationOptions(root, 1), null, CancellationToken.None);
        var first = SampleGenerator.SamplePath(root, "m", task, 0);
        await File.WriteAllTextAsync(first, "# edited by hand\n");

        var run = await Generator(server).RunAsync(["m"], [task], new GenerationOptions(root, 3), null, CancellationToken.None);

        run.Kept.Should().Be(1);
        run.Generated.Should().Be(2);
        server.Requests.Should().HaveCount(3, "one request for the first run, two for the missing samples");
        File.ReadAllText(first).Should().Be("# edited by hand\n");
    }

    [TestMethod]
    public async Task RunAsync_AnswerWithoutCode_WritesAFailingPlaceholderAndRecordsIt()
    {
        var task = TestRepository.Task(TestRepository.SqlTask);
        await using var server = FakeOpenAiServer.Replying(FakeReply.Chat("I would rather not."), FakeReply.Chat(""));
        var root = TestRepository.TempDirectory();

        var run = await Generator(server).RunAsync(["m"], [task], new GenerationOptions(root, 2, Concurrency: 1), null, CancellationToken.None);

        run.WithoutCode.Should().Be(2);
        run.Records.Select(r => r.Status).Should().BeEquivalentTo(["no-code", "empty-answer"]);
        File.ReadAllText(SampleGenerator.SamplePath(root, "m", task, 0)).Should().StartWith("# DualGauge: the model's answer had no code");
        SampleGenerator.ReadRecord(root, "m", task.Id, 0)!.Answer.Should().Be("I would rather not.");
    }

    [TestMethod]
    public async Task RunAsync_EndpointKeepsFailing_WritesNoSampleSoTheNextRunRetries()
    {
        var task = TestRepository.Task(TestRepository.SqlTask);
        await using var server = FakeOpenAiServer.Replying(new FakeReply(200, "not json at all"));
        var root = TestRepository.TempDirectory();

        var run = await Generator(server).RunAsync(["m"], [task], new GenerationOptions(root, 1), null, CancellationToken.None);

        run.Errors.Should().Be(1);
        File.Exists(SampleGenerator.SamplePath(root, "m", task, 0)).Should().BeFalse();
        SampleGenerator.ReadRecord(root, "m", task.Id, 0)!.Note.Should().Contain("not a chat completion");
    }

    [TestMethod]
    public async Task RunAsync_KeyRejected_StopsWithClearErrorAndNoFileHoldsTheKey()
    {
        var task = TestRepository.Task(TestRepository.SqlTask);
        await using var server = FakeOpenAiServer.Replying(FakeReply.Error(401, $"bad key {ModelCallerTests.Key}"));
        var root = TestRepository.TempDirectory();

        var act = () => Generator(server).RunAsync(["m"], [task], new GenerationOptions(root, 4, Concurrency: 1), null, CancellationToken.None);

        (await act.Should().ThrowAsync<ModelCallException>()).Which.Kind.Should().Be(ModelErrorKind.Unauthorized);
        server.Requests.Count.Should().BeLessThan(4, "the run stops at the first refusal");
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            File.ReadAllText(file).Should().NotContain(ModelCallerTests.Key, file);
        }
    }

    [TestMethod]
    public void ModelFolder_NameWithSlashAndColon_IsOneSafeFolder()
    {
        SampleGenerator.ModelFolder("meta/llama-3:8b").Should().Be("meta-llama-3-8b");
        SampleGenerator.ModelFolder(".hidden").Should().Be("m.hidden");
    }
}
