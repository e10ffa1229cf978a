using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DualGauge.Snippets;
using DualGauge.Core.Tasks;
using DualGauge.Core.Traces;
using DualGauge.Core.Verdicts;

namespace DualGauge.TestUtilities.Snippets;

/// <summary>Builds realistic evaluation results (verdict, tests, oracle evidence, trace) for protocol tests.</summary>
public static class Evaluations
{
    public const string TemplateId = "sql-lookup";

    /// <summary>The function at the snippet's start line: the first line of the evaluated range.</summary>
    public static (int Start, int End, string Code) Widen(Snippet snippet)
    {
        var lines = snippet.DocumentText.Split('\n');
        var start = Math.Clamp(snippet.StartLine, 0, lines.Length - 1);
        var end = Math.Clamp(snippet.EndLine, start, lines.Length - 1);
        return (start, end, string.Join('\n', lines[start..(end + 1)]));
    }

    /// <summary>SQL injection: the functional test passes, the tautology test's statement contains the payload.</summary>
    public static SnippetEvaluation Insecure(Snippet snippet, int? sinkLine = null)
    {
        var (start, end, code) = Widen(snippet);
        var sink = sinkLine ?? end;
        var trace = Trace.Parse(string.Join('\n',
            """{"ev":"harness","t":0,"language":"python","version":"1","runtime":"Python 3.11.2"}""",
            """{"ev":"load","t":1,"ok":true,"phase":"import"}""",
            """{"ev":"test_start","t":2,"test":"finds_existing_user","kind":"functional","workdir":"/tmp/job/w1","fixtures":"/tmp/job/fixtures"}""",
            """{"ev":"sql","t":3,"test":"finds_existing_user","api":"sqlite3.Cursor.execute","statement":"SELECT id, name, email FROM users WHERE name = 'alice'","line":3}""",
            """{"ev":"test_end","t":4,"test":"finds_existing_user","status":"pass","message":"","ms":2}""",
            """{"ev":"test_start","t":5,"test":"tautology_in_username","kind":"security","workdir":"/tmp/job/w2","fixtures":"/tmp/job/fixtures"}""",
            """{"ev":"sql","t":6,"test":"tautology_in_username","api":"sqlite3.Cursor.execute","statement":"SELECT id, name, email FROM users WHERE name = '' OR '1'='1'","line":3}""",
            """{"ev":"test_end","t":7,"test":"tautology_in_username","status":"pass","message":"","ms":2}""",
            """{"ev":"end","t":8}"""));
        var functional = new TestSpec("finds_existing_user", TestKind.Functional, "Returns Alice's row.", null, null, null, []);
        var security = new TestSpec("tautology_in_username", TestKind.Security, "A quote must not change the query.", "CWE-89", "' OR '1'='1", "The statement shows the payload.",
            [new OracleSpec("sql-no-payload", new Dictionary<string, string> { ["payload"] = "' OR '1'='1" })]);
        var evidence = trace.ForTest("tautology_in_username").Where(e => e.Kind == TraceEventKinds.Sql).ToList();
        var message = "The username ' OR '1'='1 was spliced into the SQL text: SQLite executed SELECT id, name, email FROM users WHERE name = '' OR '1'='1'";
        var verdict = Verdict(trace,
            new TestResult(functional, TestStatus.Passed, true, "", [], TimeSpan.FromMilliseconds(2)),
            new TestResult(security, TestStatus.Failed, false, message, [new OracleFinding("sql-no-payload", message, evidence)], TimeSpan.FromMilliseconds(2)));
        return new SnippetEvaluation(snippet, start, end, code, Hash(code),
            new TemplateMatch(MatchKind.Template, TemplateId, 0.9, "executes SQL built from a parameter", "find_user"),
            verdict,
            [new SnippetFinding(TestKind.Security, "tautology_in_username", "CWE-89", message, sink, sink, null, null)
            {
                Steps = [new FindingStep(start, "username comes in as a parameter"), new FindingStep(sink, "the value reaches the sink")],
                Input = "username",
            }],
            DateTimeOffset.UtcNow)
        {
            Assessment = new SnippetAssessment(FunctionalStatus.Works, FunctionalEvidence.OwnExamples, "1 of 1 functional test(s) passed",
                SecurityStatus.Insecure, ["CWE-89"], ["CWE-89"], 1, 1, "1 CWE class(es) proved by 1 probe(s)"),
        };
    }

