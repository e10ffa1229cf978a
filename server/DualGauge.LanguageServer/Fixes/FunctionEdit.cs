using DualGauge.Protocol.Basic;

namespace DualGauge.LanguageServer.Fixes;

/// <summary>Edits that replace whole lines of a function.</summary>
internal static class FunctionEdit
{
    /// <summary>Whole lines StartLine..EndLine; when EndLine is the last line (no line break after it), up to its end.</summary>
    public static TextEdit ToTextEdit(int startLine, int endLine, string newText, string documentText)
    {
        var lines = documentText.Split('\n');
        if (endLine + 1 < lines.Length)
        {
            return new TextEdit(new Range(new Position(startLine, 0), new Position(endLine + 1, 0)), newText);
        }

        var last = lines[^1];
        return new TextEdit(new Range(new Position(startLine, 0), new Position(lines.Length - 1, last.Length)), newText.TrimEnd('\n').TrimEnd('\r'));
    }
}
