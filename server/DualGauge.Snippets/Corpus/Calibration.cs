using System.Text.Json;
using System.Text.Json.Serialization;

namespace DualGauge.Snippets.Corpus;

/// <summary>How often one template's (or bench task's) verdicts were right on the labelled corpus.</summary>
/// <param name="Insecure">"Insecure" verdicts given.</param>
/// <param name="InsecureRight">Of those, on code labelled insecure with an equivalent CWE.</param>
/// <param name="Secure">"Secure" verdicts given.</param>
/// <param name="SecureRight">Of those, on code labelled secure or neutral.</param>
public sealed record TemplateCalibration(
    [property: JsonPropertyName("insecure")] int Insecure,
    [property: JsonPropertyName("insecureRight")] int InsecureRight,
    [property: JsonPropertyName("secure")] int Secure,
    [property: JsonPropertyName("secureRight")] int SecureRight)
{
    /// <summary>
    /// The share of its verdicts that were right, Laplace-smoothed ((right + 1) / (verdicts + 2)): a template with
    /// no corpus verdict gets 0.5, one right 40 times out of 40 gets 0.98.
    /// </summary>
    [JsonIgnore]
    public double Confidence => (InsecureRight + SecureRight + 1.0) / (Insecure + Secure + 2.0);
}

/// <summary>
/// The calibration table (<c>templates/calibration.json</c>): per template id, its verdicts on the labelled corpus.
/// Written by <c>dualgauge snippets validate --write-calibration FILE</c>; read by the planner as the match confidence.
/// </summary>
public static class Calibration
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static IReadOnlyDictionary<string, TemplateCalibration> From(IEnumerable<CorpusResult> results)
    {
        var table = new SortedDictionary<string, TemplateCalibration>(StringComparer.Ordinal);
        foreach (var r in results)
        {
            if (r.Match?.TemplateId is not { } id || r.Assessment is not { } a || a.Security == SecurityStatus.NotJudged)
            {
                continue;
            }

            var c = table.GetValueOrDefault(id) ?? new TemplateCalibration(0, 0, 0, 0);
            table[id] = a.Security == SecurityStatus.Insecure
                ? c with { Insecure = c.Insecure + 1, InsecureRight = c.InsecureRight + (r.Outcome == CorpusOutcome.Ok ? 1 : 0) }
                : c with { Secure = c.Secure + 1, SecureRight = c.SecureRight + (r.Outcome == CorpusOutcome.Ok ? 1 : 0) };
        }

        return table;
    }

    public static string ToJson(IReadOnlyDictionary<string, TemplateCalibration> table) => JsonSerializer.Serialize(table, Options) + "\n";

    public static IReadOnlyDictionary<string, TemplateCalibration> Parse(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, TemplateCalibration>>(json) ?? [];
}
