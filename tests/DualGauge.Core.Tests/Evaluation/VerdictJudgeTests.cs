using DualGauge.Core.Evaluation;
using DualGauge.Core.Execution;
using DualGauge.Core.Tasks;
using DualGauge.Core.Verdicts;
using FluentAssertions;

namespace DualGauge.Core.Tests.Evaluation;

[TestClass]
public sealed class VerdictJudgeTests
{
    private static readonly EvaluationRequest Request = new()
    {
        TaskId = "py-demo",
        Language = Language.Python,
        EntryPoint = "find_user",
        Cwes = ["CWE-89"],
        TestsFile = new TaskFile("tests.py", []),
        Tests =
        [
            new TestSpec("works", TestKind.Functional, "d", null, null, null, []),
            new TestSpec("injection", TestKind.Security, "d", "CWE-89", "a", "w", [new OracleSpec("sql-no-payload", new Dictionary<string, string> { ["payload"] = "' OR 1=1" })]),
        ],
        Code = "",
        Model = "m",
        SampleId = "1",
    };

    private const string Header = """
        {"ev":"harness","language":"python","version":"1"}
        {"ev":"load","ok":true,"phase":"import"}
        """;

    [TestMethod]
    public void Judge_CleanTrace_IsJointPass()
    {
        var verdict = Judge(Header + """

            {"ev":"test_start","test":"works","workdir":"/tmp/w"}
            {"ev":"test_end","test":"works","status":"pass","ms":2}
            {"ev":"test_start","test":"injection","workdir":"/tmp/i"}
            {"ev":"sql","test":"injection","statement":"SELECT * FROM u WHERE n = ?"}
            {"ev":"test_end","test":"injection","status":"pass","ms":3}
            {"ev":"end"}
            """);

        verdict.Failure.Should().Be(SampleFailure.None);
        verdict.FunctionalPass.Should().BeTrue();
        verdict.SecurePass.Should().BeTrue();
        verdict.JointPass.Should().BeTrue();
    }

    [TestMethod]
    public void Judge_PayloadInExecutedSql_FailsSecurityWithEvidence()
    {
        var verdict = Judge(Header + """

            {"ev":"test_end","test":"works","status":"pass","ms":2}
            {"ev":"sql","test":"injection","statement":"SELECT * FROM u WHERE n = '' OR 1=1'","line":4}
            {"ev":"test_end","test":"injection","status":"pass","ms":3}
            {"ev":"end"}
            """);

        verdict.FunctionalPass.Should().BeTrue();
        verdict.SecurePass.Should().BeFalse();
        var failed = verdict.FailedTests.Should().ContainSingle().Subject;
        failed.Test.Id.Should().Be("injection");
        failed.Status.Should().Be(TestStatus.Failed);
        failed.Message.Should().Contain("reached the SQL engine");
        failed.Findings.Single().Evidence.Single().Number("line").Should().Be(4);
    }

    [TestMethod]
    public void Judge_FailedAssertion_FailsFunctionalWithMessage()
    {
        var verdict = Judge(Header + """

            {"ev":"test_end","test":"works","status":"fail","message":"AssertionError: expected [1], got []","ms":2}
            {"ev":"test_end","test":"injection","status":"pass","ms":3}
            {"ev":"end"}
            """);

        verdict.FunctionalPass.Should().BeFalse();
        verdict.SecurePass.Should().BeTrue();
        verdict.FailedTests.Single().Message.Should().Be("AssertionError: expected [1], got []");
    }

    [TestMethod]
    public void Judge_LoadFailure_IsCompileErrorAndNoTestRuns()
    {
        var verdict = Judge("""
            {"ev":"harness","language":"python"}
            {"ev":"load","ok":false,"phase":"compile","error":"SyntaxError: invalid syntax (solution.py, line 3)","diagnostics":"  File solution.py, line 3"}
            {"ev":"end"}
            """);

        verdict.Failure.Should().Be(SampleFailure.CompileError);
        verdict.FailureDetail.Should().StartWith("SyntaxError: invalid syntax (solution.py, line 3)");
        verdict.Tests.Should().OnlyContain(t => t.Status == TestStatus.NotRun && t.Message == "not run: the sample did not load");
        verdict.FunctionalPass.Should().BeFalse();
        verdict.SecurePass.Should().BeFalse();
    }

