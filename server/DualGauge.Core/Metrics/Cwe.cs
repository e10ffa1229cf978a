using System.Globalization;

namespace DualGauge.Core.Metrics;

/// <summary>CWE identifiers in their canonical form <c>CWE-89</c>.</summary>
public static class Cwe
{
    /// <summary>Turns <c>89</c>, <c>cwe-89</c> or <c> CWE-89 </c> into <c>CWE-89</c>; anything else is returned trimmed.</summary>
    public static string Normalize(string cwe)
    {
        ArgumentNullException.ThrowIfNull(cwe);
        return TryNumber(cwe, out var number) ? $"CWE-{number}" : cwe.Trim();
    }

    /// <summary>The number of a CWE identifier such as <c>CWE-89</c> or <c>89</c>.</summary>
    public static bool TryNumber(string? cwe, out int number)
    {
        var text = cwe?.Trim() ?? "";
        if (text.StartsWith("CWE-", StringComparison.OrdinalIgnoreCase))
        {
            text = text[4..];
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;
    }

    /// <summary>Orders CWE-79 before CWE-100 (by number), unparseable ids last and ordinally.</summary>
    public static IComparer<string?> Comparer { get; } = Comparer<string?>.Create((a, b) =>
    {
        var aOk = TryNumber(a, out var x);
        var bOk = TryNumber(b, out var y);
        return (aOk, bOk) switch
        {
            (true, true) => x.CompareTo(y),
            (true, false) => -1,
            (false, true) => 1,
            _ => string.CompareOrdinal(a, b),
        };
    });
}
