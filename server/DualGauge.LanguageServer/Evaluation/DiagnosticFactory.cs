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

    public static IReadOnlyList<Diagnostic> Create(SnippetEvaluation evaluation, long historyId, string uri, TextDocumentSnapshot document, bool unmatchedInProblems = false)
    {
        var data = JsonSerializer.SerializeToElement(new DiagnosticData(historyId), ProtocolJson.Options);
        var diagnostics = new List<Diagnostic>();
        if (evaluation.Match.Kind == MatchKind.None)
        {
            // Harmless code that no test fits is not a problem: a Hint (and the CodeLens) by default, kept out of the
            // Problems panel; dualgauge.showUnmatchedInProblems brings it back as Information.
            diagnostics.Add(new Diagnostic
            {
                Range = LineRange(document, evaluation.StartLine),
                Severity = unmatchedInProblems ? DiagnosticSeverity.Information : DiagnosticSeverity.Hint,
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
        var open = new List<SnippetFinding>();
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
                        // The accepted marker is rendered faded: the finding it answers is not an open problem.
                        Tags = [DiagnosticTag.Unnecessary],
                        Data = data,
                    });
                }

                continue;
            }

            if (finding.Kind == TestKind.Security)
            {
                open.Add(finding);
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
                        ? $"Functional test {finding.TestId} failed: expected {finding.Expected ?? "?"}, got {finding.Actual ?? "?"}"
                        : $"Functional test {finding.TestId} failed: {finding.Message}",
                    RelatedInformation = finding.RelatedLine is { } related
                        ? [new DiagnosticRelatedInformation(new Location(uri, LineRange(document, related)), "Related line")]
                        : null,
                    Data = data,
                });
            }
        }

        // One Error per CWE per sink, however many probes proved it: the headline says what reaches what, the body
        // holds the evidence of each probe, the related information walks every step from the input to the sink.
        // The line that builds the tainted value carries the same finding, pointing at the sink.
        foreach (var group in open.GroupBy(f => (Rule: f.Cwe ?? f.TestId, Sink: f.RelatedLine ?? f.Line ?? evaluation.StartLine)))
        {
            var first = group.First();
            var sinkLine = group.Key.Sink;
            var rule = group.Key.Rule;
            var headline = Headline(rule, first.Input);
            var evidence = group.Select(f => f.Message).Distinct(StringComparer.Ordinal).ToList();
            var body = headline + "\n" + string.Join("\n", evidence.Take(3).Select(e => "• " + e)) + (evidence.Count > 3 ? $"\n• and {evidence.Count - 3} more probe(s)" : "");
            var steps = group.SelectMany(f => f.Steps).GroupBy(st => st.Line).Select(g => g.First()).OrderBy(st => st.Line).ToList();
            var built = group.Select(f => f.Line).FirstOrDefault(l => l is not null && l != sinkLine);
            foreach (var at in new[] { (int?)sinkLine, built }.Where(l => l is not null).Select(l => l!.Value).Distinct())
            {
                var related = steps.Where(step => step.Line != at)
                    .Select(step => new DiagnosticRelatedInformation(new Location(uri, LineRange(document, step.Line)), $"{Capitalise(step.Description)}: {document.Line(step.Line).Trim()}"))
                    .ToList();
                if (at != sinkLine && !steps.Any(st => st.Line == sinkLine))
                {
                    related.Add(new DiagnosticRelatedInformation(new Location(uri, LineRange(document, sinkLine)), $"The value reaches the sink: {document.Line(sinkLine).Trim()}"));
                }

                diagnostics.Add(new Diagnostic
                {
                    Range = LineRange(document, at),
                    Severity = DiagnosticSeverity.Error,
                    Code = rule,
                    CodeDescription = CweLink(first.Cwe),
                    Source = Source,
                    Message = at == sinkLine ? body : $"{headline}: the tainted value is built here and reaches line {sinkLine + 1}\n" + string.Join("\n", evidence.Take(1).Select(e => "• " + e)),
                    RelatedInformation = related.Count > 0 ? related : null,
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

    /// <summary>"SQL injection (CWE-89): the status input reaches the query text".</summary>
    internal static string Headline(string rule, string? input)
    {
        var name = rule.StartsWith("CWE-", StringComparison.OrdinalIgnoreCase) ? Core.Reports.CweCatalogue.NameOf(rule) : "Security test failed";
        var what = input is { Length: > 0 } ? $"the {input} input" : "untrusted input";
        var number = rule.StartsWith("CWE-", StringComparison.OrdinalIgnoreCase) ? rule[4..] : "";
        var sink = number switch
        {
            "89" => "reaches the query text",
            "78" or "77" or "88" => "reaches a shell command",
            "22" or "23" or "36" or "73" => "reaches a file path outside the allowed folder",
            "79" or "80" => "reaches the HTML output unescaped",
            "94" or "95" => "is evaluated as code",
            "502" => "reaches an unsafe deserializer",
            "611" or "776" => "reaches an XML parser that resolves entities",
            "918" => "chooses where an outgoing request goes",
            "601" => "chooses where the redirect goes",
            "117" => "writes extra log lines",
            "113" => "splits the response headers",
            "134" => "is used as a format string",
            "643" => "reaches the XPath expression",
            "943" => "becomes a query operator",
            "90" => "changes the LDAP filter",
            "1321" => "reaches the object prototype",
            "1333" or "400" or "770" => "makes the code run unbounded",
            "119" or "120" or "121" or "122" or "787" or "193" => "writes past the end of a buffer",
            "125" => "reads past the end of a buffer",
            "190" or "131" => "overflows a size computation",
            "476" => "leads to a NULL dereference",
            "416" or "415" => "leads to memory used after it was freed",
            _ => "reaches the sink",
        };
        return $"{name} ({rule}): {what} {sink}";
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
