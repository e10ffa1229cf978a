using DualGauge.Core.Reports;
using Spectre.Console;

namespace DualGauge.Cli.Infrastructure;

/// <summary>Maps --format names to report renderers and prints the console summary.</summary>
internal static class ReportRenderers
{
    private static readonly IReportRenderer[] All =
    [
        new JsonReportRenderer(),
        new MarkdownReportRenderer(),
        new HtmlReportRenderer(),
        new SarifReportRenderer(Environment.CurrentDirectory),
    ];

    public static (IReadOnlyList<IReportRenderer> Renderers, string? Error) Select(IReadOnlyCollection<string> formats)
    {
        var names = formats.SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(f => f.ToLowerInvariant() switch { "markdown" => "md", var other => other })
            .Distinct().ToList();
        var unknown = names.Where(n => All.All(r => r.Format != n && r.FileExtension != n)).ToList();
        if (unknown.Count > 0)
        {
            return ([], $"unknown report format {string.Join(", ", unknown)}; use json, md, html, sarif");
        }

        return (All.Where(r => names.Contains(r.Format) || names.Contains(r.FileExtension)).ToList(), null);
    }

    public static void PrintSummary(BenchReport report)
    {
        var table = new Table().AddColumns("model", "samples", "Functional %", "Secure %", "Joint %");
        foreach (var model in report.Summary.ByModel)
        {
            table.AddRow(Markup.Escape(model.Model), model.Samples.ToString(), $"{model.FunctionalPercent:0.0}", $"{model.SecurePercent:0.0}", $"{model.JointPercent:0.0}");
        }

        AnsiConsole.Write(table);
        if (report.Paper is { } paper)
        {
            var (header, rows) = paper.CompactTable();
            var beside = new Table().Title("beside the paper: paper / ours (Δ), percent").AddColumns(header.Select(Markup.Escape).ToArray());
            foreach (var row in rows)
            {
                beside.AddRow(row.Select(Markup.Escape).ToArray());
            }

            AnsiConsole.Write(beside);
        }
    }
}
