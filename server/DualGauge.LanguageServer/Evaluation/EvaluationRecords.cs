using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DualGauge.Snippets;
using DualGauge.Core.Tasks;
using DualGauge.Core.Verdicts;
using DualGauge.LanguageServer.History;
using DualGauge.LanguageServer.Reports;
using DualGauge.Protocol.Basic;
using DualGauge.Protocol.Custom;

namespace DualGauge.LanguageServer.Evaluation;

/// <summary>Turns an evaluation (or a failed attempt) into the history record persisted before anything is published.</summary>
internal static class EvaluationRecords
{
    public const int MaxTraceLines = 400;

    /// <summary>Documents above this size are not copied into the history (the evaluated code always is).</summary>
    public const int MaxStoredDocumentChars = 512 * 1024;

    public static string Verdict(SnippetEvaluation evaluation)
    {
        if (evaluation.Match.Kind == MatchKind.None)
        {
            return Verdicts.NotMatched;
        }

        if (evaluation.Verdict is not { } verdict || verdict.Failure == SampleFailure.SandboxError)
        {
            return Verdicts.Error;
        }

        // In the editor the vulnerability is the headline: a snippet that ran and failed a security test is
        // insecure even when a functional test failed too (both kinds of diagnostic are published).
        // "Secure" only when probes reached the code; otherwise "not judged", whatever passed.
        var assessment = evaluation.Assessment;
        return assessment.Security switch
        {
            SecurityStatus.Insecure => Verdicts.Insecure,
            _ when assessment.Functional == FunctionalStatus.Broken => Verdicts.Broken,
            SecurityStatus.Secure => Verdicts.Secure,
            _ => Verdicts.NotJudged,
        };
    }

    public static EvaluationRecord FromEvaluation(SnippetEvaluation evaluation, string source, string uri, TextDocumentSnapshot document)
    {
        var verdict = evaluation.Verdict;
        var verdictText = Verdict(evaluation);
        var failedTests = verdict is not null
            ? verdict.FailedTests.Select(t => t.Test.Id).ToList()
            : evaluation.Findings.Select(f => f.TestId).Distinct().ToList();
        var events = verdict?.Trace.Events ?? [];
        var traceLines = events.Select(e => e.Data.GetRawText()).Concat(verdict?.Trace.StrayLines ?? []).ToList();
        var summary = new HistoryEntrySummary
        {
            Id = 0,
            Time = evaluation.EvaluatedAt.ToString("O", CultureInfo.InvariantCulture),
            Uri = uri,
            Range = new Range(new Position(evaluation.StartLine, 0), new Position(evaluation.EndLine, document.LineLength(evaluation.EndLine))),
            Source = source,
            Language = evaluation.Snippet.Language.Id(),
            Template = evaluation.Match.TemplateId,
            MatchKind = evaluation.Match.Kind switch
            {
                MatchKind.BenchTask => MatchKinds.BenchTask,
                MatchKind.Template => MatchKinds.Template,
                _ => MatchKinds.None,
            },
            Confidence = evaluation.Match.Confidence,
            Verdict = verdictText,
            // Null (unknown) unless the evidence decides: a smoke run is not "works", unreached probes are not "secure".
            FunctionalPass = evaluation.Assessment.Functional switch { FunctionalStatus.Works => true, FunctionalStatus.Broken => false, _ => null },
            SecurePass = evaluation.Assessment.Security switch { SecurityStatus.Secure => true, SecurityStatus.Insecure => false, _ => null },
            FailedTests = failedTests,
            CodeHash = evaluation.CodeHash,
            Function = evaluation.Match.FunctionName,
            Cwes = evaluation.Findings.Where(f => f.Kind == TestKind.Security && f.Cwe is not null).Select(f => f.Cwe!).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            CwesTested = evaluation.Assessment.CwesTested,
            DurationMs = verdict?.Duration.TotalMilliseconds ?? 0,
            Accepted = Accepted(evaluation),
        };
        var details = new EvaluationDetails
        {
            FunctionText = FunctionText(snapshot: document, evaluation.StartLine, evaluation.EndLine),
            MatchReason = evaluation.Match.Reason,
            FunctionName = evaluation.Match.FunctionName,
            Works = evaluation.Assessment.FunctionalWords,
            WorksDetail = evaluation.Assessment.FunctionalDetail,
            Secure = evaluation.Assessment.SecurityWords,
            SecureDetail = evaluation.Assessment.SecurityDetail,
            CwesTested = evaluation.Assessment.CwesTested,
            ProbesReached = evaluation.Assessment.ProbesReached,
            Probes = evaluation.Assessment.Probes,
            Failure = verdict is { Failure: not SampleFailure.None } ? $"{verdict.Failure}: {verdict.FailureDetail}" : null,
            Tests = verdict?.Tests.Select(t => new HistoryTest(
                t.Test.Id,
                t.Kind == TestKind.Security ? "security" : "functional",
                t.Status.ToString().ToLowerInvariant(),
                t.Passed,
                t.Message,
                t.Test.Cwe,
                t.Duration.TotalMilliseconds)).ToList() ?? [],
            Findings = evaluation.Findings.Select(f => new HistoryFinding(
                f.Kind == TestKind.Security ? "security" : "functional",
                f.TestId, f.Cwe, f.Message, f.Line, f.RelatedLine, f.Expected, f.Actual)).ToList(),
            Evidence = verdict?.Tests.SelectMany(t => t.Findings.SelectMany(f =>
                new[] { $"{t.Test.Id} · {f.Oracle}: {f.Message}" }
                    .Concat(f.Evidence.Select(e => $"    trace line {e.Line}: {e.Describe()}")))).ToList() ?? [],
            TraceLines = traceLines.Take(MaxTraceLines).ToList(),
            TraceTruncated = traceLines.Count > MaxTraceLines,
            Stderr = verdict is { Stderr.Length: > 0 } ? Truncate(verdict.Stderr, 8192) : null,
            DurationMs = verdict?.Duration.TotalMilliseconds ?? 0,
            DocumentText = evaluation.Snippet.DocumentText.Length <= MaxStoredDocumentChars ? evaluation.Snippet.DocumentText : null,
            SnippetStartLine = evaluation.Snippet.StartLine,
            SnippetEndLine = evaluation.Snippet.EndLine,
            SnippetSource = evaluation.Snippet.Source.ToString(),
        };
        return new EvaluationRecord(summary, evaluation.Code, details);
    }

