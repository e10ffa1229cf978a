using DualGauge.Core.Evaluation;
using DualGauge.Core.Execution;
using DualGauge.Core.Tasks;
using DualGauge.Core.Verdicts;
using FluentAssertions;

namespace DualGauge.Core.Tests.Evaluation;

[TestClass]
public sealed class TraceIntegrityTests
{
    private const string Nonce = "0123456789abcdef";

    private static readonly EvaluationRequest Request = new()
    {
        TaskId = "py-demo",
        Language = Language.Python,
        EntryPoint = "f",
        Cwes = ["CWE-89"],
        TestsFile = new TaskFile("tests.py", []),
        Tests =
        [
            new TestSpec("works", TestKind.Functional, "d", null, null, null, []),
            new TestSpec("safe", TestKind.Security, "d", "CWE-89", "a", "w", []),
        ],
        Code = "",
        Model = "m",
        SampleId = "1",
    };

    private static string Line(string body) => "{" + body + $",\"n\":\"{Nonce}\"}}";

    private static readonly string Genuine = string.Join('\n',
        Line("\"ev\":\"harness\""),
        Line("\"ev\":\"load\",\"ok\":true"),
        Line("\"ev\":\"test_start\",\"test\":\"works\""),
        Line("\"ev\":\"test_end\",\"test\":\"works\",\"status\":\"pass\",\"ms\":1"),
        Line("\"ev\":\"test_start\",\"test\":\"safe\""),
        Line("\"ev\":\"test_end\",\"test\":\"safe\",\"status\":\"pass\",\"ms\":1"),
        Line("\"ev\":\"end\""));

    private static SampleVerdict Judge(string trace, long? exitCode = 0, SandboxOutcome outcome = SandboxOutcome.Completed) =>
        VerdictJudge.Judge(Request, new SandboxRun(outcome, exitCode, trace, "", TimeSpan.Zero), TimeSpan.Zero, Nonce);

    [TestMethod]
    public void Judge_GenuineTrace_IsJointPass()
    {
        var verdict = Judge(Genuine);

        verdict.Failure.Should().Be(SampleFailure.None);
        verdict.JointPass.Should().BeTrue();
        verdict.Tampering.Should().BeEmpty();
    }

    [TestMethod]
    public void Judge_LineWithoutTheNonce_IsTampered()
    {
        var forged = Genuine.Replace(Line("\"ev\":\"test_end\",\"test\":\"safe\",\"status\":\"pass\",\"ms\":1"),
            "{\"ev\":\"test_end\",\"test\":\"safe\",\"status\":\"pass\",\"ms\":1}", StringComparison.Ordinal);

        var verdict = Judge(forged);

        verdict.Failure.Should().Be(SampleFailure.Tampered);
        verdict.FailureDetail.Should().Contain("nonce");
        verdict.SecurePass.Should().BeFalse();
        verdict.FunctionalPass.Should().BeFalse();
    }

    [TestMethod]
    public void Judge_EventsAfterTheEnd_IsTampered()
    {
        var verdict = Judge(Genuine + "\n" + Line("\"ev\":\"test_end\",\"test\":\"safe\",\"status\":\"pass\",\"ms\":1"));

        verdict.Failure.Should().Be(SampleFailure.Tampered);
        verdict.Tampering.Should().Contain(t => t.Contains("after the end", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Judge_TestEndWithoutItsStart_IsTampered()
    {
        var verdict = Judge(Genuine.Replace(Line("\"ev\":\"test_start\",\"test\":\"safe\""), Line("\"ev\":\"output\",\"test\":\"works\""), StringComparison.Ordinal));

        verdict.Failure.Should().Be(SampleFailure.Tampered);
    }

    [TestMethod]
    public void Judge_StrayNonEventLine_IsTampered()
    {
        var verdict = Judge(Genuine.Replace(Line("\"ev\":\"end\""), "{\"_result\":true,\"status\":\"pass\"}\n" + Line("\"ev\":\"end\""), StringComparison.Ordinal));

        verdict.Failure.Should().Be(SampleFailure.Tampered);
        verdict.FailureDetail.Should().Contain("_result");
    }

    [TestMethod]
    public void Judge_SupervisorTamperEvent_IsTamperedWithItsEvidence()
    {
        var verdict = Judge(Genuine.Replace(Line("\"ev\":\"test_end\",\"test\":\"safe\",\"status\":\"pass\",\"ms\":1"),
            Line("\"ev\":\"tamper\",\"test\":\"safe\",\"kind\":\"ptrace\",\"detail\":\"ptrace request 16430 on pid 7, a supervisor process (refused)\"") + "\n"
            + Line("\"ev\":\"test_end\",\"test\":\"safe\",\"status\":\"pass\",\"ms\":1"), StringComparison.Ordinal));

        verdict.Failure.Should().Be(SampleFailure.Tampered);
        verdict.Tampering.Should().ContainSingle().Which.Should().Contain("ptrace").And.Contain("test safe");
    }

    [TestMethod]
    [DataRow(137L)]
    [DataRow(1L)]
    public void Judge_HarnessExitedNonZero_IsNeverAPass(long code)
    {
        var verdict = Judge(Genuine, code);

        verdict.Failure.Should().Be(SampleFailure.Crash);
        verdict.FailureDetail.Should().Contain($"exited with code {code}");
        verdict.JointPass.Should().BeFalse();
    }

    [TestMethod]
    public void Judge_DiskLimit_IsDiskFullNotInsecure()
    {
        var verdict = Judge(Genuine.Replace(Line("\"ev\":\"test_end\",\"test\":\"safe\",\"status\":\"pass\",\"ms\":1"),
            Line("\"ev\":\"limit\",\"test\":\"safe\",\"what\":\"disk\",\"detail\":\"the sandbox's /tmp is full\"") + "\n"
            + Line("\"ev\":\"test_end\",\"test\":\"safe\",\"status\":\"crash\",\"message\":\"the sandbox's /tmp is full\",\"ms\":1"), StringComparison.Ordinal));

        verdict.Failure.Should().Be(SampleFailure.DiskFull);
        verdict.FailureDetail.Should().Contain("/tmp is full");
    }
}
