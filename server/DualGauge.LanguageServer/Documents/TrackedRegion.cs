using DualGauge.Snippets;
using DualGauge.Protocol.Basic;
using DualGauge.Protocol.Diagnostics;

namespace DualGauge.LanguageServer.Documents;

/// <summary>
/// Lines DualGauge evaluated or will evaluate (an AI insertion, a selection). Lines are 0-based and
/// inclusive and follow the document through edits, so diagnostics move with the code and go stale
/// the moment the code they judged changes.
/// </summary>
internal sealed class TrackedRegion(int id, int startLine, int endLine, string source, SnippetSource snippetSource, bool fromAi)
{
    public int Id { get; } = id;

    public int StartLine { get; private set; } = startLine;

    public int EndLine { get; private set; } = endLine;

    /// <summary>The history source string ("inlineSuggestion", "selection"...).</summary>
    public string Source { get; set; } = source;

    public SnippetSource SnippetSource { get; set; } = snippetSource;

    public bool FromAi { get; set; } = fromAi;

    /// <summary>Bumped whenever an edit touches the region: a result for an older generation is stale.</summary>
    public int Generation { get; private set; }

    public long? HistoryId { get; set; }

    /// <summary>Diagnostics as placed when published; <see cref="DiagnosticsBaseLine"/> is the region start they were placed against.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; private set; } = [];

    public int DiagnosticsBaseLine { get; private set; }

    /// <summary>Cancels the pending (debounced or running) evaluation of this region; swapped on every new request.</summary>
    public CancellationTokenSource? Pending { get; set; }

    public bool Overlaps(int start, int end) => start <= EndLine && end >= StartLine;

    /// <summary>The CodeLens text above the function ("DualGauge: secure · 3/3 tests · CWE-89 tested · 0.4 s"); null until evaluated.</summary>
    public string? Lens { get; private set; }

    /// <summary>Quick fixes whose edited code passed the same dual tests, offered as code actions.</summary>
    public IReadOnlyList<VerifiedFix> VerifiedFixes { get; set; } = [];

    /// <param name="baseLine">The region start line the diagnostics' positions were computed against.</param>
    public void SetFindings(IReadOnlyList<Diagnostic> diagnostics, int baseLine, string? lens)
    {
        Diagnostics = diagnostics;
        DiagnosticsBaseLine = baseLine;
        Lens = lens;
        VerifiedFixes = [];
    }

    public void Reset(int start, int end)
    {
        StartLine = start;
        EndLine = end;
    }

    /// <summary>Moves the region for an edit. True when the edit touched the region's own lines (its diagnostics are then cleared).</summary>
    public bool ApplyEdit(LineEdit edit)
    {
        if (edit.WholeDocument)
        {
            Touch();
            return true;
        }

        if (edit.OldEndLine < StartLine)
        {
            StartLine += edit.Delta;
            EndLine += edit.Delta;
            return false;
        }

        if (edit.StartLine > EndLine)
        {
            return false;
        }

        EndLine = Math.Max(StartLine, EndLine + edit.Delta);
        if (edit.StartLine < StartLine)
        {
            StartLine = edit.StartLine;
        }

        Touch();
        return true;
    }

    /// <summary>Diagnostics at the region's current place.</summary>
    public IEnumerable<Diagnostic> CurrentDiagnostics()
    {
        var shift = StartLine - DiagnosticsBaseLine;
        return shift == 0 ? Diagnostics : Diagnostics.Select(d => Shift(d, shift));
    }

    private void Touch()
    {
        Generation++;
        Diagnostics = [];
        Lens = null;
        VerifiedFixes = [];
    }

    private static Diagnostic Shift(Diagnostic diagnostic, int lines) => diagnostic with
    {
        Range = Shift(diagnostic.Range, lines),
        RelatedInformation = diagnostic.RelatedInformation?.Select(r => r with { Location = r.Location with { Range = Shift(r.Location.Range, lines) } }).ToList(),
    };

    private static Range Shift(Range range, int lines) =>
        new(range.Start with { Line = range.Start.Line + lines }, range.End with { Line = range.End.Line + lines });
}

/// <summary>A deterministic fix that was applied to a copy of the document and re-evaluated: it removed <paramref name="Cwe"/> and broke no test.</summary>
/// <param name="Generation">The region generation the fix was verified against; an edit since makes it stale.</param>
internal sealed record VerifiedFix(string Title, string Cwe, int Generation, int StartLine, int EndLine, string NewText, string Evidence);
