using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace DualGauge.Snippets.Checking;

/// <summary>
/// A finding's identity across commits: the file, the function, the rule and the text of the line it sits on
/// (whitespace collapsed), never line numbers, so code moving up or down keeps it, and editing the sink line or
/// renaming the function makes it a new finding. A second identical finding in the same function gets ":2".
/// </summary>
public static partial class Fingerprints
{
    public const string Key = "dualgauge/v1";

    public static string Of(string path, string function, string ruleId, string lineText)
    {
        var normalized = Whitespace().Replace(lineText.Trim(), " ");
        var data = Encoding.UTF8.GetBytes(string.Join('\n', path, function, ruleId, normalized));
        return Convert.ToHexStringLower(SHA256.HashData(data))[..32];
    }

    /// <summary>Appends ":2", ":3"... to repeats, in order.</summary>
    public static IReadOnlyList<string> Disambiguate(IReadOnlyList<string> fingerprints)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<string>(fingerprints.Count);
        foreach (var fingerprint in fingerprints)
        {
            var n = seen[fingerprint] = seen.GetValueOrDefault(fingerprint) + 1;
            result.Add(n == 1 ? fingerprint : $"{fingerprint}:{n}");
        }

        return result;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
