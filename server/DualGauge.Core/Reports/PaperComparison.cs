using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DualGauge.Core.Metrics;
using DualGauge.Core.Tasks;

namespace DualGauge.Core.Reports;

/// <summary>One model's published figures for one language, in percent (0..100), as the paper tabulates them.</summary>
/// <param name="Model">The model's name in the paper.</param>
/// <param name="Language">The language id (python, javascript, cpp...).</param>
/// <param name="Ours">The model folder of our samples to put beside it (default: <paramref name="Model"/>).</param>
public sealed record PaperFigure(string Model, string Language, double? PassAt1, double? SecureAt1, double? SecurePassAt1, string Ours);

/// <summary>
/// The paper's per-model figures that <c>bench --compare-paper FILE</c> puts beside ours. The file is a small JSON
/// document the user writes from the paper's tables:
/// <code>
/// {"source": "DualGauge paper, Table 2",
///  "models": [{"model": "gpt-x", "language": "python", "pass@1": 38.6, "secure@1": 21.0, "secure-pass@1": 14.8, "ours": "gpt-x-2025"}]}
/// </code>
/// Figures are percentages; any of the three may be left out; <c>ours</c> is optional.
/// </summary>
public sealed record PaperFigures(string? Source, IReadOnlyList<PaperFigure> Rows)
{
    public const string PassKey = "pass@1";
    public const string SecureKey = "secure@1";
    public const string SecurePassKey = "secure-pass@1";

    /// <summary>Reads the file; every problem is <c>file: field: problem</c>, and a file with any problem gives no figures.</summary>
    public static (PaperFigures? Figures, IReadOnlyList<string> Errors) Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, [$"{path}: cannot be read: {ex.Message}"]);
        }

        return Parse(text, path);
    }

    public static (PaperFigures? Figures, IReadOnlyList<string> Errors) Parse(string json, string file)
    {
        var errors = new List<string>();
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            return (null, [$"{file}: not valid JSON (line {ex.LineNumber + 1}): {ex.Message.Split(" LineNumber")[0]}"]);
        }

        if (root is not JsonObject obj || obj["models"] is not JsonArray models)
        {
            return (null, [$"{file}: models: missing: expected {{\"models\": [{{\"model\", \"language\", \"pass@1\", \"secure@1\", \"secure-pass@1\"}}]}}"]);
        }

        var rows = new List<PaperFigure>();
        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < models.Count; i++)
        {
            var field = $"models[{i}]";
            if (models[i] is not JsonObject m)
            {
                errors.Add($"{file}: {field}: not an object");
                continue;
            }

            var model = Text(m["model"]);
            if (string.IsNullOrWhiteSpace(model))
            {
                errors.Add($"{file}: {field}.model: missing");
                continue;
            }

            var languageText = Text(m["language"]);
            if (!LanguageExtensions.TryParse(languageText, out var language))
            {
                errors.Add($"{file}: {field}.language: {(languageText is null ? "missing" : $"'{languageText}' is not one of {LanguageExtensions.AllIds}")}");
                continue;
            }

            var ok = true;
            double? Figure(string key)
            {
                var node = m[key];
                if (node is null)
                {
                    return null;
                }

                if (node is JsonValue v && v.TryGetValue<double>(out var d) && d is >= 0 and <= 100)
                {
                    return d;
                }

                errors.Add($"{file}: {field}.{key}: must be a percentage from 0 to 100");
                ok = false;
                return null;
            }

            var pass = Figure(PassKey);
            var secure = Figure(SecureKey);
            var securePass = Figure(SecurePassKey);
            if (!ok)
            {
                continue;
            }

            if (pass is null && secure is null && securePass is null)
            {
                errors.Add($"{file}: {field}: gives none of {PassKey}, {SecureKey}, {SecurePassKey}");
                continue;
            }

            if (!seen.Add((model.Trim(), language.Id())))
            {
                errors.Add($"{file}: {field}: a second entry for {model.Trim()} in {language.Id()}");
                continue;
            }

            var ours = Text(m["ours"]);
            rows.Add(new PaperFigure(model.Trim(), language.Id(), pass, secure, securePass, string.IsNullOrWhiteSpace(ours) ? model.Trim() : ours.Trim()));
        }

        return errors.Count > 0 ? (null, errors) : (new PaperFigures(Text(obj["source"]), rows), errors);
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}

