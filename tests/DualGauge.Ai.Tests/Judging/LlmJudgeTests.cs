using DualGauge.TestUtilities.Ai;
using DualGauge.Ai.Judging;
using DualGauge.Ai.Models;
using DualGauge.Ai.Tests.Infrastructure;
using DualGauge.Ai.Tests.Models;
using DualGauge.Core.Reports;
using FluentAssertions;

namespace DualGauge.Ai.Tests.Judging;

[TestClass]
public sealed class LlmJudgeTests
{
    [TestMethod]
    [DataRow("{\"verdict\": \"pass\", \"reasoning\": \"bound\"}", JudgeVerdict.Pass, "bound")]
    [DataRow("```json\n{\"Verdict\": \"FAILED\", \"reasoning\": \"spliced\"}\n```", JudgeVerdict.Fail, "spliced")]
    [DataRow("{\"verdict\": \"maybe\"}", JudgeVerdict.Malformed, "neither pass nor fail")]
    [DataRow("{\"reasoning\": \"no verdict\"}", JudgeVerdict.Malformed, "no \"verdict\"")]
    [DataRow("{\"verdict\": \"pass\", ", JudgeVerdict.Malformed, "no JSON object")]
    [DataRow("{\"verdict\": pass}", JudgeVerdict.Malformed, "does not parse")]
    [DataRow("", JudgeVerdict.Malformed, "empty")]
    public void ParseAnswer_Variants_ReadsOrRecordsMalformed(string answer, JudgeVerdict expected, string reasoning)
    {
        var (verdict, text) = LlmJudge.ParseAnswer(answer);

        verdict.Should().Be(expected);
        text.Should().Contain(reasoning);
    }

    [TestMethod]
    public async Task JudgeAsync_FakeJudge_SendsSpecAndBlindTraceAndComputesAgreementAfterwards()
    {
        var task = TestRepository.Task(TestRepository.SqlTask);
        var verdict = Verdicts.FromTrace(task, "model-x", "0", failingSecurityTest: "quote_in_term");
        // The judge says "fail" for quote_in_term (agrees) and for finds_by_substring (disagrees), "pass" elsewhere; one malformed answer.
        await using var server = new FakeOpenAiServer((request, _) =>
        {
            var user = request.Messages.Last().Content;
            return user.Contains("Test: quote_in_term") || user.Contains("Test: finds_by_substring")
                ? FakeReply.Chat("{\"verdict\":\"fail\",\"reasoning\":\"the statement holds the payload\"}")
                : user.Contains("Test: percent_is_literal")
                    ? FakeReply.Chat("I think it passed.")
                    : FakeReply.Chat("{\"verdict\":\"pass\",\"reasoning\":\"nothing bad happened\"}");
        });
        var judge = new LlmJudge(ModelCaller.For(ModelEndpoint.Resolve(server.Endpoint, "judge-1", ModelCallerTests.Key, TimeSpan.FromSeconds(10), _ => null)));

        var section = await judge.JudgeAsync([verdict], null, CancellationToken.None);

        section.Judgments.Should().HaveCount(task.Tests.Count);
        section.Malformed.Should().Be(1);
        section.Judgments.Single(j => j.TestId == "percent_is_literal").RawAnswer.Should().Be("I think it passed.");
        section.Disagreements.Select(d => d.TestId).Should().BeEquivalentTo(["finds_by_substring"]);
        section.Agreement.Compared.Should().Be(task.Tests.Count - 1);
        section.Agreement.Agreements.Should().Be(task.Tests.Count - 2);
        var sent = server.Requests.Select(r => r.Messages.Last().Content).Single(c => c.Contains("Test: quote_in_term"));
        sent.Should().Contain("Attack:").And.Contain("\"ev\":\"sql\"").And.Contain("x' UNION SELECT");
        sent.Should().NotContain("Why the oracles catch it:").And.NotContain("Oracles' verdict").And.NotContain("test_end", "the judge decides blind");
        server.Requests.Should().OnlyContain(r => r.Model == "judge-1" && r.Temperature == 0);
    }
}
