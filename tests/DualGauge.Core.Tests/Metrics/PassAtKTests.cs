using System.Numerics;
using DualGauge.Core.Metrics;
using FluentAssertions;

namespace DualGauge.Core.Tests.Metrics;

[TestClass]
public sealed class PassAtKTests
{
    [TestMethod]
    [DataRow(5, 2, 1, 0.4)]
    [DataRow(5, 2, 2, 0.7)]
    [DataRow(10, 3, 5, 1 - 21.0 / 252)]
    [DataRow(10, 1, 1, 0.1)]
    [DataRow(4, 1, 2, 0.5)]
    public void Estimate_HandComputedCases_MatchesClosedForm(int n, int c, int k, double expected)
    {
        PassAtK.Estimate(n, c, k).Should().BeApproximately(expected, 1e-12);
    }

    [TestMethod]
    public void Estimate_NoCorrectSample_IsZero()
    {
        PassAtK.Estimate(10, 0, 1).Should().Be(0);
        PassAtK.Estimate(10, 0, 10).Should().Be(0);
    }

    [TestMethod]
    public void Estimate_AllCorrect_IsOne()
    {
        PassAtK.Estimate(7, 7, 1).Should().Be(1);
        PassAtK.Estimate(7, 7, 7).Should().Be(1);
    }

    [TestMethod]
    public void Estimate_FewerWrongSamplesThanK_IsOne()
    {
        PassAtK.Estimate(5, 3, 3).Should().Be(1);
        PassAtK.Estimate(5, 1, 5).Should().Be(1);
    }

    [TestMethod]
    public void Estimate_EveryCaseUpToTwenty_AgreesWithExactBinomials()
    {
        for (var n = 1; n <= 20; n++)
        {
            for (var c = 0; c <= n; c++)
            {
                for (var k = 1; k <= n; k++)
                {
                    var exact = 1 - (double)Binomial(n - c, k) / (double)Binomial(n, k);
                    PassAtK.Estimate(n, c, k).Should().BeApproximately(exact, 1e-12, $"n={n}, c={c}, k={k}");
                }
            }
        }
    }

    [TestMethod]
    public void Estimate_LargeN_StaysFiniteAndInRange()
    {
        // C(2000, 100) overflows a double; the product form must not.
        var value = PassAtK.Estimate(2000, 3, 100);
        value.Should().BeApproximately(1 - (1900.0 * 1899 * 1898) / (2000.0 * 1999 * 1998), 1e-12);
    }

    [TestMethod]
    [DataRow(5, 2, 6)]
    [DataRow(5, 2, 0)]
    [DataRow(5, 2, -1)]
    public void Estimate_KOutsideOneToN_ThrowsNamingK(int n, int c, int k)
    {
        var act = () => PassAtK.Estimate(n, c, k);
        act.Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == "k" && e.Message.Contains($"got k = {k} with n = {n}"));
    }

    [TestMethod]
    public void Estimate_CAboveN_ThrowsNamingC()
    {
        var act = () => PassAtK.Estimate(3, 4, 1);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "c");
    }

    [TestMethod]
    public void Estimate_NoSamples_ThrowsNamingN()
    {
        var act = () => PassAtK.Estimate(0, 0, 1);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "n");
    }

    private static BigInteger Binomial(int n, int k)
    {
        if (k < 0 || k > n)
        {
            return BigInteger.Zero;
        }

        BigInteger result = BigInteger.One;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }
}
