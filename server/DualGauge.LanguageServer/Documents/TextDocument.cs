using DualGauge.Core.Tasks;
using DualGauge.Protocol.Basic;
using DualGauge.Protocol.Synchronization;

namespace DualGauge.LanguageServer.Documents;

/// <summary>How an edit moved lines: lines [StartLine, OldEndLine] were replaced by NewLineCount lines.</summary>
internal readonly record struct LineEdit(int StartLine, int OldEndLine, int NewEndLine, bool WholeDocument)
{
    public int Delta => NewEndLine - OldEndLine;
}

/// <summary>An open document: its text, version and the regions DualGauge tracks in it. Positions count UTF-16 code units, as C# strings do.</summary>
internal sealed class TextDocument(string uri, string languageId, int version, string text)
{
    private string text = text;
    private int[]? lineStarts;

    public string Uri { get; } = uri;

    public string LanguageId { get; } = languageId;

    public int Version { get; set; } = version;

    public string Text => text;

    public List<TrackedRegion> Regions { get; } = [];

    public Language? Language => LanguageId.ToLowerInvariant() switch
    {
        "python" => Core.Tasks.Language.Python,
        "javascript" or "javascriptreact" => Core.Tasks.Language.JavaScript,
        "c" => Core.Tasks.Language.C,
        "cpp" => Core.Tasks.Language.Cpp,
        _ => LanguageFromUri(Uri),
    };

    public int LineCount => LineStarts.Length;

    private int[] LineStarts => lineStarts ??= ComputeLineStarts(text);

    public string GetLine(int line)
    {
        if (line < 0 || line >= LineCount)
        {
            return "";
        }

        var start = LineStarts[line];
        var end = line + 1 < LineCount ? LineStarts[line + 1] : text.Length;
        return text[start..end].TrimEnd('\r', '\n');
    }

    public int OffsetAt(Position position)
    {
        if (position.Line < 0)
        {
            return 0;
        }

        if (position.Line >= LineCount)
        {
            return text.Length;
        }

        var start = LineStarts[position.Line];
        var lineLength = GetLine(position.Line).Length;
        return start + Math.Clamp(position.Character, 0, lineLength);
    }

    /// <summary>Applies one change and says which lines moved.</summary>
    public LineEdit Apply(TextDocumentContentChangeEvent change)
    {
        if (change.Range is null)
        {
            var oldLines = LineCount;
            text = change.Text;
            lineStarts = null;
            return new LineEdit(0, oldLines - 1, LineCount - 1, WholeDocument: true);
        }

        var start = OffsetAt(change.Range.Start);
        var end = Math.Max(start, OffsetAt(change.Range.End));
        var startLine = Math.Clamp(change.Range.Start.Line, 0, LineCount - 1);
        var oldEndLine = Math.Clamp(change.Range.End.Line, startLine, LineCount - 1);
        text = string.Concat(text.AsSpan(0, start), change.Text, text.AsSpan(end));
        lineStarts = null;
        var addedLines = CountLineBreaks(change.Text);
        return new LineEdit(startLine, oldEndLine, startLine + addedLines, WholeDocument: false);
    }

    public static Language? LanguageFromUri(string uri)
    {
        var extension = System.IO.Path.GetExtension(uri);
        return LanguageExtensions.TryFromExtension(extension, out var language) ? language : null;
    }

    private static int CountLineBreaks(string value)
    {
        var count = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\n' || (value[i] == '\r' && (i + 1 >= value.Length || value[i + 1] != '\n')))
            {
                count++;
            }
        }

        return count;
    }

    private static int[] ComputeLineStarts(string value)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\r')
            {
                if (i + 1 < value.Length && value[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }
}