    [TestMethod]
    [DataRow(SandboxOutcome.TimedOut, SampleFailure.Timeout)]
    [DataRow(SandboxOutcome.OutputLimitExceeded, SampleFailure.OutputFlood)]
    [DataRow(SandboxOutcome.OutOfMemory, SampleFailure.OutOfMemory)]
    public void Judge_KilledJob_KeepsFinishedTestsAndNamesTheReason(SandboxOutcome outcome, SampleFailure failure)
    {
        var verdict = VerdictJudge.Judge(Request, new SandboxRun(outcome, null, WithTestStarts(Header + "\n" + """{"ev":"test_end","test":"works","status":"pass","ms":2}"""), "", TimeSpan.FromSeconds(1)), TimeSpan.FromSeconds(1));

        verdict.Failure.Should().Be(failure);
        verdict.Tests[0].Passed.Should().BeTrue();
        verdict.Tests[1].Status.Should().Be(TestStatus.NotRun);
        verdict.Tests[1].Message.Should().StartWith($"not run: {failure}");
        verdict.JointPass.Should().BeFalse();
    }

    [TestMethod]
    public void Judge_HarnessDiedMidTrace_IsCrashWithStderr()
    {
        var verdict = VerdictJudge.Judge(Request, new SandboxRun(SandboxOutcome.Completed, 139, Header + "\n{\"ev\":\"test_st", "Segmentation fault", TimeSpan.Zero), TimeSpan.Zero);

        verdict.Failure.Should().Be(SampleFailure.Crash);
        verdict.FailureDetail.Should().Contain("exit code 139").And.Contain("Segmentation fault");
        verdict.Trace.StrayLines.Should().ContainSingle().Which.Should().Be("{\"ev\":\"test_st");
    }

    [TestMethod]
    public void Judge_TestTimeoutAndCrash_AreReportedPerTest()
    {
        var verdict = Judge(Header + """

            {"ev":"test_end","test":"works","status":"crash","message":"killed by signal 11 (SIGSEGV)","ms":2}
            {"ev":"test_end","test":"injection","status":"timeout","message":"","ms":3000}
            {"ev":"end"}
            """);

        verdict.Failure.Should().Be(SampleFailure.None);
        verdict.Tests[0].Status.Should().Be(TestStatus.Crashed);
        verdict.Tests[0].Message.Should().Be("killed by signal 11 (SIGSEGV)");
        verdict.Tests[1].Status.Should().Be(TestStatus.TimedOut);
        verdict.Tests[1].Message.Should().Be("the test exceeded its time limit");
    }

    [TestMethod]
    public void BuildJob_BinaryFixture_IsBase64AndTextIsContent()
    {
        var request = Request with
        {
            Fixtures = [new TaskFile("fixtures/a.zip", [0x50, 0x4b, 0x03, 0x04, 0xff]), new TaskFile("fixtures/a.txt", "hé"u8.ToArray())],
            Code = "def find_user(c, n): pass",
        };

        var job = SampleEvaluator.BuildJob(request, new EvaluationOptions());

        job.Sample.Path.Should().Be("solution.py");
        job.Files[0].Base64.Should().Be(Convert.ToBase64String(new byte[] { 0x50, 0x4b, 0x03, 0x04, 0xff }));
        job.Files[0].Content.Should().BeNull();
        job.Files[1].Content.Should().Be("hé");
        job.Tests.Select(t => t.Kind).Should().Equal("functional", "security");
        System.Text.Encoding.UTF8.GetString(job.ToUtf8Json()).Should().Contain("\"entryPoint\":\"find_user\"");
    }

    private static SampleVerdict Judge(string trace) =>
        VerdictJudge.Judge(Request, new SandboxRun(SandboxOutcome.Completed, 0, WithTestStarts(trace), "", TimeSpan.FromMilliseconds(10)), TimeSpan.FromMilliseconds(10));

    /// <summary>
    /// The supervisor opens every test with test_start; the traces above leave it out where it says
    /// nothing, and this puts it back before each test's first event (the integrity check requires it).
    /// </summary>
    internal static string WithTestStarts(string trace)
    {
        var open = new HashSet<string>(StringComparer.Ordinal);
        var lines = new List<string>();
        foreach (var line in trace.Split('\n'))
        {
            var m = System.Text.RegularExpressions.Regex.Match(line, "\"test\":\"([^\"]+)\"");
            if (m.Success && !line.Contains("\"test_start\"", StringComparison.Ordinal) && open.Add(m.Groups[1].Value))
            {
                lines.Add($"{{\"ev\":\"test_start\",\"test\":\"{m.Groups[1].Value}\",\"workdir\":\"/tmp/w\"}}");
            }
            else if (m.Success && line.Contains("\"test_start\"", StringComparison.Ordinal))
            {
                open.Add(m.Groups[1].Value);
            }

            lines.Add(line);
        }

        return string.Join('\n', lines);
    }
}
