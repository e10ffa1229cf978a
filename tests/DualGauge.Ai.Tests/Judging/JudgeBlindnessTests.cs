using System.Text.RegularExpressions;
using DualGauge.Ai.Judging;
using DualGauge.Ai.Models;
using DualGauge.Ai.Tests.Infrastructure;
using DualGauge.Ai.Tests.Models;
using DualGauge.Core.Reports;
using DualGauge.Core.Tasks;
using DualGauge.Core.Verdicts;
using DualGauge.TestUtilities.Ai;
using FluentAssertions;

namespace DualGauge.Ai.Tests.Judging;

/// <summary>
/// The judge decides blind: what the loopback endpoint received never holds the oracles' verdict, a test's
/// status or failure message, an oracle finding, or the words pass/fail outside the task's own specification.
/// </summary>
[TestClass]
public sealed partial class JudgeBlindnessTests
{
    private const string FunctionalMessage = "AssertionError: expected 2 rows for 'lamp', got 0";

    private static (BenchTask Task, SampleVerdict Verdict) FailingVerdict()
    {
        var task = TestRepository.Task(TestRepository.SqlTask);
        var verdict = Verdicts.FromTrace(task, "reference-insecure", "0", failingSecurityTest: "quote_in_term",
            failingFunctionalTest: "finds_by_substring", functionalMessage: FunctionalMessage);
        verdict.Tests.Single(t => t.Test.Id == "quote_in_term").Passed.Should().BeFalse("the oracle finds the payload");
        verdict.Tests.Single(t => t.Test.Id == "finds_by_substring").Status.Should().Be(TestStatus.Failed);
        return (task, verdict);
    }

    private static async Task<(FakeOpenAiServer Server, BenchTask Task, SampleVerdict Verdict)> JudgedAsync()
    {
        var (task, verdict) = FailingVerdict();
        var server = FakeOpenAiServer.Replying(FakeReply.Chat("{\"verdict\": \"violates\", \"reasoning\": \"the statement holds the term\"}"));
        var judge = new LlmJudge(ModelCaller.For(ModelEndpoint.Resolve(server.Endpoint, "judge-1", ModelCallerTests.Key, TimeSpan.FromSeconds(10), _ => null)),
            taskPrompt: id => TestRepository.Task(id).Prompt);
        await judge.JudgeAsync([verdict], null, CancellationToken.None);
        server.Requests.Should().HaveCount(task.Tests.Count);
        return (server, task, verdict);
    }

    private static string Sent(RecordedRequest request) => request.Body + "\n" + string.Join("\n", request.Messages.Select(m => m.Content));

    /// <summary>The request with the texts the judge is meant to read (the task's prompt and tests' descriptions and attacks) cut out.</summary>
    private static string WithoutSpecification(RecordedRequest request, BenchTask task)
    {
        var text = string.Join("\n", request.Messages.Select(m => m.Content));
        foreach (var spec in new[] { task.Prompt }.Concat(task.Tests.SelectMany(t => new[] { t.Description, t.Attacks })).OfType<string>().OrderByDescending(s => s.Length))
        {
            text = text.Replace(spec.Trim(), " ", StringComparison.Ordinal);
        }

        return text;
    }

    [TestMethod]
    public async Task JudgeAsync_FailingTests_NoRequestHoldsAVerdictWord()
    {
        var (server, task, _) = await JudgedAsync();
        await using var _s = server;

        foreach (var request in server.Requests)
        {
            var rest = WithoutSpecification(request, task);
            VerdictWords().Matches(rest).Select(m => m.Value).Should().BeEmpty(rest);
        }
    }

