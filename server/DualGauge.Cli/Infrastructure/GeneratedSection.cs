using Spectre.Console;

namespace DualGauge.Cli.Infrastructure;

/// <summary>A generated part of a Markdown file (the README's tables), kept between a start and an end marker.</summary>
public static class GeneratedSection
{
    /// <summary>
    /// Replaces what lies between the markers with <paramref name="markdown"/>, or with <paramref name="check"/> only
    /// compares. Exit codes: success when written or up to date, <see cref="ExitCodes.GateFailed"/> when out of date,
    /// <see cref="ExitCodes.BadInput"/> when the file lacks the markers.
    /// </summary>
    /// <param name="name">The markers' name in errors, e.g. <c>tasks-table</c>.</param>
    /// <param name="command">The command that regenerates it, shown when the file is out of date.</param>
    public static int Update(FileInfo file, string name, string startMarker, string endMarker, string markdown, bool check, string command)
    {
        var text = File.ReadAllText(file.FullName);
        var start = text.IndexOf(startMarker, StringComparison.Ordinal);
        var end = text.IndexOf(endMarker, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {file.FullName}: no {name} markers; add the lines '{startMarker}' and '{endMarker}'");
            return ExitCodes.BadInput;
        }

        var updated = string.Concat(text.AsSpan(0, start + startMarker.Length), "\n", markdown, text.AsSpan(end));
        if (check)
        {
            if (updated != text)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]{file.Name} is out of date:[/] run {command} --update {file.Name}");
                return ExitCodes.GateFailed;
            }

            return ExitCodes.Success;
        }

        File.WriteAllText(file.FullName, updated);
        AnsiConsole.MarkupLineInterpolated($"updated {file.FullName}");
        return ExitCodes.Success;
    }
}
