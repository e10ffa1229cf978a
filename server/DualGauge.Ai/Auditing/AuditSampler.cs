using System.Text.Json;
using System.Text.Json.Serialization;
using DualGauge.Ai.Blinding;
using DualGauge.Core.Reports;

namespace DualGauge.Ai.Auditing;

/// <summary>
/// A review file: a reproducible random sample of judged tests for a person to label, decided blind. Each item shows the
/// evidence (the test's description and attack, the blind trace events of the test, the sample's code) under an opaque id,
/// and nothing of a decision: no oracle or judge verdict, no judge reasoning, no test status or message, no finding, and not
/// the model or sample name (a pseudo-model such as <c>reference-insecure</c> would give the answer away). Which test an id
/// stands for is only in the <see cref="AuditKey"/>, a separate file the reviewer does not need.
/// </summary>
/// <param name="ReviewId">Random; the same in the review file and its key, so a label file is never scored with another draw's key.</param>
public sealed record AuditReview(
    [property: JsonPropertyName("$schema")] string Schema,
    string ReviewId,
    string Instructions,
    IReadOnlyList<AuditItem> Items)
{
    public const string SchemaId = "urn:dualgauge:audit-review:v2";
}

/// <param name="Id">Opaque (item-01, item-02... in the shuffled order); the key file maps it to the test.</param>
/// <param name="Label">Filled in by the reviewer: "pass" or "fail" (anything else counts as unlabelled).</param>
public sealed record AuditItem(
    string Id,
    string TaskId,
    string TestId,
    string Kind,
    string? Cwe,
    string Description,
    string? Attack,
    IReadOnlyList<JsonElement> TraceEvents,
    string? Source,
    string? Label,
    string? Note);

/// <summary>
/// Which test each review item stands for. It holds no decision either: the oracles' and the judge's are read from the
/// report when the labels are scored, so the comparison is made only after the reviewer has decided.
/// </summary>
public sealed record AuditKey(
    [property: JsonPropertyName("$schema")] string Schema,
    string ReviewId,
    string Report,
    int Seed,
    double Fraction,
    int Population,
    IReadOnlyList<AuditKeyEntry> Items)
{
    public const string SchemaId = "urn:dualgauge:audit-key:v1";
}

/// <param name="Key">model/task/sample/test in the report's judge section.</param>
public sealed record AuditKeyEntry(string Id, string Key);

/// <summary>A draw: the file for the reviewer and the key to keep from them.</summary>
public sealed record AuditDraw(AuditReview Review, AuditKey Key);

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

/// <param name="Key">model/task/sample/test, from the key file.</param>
public sealed record AuditDisagreement(string Id, string Key, string Human, string Oracles, string Judge, string? Note);

public static class AuditSampler
{
    public const double DefaultFraction = 0.05;

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Where the key of a review file goes by default: <c>audit-review.json</c> -> <c>audit-review.key.json</c>.</summary>
    public static string KeyPathFor(string reviewPath) =>
        Path.Combine(Path.GetDirectoryName(reviewPath) ?? "", Path.GetFileNameWithoutExtension(reviewPath) + ".key.json");

    /// <summary>
    /// Draws ceil(fraction x judged tests) items (at least one) with a seeded shuffle over the tests in key order,
    /// so the same report and seed always give the same tests, in the same (shuffled) order.
    /// </summary>
    /// <exception cref="InvalidDataException">The report has no judge section.</exception>
    public static AuditDraw Draw(BenchReportDocument report, string reportPath, double fraction = DefaultFraction, int seed = 1, int maxTraceEvents = 60)
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

        // The shuffled order, not the key order: neighbours in the file do not tell which items share a model or a sample.
        var drawn = order.Take(count).Select(i => population[i]).ToList();
        var width = Math.Max(2, drawn.Count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        var samples = report.Samples.GroupBy(s => (s.Model, s.TaskId, s.SampleId)).ToDictionary(g => g.Key, g => g.First());
        var items = new List<AuditItem>();
        var keys = new List<AuditKeyEntry>();
        for (var n = 0; n < drawn.Count; n++)
        {
            var j = drawn[n];
            var id = "item-" + (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width, '0');
            samples.TryGetValue((j.Model, j.TaskId, j.SampleId), out var sample);
            var test = sample?.Tests.FirstOrDefault(t => t.Id == j.TestId);
            var events = BlindEvidence.Events((sample?.Trace ?? [])
                .Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("test", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == j.TestId))
                .Take(maxTraceEvents).ToList();
            items.Add(new AuditItem(id, j.TaskId, j.TestId, j.Kind.ToString().ToLowerInvariant(), j.Cwe, test?.Description ?? "", test?.Attacks,
                events, sample?.Source, null, null));
            keys.Add(new AuditKeyEntry(id, j.Key));
        }

        var reviewId = Guid.NewGuid().ToString("N")[..12];
        var review = new AuditReview(AuditReview.SchemaId, reviewId,
            "For each item, read the test's description (and attack), the events recorded while the sample's code ran that test, and the code; " +
            "then set \"label\" to \"pass\" if the code did what the test expects (for a security test: the attack did not succeed) or \"fail\" if not. " +
            "Leave it null to skip an item. \"note\" is free text. The file shows no one else's decision on purpose: decide from the evidence.",
            items);
        return new AuditDraw(review, new AuditKey(AuditKey.SchemaId, reviewId, reportPath, seed, fraction, population.Count, keys));
    }

    public static AuditReview ReadReview(string path) => Read<AuditReview>(path, "review file");

    public static AuditKey ReadKey(string path) => Read<AuditKey>(path, "review key");

    /// <summary>Joins the reviewer's labels, through the key, with the report's oracle and judge verdicts.</summary>
    /// <exception cref="InvalidDataException">The key belongs to another draw.</exception>
    public static AuditResult Score(AuditReview labels, AuditKey key, BenchReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(report);
        if (!string.Equals(labels.ReviewId, key.ReviewId, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"the key is for review {key.ReviewId}, the labels are for review {labels.ReviewId}");
        }

        var testOf = key.Items.GroupBy(i => i.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Key, StringComparer.Ordinal);
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
                problems.Add($"items[{i}] ({item.Id}): label '{item.Label}' is neither pass nor fail; not counted");
                continue;
            }

            if (!testOf.TryGetValue(item.Id, out var testKey))
            {
                problems.Add($"items[{i}] ({item.Id}): not in the key; not counted");
                continue;
            }

            if (!judgments.TryGetValue(testKey, out var judged))
            {
                problems.Add($"items[{i}] ({item.Id}): {testKey} is not in the report's judge section; not counted");
                continue;
            }

            labelled++;
            var human = label == "pass";
            oraclePairs.Add((judged.OraclePassed, human));
            if (judged.JudgePassed is { } judgePassed)
            {
                judgePairs.Add((judgePassed, human));
            }

            if (judged.OraclePassed != human || (judged.JudgePassed is { } j2 && j2 != human))
            {
                disagreements.Add(new AuditDisagreement(item.Id, testKey, label, judged.OraclePassed ? "pass" : "fail",
                    judged.JudgePassed switch { true => "pass", false => "fail", null => judged.Verdict.ToString().ToLowerInvariant() }, item.Note));
            }
        }

        return new AuditResult(labels.Items.Count, labelled, problems, Agreement.Compute(oraclePairs), Agreement.Compute(judgePairs), disagreements);
    }

    private static T Read<T>(string path, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), JsonOptions)
                ?? throw new InvalidDataException($"{path}: the {what} is the literal null");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a {what} ({ex.Message})", ex);
        }
    }
}