    [TestMethod]
    public async Task JudgeAsync_FailingTests_NoRequestHoldsTheOracleVerdictStatusOrMessage()
    {
        var (server, task, verdict) = await JudgedAsync();
        await using var _s = server;

        foreach (var request in server.Requests)
        {
            var sent = Sent(request);
            sent.Should().NotContain("Oracles' verdict").And.NotContain("PASS").And.NotContain("FAIL");
            sent.Should().NotContain("\"status\"").And.NotContain("\\u0022status\\u0022").And.NotContain("test_end");
            foreach (var status in Enum.GetNames<TestStatus>())
            {
                sent.Should().NotContain(status, "the harness's status of a test is not the judge's to read");
            }

            foreach (var test in verdict.Tests)
            {
                if (!test.Passed)
                {
                    sent.Should().NotContain(test.Message, "the failure message of {0} is the oracles' conclusion", test.Test.Id);
                }

                foreach (var finding in test.Findings)
                {
                    sent.Should().NotContain(finding.Message).And.NotContain(finding.Oracle);
                }

                if (test.Test.Why is { } why)
                {
                    sent.Should().NotContain(why, "how the oracles catch an attack is theirs");
                }
            }

            sent.Should().NotContain("reached the SQL engine").And.NotContain("payload=");
        }

        // Still the evidence of what the code did: the SQL it ran and what the call returned.
        var quote = server.Requests.Select(r => r.Messages.Last().Content).Single(c => c.Contains("Test: quote_in_term", StringComparison.Ordinal));
        quote.Should().Contain("\"ev\":\"sql\"").And.Contain("x' UNION SELECT").And.Contain("\"ev\":\"call\"").And.Contain("\"result\":\"[]\"");
        quote.Should().Contain(task.Prompt.Trim()[..60], "the judge reads the task's specification");
    }

    [TestMethod]
    public void From_SameTraceWhateverTheVerdict_GivesTheJudgeTheSameText()
    {
        var task = TestRepository.Task(TestRepository.SqlTask);
        var passing = Verdicts.FromTrace(task, "m", "0");
        var failing = Verdicts.FromTrace(task, "m", "0", failingFunctionalTest: "finds_by_substring", functionalMessage: FunctionalMessage);
        var test = task.Tests.Single(t => t.Id == "finds_by_substring");

        var seenPassing = JudgeCase.From(passing, passing.Tests.Single(t => t.Test.Id == test.Id), task.Prompt).Describe();
        var seenFailing = JudgeCase.From(failing, failing.Tests.Single(t => t.Test.Id == test.Id), task.Prompt).Describe();

        passing.Tests.Single(t => t.Test.Id == test.Id).Passed.Should().BeTrue();
        failing.Tests.Single(t => t.Test.Id == test.Id).Passed.Should().BeFalse();
        seenFailing.Should().Be(seenPassing, "what the judge reads does not depend on the harness's or the oracles' decision");
    }

    [TestMethod]
    public void JudgeCase_Shape_HoldsNoResultOfTheTest()
    {
        var types = typeof(JudgeCase).GetProperties().Select(p => p.PropertyType).ToList();

        types.Should().NotContain([typeof(bool), typeof(bool?), typeof(TestStatus), typeof(DualGauge.Core.Verdicts.TestResult), typeof(SampleVerdict), typeof(OracleFinding)]);
        typeof(JudgeCase).GetProperties().Select(p => p.Name).Should().NotContain(["Passed", "Status", "Message", "Findings", "Why", "Oracles", "Model", "SampleId"]);
    }

    [TestMethod]
    public async Task JudgeAsync_BlindAnswers_AreComparedWithTheOraclesOnlyInTheJoin()
    {
        var (task, verdict) = FailingVerdict();
        // The judge says "violates" for every test: it agrees exactly on the two tests the oracles failed.
        await using var server = FakeOpenAiServer.Replying(FakeReply.Chat("{\"verdict\": \"violates\", \"reasoning\": \"r\"}"));
        var judge = new LlmJudge(ModelCaller.For(ModelEndpoint.Resolve(server.Endpoint, "judge-1", ModelCallerTests.Key, TimeSpan.FromSeconds(10), _ => null)));
        var cases = JudgeCase.ForRun([verdict], null);

        var blind = await judge.JudgeCasesAsync(cases, null, CancellationToken.None);
        var section = JudgeSection.Join("judge-1", [verdict], blind);

        blind.Should().HaveCount(task.Tests.Count).And.OnlyContain(b => b.Verdict == JudgeVerdict.Fail);
        section.Agreement.Compared.Should().Be(task.Tests.Count);
        section.Agreement.Agreements.Should().Be(2);
        section.Judgments.Where(j => !j.Disagrees).Select(j => j.TestId).Should().BeEquivalentTo(["quote_in_term", "finds_by_substring"]);
    }

    [GeneratedRegex(@"\b(pass|fail|passed|failed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex VerdictWords();
}
