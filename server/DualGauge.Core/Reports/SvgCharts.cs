using System.Globalization;
using System.Text;
using static DualGauge.Core.Reports.HtmlText;

namespace DualGauge.Core.Reports;

/// <summary>A named series of values, one per category, drawn in one colour.</summary>
/// <param name="Dashed">Drawn as a dashed line (line charts).</param>
/// <param name="LineKey">In the legend, shown as a line rather than a swatch.</param>
public sealed record ChartSeries(string Name, string Color, IReadOnlyList<double?> Values, bool Dashed = false, bool LineKey = false);

/// <summary>Inline SVG charts: no script, no external resource, every label escaped.</summary>
public static class SvgCharts
{
    private const string Axis = "#9aa4b2";
    private const string Grid = "#e5e8ee";
    private const string Ink = "#1f2933";
    private const string Muted = "#5f6b7a";

    /// <summary>Vertical bars grouped by category (e.g. models), one bar per series, on a 0..max scale.</summary>
    public static string GroupedBars(string title, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, double max = 100, string unit = "%")
    {
        const int left = 48, right = 16, bottom = 40, plotHeight = 220;
        var groupWidth = Math.Clamp(series.Count * 44 + 60, 150, 240);
        var width = Math.Max(760, left + right + categories.Count * groupWidth);
        groupWidth = (width - left - right) / Math.Max(1, categories.Count);
        var top = 20 + LegendHeight(series, width - left - right) + 10;
        var height = top + plotHeight + bottom;
        var svg = Open(title, width, height);
        Legend(svg, series, left, 14, width - right);
        YAxis(svg, left, top, plotHeight, width - right, max, unit);

        var barWidth = Math.Min(40.0, (groupWidth - 40.0) / Math.Max(1, series.Count));
        for (var c = 0; c < categories.Count; c++)
        {
            var groupLeft = left + c * (double)groupWidth + (groupWidth - barWidth * series.Count) / 2;
            for (var s = 0; s < series.Count; s++)
            {
                if (series[s].Values[c] is not { } value)
                {
                    continue;
                }

                var h = plotHeight * Math.Clamp(value / max, 0, 1);
                var x = groupLeft + s * barWidth;
                var y = top + plotHeight - h;
                svg.Append($"<rect x=\"{N(x + 1)}\" y=\"{N(y)}\" width=\"{N(barWidth - 2)}\" height=\"{N(h)}\" rx=\"2\" fill=\"{Attr(series[s].Color)}\"><title>{H(categories[c])} · {H(series[s].Name)}: {H(Value(value, unit))}</title></rect>");
                svg.Append($"<text x=\"{N(x + barWidth / 2)}\" y=\"{N(y - 4)}\" font-size=\"10\" text-anchor=\"middle\" fill=\"{Muted}\">{H(Value(value, unit, compact: true))}</text>");
            }

            var labelX = left + c * (double)groupWidth + groupWidth / 2.0;
            svg.Append($"<text x=\"{N(labelX)}\" y=\"{height - bottom + 20}\" font-size=\"12\" text-anchor=\"middle\" fill=\"{Ink}\">{H(Shorten(categories[c], groupWidth / 7))}<title>{H(categories[c])}</title></text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Horizontal bars, one row per category (e.g. CWEs), one bar per series inside the row.</summary>
    public static string HorizontalBars(string title, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, double max = 100, string unit = "%")
    {
        const int width = 860, left = 230, right = 56, bottom = 28;
        var top = 20 + LegendHeight(series, width - left - right) + 12;
        var barHeight = 12.0;
        var rowHeight = barHeight * series.Count + 12;
        var plotHeight = rowHeight * categories.Count;
        var height = (int)(top + plotHeight + bottom);
        var plotWidth = width - left - right;
        var svg = Open(title, width, height);
        Legend(svg, series, left, 14, width - right);

        for (var tick = 0; tick <= 4; tick++)
        {
            var x = left + plotWidth * tick / 4.0;
            svg.Append($"<line x1=\"{N(x)}\" y1=\"{top - 6}\" x2=\"{N(x)}\" y2=\"{N(top + plotHeight)}\" stroke=\"{Grid}\"/>");
            svg.Append($"<text x=\"{N(x)}\" y=\"{N(top + plotHeight + 16)}\" font-size=\"11\" text-anchor=\"middle\" fill=\"{Muted}\">{H(Value(max * tick / 4, unit, compact: true))}</text>");
        }

        for (var c = 0; c < categories.Count; c++)
        {
            var rowTop = top + c * rowHeight + 6;
            svg.Append($"<text x=\"{left - 10}\" y=\"{N(rowTop + barHeight * series.Count / 2 + 4)}\" font-size=\"12\" text-anchor=\"end\" fill=\"{Ink}\">{H(Shorten(categories[c], 30))}<title>{H(categories[c])}</title></text>");
            for (var s = 0; s < series.Count; s++)
            {
                if (series[s].Values[c] is not { } value)
                {
                    continue;
                }

                var w = plotWidth * Math.Clamp(value / max, 0, 1);
                var y = rowTop + s * barHeight;
                svg.Append($"<rect x=\"{left}\" y=\"{N(y)}\" width=\"{N(Math.Max(w, 1))}\" height=\"{N(barHeight - 2)}\" rx=\"2\" fill=\"{Attr(series[s].Color)}\"><title>{H(categories[c])} · {H(series[s].Name)}: {H(Value(value, unit))}</title></rect>");
                svg.Append($"<text x=\"{N(left + w + 4)}\" y=\"{N(y + barHeight - 3)}\" font-size=\"10\" fill=\"{Muted}\">{H(Value(value, unit, compact: true))}</text>");
            }
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Lines over numeric x positions (e.g. k of pass@k), on a 0..max scale; a series with one point is a dot.</summary>
    /// <param name="legend">Legend entries; null lists every series.</param>
    public static string Lines(string title, IReadOnlyList<int> xs, IReadOnlyList<ChartSeries> series, double max = 1, string unit = "", IReadOnlyList<ChartSeries>? legend = null)
    {
        const int left = 48, right = 24, bottom = 40, plotHeight = 220, width = 760;
        legend ??= series;
        var top = 20 + LegendHeight(legend, width - left - right) + 10;
        var height = top + plotHeight + bottom;
        var plotWidth = width - left - right;
        var svg = Open(title, width, height);
        Legend(svg, legend, left, 14, width - right);
        YAxis(svg, left, top, plotHeight, width - right, max, unit);

        double X(int i) => xs.Count == 1 ? left + plotWidth / 2.0 : left + 20 + (plotWidth - 40) * i / (double)(xs.Count - 1);
        double Y(double v) => top + plotHeight - plotHeight * Math.Clamp(v / max, 0, 1);

        for (var i = 0; i < xs.Count; i++)
        {
            svg.Append($"<text x=\"{N(X(i))}\" y=\"{height - bottom + 20}\" font-size=\"12\" text-anchor=\"middle\" fill=\"{Ink}\">k = {xs[i]}</text>");
        }

        foreach (var s in series)
        {
            var points = s.Values.Select((v, i) => (v, i)).Where(p => p.v is not null).Select(p => (X: X(p.i), Y: Y(p.v!.Value), p.v, K: xs[p.i])).ToList();
            if (points.Count > 1)
            {
                svg.Append($"<polyline fill=\"none\" stroke=\"{Attr(s.Color)}\" stroke-width=\"2.5\"{(s.Dashed ? " stroke-dasharray=\"6 4\"" : "")} points=\"{string.Join(' ', points.Select(p => $"{N(p.X)},{N(p.Y)}"))}\"/>");
            }

            foreach (var p in points)
            {
                svg.Append($"<circle cx=\"{N(p.X)}\" cy=\"{N(p.Y)}\" r=\"4\" fill=\"{(s.Dashed ? "#fff" : Attr(s.Color))}\" stroke=\"{Attr(s.Color)}\" stroke-width=\"2\"><title>{H(s.Name)} at k = {p.K}: {H(Value(p.v!.Value, unit))}</title></circle>");
            }
        }

        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string title, int width, int height) =>
        new StringBuilder()
            .Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" font-family=\"inherit\">")
            .Append($"<title>{H(title)}</title>");

    private const int LegendRow = 20;

    private static double LegendItemWidth(ChartSeries s) => 34 + Shorten(s.Name, 40).Length * 6.6;

    private static int LegendHeight(IReadOnlyList<ChartSeries> series, int available)
    {
        var rows = 1;
        var used = 0.0;
        foreach (var s in series)
        {
            var w = LegendItemWidth(s);
            if (used > 0 && used + w > available)
            {
                rows++;
                used = 0;
            }

            used += w;
        }

        return rows * LegendRow;
    }

    private static void Legend(StringBuilder svg, IReadOnlyList<ChartSeries> series, int x, int y, int rightEdge)
    {
        var offset = (double)x;
        foreach (var s in series)
        {
            if (offset > x && offset + LegendItemWidth(s) > rightEdge)
            {
                offset = x;
                y += LegendRow;
            }

            svg.Append(s.Dashed || s.LineKey
                ? $"<line x1=\"{N(offset)}\" y1=\"{y - 4}\" x2=\"{N(offset + 16)}\" y2=\"{y - 4}\" stroke=\"{Attr(s.Color)}\" stroke-width=\"2.5\"{(s.Dashed ? " stroke-dasharray=\"4 3\"" : "")}/>"
                : $"<rect x=\"{N(offset)}\" y=\"{y - 10}\" width=\"12\" height=\"12\" rx=\"2\" fill=\"{Attr(s.Color)}\"/>");
            var label = Shorten(s.Name, 40);
            svg.Append($"<text x=\"{N(offset + (s.Dashed || s.LineKey ? 21 : 17))}\" y=\"{y}\" font-size=\"12\" fill=\"{Ink}\">{H(label)}</text>");
            offset += LegendItemWidth(s);
        }
    }

    private static void YAxis(StringBuilder svg, int left, int top, int plotHeight, int rightEdge, double max, string unit)
    {
        for (var tick = 0; tick <= 4; tick++)
        {
            var y = top + plotHeight - plotHeight * tick / 4.0;
            svg.Append($"<line x1=\"{left}\" y1=\"{N(y)}\" x2=\"{rightEdge}\" y2=\"{N(y)}\" stroke=\"{(tick == 0 ? Axis : Grid)}\"/>");
            svg.Append($"<text x=\"{left - 6}\" y=\"{N(y + 4)}\" font-size=\"11\" text-anchor=\"end\" fill=\"{Muted}\">{H(Value(max * tick / 4, unit, compact: true))}</text>");
        }
    }

    private static string Value(double value, string unit, bool compact = false) =>
        unit == "%"
            ? value.ToString(compact ? "0" : "0.0", CultureInfo.InvariantCulture) + "%"
            : value.ToString(compact ? "0.##" : "0.000", CultureInfo.InvariantCulture) + unit;

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, Math.Max(1, max - 1)), "…");

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
