using System.Text.Json;
using System.Text.Json.Serialization;

namespace DualGauge.Snippets.Checking;

/// <summary>One accepted finding of a baseline file.</summary>
public sealed record BaselineEntry(string Fingerprint, string RuleId, string Path, string Function, string Message);

/// <summary>
/// Known findings, accepted by fingerprint (<c>check --baseline FILE</c>; <c>check --write-baseline FILE</c> makes one):
/// a team adopting the gate on old code fails only on what a change adds.
/// </summary>
public sealed record Baseline(int Version, DateTimeOffset Created, IReadOnlyList<BaselineEntry> Findings)
{
    public const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public bool Accepts(string fingerprint) => Findings.Any(f => string.Equals(f.Fingerprint, fingerprint, StringComparison.Ordinal));

    /// <summary>Every security and tamper finding of a report that no marker accepts.</summary>
    public static Baseline From(CheckReport report, DateTimeOffset now) => new(CurrentVersion, now,
        report.Functions.SelectMany(f => f.Findings
                .Where(x => x.Kind != "functional" && x.Suppression?.Kind != "inline")
                .Select(x => new BaselineEntry(x.Fingerprint, x.RuleId, f.Path, f.Function, x.Message)))
            .OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Fingerprint, StringComparer.Ordinal)
            .ToList());

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <exception cref="CheckInputException">The file is missing or not a baseline; the message says where and what.</exception>
    public static Baseline Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CheckInputException($"{path}: the baseline cannot be read ({ex.Message})", ex);
        }

        Baseline? baseline;
        try
        {
            baseline = JsonSerializer.Deserialize<Baseline>(text, Options);
        }
        catch (JsonException ex)
        {
            throw new CheckInputException($"{path}: not a DualGauge baseline: {ex.Message} (line {ex.LineNumber + 1})", ex);
        }

        if (baseline is null || baseline.Findings is null)
        {
            throw new CheckInputException($"{path}: not a DualGauge baseline (no \"findings\" array)");
        }

        if (baseline.Version != CurrentVersion)
        {
            throw new CheckInputException($"{path}: baseline version {baseline.Version} is not the supported {CurrentVersion}");
        }

        for (var i = 0; i < baseline.Findings.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(baseline.Findings[i]?.Fingerprint))
            {
                throw new CheckInputException($"{path}: findings[{i}] has no \"fingerprint\"");
            }
        }

        return baseline;
    }
}