/// <summary>One row of the comparison: the paper's figures and ours (from the same model's samples in the same language).</summary>
/// <param name="Ours">Our metrics for that model and language; null when the run had no such samples.</param>
public sealed record PaperComparisonRow(PaperFigure Paper, GroupMetrics? Ours)
{
    /// <summary>Our pass@1, secure@1, secure-pass@1 in percent (null when not measured).</summary>
    public (double? Pass, double? Secure, double? SecurePass) OursPercent =>
        Ours?.AtK(1) is { } at ? (at.Pass * 100, at.Secure * 100, at.SecurePass * 100) : (null, null, null);

    public static string Cell(double? percent) => percent is { } p ? p.ToString("0.0", CultureInfo.InvariantCulture) : "—";

    /// <summary>Ours minus the paper's, in percentage points, signed ("+2.1", "-0.4"), or "—".</summary>
    public static string Delta(double? ours, double? paper) =>
        ours is { } o && paper is { } p ? (o - p).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) : "—";
}

/// <summary>The paper's figures beside ours, for the reports.</summary>
public sealed record PaperComparison(string? Source, IReadOnlyList<PaperComparisonRow> Rows)
{
    public static PaperComparison Create(PaperFigures figures, BenchSummary summary) =>
        new(figures.Source, figures.Rows.Select(f => new PaperComparisonRow(f,
            summary.ByModelLanguage.FirstOrDefault(g => g.Model == f.Ours && g.Language == f.Language))).ToList());

    /// <summary>A narrow table for the terminal: one cell per metric, "paper / ours (Δ)".</summary>
    public (IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) CompactTable()
    {
        static string Pair(double? paper, double? ours) =>
            $"{PaperComparisonRow.Cell(paper)} / {PaperComparisonRow.Cell(ours)}" + (paper is not null && ours is not null ? $" ({PaperComparisonRow.Delta(ours, paper)})" : "");
        string[] header = ["paper model", "ours", "language", "pass@1", "secure@1", "secure-pass@1"];
        var rows = Rows.Select(r =>
        {
            var (pass, secure, securePass) = r.OursPercent;
            return (IReadOnlyList<string>)
            [
                r.Paper.Model, r.Ours is null ? r.Paper.Ours + " (no samples)" : r.Paper.Ours, r.Paper.Language,
                Pair(r.Paper.PassAt1, pass), Pair(r.Paper.SecureAt1, secure), Pair(r.Paper.SecurePassAt1, securePass),
            ];
        }).ToList();
        return (header, rows);
    }

    /// <summary>The table's header and rows as text cells, for the Markdown report.</summary>
    public (IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) Table()
    {
        string[] header = ["Model (paper)", "Ours", "Language", "pass@1 paper", "pass@1 ours", "Δ", "secure@1 paper", "secure@1 ours", "Δ", "secure-pass@1 paper", "secure-pass@1 ours", "Δ"];
        var rows = Rows.Select(r =>
        {
            var (pass, secure, securePass) = r.OursPercent;
            return (IReadOnlyList<string>)
            [
                r.Paper.Model, r.Ours is null ? r.Paper.Ours + " (no samples)" : r.Paper.Ours, r.Paper.Language,
                PaperComparisonRow.Cell(r.Paper.PassAt1), PaperComparisonRow.Cell(pass), PaperComparisonRow.Delta(pass, r.Paper.PassAt1),
                PaperComparisonRow.Cell(r.Paper.SecureAt1), PaperComparisonRow.Cell(secure), PaperComparisonRow.Delta(secure, r.Paper.SecureAt1),
                PaperComparisonRow.Cell(r.Paper.SecurePassAt1), PaperComparisonRow.Cell(securePass), PaperComparisonRow.Delta(securePass, r.Paper.SecurePassAt1),
            ];
        }).ToList();
        return (header, rows);
    }
}
