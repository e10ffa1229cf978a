namespace DualGauge.Core.Metrics;

/// <summary>
/// The unbiased pass@k estimator: the probability that at least one of k samples drawn without
/// replacement from n generated samples, c of which are correct, is correct: 1 - C(n-c, k) / C(n, k).
/// </summary>
public static class PassAtK
{
    /// <summary>Estimates pass@k for one task.</summary>
    /// <param name="n">Samples generated for the task (at least 1).</param>
    /// <param name="c">Samples that passed (0..n).</param>
    /// <param name="k">Samples drawn (1..n).</param>
    public static double Estimate(int n, int c, int k)
    {
        if (n < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, $"pass@k needs at least one sample per task, got n = {n}.");
        }

        if (c < 0 || c > n)
        {
            throw new ArgumentOutOfRangeException(nameof(c), c, $"pass@k needs 0 <= c <= n, got c = {c} with n = {n}.");
        }

        if (k < 1 || k > n)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"pass@k is defined for 1 <= k <= n, got k = {k} with n = {n} samples.");
        }

        if (n - c < k)
        {
            // Every draw of k samples contains a correct one.
            return 1.0;
        }

        // C(n-c, k) / C(n, k) = prod_{i=n-c+1..n} (1 - k / i): no factorials, no overflow.
        var allWrong = 1.0;
        for (var i = n - c + 1; i <= n; i++)
        {
            allWrong *= 1.0 - (double)k / i;
        }

        return 1.0 - allWrong;
    }
}
