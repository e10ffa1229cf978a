using DualGauge.Core.Metrics;
using FluentAssertions;

namespace DualGauge.Core.Tests.Metrics;

[TestClass]
public sealed class BenchAggregatorTests
{
    private const double Tolerance = 1e-9;

    [TestMethod]
    public void Summarize_TwoModels_CountsTasksSamplesAndShares()
    {
        var summary = BenchAggregator.Summarize(FakeVerdicts.TwoModels());

        summary.Models.Should().Equal("model-a", "model-b");
        summary.Tasks.Should().Be(3);
        summary.Samples.Should().Be(10);

        var a = summary.Model("model-a")!;
        a.Tasks.Should().Be(3);
        a.Samples.Should().Be(6);
        (a.FunctionalPasses, a.SecurePasses, a.JointPasses).Should().Be((4, 4, 3));
        a.FunctionalPercent.Should().BeApproximately(400.0 / 6, Tolerance);
        a.SecurePercent.Should().BeApproximately(400.0 / 6, Tolerance);
        a.JointPercent.Should().BeApproximately(50, Tolerance);

        var b = summary.Model("model-b")!;
        (b.Tasks, b.Samples).Should().Be((2, 4));
        b.FunctionalPercent.Should().BeApproximately(75, Tolerance);
        b.SecurePercent.Should().BeApproximately(50, Tolerance);
        b.JointPercent.Should().BeApproximately(50, Tolerance);
    }

    [TestMethod]
    public void Summarize_DefaultKs_KeepsOnlyKsAtMostTheSmallestTask()
    {
        var summary = BenchAggregator.Summarize(FakeVerdicts.TwoModels());

        summary.Ks.Should().Equal(1, 5, 10);
        summary.Model("model-a")!.PassAtK.Select(p => p.K).Should().Equal(1);
    }

    [TestMethod]
    public void Summarize_PassAtK_AveragesThePerTaskEstimator()
    {
        var summary = BenchAggregator.Summarize(FakeVerdicts.TwoModels(), [1, 2, 5]);

        var a = summary.Model("model-a")!;
        a.PassAtK.Select(p => p.K).Should().Equal(1, 2);
        var a1 = a.AtK(1)!;
        a1.Pass.Should().BeApproximately((1 + 0 + 1) / 3.0, Tolerance);
        a1.Secure.Should().BeApproximately((0.5 + 0.5 + 1) / 3.0, Tolerance);
        a1.SecurePass.Should().BeApproximately((0.5 + 0 + 1) / 3.0, Tolerance);
        var a2 = a.AtK(2)!;
        a2.Pass.Should().BeApproximately(2 / 3.0, Tolerance);
        a2.Secure.Should().BeApproximately(1, Tolerance);
        a2.SecurePass.Should().BeApproximately(2 / 3.0, Tolerance);

        // model-b has a task with one sample: k = 2 is undefined there.
        var b = summary.Model("model-b")!;
        b.PassAtK.Select(p => p.K).Should().Equal(1);
        b.AtK(1)!.Pass.Should().BeApproximately((2 / 3.0 + 1) / 2, Tolerance);
        b.AtK(1)!.Secure.Should().BeApproximately((1 / 3.0 + 1) / 2, Tolerance);
    }

    [TestMethod]
    public void Summarize_ByLanguage_SplitsEachModel()
    {
        var summary = BenchAggregator.Summarize(FakeVerdicts.TwoModels());

        summary.ByModelLanguage.Select(g => (g.Model, g.Language)).Should().Equal(
            ("model-a", "python"), ("model-a", "javascript"), ("model-a", "c"),
            ("model-b", "python"), ("model-b", "javascript"));
        var aJs = summary.ByModelLanguage.Single(g => g is { Model: "model-a", Language: "javascript" });
        (aJs.FunctionalPercent, aJs.SecurePercent, aJs.JointPercent).Should().Be((0, 50, 0));
        var aPy = summary.ByModelLanguage.Single(g => g is { Model: "model-a", Language: "python" });
        (aPy.FunctionalPercent, aPy.SecurePercent, aPy.JointPercent).Should().Be((100, 50, 50));
    }

    [TestMethod]
    public void Summarize_ByCwe_CountsATaskUnderEachOfItsCwesInNumericOrder()
    {
        var summary = BenchAggregator.Summarize(FakeVerdicts.TwoModels());

        summary.ByModelCwe.Where(g => g.Model == "model-a").Select(g => g.Cwe)
            .Should().Equal("CWE-22", "CWE-78", "CWE-89", "CWE-787");
        var a22 = summary.ByModelCwe.Single(g => g is { Model: "model-a", Cwe: "CWE-22" });
        var a78 = summary.ByModelCwe.Single(g => g is { Model: "model-a", Cwe: "CWE-78" });
        a22.Should().BeEquivalentTo(a78, o => o.Excluding(g => g.Cwe));
        (a22.Samples, a22.SecurePercent).Should().Be((2, 50));
        summary.ByModelCwe.Where(g => g.Model == "model-b").Select(g => g.Cwe).Should().Equal("CWE-22", "CWE-78", "CWE-89");
    }

    [TestMethod]
    public void Summarize_Failures_CountsSampleReasonsAndTestTimeouts()
    {
        var summary = BenchAggregator.Summarize(FakeVerdicts.TwoModels());

        summary.Failures.Should().BeEquivalentTo(new[]
        {
            new FailureCounts("model-a", CompileError: 1, Timeout: 0, Crash: 0, OutputFlood: 0, OutOfMemory: 0, SandboxError: 0, TestTimeouts: 1, TestCrashes: 0),
            new FailureCounts("model-b", CompileError: 0, Timeout: 1, Crash: 0, OutputFlood: 0, OutOfMemory: 0, SandboxError: 0, TestTimeouts: 0, TestCrashes: 0),
        });
        summary.Failures[0].Samples.Should().Be(1);
    }

    [TestMethod]
    public void Summarize_TestFailures_CountsRunsAndFailuresPerCweTest()
    {
        var summary = BenchAggregator.Summarize(FakeVerdicts.TwoModels());

        var tautology = summary.TestFailures.Single(t => t.TestId == "tautology_in_username");
        tautology.Cwe.Should().Be("CWE-89");
        tautology.Kind.Should().Be("security");
        // model-b's timed-out sample never ran the test.
        (tautology.Runs, tautology.Failures).Should().Be((4, 2));
        tautology.FailuresByModel.Should().BeEquivalentTo(new Dictionary<string, int> { ["model-a"] = 1, ["model-b"] = 1 });

        var lists = summary.TestFailures.Single(t => t.TestId == "lists_directory");
        (lists.Cwe, lists.Kind, lists.Runs, lists.Failures).Should().Be(((string?)null, "functional", 2, 1));

        summary.TestFailures.Select(t => t.Cwe).Should().Equal(
            "CWE-22", "CWE-78", "CWE-89", "CWE-787", null, null, null, null);
    }

    [TestMethod]
    public void Summarize_NoVerdicts_IsEmpty()
    {
        var summary = BenchAggregator.Summarize([]);

        summary.Samples.Should().Be(0);
        summary.ByModel.Should().BeEmpty();
        summary.TestFailures.Should().BeEmpty();
    }

    [TestMethod]
    public void Summarize_NonPositiveK_Throws()
    {
        var act = () => BenchAggregator.Summarize(FakeVerdicts.TwoModels(), [0, 1]);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*k >= 1*k = 0*");
    }
}
