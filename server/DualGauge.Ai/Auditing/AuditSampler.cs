using System.Text.Json;
using System.Text.Json.Serialization;
using DualGauge.Core.Reports;

namespace DualGauge.Ai.Auditing;

/// <summary>
/// A review file: a reproducible random sample of judged tests for a person to label pass or fail.
/// It shows the evidence (test spec, trace events of the test, the sample's code) but not the oracles' or
/// the judge's verdicts, so the person's label is their own.
/// </summary>
public sealed record AuditReview(
    [property: JsonPropertyName("$schema")] string Schema,
    string Report,
    int Seed,
    double Fraction,
    int Population,
    string Instructions,
    IReadOnlyList<AuditItem> Items)
{
    public const string SchemaId = "urn:dualgauge:audit-review:v1";
}

/// <param name="Key">model/task/sample/test, how the item is matched back to the report.</param>
/// <param name="Label">Filled in by the reviewer: "pass" or "fail" (anything else counts as unlabelled).</param>
public sealed record AuditItem(
    string Key,
    string Model,
    string TaskId,
    string SampleId,
    string TestId,
    string Kind,
    string? Cwe,
    string Description,
    IReadOnlyList<JsonElement> TraceEvents,
    string? Source,
    string? Label,
    string? Note);

/// <summary>What the labels say about the oracles and the judge.</summary>
/// <param name="Oracles">Agreement of the oracles with the reviewer, over labelled items.</param>
/// <param name="Judge">Agreement of the judge with the reviewer, over labelled items the judge gave a verdict on.</param>
/// <param name="Disagreements">Labelled items where the oracles or the judge differ from the reviewer.</param>
public sealed record AuditResult(
    int Items,
    int Labelled,
    IReadOnlyList<string> Problems,
    AgreementStats Oracles,
    AgreementStats Judge,
    IReadOnlyList<AuditDisagreement> Disagreements);

public sealed record AuditDisagreement(string Key, string Human, string Oracles, string Judge, string? Note);

public static class AuditSampler
{
    public const double DefaultFraction = 0.05;

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>
    /// Draws ceil(fraction x judged tests) items (at least one) with a seeded shuffle over the tests in key order,
    /// so the same report and seed always give the same sample.
    /// </summary>
    /// <exception cref="InvalidDataException">The report has no judge section.</exception>
    public static AuditReview Draw(BenchReportDocument report, string reportPath, double fraction = DefaultFraction, int seed = 1, int maxTraceEvents = 60)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (fraction is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "the audit fraction must be in (0, 1]");
        }

        if (report.Judge is not { } judge)
        {
            throw new InvalidDataException($"{reportPath}: the report has no judge section (run `dualgauge bench --judge MODEL` first)");
        }

        var population = judge.Judgments.OrderBy(j => j.Key, StringComparer.Ordinal).ToList();
        var count = population.Count == 0 ? 0 : Math.Max(1, (int)Math.Ceiling(fraction * population.Count));
        var random = new Random(seed);
        var order = Enumerable.Range(0, population.Count).ToArray();
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var samples = report.Samples.GroupBy(s => (s.Model, s.TaskId, s.SampleId)).ToDictionary(g => g.Key, g => g.First());
        var items = order.Take(count).Order().Select(i => population[i]).Select(j =>
        {
            samples.TryGetValue((j.Model, j.TaskId, j.SampleId), out var sample);
            var test = sample?.Tests.FirstOrDefault(t => t.Id == j.TestId);
            var events = (sample?.Trace ?? [])
                .Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("test", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == j.TestId)
                .Take(maxTraceEvents).ToList();
            return new AuditItem(j.Key, j.Model, j.TaskId, j.SampleId, j.TestId, j.Kind.ToString().ToLowerInvariant(), j.Cwe,
                test?.Description ?? "", events, sample?.Source, null, null);
        }).ToList();

        return new AuditReview(AuditReview.SchemaId, reportPath, seed, fraction, population.Count,
            "For each item, read the test's description and the trace events recorded while the sample ran it, then set \"label\" to \"pass\" or \"fail\" " +
            "(did the code pass this test?). Leave it null to skip an item. \"note\" is free text.",
            items);
    }

    public static AuditReview ReadReview(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<AuditReview>(File.ReadAllText(path), JsonOptions)
                ?? throw new InvalidDataException($"{path}: the review file is the literal null");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a review file ({ex.Message})", ex);
        }
    }

    /// <summary>Joins the reviewer's labels with the report's oracle and judge verdicts.</summary>
    public static AuditResult Score(AuditReview labels, BenchReportDocument report)
    {
        var judgments = (report.Judge?.Judgments ?? []).GroupBy(j => j.Key).ToDictionary(g => g.Key, g => g.First());
        var problems = new List<string>();
        var oraclePairs = new List<(bool, bool)>();
        var judgePairs = new List<(bool, bool)>();
        var disagreements = new List<AuditDisagreement>();
        var labelled = 0;
        for (var i = 0; i < labels.Items.Count; i++)
        {
            var item = labels.Items[i];
            var label = item.Label?.Trim().ToLowerInvariant();
            if (string.IsNullOrEmpty(label))
            {
                continue;
            }

            if (label is not ("pass" or "fail"))
            {
                problems.Add($"items[{i}] ({item.Key}): label '{item.Label}' is neither pass nor fail; not counted");
                continue;
            }

            if (!judgments.TryGetValue(item.Key, out var judged))
            {
                problems.Add($"items[{i}] ({item.Key}): not in the report's judge section; not counted");
                continue;
            }

            labelled++;
            var human = label == "pass";
            oraclePairs.Add((judged.OraclePassed, human));
            if (judged.JudgePassed is { } judge)
            {
                judgePairs.Add((judge, human));
            }

            if (judged.OraclePassed != human || (judged.JudgePassed is { } j2 && j2 != human))
            {
                disagreements.Add(new AuditDisagreement(item.Key, label, judged.OraclePassed ? "pass" : "fail",
                    judged.JudgePassed switch { true => "pass", false => "fail", null => judged.Verdict.ToString().ToLowerInvariant() }, item.Note));
            }
        }

        return new AuditResult(labels.Items.Count, labelled, problems, Agreement.Compute(oraclePairs), Agreement.Compute(judgePairs), disagreements);
    }
}