    /// <summary>An attempt that failed before judging (the evaluator threw): recorded with verdict "error" so it is not lost.</summary>
    public static EvaluationRecord FromFailure(Snippet snippet, string source, string code, Exception exception, TextDocumentSnapshot document)
    {
        var summary = new HistoryEntrySummary
        {
            Id = 0,
            Time = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            Uri = snippet.DocumentUri,
            Range = new Range(new Position(snippet.StartLine, 0), new Position(snippet.EndLine, document.LineLength(snippet.EndLine))),
            Source = source,
            Language = snippet.Language.Id(),
            Template = null,
            MatchKind = MatchKinds.None,
            Confidence = 0,
            Verdict = Verdicts.Error,
            FunctionalPass = null,
            SecurePass = null,
            FailedTests = [],
            CodeHash = Hash(code),
        };
        var details = new EvaluationDetails
        {
            FunctionText = FunctionText(document, snippet.StartLine, snippet.EndLine),
            MatchReason = "The evaluation failed before a verdict: " + exception.Message,
            Failure = $"{exception.GetType().Name}: {exception.Message}",
            DocumentText = snippet.DocumentText.Length <= MaxStoredDocumentChars ? snippet.DocumentText : null,
            SnippetStartLine = snippet.StartLine,
            SnippetEndLine = snippet.EndLine,
            SnippetSource = snippet.Source.ToString(),
        };
        return new EvaluationRecord(summary, code, details);
    }

    public static HistoryEntry ToEntry(EvaluationRecord record) => ToEntry(record, ReportRenderer.Render(record));

    private static HistoryEntry ToEntry(EvaluationRecord record, string report) => new()
    {
        ReportHtml = ReportHtml.Render(report),
        Summary = record.Summary,
        Code = record.Code,
        MatchReason = record.Details.MatchReason,
        FunctionName = record.Details.FunctionName,
        Failure = record.Details.Failure,
        Tests = record.Details.Tests,
        Findings = record.Details.Findings,
        Evidence = record.Details.Evidence,
        TraceLines = record.Details.TraceLines,
        TraceTruncated = record.Details.TraceTruncated,
        Report = report,
    };

    /// <summary>The proved CWEs a scoped marker (<c>dualgauge-ignore[CWE-89]: reason</c>) in the function accepts, with the reason.</summary>
    private static IReadOnlyList<string> Accepted(SnippetEvaluation evaluation)
    {
        var markers = Snippets.Checking.Suppressions.Find(evaluation.Snippet.Language, evaluation.Snippet.DocumentText, evaluation.StartLine, evaluation.EndLine);
        return evaluation.Findings
            .Where(f => f.Kind == TestKind.Security && f.Cwe is not null)
            .Select(f => (f.Cwe!, Marker: Snippets.Checking.Suppressions.Accepting(markers, f.Cwe!)))
            .Where(x => x.Marker is not null)
            .Select(x => $"{x.Item1}: {x.Marker!.Reason}")
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The document lines an evaluation covered, as they stood: how findings are found again when the file is reopened.</summary>
    private static string FunctionText(TextDocumentSnapshot snapshot, int start, int end) =>
        string.Join('\n', Enumerable.Range(start, Math.Max(0, end - start + 1)).Select(snapshot.Line));

    public static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}

/// <summary>The few facts about a document an evaluation needs after the document may have changed.</summary>
internal sealed class TextDocumentSnapshot(string text)
{
    private readonly string[] lines = text.Split('\n');

    public int LineLength(int line) => line >= 0 && line < lines.Length ? lines[line].TrimEnd('\r').Length : 0;

    public string Line(int line) => line >= 0 && line < lines.Length ? lines[line].TrimEnd('\r') : "";
}
