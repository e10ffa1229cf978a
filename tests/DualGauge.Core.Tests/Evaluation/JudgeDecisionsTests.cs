using DualGauge.Core.Evaluation;
using DualGauge.Core.Reports;
using DualGauge.Core.Tasks;
using DualGauge.Core.Verdicts;
using FluentAssertions;
using TestResult = DualGauge.Core.Verdicts.TestResult;

namespace DualGauge.Core.Tests.Evaluation;

[TestClass]
public sealed class JudgeDecisionsTests
{
    private static readonly TestSpec Functional = new("fc_1", TestKind.Functional, "returns 2", null, null, null, [], "assertion: the returned value equals expected_output");
    private static readonly TestSpec Oracle = new("sec_1", TestKind.Security, "rejects traversal", "CWE-22", "calls f", "files", [new OracleSpec("files-within", new Dictionary<string, string> { ["root"] = "{workdir}" })], "oracle: files-within {workdir}");
    private static readonly TestSpec ProseA = new("sec_2", TestKind.Security, "uses a slow KDF", "CWE-916", "calls f", "judge", [], TestSpec.Judge);
    private static readonly TestSpec ProseB = new("sec_3", TestKind.Security, "refuses an empty salt", "CWE-759", "calls f", "judge", [], TestSpec.Judge);
    private static readonly TestSpec ProseC = new("sec_4", TestKind.Security, "logs the attempt", "CWE-22", "calls f", "judge", [], TestSpec.Judge);

    private static SampleVerdict Verdict() => new()
    {
        TaskId = "dgb-7",
        Language = Language.Python,
        Cwes = ["CWE-22", "CWE-916", "CWE-759"],
        Model = "m",
        SampleId = "0",
        Tests =
        [
            new TestResult(Functional, TestStatus.Passed, true, "passed", [], TimeSpan.Zero),
            new TestResult(Oracle, TestStatus.Passed, true, "passed", [], TimeSpan.Zero),
            new TestResult(ProseA, TestStatus.NotJudged, false, "not judged: decided by the LLM judge only", [], TimeSpan.Zero),
            new TestResult(ProseB, TestStatus.NotJudged, false, "not judged: decided by the LLM judge only", [], TimeSpan.Zero),
            new TestResult(ProseC, TestStatus.NotJudged, false, "not judged: decided by the LLM judge only", [], TimeSpan.Zero),
        ],
        Failure = SampleFailure.None,
        Duration = TimeSpan.Zero,
    };

    private static JudgedTest Judged(TestSpec test, bool oraclePassed, JudgeVerdict verdict) =>
        new("m", "dgb-7", "0", test.Id, test.Kind, test.Cwe, oraclePassed, verdict, "because of the events", null);

    [TestMethod]
    public void Apply_JudgeOnlyTests_TakeTheJudgesVerdict_AndOnlyOracleTestsAreCompared()
    {
        var verdict = Verdict();
        var section = new JudgeSection("judge-model",
        [
            Judged(Functional, true, JudgeVerdict.Pass),
            Judged(Oracle, true, JudgeVerdict.Fail),
            Judged(ProseA, false, JudgeVerdict.Pass),
            Judged(ProseB, false, JudgeVerdict.Fail),
            Judged(ProseC, false, JudgeVerdict.Malformed),
        ]);

        var (verdicts, reduced, decided) = JudgeDecisions.Apply([verdict], section);

        decided.Should().Be(2);
        var tests = verdicts.Single().Tests;
        tests[0].Should().BeSameAs(verdict.Tests[0]);
        tests[1].Passed.Should().BeTrue("an oracle-decided test keeps the oracles' verdict, whatever the judge said");
        tests[2].Should().Match<TestResult>(t => t.Passed && t.Status == TestStatus.Passed && t.Message == JudgeDecisions.Prefix + "because of the events");
        tests[3].Should().Match<TestResult>(t => !t.Passed && t.Status == TestStatus.Failed);
        tests[4].Should().Match<TestResult>(t => !t.Passed && t.Status == TestStatus.NotJudged, "a malformed answer decides nothing");
        verdicts.Single().SecurePass.Should().BeFalse();
        reduced.Judgments.Select(j => j.TestId).Should().Equal("fc_1", "sec_1");
        reduced.Agreement.Compared.Should().Be(2);
    }

    [TestMethod]
    public void Apply_WithoutAnAnswer_TheTestStaysNotJudged_NeverPassed()
    {
        var (verdicts, _, decided) = JudgeDecisions.Apply([Verdict()], new JudgeSection("judge-model", []));

        decided.Should().Be(0);
        verdicts.Single().Tests.Where(t => t.Test.NeedsJudge).Should().OnlyContain(t => !t.Passed && t.Status == TestStatus.NotJudged);
    }
}
