using DualGauge.TestUtilities.Ai;
using DualGauge.Ai.Fixes;
using DualGauge.Ai.Models;
using DualGauge.Ai.Tests.Infrastructure;
using DualGauge.Ai.Tests.Models;
using DualGauge.Snippets;
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

    [TestMethod]
    public async Task FixAsync_FlaggedSnippet_SendsNoOracleInternalsAndNothingAboutPassingTests()
    {
        var (evaluator, original, task) = await FlaggedSnippetAsync();
        await using var server = FakeOpenAiServer.Replying(FakeReply.Chat("Just use parameters."));

        await new VerifiedFixer(Caller(server), evaluator, maxAttempts: 1).FixAsync(original, CancellationToken.None);

        var asked = server.Requests.Single().Messages.Last().Content;
        var failed = original.Verdict!.FailedTests.ToList();
        failed.Should().NotBeEmpty();
        using (new FluentAssertions.Execution.AssertionScope())
        {
            foreach (var test in failed)
            {
                asked.Should().Contain(test.Test.Id).And.Contain(test.Test.Description, "the failing tests' descriptions are the issue text");
                asked.Should().NotContain(test.Message, "the result message of {0} quotes an oracle's pattern or the test's expectation", test.Test.Id);
                foreach (var finding in test.Findings)
                {
                    asked.Should().NotContain(finding.Message).And.NotContain(finding.Oracle);
                }

                foreach (var oracle in test.Test.Oracles)
                {
                    foreach (var (name, value) in oracle.Arguments)
                    {
                        asked.Should().NotContain($"{name} '{value}'", "the oracle's {0} is how it detects the attack", name);
                    }
                }

                if (test.Test.Why is { } why)
                {
                    asked.Should().NotContain(why);
                }
            }

            foreach (var passing in original.Verdict.Tests.Where(t => t.Passed))
            {
                asked.Should().NotContain(passing.Test.Id, "which tests passed is not the model's to know");
            }

            asked.Should().NotContain("reached the SQL engine").And.NotContain("s3cr3t-hunter2\", 0)]\n", "a test's failure message is not sent");
            asked.Should().Contain("evidence: executed SQL:", "what the code did is still there");
        }
    }

    [TestMethod]
    public async Task FixAsync_RewriteAddingModuleCode_IsRejectedAndNeverRun()
    {
        var (evaluator, original, task) = await FlaggedSnippetAsync();
        var counting = new CountingEvaluator(evaluator);
        var rewrite = TestRepository.Reference(task, VariantKind.Insecure) + "\n\nsqlite3.Connection.execute = sqlite3.Connection.execute\n";
        await using var server = FakeOpenAiServer.Replying(FakeReply.Chat($"```python\n{rewrite}\n```"));

        var outcome = await new VerifiedFixer(Caller(server), counting, maxAttempts: 2).FixAsync(original, CancellationToken.None);

        outcome.Verified.Should().BeFalse();
        outcome.Edit.Should().BeNull();
        outcome.Attempts.Should().ContainSingle().Which.Outcome.Should().StartWith(VerifiedFixer.RejectedPrefix).And.Contain("at module level");
        counting.Calls.Should().Be(0, "a rewrite that breaks the rule is never evaluated, so it can never be verified");
        server.Requests.Should().ContainSingle("a rejected rewrite ends the loop");
        outcome.Message.Should().Contain("rejected");
    }

    private sealed class CountingEvaluator(ISnippetEvaluator inner) : ISnippetEvaluator
    {
        public int Calls { get; private set; }

        public Task<SnippetEvaluation> EvaluateAsync(Snippet snippet, CancellationToken cancellationToken)
        {
            Calls++;
            return inner.EvaluateAsync(snippet, cancellationToken);
        }
    }
}
