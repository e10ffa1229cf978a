using System.Text;

namespace DualGauge.Core.Reports;

/// <summary>
/// HTML escaping for attacker-controlled text (sample code, traces, messages). Every character that can end a
/// text node or an attribute is replaced, and control characters are made visible instead of passed through.
/// </summary>
public static class HtmlText
{
    /// <summary>Escapes text for an element body or a quoted attribute value.</summary>
    public static string H(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                case '`': builder.Append("&#96;"); break;
                case '\n' or '\t': builder.Append(ch); break;
                case '\r': break;
                case '\0': builder.Append('\uFFFD'); break;
                default:
                    builder.Append(char.IsControl(ch) ? '\uFFFD' : ch);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>An attribute value that must be a plain token (a colour, a class): anything else is dropped.</summary>
    public static string Attr(string value) =>
        value.All(c => char.IsAsciiLetterOrDigit(c) || c is '#' or '-' or '_' or '.' or '(' or ')' or ',' or ' ' or '%') ? value : "";
}
