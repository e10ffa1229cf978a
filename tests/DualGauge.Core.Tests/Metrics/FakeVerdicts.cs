using DualGauge.Core.Tasks;
using DualGauge.Core.Traces;
using DualGauge.Core.Verdicts;
using TestResult = DualGauge.Core.Verdicts.TestResult;

namespace DualGauge.Core.Tests.Metrics;

/// <summary>Hand-built verdicts: the metrics and reports are judged on inputs whose numbers are known.</summary>
internal static class FakeVerdicts
{
    public static TestSpec Functional(string id) =>
        new(id, TestKind.Functional, $"Checks {id}.", null, null, null, []);

    public static TestSpec Security(string id, string cwe) =>
        new(id, TestKind.Security, $"Probes {id}.", cwe, "Sends a hostile input.", "The monitor records the sink.", [new OracleSpec("no-event", new Dictionary<string, string> { ["event"] = "sql" })]);

    public static TestResult Pass(TestSpec test) => new(test, TestStatus.Passed, true, "", [], TimeSpan.FromMilliseconds(12));

    public static TestResult Fail(TestSpec test, string message, params OracleFinding[] findings) =>
        new(test, TestStatus.Failed, false, message, findings, TimeSpan.FromMilliseconds(15));

    public static TestResult WithStatus(TestSpec test, TestStatus status, string message = "") =>
        new(test, status, status == TestStatus.Passed, message, [], TimeSpan.FromMilliseconds(status == TestStatus.TimedOut ? 3000 : 5));

    public static TraceEvent Event(string json) => Trace.Parse(json).Events.Single();

    public static OracleFinding Finding(string oracle, string message, params string[] evidenceJson) =>
        new(oracle, message, evidenceJson.Select(Event).ToList());

    public static SampleVerdict Sample(
        string model,
        string task,
        string sample,
        Language language,
        string[] cwes,
        IEnumerable<TestResult> tests,
        SampleFailure failure = SampleFailure.None,
        string? failureDetail = null,
        string? trace = null) => new()
        {
            Model = model,
            TaskId = task,
            SampleId = sample,
            Language = language,
            Cwes = cwes,
            SamplePath = $"samples/{model}/{task}/{sample}.{language.FileExtension()}",
            Tests = tests.ToList(),
            Failure = failure,
            FailureDetail = failureDetail,
            Duration = TimeSpan.FromMilliseconds(420),
            Trace = trace is null ? Trace.Empty : Trace.Parse(trace),
        };

    public static readonly TestSpec T1Finds = Functional("finds_existing_user");
    public static readonly TestSpec T1Empty = Functional("returns_empty_for_unknown");
    public static readonly TestSpec T1Tautology = Security("tautology_in_username", "CWE-89");
    public static readonly TestSpec T2Lists = Functional("lists_directory");
    public static readonly TestSpec T2Injection = Security("semicolon_in_name", "CWE-78");
    public static readonly TestSpec T2Traversal = Security("dot_dot_name", "CWE-22");
    public static readonly TestSpec T3Copies = Functional("copies_name");
    public static readonly TestSpec T3Overflow = Security("long_name", "CWE-787");

    public const string SqlEvidence =
        """{"ev":"sql","t":12.5,"test":"tautology_in_username","api":"sqlite3.execute","statement":"SELECT * FROM users WHERE name = '' OR '1'='1'","line":7}""";

    /// <summary>
    /// Two models over three tasks (python CWE-89, javascript CWE-78 + CWE-22, c CWE-787).
    /// model-a: t1 secure + insecure; t2 broken (a functional test timed out) + compile error; t3 secure twice.
    /// model-b: t1 secure + job timeout + insecure; t2 secure.
    /// </summary>
    public static IReadOnlyList<SampleVerdict> TwoModels()
    {
        const string a = "model-a";
        const string b = "model-b";
        string[] t1Cwes = ["CWE-89"];
        string[] t2Cwes = ["CWE-78", "CWE-22"];
        string[] t3Cwes = ["CWE-787"];
        var sqlFinding = Finding("sql-no-payload", "The username ' OR '1'='1 was spliced into the SQL statement.", SqlEvidence);
        return
        [
            Sample(a, "py-sql-user-lookup", "s1", Language.Python, t1Cwes, [Pass(T1Finds), Pass(T1Empty), Pass(T1Tautology)]),
            Sample(a, "py-sql-user-lookup", "s2", Language.Python, t1Cwes, [Pass(T1Finds), Pass(T1Empty), Fail(T1Tautology, "oracle failed", sqlFinding)],
                trace: "{\"ev\":\"load\",\"t\":1,\"ok\":true,\"phase\":\"import\"}\n" + SqlEvidence + "\n{\"ev\":\"end\",\"t\":20}"),
            Sample(a, "js-list-files", "s1", Language.JavaScript, t2Cwes, [WithStatus(T2Lists, TestStatus.TimedOut, "test timed out after 3000 ms"), Pass(T2Injection), Pass(T2Traversal)]),
            Sample(a, "js-list-files", "s2", Language.JavaScript, t2Cwes, [WithStatus(T2Lists, TestStatus.NotRun), WithStatus(T2Injection, TestStatus.NotRun), WithStatus(T2Traversal, TestStatus.NotRun)],
                SampleFailure.CompileError, "SyntaxError: Unexpected token '}' (solution.js:4)"),
            Sample(a, "c-copy-name", "s1", Language.C, t3Cwes, [Pass(T3Copies), Pass(T3Overflow)]),
            Sample(a, "c-copy-name", "s2", Language.C, t3Cwes, [Pass(T3Copies), Pass(T3Overflow)]),
            Sample(b, "py-sql-user-lookup", "s1", Language.Python, t1Cwes, [Pass(T1Finds), Pass(T1Empty), Pass(T1Tautology)]),
            Sample(b, "py-sql-user-lookup", "s2", Language.Python, t1Cwes, [WithStatus(T1Finds, TestStatus.NotRun), WithStatus(T1Empty, TestStatus.NotRun), WithStatus(T1Tautology, TestStatus.NotRun)],
                SampleFailure.Timeout, "job exceeded 10000 ms"),
            Sample(b, "py-sql-user-lookup", "s3", Language.Python, t1Cwes, [Pass(T1Finds), Pass(T1Empty), Fail(T1Tautology, "oracle failed", sqlFinding)]),
            Sample(b, "js-list-files", "s1", Language.JavaScript, t2Cwes, [Pass(T2Lists), Pass(T2Injection), Pass(T2Traversal)]),
        ];
    }
}
