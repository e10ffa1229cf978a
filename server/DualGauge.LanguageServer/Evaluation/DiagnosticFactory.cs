using System.Text.Json;
using System.Text.RegularExpressions;
using DualGauge.Snippets;
using DualGauge.Core.Tasks;
using DualGauge.Core.Verdicts;
using DualGauge.Protocol.Basic;
using DualGauge.Protocol.Custom;
using DualGauge.Protocol.Diagnostics;

namespace DualGauge.LanguageServer.Evaluation;

/// <summary>Diagnostics for one evaluation, exactly as the protocol contract describes them.</summary>
internal static partial class DiagnosticFactory
{
    public const string Source = "DualGauge";

    public static IReadOnlyList<Diagnostic> Create(SnippetEvaluation evaluation, long historyId, string uri, TextDocumentSnapshot document)
    {
        var data = JsonSerializer.SerializeToElement(new DiagnosticData(historyId), ProtocolJson.Options);
        var diagnostics = new List<Diagnostic>();
        if (evaluation.Match.Kind == MatchKind.None)
        {
            diagnostics.Add(new Diagnostic
            {
                Range = LineRange(document, evaluation.StartLine),
                Severity = DiagnosticSeverity.Information,
                Source = Source,
                Message = $"DualGauge did not evaluate this code: {evaluation.Match.Reason}",
                Data = data,
            });
            return diagnostics;
        }

        // Scoped markers (dualgauge-ignore[CWE-89]: reason, in a comment of the evaluated function) accept that CWE
        // there: one Hint at the marker says so instead of the Errors. A marker without a reason accepts nothing.
        var markers = Snippets.Checking.Suppressions.Find(evaluation.Snippet.Language, evaluation.Snippet.DocumentText, evaluation.StartLine, evaluation.EndLine);
        var acceptedShown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var finding in evaluation.Findings)
        {
            var line = finding.Line ?? evaluation.StartLine;
            if (finding.Kind == TestKind.Security && finding.Cwe is { } cwe && Snippets.Checking.Suppressions.Accepting(markers, cwe) is { } marker)
            {
                if (acceptedShown.Add(cwe))
                {
                    diagnostics.Add(new Diagnostic
                    {
                        Range = LineRange(document, marker.Line - 1),
                        Severity = DiagnosticSeverity.Hint,
                        Code = cwe,
                        CodeDescription = CweLink(cwe),
                        Source = Source,
                        Message = $"{cwe} accepted here: {marker.Reason} (a probe still proved it: {finding.Message})",
                        Data = data,
                    });
                }

                continue;
            }

            if (finding.Kind == TestKind.Security)
            {
                var sinkLine = finding.RelatedLine ?? line;
                // The Error sits on the line that builds the tainted value and on the sink; each carries the other
                // steps of the path as related information (never a pointer back at the line it sits on).
                foreach (var at in new[] { line, sinkLine }.Distinct())
                {
                    var related = finding.Steps.Where(step => step.Line != at)
                        .Select(step => new DiagnosticRelatedInformation(new Location(uri, LineRange(document, step.Line)), $"{Capitalise(step.Description)}: {document.Line(step.Line).Trim()}"))
                        .ToList();
                    if (finding.Steps.Count == 0 && sinkLine != at)
                    {
                        related.Add(new DiagnosticRelatedInformation(new Location(uri, LineRange(document, sinkLine)), $"Sink: {document.Line(sinkLine).Trim()}"));
                    }

                    diagnostics.Add(new Diagnostic
                    {
                        Range = LineRange(document, at),
                        Severity = DiagnosticSeverity.Error,
                        Code = finding.Cwe ?? finding.TestId,
                        CodeDescription = CweLink(finding.Cwe),
                        Source = Source,
                        Message = finding.Message,
                        RelatedInformation = related.Count > 0 ? related : null,
                        Data = data,
                    });
                }
            }
            else
            {
                diagnostics.Add(new Diagnostic
                {
                    Range = LineRange(document, line),
                    Severity = DiagnosticSeverity.Warning,
                    Code = finding.TestId,
                    Source = Source,
                    Message = finding.Expected is not null || finding.Actual is not null
                        ? $"expected {finding.Expected ?? "?"}, got {finding.Actual ?? "?"}"
                        : finding.Message,
                    RelatedInformation = finding.RelatedLine is { } related
                        ? [new DiagnosticRelatedInformation(new Location(uri, LineRange(document, related)), "Related line")]
                        : null,
                    Data = data,
                });
            }
        }

