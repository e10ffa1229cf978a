using DualGauge.TestUtilities.Ai;
using DualGauge.Ai.Fixes;
using DualGauge.Ai.Models;
using DualGauge.Ai.Tests.Infrastructure;
using DualGauge.Ai.Tests.Models;
using DualGauge.Core.Snippets;
using DualGauge.Core.Tasks;
using FluentAssertions;

namespace DualGauge.Ai.Tests.Fixes;

/// <summary>"Fix with AI (verified)" through the real snippet evaluator and Docker sandbox, with a fake model.</summary>
[TestClass]
public sealed class VerifiedFixerTests
{
    private static async Task<(SnippetEvaluator Evaluator, SnippetEvaluation Original, BenchTask Task)> FlaggedSnippetAsync()
    {
        var task = TestRepository.Task(TestRepository.SqlTask);
        var document = "# shop.py\n" + TestRepository.Reference(task, VariantKind.Insecure) + "\n\ndef unrelated():\n    return 1\n";
        var evaluator = new SnippetEvaluator(await Sandboxes.GetAsync(), [task]);
        var start = document.Split('\n').ToList().FindIndex(l => l.StartsWith("def search_products", StringComparison.Ordinal));
        var original = await evaluator.EvaluateAsync(new Snippet("file:///work/shop.py", Language.Python, document, start, start + 2, SnippetSource.Selection), CancellationToken.None);
        original.Match.Kind.Should().Be(MatchKind.BenchTask, original.Match.Reason);
        original.Verdict!.SecurePass.Should().BeFalse("the f-string query is injectable");
        return (evaluator, original, task);
    }

    private static ModelCaller Caller(FakeOpenAiServer server) =>
        ModelCaller.For(ModelEndpoint.Resolve(server.Endpoint, "fixer", ModelCallerTests.Key, TimeSpan.FromSeconds(10), _ => null));

    [TestMethod]
    public async Task FixAsync_RewritePassesBothSuites_OffersTheEdit()
    {
        var (evaluator, original, task) = await FlaggedSnippetAsync();
        var secure = TestRepository.Reference(task, VariantKind.Secure);
        await using var server = FakeOpenAiServer.Replying(FakeReply.Chat($"Use parameters:\n```python\n{secure}\n```"));

        var outcome = await new VerifiedFixer(Caller(server), evaluator).FixAsync(original, CancellationToken.None);

        outcome.Verified.Should().BeTrue(outcome.Message);
        outcome.Evaluation!.Verdict!.JointPass.Should().BeTrue();
        outcome.Edit!.StartLine.Should().Be(original.StartLine);
        outcome.Edit.EndLine.Should().Be(original.EndLine);
        outcome.Edit.NewDocumentText.Should().StartWith("# shop.py\n").And.Contain("ESCAPE '\\\\'").And.EndWith("def unrelated():\n    return 1\n");
        outcome.Edit.NewDocumentText.Should().NotContain("LIKE '%{like}%'");
        var asked = server.Requests.Single().Messages.Last().Content;
        asked.Should().Contain("quote_in_term").And.Contain("Attack:").And.Contain("evidence:");
    }

    [TestMethod]
    public async Task FixAsync_RewriteStillInjectable_OffersNoEditAndSaysWhatFails()
    {
        var (evaluator, original, task) = await FlaggedSnippetAsync();
        var insecure = TestRepository.Reference(task, VariantKind.Insecure);
        await using var server = FakeOpenAiServer.Replying(FakeReply.Chat($"```python\n{insecure}\n```"));

        var outcome = await new VerifiedFixer(Caller(server), evaluator, maxAttempts: 2).FixAsync(original, CancellationToken.None);

        outcome.Verified.Should().BeFalse();
        outcome.Edit.Should().BeNull();
        outcome.Attempts.Should().HaveCount(2);
        outcome.Message.Should().Contain("still fails").And.Contain("quote_in_term (security, CWE-89)");
        server.Requests.Last().Messages.Last().Content.Should().Contain("Earlier rewrites", "the second try hears why the first was refused");
    }

    [TestMethod]
    public async Task FixAsync_AnswerWithoutCode_OffersNoEdit()
    {
        var (evaluator, original, _) = await FlaggedSnippetAsync();
        await using var server = FakeOpenAiServer.Replying(FakeReply.Chat("Just use parameters."));

        var outcome = await new VerifiedFixer(Caller(server), evaluator, maxAttempts: 1).FixAsync(original, CancellationToken.None);

        outcome.Verified.Should().BeFalse();
        outcome.Message.Should().Contain("no code defining search_products");
    }
}
