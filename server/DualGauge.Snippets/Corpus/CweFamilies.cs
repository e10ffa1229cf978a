using DualGauge.Core.Tasks;

namespace DualGauge.Snippets.Corpus;

/// <summary>
/// CWE classes a finding may name for a label's CWE: the same weakness under a parent or sibling id.
/// CWE-94/95 (code injection, eval), CWE-330/338 (weak randomness), CWE-916/759 (weak or unsalted password hash),
/// CWE-787/120/121/122 (out-of-bounds write, buffer overflow); in C, out-of-bounds reads (CWE-125), off-by-one (CWE-193) and size arithmetic (CWE-131) join the
/// out-of-bounds write family, since a sanitizer reports either for the same memory error.
/// </summary>
public static class CweFamilies
{
    private static readonly string[][] Families =
    [
        ["CWE-94", "CWE-95"],
        ["CWE-330", "CWE-338"],
        ["CWE-916", "CWE-759"],
        ["CWE-787", "CWE-120", "CWE-121", "CWE-122"],
    ];

    // Off-by-one (193) and wrong size arithmetic (131) are found by the out-of-bounds access they cause.
    private static readonly string[] CMemory = ["CWE-787", "CWE-120", "CWE-121", "CWE-122", "CWE-125", "CWE-193", "CWE-131"];

    /// <summary>True when <paramref name="found"/> counts as <paramref name="labelled"/> for code in <paramref name="language"/>.</summary>
    public static bool Equivalent(string labelled, string found, Language language)
    {
        var a = Normalise(labelled);
        var b = Normalise(found);
        if (a == b)
        {
            return true;
        }

        if (language == Language.C && CMemory.Contains(a) && CMemory.Contains(b))
        {
            return true;
        }

        return Families.Any(f => f.Contains(a) && f.Contains(b));
    }

    /// <summary>True when any of <paramref name="found"/> counts as <paramref name="labelled"/>.</summary>
    public static bool ContainsEquivalent(IEnumerable<string> found, string labelled, Language language) =>
        found.Any(f => Equivalent(labelled, f, language));

    private static string Normalise(string cwe) => cwe.Trim().ToUpperInvariant();
}
