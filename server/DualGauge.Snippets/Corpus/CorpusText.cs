using System.Globalization;
using System.Text;

namespace DualGauge.Snippets.Corpus;

/// <summary>The plain-text report of a corpus run: one line per snippet, and Markdown tables (CI logs and the README read them).</summary>
public static class CorpusText
{
    public static readonly string[] Columns =
    [
        "snippets", "match rate", "verdict rate", "insecure flagged, right CWE", "false alarms (secure/neutral)", "\"secure\" on insecure", "not judged",
    ];

    /// <summary>The word that starts a snippet's line.</summary>
    public static string Tag(CorpusOutcome outcome) => outcome switch
    {
        CorpusOutcome.Ok => "ok",
        CorpusOutcome.Miss => "MISS",
        CorpusOutcome.FalseAlarm => "FALSE-ALARM",
        CorpusOutcome.SecureOnInsecure => "SECURE-ON-INSECURE",
        CorpusOutcome.NotJudged => "NOT-JUDGED",
        _ => "ERROR",
    };

    /// <summary>E.g. <c>MISS               python/helpers/x.py  labelled CWE-89, flagged CWE-78 instead (shell-command)</c>.</summary>
    public static string Line(CorpusResult result) =>
        $"{Tag(result.Outcome),-18} {result.Entry.File}  {result.Reason}";

    /// <summary>The evidence behind one result: match, assessment, each test's status and message, the failure.</summary>
    public static string Details(CorpusResult result)
    {
        var e = result.Evaluation;
        if (e is null)
        {
            return "    (no evaluation)";
        }

        var text = new StringBuilder();
        text.Append("    match: ").Append(e.Match.Kind).Append(' ').Append(e.Match.TemplateId).Append(" — ").Append(e.Match.Reason).Append('\n');
        text.Append("    assessment: ").Append(e.Assessment.FunctionalWords).Append(" | ").Append(e.Assessment.SecurityWords).Append(" | ").Append(e.Assessment.SecurityDetail).Append('\n');
        if (e.Verdict is { } v)
        {
            if (v.FailureDetail is { } f)
            {
                text.Append("    failure: ").Append(v.Failure).Append(": ").Append(f.Split('\n')[0]).Append('\n');
            }

            foreach (var t in v.Tests)
            {
                text.Append("    ").Append(t.Test.Id).Append(": ").Append(t.Status).Append(' ').Append(t.Message.Length > 300 ? t.Message[..300] : t.Message).Append('\n');
                foreach (var call in v.Trace.ForTest(t.Test.Id).Where(x => x.Kind is "call" or "sql" or "file" or "process" or "socket").Take(6))
                {
                    var d = call.Describe();
                    text.Append("        ").Append(d.Length > 240 ? d[..240] : d).Append('\n');
                }
            }
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>A Markdown table of <paramref name="rows"/>, with <paramref name="total"/> last when given.</summary>
    public static string Table(string keyHeader, IReadOnlyList<CorpusRow> rows, CorpusRow? total = null)
    {
        var all = total is null ? rows : [.. rows, total];
        var cells = all.Select(Cells).ToList();
        var headers = new[] { keyHeader }.Concat(Columns).ToArray();
        var widths = headers.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length))).ToArray();
        var text = new StringBuilder();
        AppendRow(text, headers, widths);
        text.Append('|').AppendJoin('|', widths.Select((w, i) => i == 0 ? new string('-', w + 2) : new string('-', w + 1) + ":")).Append("|\n");
        foreach (var row in cells)
        {
            AppendRow(text, row, widths);
        }

        return text.ToString();
    }

    public static string[] Cells(CorpusRow row) =>
    [
        row.Key,
        row.Snippets.ToString(CultureInfo.InvariantCulture),
        $"{Percent(row.MatchRate)} ({row.Matched})",
        $"{Percent(row.VerdictRate)} ({row.Verdicts})",
        row.Insecure == 0 ? "-" : $"{row.FlaggedRightCwe}/{row.Insecure} {Percent(row.RightCweRate)}" + (row.FlaggedWrongCwe > 0 ? $" (+{row.FlaggedWrongCwe} wrong CWE)" : ""),
        row.SecureOrNeutral == 0 ? "-" : $"{row.FalseAlarms}/{row.SecureOrNeutral} {Percent(row.FalseAlarmRate)}",
        row.Insecure == 0 ? "-" : $"{row.SecureOnInsecure}" + (row.SecureOnInsecure > 0 ? $" ({row.SecureOnInsecureUnrelated} unrelated)" : ""),
        $"{row.NotJudged}",
    ];

    private static void AppendRow(StringBuilder text, IReadOnlyList<string> cells, int[] widths)
    {
        text.Append('|');
        for (var i = 0; i < cells.Count; i++)
        {
            text.Append(' ').Append(i == 0 ? cells[i].PadRight(widths[i]) : cells[i].PadLeft(widths[i])).Append(" |");
        }

        text.Append('\n');
    }

    private static string Percent(double rate) => (rate * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
