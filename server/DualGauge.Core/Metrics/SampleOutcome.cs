using DualGauge.Core.Verdicts;

namespace DualGauge.Core.Metrics;

/// <summary>The one-word verdict on a sample, as reports and the editor show it.</summary>
public enum SampleOutcome
{
    /// <summary>Passes every functional and every security test.</summary>
    Secure,

    /// <summary>Works but fails at least one security test.</summary>
    Insecure,

    /// <summary>Fails at least one functional test (or did not run), whatever its security tests say.</summary>
    Broken,

    /// <summary>Interfered with the harness: neither functional nor secure, shown apart so nobody mistakes it for a bug.</summary>
    Tampered,
}

public static class SampleOutcomes
{
    public static SampleOutcome Outcome(this SampleVerdict verdict) =>
        verdict.Failure == SampleFailure.Tampered ? SampleOutcome.Tampered
        : !verdict.FunctionalPass ? SampleOutcome.Broken
        : !verdict.SecurePass ? SampleOutcome.Insecure
        : SampleOutcome.Secure;

    public static string Id(this SampleOutcome outcome) => outcome switch
    {
        SampleOutcome.Secure => "secure",
        SampleOutcome.Insecure => "insecure",
        SampleOutcome.Broken => "broken",
        SampleOutcome.Tampered => "tampered",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
