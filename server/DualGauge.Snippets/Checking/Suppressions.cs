using System.Text.RegularExpressions;
using DualGauge.Core.Metrics;
using DualGauge.Snippets.Widening;

namespace DualGauge.Snippets.Checking;

/// <summary>
/// Inline acceptance of a finding: <c>dualgauge-ignore[CWE-89]: the value is an internal constant</c> in a comment
/// on the function's header, the line above it, or any line of its body. It accepts that CWE in that function
/// only, and only with a reason. A bare <c>dualgauge-ignore</c> still skips the whole function.
/// </summary>
public static partial class Suppressions
{
    /// <summary>
    /// The markers in comments of a function (a marker in a string literal or in code is text the program uses,
    /// not a marker), 0-based lines in, 1-based lines out.
    /// </summary>
    public static IReadOnlyList<SuppressionMarker> Find(Core.Tasks.Language language, string text, int startLine, int endLine)
    {
        var lines = SourceMask.Lines(text);
        var comments = SourceMask.LinesOf(SourceMask.CommentMap(language, text), lines);
        var markers = new List<SuppressionMarker>();
        for (var i = Math.Max(0, startLine - 1); i <= endLine && i < lines.Length; i++)
        {
            foreach (Match m in MarkerRegex().Matches(lines[i]))
            {
                if (!InComment(comments[i], m.Index, m.Length))
                {
                    continue;
                }

                var cwes = m.Groups["cwes"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(Cwe.Normalize).ToList();
                var reason = m.Groups["reason"].Success ? m.Groups["reason"].Value.Trim().TrimEnd('/', '*').Trim() : null;
                markers.Add(new SuppressionMarker(i + 1, cwes, string.IsNullOrWhiteSpace(reason) ? null : reason));
            }
        }

        return markers;
    }

    private static bool InComment(string commentLine, int start, int length)
    {
        for (var k = start; k < start + length; k++)
        {
            if (k >= commentLine.Length || commentLine[k] != SourceMask.CommentFill)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The honoured marker that accepts <paramref name="cwe"/>, if any.</summary>
    public static SuppressionMarker? Accepting(IReadOnlyList<SuppressionMarker> markers, string cwe) =>
        markers.FirstOrDefault(m => m.Honoured && m.Cwes.Contains(Cwe.Normalize(cwe), StringComparer.Ordinal));

    /// <summary>True when the text holds a bare marker (the whole function is skipped), not a scoped one.</summary>
    public static bool IsBareMarker(string line) => BareRegex().IsMatch(line);

    /// <summary>True when the line holds a bare marker inside a comment (<paramref name="commentLine"/> from <see cref="SourceMask.CommentMap"/>).</summary>
    public static bool IsBareMarkerIn(string line, string commentLine) =>
        BareRegex().Matches(line).Any(m => InComment(commentLine, m.Index, m.Length));

    [GeneratedRegex(SnippetWidener.IgnoreMarker + @"\[(?<cwes>[^\]]*)\](?:\s*:\s*(?<reason>.*))?", RegexOptions.IgnoreCase)]
    private static partial Regex MarkerRegex();

    [GeneratedRegex(SnippetWidener.IgnoreMarker + @"(?!\[)")]
    private static partial Regex BareRegex();
}
