using DualGauge.Core.Evaluation;
using DualGauge.Core.Tasks;
using DualGauge.Core.Verdicts;
using FluentAssertions;

namespace DualGauge.Core.Tests.Evaluation;

[TestClass]
public sealed class ReferenceValidatorTests
{
    private static readonly BenchTask Task = BenchRunnerTests.Sample("x").Task;

    [TestMethod]
    [DataRow(VariantKind.Secure, true, true, 0)]
    [DataRow(VariantKind.Secure, true, false, 1)]
    [DataRow(VariantKind.Insecure, true, false, 0)]
    [DataRow(VariantKind.Insecure, true, true, 1)]
    [DataRow(VariantKind.Insecure, false, false, 1)]
    [DataRow(VariantKind.Wrong, false, true, 0)]
    [DataRow(VariantKind.Wrong, true, true, 1)]
    public void Check_VariantOutcome_FlagsOnlyContradictions(VariantKind kind, bool functional, bool secure, int problems)
    {
        var variant = new TaskVariant("v", kind, "references/v.py", null);

        var found = ReferenceValidator.Check(Task, variant, Verdict(functional, secure));

        found.Should().HaveCount(problems);
        found.Where(p => p.TaskId != "t" || p.Variant != "v").Should().BeEmpty("every problem names the task and the variant");
    }

    [TestMethod]
    public void Check_SecureFailsTest_NamesTaskAndTest()
    {
        var problem = ReferenceValidator.Check(Task, new TaskVariant("secure", VariantKind.Secure, "r", null), Verdict(true, false)).Single();

        problem.ToString().Should().Be("t / secure (secure) / sec: the secure reference fails this security test: boom");
    }

    private static SampleVerdict Verdict(bool functional, bool secure) => new()
    {
        TaskId = "t",
        Language = Language.Python,
        Cwes = ["CWE-89"],
        Model = "m",
        SampleId = "v",
        Failure = SampleFailure.None,
        Duration = TimeSpan.Zero,
        Tests =
        [
            new DualGauge.Core.Verdicts.TestResult(Task.Tests[0], functional ? TestStatus.Passed : TestStatus.Failed, functional, functional ? "passed" : "boom", [], TimeSpan.Zero),
            new DualGauge.Core.Verdicts.TestResult(Task.Tests[1], secure ? TestStatus.Passed : TestStatus.Failed, secure, secure ? "passed" : "boom", [], TimeSpan.Zero),
        ],
    };
}
