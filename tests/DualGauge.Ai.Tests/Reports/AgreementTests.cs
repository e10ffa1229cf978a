using DualGauge.Core.Reports;
using FluentAssertions;

namespace DualGauge.Ai.Tests.Reports;

[TestClass]
public sealed class AgreementTests
{
    [TestMethod]
    public void Compute_TextbookTable_GivesKnownKappa()
    {
        // 20 agree pass, 15 agree fail, 5 A-pass/B-fail, 10 A-fail/B-pass (n=50): po=0.7, pe=0.5, kappa=0.4.
        var pairs = Enumerable.Repeat((true, true), 20)
            .Concat(Enumerable.Repeat((false, false), 15))
            .Concat(Enumerable.Repeat((true, false), 5))
            .Concat(Enumerable.Repeat((false, true), 10));

        var stats = Agreement.Compute(pairs);

        stats.Compared.Should().Be(50);
        stats.Agreements.Should().Be(35);
        stats.Percent.Should().BeApproximately(70.0, 1e-9);
        stats.Kappa.Should().BeApproximately(0.4, 1e-9);
    }

    [TestMethod]
    public void Compute_PerfectAgreementWithBothLabels_KappaIsOne()
    {
        var stats = Agreement.Compute([(true, true), (false, false), (true, true)]);

        stats.Percent.Should().Be(100);
        stats.Kappa.Should().BeApproximately(1.0, 1e-12);
    }

    [TestMethod]
    public void Compute_AlwaysOppositeWithBalancedLabels_KappaIsMinusOne()
    {
        var stats = Agreement.Compute([(true, false), (false, true)]);

        stats.Percent.Should().Be(0);
        stats.Kappa.Should().BeApproximately(-1.0, 1e-12);
    }

    [TestMethod]
    public void Compute_BothRatersGiveOneLabelOnly_KappaIsUndefined()
    {
        var stats = Agreement.Compute([(true, true), (true, true)]);

        stats.Percent.Should().Be(100);
        stats.Kappa.Should().BeNull();
        stats.Describe().Should().Contain("undefined");
    }

    [TestMethod]
    public void Compute_NoPairs_NothingToCompare()
    {
        var stats = Agreement.Compute([]);

        stats.Compared.Should().Be(0);
        stats.Kappa.Should().BeNull();
        stats.Describe().Should().Be("nothing to compare");
    }
}