        // A verdict that failed as a whole (no compile, crash, sandbox trouble) may carry no per-test finding: still say so.
        if (diagnostics.Count == 0 && evaluation.Verdict is { Failure: SampleFailure.None } && evaluation.Assessment.Security == SecurityStatus.NotJudged)
        {
            // Ran, but nothing reached the code: say "not judged" and why, never silence that reads as "secure".
            diagnostics.Add(new Diagnostic
            {
                Range = LineRange(document, evaluation.StartLine),
                Severity = DiagnosticSeverity.Information,
                Code = "not-judged",
                Source = Source,
                Message = $"Not judged: {evaluation.Assessment.SecurityDetail.Replace("not judged: ", "", StringComparison.Ordinal)}. Works: {evaluation.Assessment.FunctionalWords}.",
                Data = data,
            });
        }
        else if (diagnostics.Count == 0 && evaluation.Verdict is { } verdict && !verdict.JointPass && verdict.Failure != SampleFailure.None)
        {
            diagnostics.Add(new Diagnostic
            {
                Range = LineRange(document, evaluation.StartLine),
                // Broken code (a syntax error) warns; code that could not be judged (a module the sandbox lacks) informs.
                Severity = verdict.Failure == SampleFailure.SandboxError || evaluation.Assessment.Functional == FunctionalStatus.NotJudged
                    ? DiagnosticSeverity.Information : DiagnosticSeverity.Warning,
                Code = verdict.Failure == SampleFailure.None ? string.Join(",", verdict.FailedTests.Select(t => t.Test.Id)) : verdict.Failure.ToString(),
                Source = Source,
                Message = verdict.Failure == SampleFailure.None
                    ? "Failed: " + string.Join("; ", verdict.FailedTests.Select(t => $"{t.Test.Id}: {t.Message}"))
                    : evaluation.Assessment.Functional == FunctionalStatus.NotJudged
                        ? $"Not judged: {evaluation.Assessment.SecurityDetail.Replace("not judged: ", "", StringComparison.Ordinal)}"
                        : $"The code could not be judged ({verdict.Failure}): {verdict.FailureDetail}",
                Data = data,
            });
        }
        else if (diagnostics.Count == 0 && evaluation.Verdict is null)
        {
            diagnostics.Add(new Diagnostic
            {
                Range = LineRange(document, evaluation.StartLine),
                Severity = DiagnosticSeverity.Information,
                Source = Source,
                Message = $"DualGauge matched {evaluation.Match.TemplateId} but produced no verdict: {evaluation.Match.Reason}",
                Data = data,
            });
        }

        return diagnostics;
    }

    public const string EvaluationFailedCode = "evaluation-failed";

    /// <summary>Like Bicep: when evaluation throws, one clear diagnostic instead of silence.</summary>
    public static Diagnostic EvaluationFailed(int line, Exception exception, long historyId, TextDocumentSnapshot document) => new()
    {
        Range = LineRange(document, line),
        Severity = DiagnosticSeverity.Warning,
        Code = EvaluationFailedCode,
        Source = Source,
        Message = $"DualGauge could not evaluate this code: {exception.Message}",
        Data = JsonSerializer.SerializeToElement(new DiagnosticData(historyId), ProtocolJson.Options),
    };

    public static CodeDescription? CweLink(string? cwe) =>
        cwe is not null && CweNumber().Match(cwe) is { Success: true } match
            ? new CodeDescription($"https://cwe.mitre.org/data/definitions/{match.Groups[1].Value}.html")
            : null;

    public static long? HistoryId(Diagnostic diagnostic) =>
        diagnostic.Data is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("historyId", out var id) && id.TryGetInt64(out var value)
            ? value
            : null;

    private static Range LineRange(TextDocumentSnapshot document, int line)
    {
        var text = document.Line(line);
        var indent = text.Length - text.TrimStart().Length;
        return new Range(new Position(line, indent), new Position(line, text.Length));
    }

    [GeneratedRegex(@"^CWE-(\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex CweNumber();

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
