using DualGauge.TestUtilities.Ai;
using DualGauge.Ai.Agentic;
using DualGauge.Ai.Models;
using DualGauge.Ai.Tests.Infrastructure;
using DualGauge.Ai.Tests.Models;
using DualGauge.Core.Evaluation;
using DualGauge.Core.Tasks;
using DualGauge.Core.Verdicts;
using FluentAssertions;

namespace DualGauge.Ai.Tests.Agentic;

/// <summary>The agentic executor against the real Docker sandbox and a fake model.</summary>
[TestClass]
public sealed class AgenticSandboxTests
{
    private static ModelCaller Caller(FakeOpenAiServer server) =>
        ModelCaller.For(ModelEndpoint.Resolve(server.Endpoint, "glue-model", ModelCallerTests.Key, TimeSpan.FromSeconds(10), _ => null));

    private static (BenchTask Task, string Renamed) RenamedSecureReference()
    {
        var task = TestRepository.Task(TestRepository.SqlTask);
        var renamed = TestRepository.Reference(task, VariantKind.Secure).Replace("def search_products(", "def find_products(", StringComparison.Ordinal);
        renamed.Should().NotContain("def search_products(");
        return (task, renamed);
    }

    [TestMethod]
    public async Task EvaluateAsync_EntryPointUnderAnotherName_AliasGlueIsAdoptedAndTheSampleRuns()
    {
        var (task, renamed) = RenamedSecureReference();
        await using var server = FakeOpenAiServer.Replying(FakeReply.Chat("{\"prepend\": \"\", \"append\": \"search_products = find_products\", \"explanation\": \"alias the entry point\"}"));
        var agentic = new AgenticEvaluator(new SampleEvaluator(await Sandboxes.GetAsync()), Caller(server));

        var result = await agentic.EvaluateAsync(EvaluationRequest.ForTask(task, renamed, "m", "0", "/samples/m/0.py"), CancellationToken.None);

        result.Verdict.Failure.Should().Be(SampleFailure.None, result.Verdict.FailureDetail);
        result.Verdict.JointPass.Should().BeTrue();
        result.Verdict.SamplePath.Should().Be("/samples/m/0.py");
        var adaptation = result.Adaptations.Should().ContainSingle().Subject;
        adaptation.Adopted.Should().BeTrue();
        adaptation.Reason.Should().Contain("entry point search_products not found").And.Contain("find_products");
        adaptation.Append.Should().Be("search_products = find_products");
        var asked = server.Requests.Single().Messages.Last().Content;
        asked.Should().Contain(renamed.TrimEnd(), "the model sees the candidate's code as it is");
    }

    [TestMethod]
    public async Task EvaluateAsync_GlueThatReimplements_IsRefusedThreeTimesAndTheFirstVerdictStays()
    {
        var (task, renamed) = RenamedSecureReference();
        await using var server = FakeOpenAiServer.Replying(FakeReply.Chat(
            "{\"append\": \"def search_products(conn, term, sort_by='name', descending=False):\\n    rows = []\\n    for r in conn.execute('SELECT id, name, price FROM products'):\\n        rows.append(r)\\n    return rows\", \"explanation\": \"rewrite\"}"));
        var agentic = new AgenticEvaluator(new SampleEvaluator(await Sandboxes.GetAsync()), Caller(server));

        var result = await agentic.EvaluateAsync(EvaluationRequest.ForTask(task, renamed, "m", "0"), CancellationToken.None);

        result.Verdict.Failure.Should().Be(SampleFailure.CompileError);
        result.Adaptations.Should().HaveCount(3).And.OnlyContain(a => !a.Adopted && a.Outcome.Contains("loop"));
        server.Requests.Should().HaveCount(3, "the loop is bounded at three tries");
    }

    [TestMethod]
    public async Task EvaluateAsync_SanitisingWrapperAroundAnInsecureCandidate_IsRejectedOnceAndTheSampleStaysFailed()
    {
        // Before the glue rule this wrapper was adopted: the glued sample passed every security test (see the report of the change).
        var task = TestRepository.Task(TestRepository.SqlTask);
        var insecure = TestRepository.Reference(task, VariantKind.Insecure).Replace("def search_products(", "def find_products(", StringComparison.Ordinal);
        const string wrapper = "def search_products(conn, term, sort_by=\"name\", descending=False):\n    if sort_by not in (\"name\", \"price\", \"created\"):\n        raise ValueError(sort_by)\n    return find_products(conn, term.replace(\"'\", \"''\"), sort_by, descending)";
        await using var server = FakeOpenAiServer.Replying(FakeReply.Chat(System.Text.Json.JsonSerializer.Serialize(new { prepend = "", append = wrapper, explanation = "a wrapper" })));
        var agentic = new AgenticEvaluator(new SampleEvaluator(await Sandboxes.GetAsync()), Caller(server));

        var result = await agentic.EvaluateAsync(EvaluationRequest.ForTask(task, insecure, "m", "0"), CancellationToken.None);

        result.Verdict.Failure.Should().Be(SampleFailure.CompileError, "the sample keeps its first verdict");
        var adaptation = result.Adaptations.Should().ContainSingle().Subject;
        adaptation.Adopted.Should().BeFalse();
        adaptation.Outcome.Should().StartWith(AgenticEvaluator.RejectedPrefix).And.Contain("does more than return a call of the candidate's function").And.Contain("stays failed");
        adaptation.Append.Should().Be(wrapper, "the rejected glue is recorded");
        server.Requests.Should().ContainSingle("a rejected glue ends the loop: no more tries to probe the rule with");
    }

    [TestMethod]
    public async Task EvaluateAsync_InsecureButLoadingSample_AsksNothing()
    {
        var task = TestRepository.Task(TestRepository.SqlTask);
        await using var server = FakeOpenAiServer.Replying(FakeReply.Chat("{}"));
        var agentic = new AgenticEvaluator(new SampleEvaluator(await Sandboxes.GetAsync()), Caller(server));

        var result = await agentic.EvaluateAsync(EvaluationRequest.ForTask(task, TestRepository.Reference(task, VariantKind.Insecure), "m", "0"), CancellationToken.None);

        result.Verdict.SecurePass.Should().BeFalse();
        result.Adaptations.Should().BeEmpty();
        server.Requests.Should().BeEmpty("a logic failure is never glued");
    }
}
