using System.Text;

namespace DualGauge.Core.Reports;

/// <summary>
/// Escaping for text that ends up in Markdown. Sample output, traces and messages are attacker-controlled:
/// they must never become links, HTML or table structure.
/// </summary>
public static class MarkdownText
{
    // Only characters that change inline meaning: the text never starts a line, so list and heading markers are harmless.
    private const string Special = "\\`*_[]<>|~&";

    /// <summary>Plain text on one line, every Markdown-significant character backslash-escaped.</summary>
    public static string Text(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var ch in text)
        {
            if (ch is '\r' or '\n' or '\t')
            {
                builder.Append(' ');
            }
            else if (char.IsControl(ch))
            {
                builder.Append('\uFFFD');
            }
            else
            {
                if (Special.Contains(ch))
                {
                    builder.Append('\\');
                }

                builder.Append(ch);
            }
        }

        return builder.ToString();
    }

    /// <summary>An inline code span on one line, safe inside a table cell.</summary>
    public static string Code(string? text)
    {
        var content = (text ?? "").Replace("\r", "").Replace('\n', ' ').Replace('\t', ' ').Replace("|", "\\|");
        var longestRun = 0;
        var run = 0;
        foreach (var ch in content)
        {
            run = ch == '`' ? run + 1 : 0;
            longestRun = Math.Max(longestRun, run);
        }

        var fence = new string('`', longestRun + 1);
        var pad = content.StartsWith('`') || content.EndsWith('`') || content.StartsWith(' ') ? " " : "";
        return content.Length == 0 ? "" : $"{fence}{pad}{content}{pad}{fence}";
    }

    /// <summary>A fenced code block whose fence is longer than any backtick run in the content.</summary>
    public static string Block(string? text, string language = "")
    {
        var content = (text ?? "").Replace("\r\n", "\n").TrimEnd('\n');
        var longestRun = 0;
        var run = 0;
        foreach (var ch in content)
        {
            run = ch == '`' ? run + 1 : 0;
            longestRun = Math.Max(longestRun, run);
        }

        var fence = new string('`', Math.Max(3, longestRun + 1));
        return $"{fence}{language}\n{content}\n{fence}\n";
    }

    public static void Table(StringBuilder builder, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, IReadOnlySet<int>? rightAligned = null)
    {
        builder.Append("| ").AppendJoin(" | ", header).Append(" |\n");
        builder.Append('|').AppendJoin('|', header.Select((_, i) => rightAligned?.Contains(i) == true ? "---:" : "---")).Append("|\n");
        foreach (var row in rows)
        {
            builder.Append("| ").AppendJoin(" | ", row).Append(" |\n");
        }

        builder.Append('\n');
    }
}
