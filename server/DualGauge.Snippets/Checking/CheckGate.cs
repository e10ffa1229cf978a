namespace DualGauge.Snippets.Checking;

/// <summary>What fails a check (<c>--fail-on</c>): any combination; a tampering sample always fails.</summary>
[Flags]
public enum FailOn
{
    None = 0,
    Insecure = 1,
    Broken = 2,
    /// <summary>A template or task matched but nothing decided: setup errors, unreached probes, and code that crashed, hung or flooded its output under a probe.</summary>
    NotJudged = 4,
    /// <summary>No task or template fits the function, or a bare <c>dualgauge-ignore</c> marker skipped it.</summary>
    NotMatched = 8,
    Any = Insecure | Broken | NotJudged | NotMatched,
}

public static class CheckGate
{
    /// <summary>Parses <c>insecure</c>, <c>broken</c>, <c>not-judged</c>, <c>not-matched</c>, <c>any</c>, or a comma-separated list.</summary>
    public static bool TryParse(string text, out FailOn failOn, out string? error)
    {
        failOn = FailOn.None;
        error = null;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            switch (part.ToLowerInvariant())
            {
                case "insecure": failOn |= FailOn.Insecure; break;
                case "broken": failOn |= FailOn.Broken; break;
                case "not-judged": failOn |= FailOn.NotJudged; break;
                case "not-matched": failOn |= FailOn.NotMatched; break;
                case "any": failOn |= FailOn.Any; break;
                default:
                    error = $"--fail-on '{part}' is not one of insecure, broken, not-judged, not-matched, any";
                    return false;
            }
        }

        if (failOn == FailOn.None)
        {
            error = "--fail-on needs at least one of insecure, broken, not-judged, not-matched, any";
            return false;
        }

        return true;
    }

    public static bool Fails(CheckVerdict verdict, FailOn failOn) => verdict switch
    {
        CheckVerdict.Tampered => true,
        CheckVerdict.Insecure => failOn.HasFlag(FailOn.Insecure),
        CheckVerdict.Broken => failOn.HasFlag(FailOn.Broken),
        CheckVerdict.NotJudged => failOn.HasFlag(FailOn.NotJudged),
        CheckVerdict.NotMatched or CheckVerdict.Ignored => failOn.HasFlag(FailOn.NotMatched),
        _ => false,
    };

    public static IReadOnlyList<CheckedFunction> Failing(CheckReport report, FailOn failOn) =>
        report.Functions.Where(f => Fails(f.Verdict, failOn)).ToList();

    /// <summary>The verdict's words for people: "insecure", "not judged"...</summary>
    public static string Words(CheckVerdict verdict) => verdict switch
    {
        CheckVerdict.Tampered => "tampered",
        CheckVerdict.Insecure => "insecure",
        CheckVerdict.Broken => "broken",
        CheckVerdict.NotJudged => "not judged",
        CheckVerdict.NotMatched => "not matched",
        CheckVerdict.Ignored => "ignored",
        CheckVerdict.Accepted => "accepted",
        _ => "secure",
    };
}
