using DualGauge.Core.Metrics;
using DualGauge.Core.Reports;
using FluentAssertions;
using static DualGauge.Core.Tests.Metrics.FakeVerdicts;

namespace DualGauge.Core.Tests.Reports;

[TestClass]
public sealed class ReportGateTests
{
    [TestMethod]
    public void Evaluate_ModelBelowFunctionalMinimum_NamesModelValueAndThreshold()
    {
        var result = ReportGate.Evaluate(BenchAggregator.Summarize(TwoModels()), new GateThresholds(MinFunctionalPercent: 70));

        result.Passed.Should().BeFalse();
        result.Violations.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Model = "model-a", Metric = "functional", Minimum = 70.0 });
        result.Message.Should().Be("model-a: functional 66.7 % is below the minimum 70.0 % (4 of 6 samples).");
    }

    [TestMethod]
    public void Evaluate_SeveralThresholds_ReportsEachMissOnItsOwnLine()
    {
        var result = ReportGate.Evaluate(BenchAggregator.Summarize(TwoModels()), new GateThresholds(60, 60, 60));

        result.Violations.Select(v => (v.Model, v.Metric)).Should().Equal(("model-a", "joint"), ("model-b", "secure"), ("model-b", "joint"));
        result.Message.Split(Environment.NewLine).Should().HaveCount(3);
    }

    [TestMethod]
    public void Evaluate_ThresholdsMet_Passes()
    {
        var result = ReportGate.Evaluate(BenchAggregator.Summarize(TwoModels()), new GateThresholds(66.7, 50, 50));

        result.Passed.Should().BeTrue();
        result.Message.Should().Be("All thresholds met.");
    }

    [TestMethod]
    public void Evaluate_NoSamples_FailsWithReason()
    {
        var result = ReportGate.Evaluate(BenchAggregator.Summarize([]), new GateThresholds(MinJointPercent: 10));

        result.Passed.Should().BeFalse();
        result.Message.Should().Contain("No samples were evaluated");
    }

    [TestMethod]
    public void Evaluate_ThresholdOutsideZeroToHundred_ThrowsNamingIt()
    {
        var act = () => ReportGate.Evaluate(BenchAggregator.Summarize(TwoModels()), new GateThresholds(MinSecurePercent: 120));

        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "MinSecurePercent" && e.Message.Contains("got 120"));
    }
}