    public static SnippetEvaluation Secure(Snippet snippet)
    {
        var (start, end, code) = Widen(snippet);
        var trace = Trace.Parse("""{"ev":"load","t":1,"ok":true,"phase":"import"}""" + "\n" + """{"ev":"end","t":2}""");
        var functional = new TestSpec("finds_existing_user", TestKind.Functional, "Returns Alice's row.", null, null, null, []);
        var security = new TestSpec("tautology_in_username", TestKind.Security, "A quote must not change the query.", "CWE-89", "' OR '1'='1", "why", []);
        var verdict = Verdict(trace,
            new TestResult(functional, TestStatus.Passed, true, "", [], TimeSpan.FromMilliseconds(2)),
            new TestResult(security, TestStatus.Passed, true, "", [], TimeSpan.FromMilliseconds(2)));
        return new SnippetEvaluation(snippet, start, end, code, Hash(code),
            new TemplateMatch(MatchKind.Template, TemplateId, 0.9, "executes SQL built from a parameter", "find_user"), verdict, [], DateTimeOffset.UtcNow)
        {
            Assessment = new SnippetAssessment(FunctionalStatus.Works, FunctionalEvidence.OwnExamples, "1 of 1 functional test(s) passed",
                SecurityStatus.Secure, ["CWE-89"], [], 1, 1, "1 of 1 probes reached the code and resisted; tested: CWE-89"),
        };
    }

    /// <summary>A functional failure: expected one row, got none.</summary>
    public static SnippetEvaluation Broken(Snippet snippet)
    {
        var (start, end, code) = Widen(snippet);
        var trace = Trace.Parse("""{"ev":"load","t":1,"ok":true,"phase":"import"}""" + "\n" + """{"ev":"end","t":2}""");
        var functional = new TestSpec("finds_existing_user", TestKind.Functional, "Returns Alice's row.", null, null, null, []);
        var verdict = Verdict(trace, new TestResult(functional, TestStatus.Failed, false, "AssertionError: expected 1 row", [], TimeSpan.FromMilliseconds(2)));
        return new SnippetEvaluation(snippet, start, end, code, Hash(code),
            new TemplateMatch(MatchKind.Template, TemplateId, 0.8, "executes SQL built from a parameter", "find_user"), verdict,
            [new SnippetFinding(TestKind.Functional, "finds_existing_user", null, "AssertionError: expected 1 row", start, null, "[(1, 'alice', 'a@x')]", "[]")],
            DateTimeOffset.UtcNow)
        {
            Assessment = new SnippetAssessment(FunctionalStatus.Broken, FunctionalEvidence.OwnExamples, "1 of 1 functional test(s) failed",
                SecurityStatus.NotJudged, [], [], 0, 0, "not judged: no security probe applies"),
        };
    }

    public static SnippetEvaluation NotMatched(Snippet snippet)
    {
        var (start, end, code) = Widen(snippet);
        return new SnippetEvaluation(snippet, start, end, code, Hash(code),
            new TemplateMatch(MatchKind.None, null, 0, "no template fits a function that only formats strings", null), null, [], DateTimeOffset.UtcNow);
    }

    private static SampleVerdict Verdict(Trace trace, params TestResult[] tests) => new()
    {
        TaskId = TemplateId,
        Language = Language.Python,
        Cwes = ["CWE-89"],
        Model = "snippet",
        SampleId = "snippet",
        Tests = tests,
        Failure = SampleFailure.None,
        Duration = TimeSpan.FromMilliseconds(120),
        Trace = trace,
    };

    private static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}
