using System.Globalization;
using DualGauge.Core.Metrics;

namespace DualGauge.Core.Reports;

/// <summary>Minimum shares (0..100) every model must reach; null means no threshold.</summary>
public sealed record GateThresholds(double? MinFunctionalPercent = null, double? MinSecurePercent = null, double? MinJointPercent = null)
{
    public bool IsEmpty => MinFunctionalPercent is null && MinSecurePercent is null && MinJointPercent is null;
}

/// <summary>One threshold a model missed.</summary>
/// <param name="Model">The model.</param>
/// <param name="Metric">functional, secure or joint.</param>
/// <param name="Actual">The model's share, 0..100.</param>
/// <param name="Minimum">The threshold, 0..100.</param>
/// <param name="Message">One line naming the model, metric, value and threshold.</param>
public sealed record GateViolation(string Model, string Metric, double Actual, double Minimum, string Message);

/// <summary>The outcome of a gate: passed when there are no violations.</summary>
public sealed record GateResult(IReadOnlyList<GateViolation> Violations)
{
    public bool Passed => Violations.Count == 0;

    /// <summary>Every violation on its own line, or a one-line confirmation.</summary>
    public string Message => Passed ? "All thresholds met." : string.Join(Environment.NewLine, Violations.Select(v => v.Message));
}

/// <summary>Checks a summary against thresholds so a command can fail a build when generated code regresses.</summary>
public static class ReportGate
{
    public static GateResult Evaluate(BenchSummary summary, GateThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(thresholds);
        Check(thresholds.MinFunctionalPercent, nameof(thresholds.MinFunctionalPercent));
        Check(thresholds.MinSecurePercent, nameof(thresholds.MinSecurePercent));
        Check(thresholds.MinJointPercent, nameof(thresholds.MinJointPercent));

        var violations = new List<GateViolation>();
        if (summary.ByModel.Count == 0 && !thresholds.IsEmpty)
        {
            violations.Add(new GateViolation("", "samples", 0, 0, "No samples were evaluated, so no threshold can be met."));
        }

        foreach (var model in summary.ByModel)
        {
            Add(model, "functional", model.FunctionalPercent, thresholds.MinFunctionalPercent);
            Add(model, "secure", model.SecurePercent, thresholds.MinSecurePercent);
            Add(model, "joint", model.JointPercent, thresholds.MinJointPercent);
        }

        return new GateResult(violations);

        void Add(GroupMetrics model, string metric, double actual, double? minimum)
        {
            // Compare at the precision reports show, so "66.7 % is below 66.7 %" never happens.
            if (minimum is { } min && Math.Round(actual, 1) < Math.Round(min, 1))
            {
                violations.Add(new GateViolation(model.Model, metric, actual, min,
                    string.Create(CultureInfo.InvariantCulture,
                        $"{model.Model}: {metric} {ReportText.Percent(actual)} % is below the minimum {ReportText.Percent(min)} % ({Passes(model, metric)} of {model.Samples} samples).")));
            }
        }
    }

    private static int Passes(GroupMetrics model, string metric) => metric switch
    {
        "functional" => model.FunctionalPasses,
        "secure" => model.SecurePasses,
        _ => model.JointPasses,
    };

    private static void Check(double? value, string name)
    {
        if (value is { } v && (double.IsNaN(v) || v < 0 || v > 100))
        {
            throw new ArgumentOutOfRangeException(name, v, $"{name} is a percentage and must be between 0 and 100, got {v.ToString(CultureInfo.InvariantCulture)}.");
        }
    }
}
