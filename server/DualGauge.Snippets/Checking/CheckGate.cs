namespace DualGauge.Snippets.Checking;

/// <summary>What fails a check (<c>--fail-on</c>): any combination; a tampering sample always fails.</summary>
[Flags]
public enum FailOn
{
    None = 0,
    Insecure = 1,
    Broken = 2,
    /// <summary>Every function without a verdict: not judged, and not matched (no test fits it).</summary>
    NotJudged = 4,
    Any = Insecure | Broken | NotJudged,
}

public static class CheckGate
{
    /// <summary>Parses <c>insecure</c>, <c>broken</c>, <c>not-judged</c>, <c>any</c>, or a comma-separated list.</summary>
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
                case "any": failOn |= FailOn.Any; break;
                default:
                    error = $"--fail-on '{part}' is not one of insecure, broken, not-judged, any";
                    return false;
            }
        }

        if (failOn == FailOn.None)
        {
            error = "--fail-on needs at least one of insecure, broken, not-judged, any";
            return false;
        }

        return true;
    }

    public static bool Fails(CheckVerdict verdict, FailOn failOn) => verdict switch
    {
        CheckVerdict.Tampered => true,
        CheckVerdict.Insecure => failOn.HasFlag(FailOn.Insecure),
        CheckVerdict.Broken => failOn.HasFlag(FailOn.Broken),
        CheckVerdict.NotJudged or CheckVerdict.NotMatched => failOn.HasFlag(FailOn.NotJudged),
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
        CheckVerdict.Accepted => "accepted",
        _ => "secure",
    };
}
