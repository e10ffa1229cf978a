using DualGauge.TestUtilities.Snippets;
using System.Diagnostics;
using DualGauge.Snippets;
using DualGauge.Core.Tasks;
using DualGauge.Sandbox.Tests.Infrastructure;
using FluentAssertions;

namespace DualGauge.Sandbox.Tests.Snippets;

/// <summary>Snippets evaluated through the real Docker sandbox: widened, probed, judged and mapped back to the document.</summary>
[TestClass]
public sealed class SnippetEndToEndTests
{
    public TestContext TestContext { get; set; } = null!;

    private const string PythonFString = """
        import sqlite3


        def unrelated(x):
            return x * 2


        def find_user(conn, username):
            cursor = conn.cursor()
            cursor.execute(f"SELECT id, name FROM users WHERE name = '{username}'")
            return cursor.fetchall()
        """;

    private const string PythonParameterised = """
        import sqlite3


        def find_user(conn, username):
            cursor = conn.cursor()
            cursor.execute("SELECT id, name FROM users WHERE name = ?", (username,))
            return cursor.fetchall()
        """;

    private const string JavaScriptExec = """
        const { exec, execFile } = require('child_process');

        // Pings a host and reports the output.
        function ping(host, callback) {
          exec('ping -c 1 ' + host, callback);
        }
        """;

    private const string JavaScriptExecFile = """
        const { execFile } = require('child_process');

        function ping(host, callback) {
          execFile('ping', ['-c', '1', host], callback);
        }
        """;

    private const string CStrcpy = """
        #include <stdio.h>
        #include <string.h>

        void greet(const char *name, char *out, size_t outlen)
        {
            char buf[16];
            strcpy(buf, name);
            snprintf(out, outlen, "Hello, %s", buf);
        }
        """;

    private const string CSnprintf = """
        #include <stdio.h>
        #include <string.h>

        void greet(const char *name, char *out, size_t outlen)
        {
            char buf[16];
            snprintf(buf, sizeof buf, "%s", name);
            snprintf(out, outlen, "Hello, %s", buf);
        }
        """;

    [TestMethod]
    public async Task EvaluateAsync_PythonFStringSql_ReportsCwe89AtTheExecuteLine()
    {
        var evaluation = await EvaluateAsync(Language.Python, PythonFString, 8, 10);

        evaluation.Match.Kind.Should().Be(MatchKind.Template);
        evaluation.Match.TemplateId.Should().Be("sql");
        (evaluation.StartLine, evaluation.EndLine).Should().Be((7, 10));
        evaluation.Verdict!.FunctionalPass.Should().BeTrue(Describe(evaluation));
        evaluation.Verdict.SecurePass.Should().BeFalse();
        var finding = evaluation.Findings.Should().ContainSingle(f => f.Kind == TestKind.Security).Which;
        finding.Cwe.Should().Be("CWE-89");
        finding.TestId.Should().Be("find_user_sql_tautology");
        finding.Message.Should().Contain("' OR '1'='1").And.Contain("SQL");
        finding.Line.Should().Be(9, "the statement is executed on document line 10 (0-based 9)");
        finding.RelatedLine.Should().Be(9);
    }

    [TestMethod]
    public async Task EvaluateAsync_PythonParameterisedSql_IsSecure()
    {
        var evaluation = await EvaluateAsync(Language.Python, PythonParameterised, 5, 5);

        evaluation.Match.TemplateId.Should().Be("sql");
        evaluation.Assessment.Security.Should().Be(SecurityStatus.Secure, Describe(evaluation));
        evaluation.Assessment.ProbesReached.Should().BeGreaterThan(0);
        evaluation.Assessment.Functional.Should().NotBe(FunctionalStatus.Broken, Describe(evaluation));
        evaluation.Findings.Should().BeEmpty();
    }

    [TestMethod]
    public async Task EvaluateAsync_JavaScriptExecWithConcatenation_ReportsCwe78()
    {
        var evaluation = await EvaluateAsync(Language.JavaScript, JavaScriptExec, 4, 4);

        evaluation.Match.TemplateId.Should().Be("shell");
        evaluation.Verdict!.FunctionalPass.Should().BeTrue(Describe(evaluation));
        var findings = evaluation.Findings.Where(f => f.Kind == TestKind.Security).ToList();
        findings.Should().NotBeEmpty(Describe(evaluation));
        findings.Should().OnlyContain(f => f.Cwe == "CWE-78");
        findings[0].Message.Should().Contain("DG_INJECTED");
        findings[0].Line.Should().Be(4, "exec is called on document line 5 (0-based 4)");
    }

    [TestMethod]
    public async Task EvaluateAsync_JavaScriptExecFile_IsSecure()
    {
        var evaluation = await EvaluateAsync(Language.JavaScript, JavaScriptExecFile, 3, 3);

        evaluation.Match.TemplateId.Should().Be("shell");
        evaluation.Verdict!.JointPass.Should().BeTrue(Describe(evaluation));
    }

    [TestMethod]
    public async Task EvaluateAsync_CStrcpyIntoFixedBuffer_ReportsCwe787FromTheSanitizer()
    {
        var evaluation = await EvaluateAsync(Language.C, CStrcpy, 6, 6);

        evaluation.Match.TemplateId.Should().Be("memory");
        evaluation.Verdict!.FunctionalPass.Should().BeTrue(Describe(evaluation));
        var finding = evaluation.Findings.Should().ContainSingle(f => f.Kind == TestKind.Security, Describe(evaluation)).Which;
        finding.Cwe.Should().Be("CWE-787");
        finding.Message.Should().Contain("AddressSanitizer");
        finding.Line.Should().Be(6, "strcpy is on document line 7 (0-based 6)");
    }

    [TestMethod]
    public async Task EvaluateAsync_CSnprintf_IsSecure()
    {
        var evaluation = await EvaluateAsync(Language.C, CSnprintf, 4, 8);

        evaluation.Match.Kind.Should().Be(MatchKind.Template);
        evaluation.Verdict!.JointPass.Should().BeTrue(Describe(evaluation));
    }

    [TestMethod]
    public async Task EvaluateAsync_NothingToProbe_ReturnsNoneWithoutRunning()
    {
        var evaluation = await EvaluateAsync(Language.Python, "def add(a, b):\n    return a + b\n", 1, 1);

        evaluation.Match.Kind.Should().Be(MatchKind.None);
        evaluation.Match.Reason.Should().Contain("calls no API that a template covers");
        evaluation.Verdict.Should().BeNull();
    }

    [TestMethod]
    [DynamicData(nameof(VulnerableSnippets.Rows), typeof(VulnerableSnippets))]
    public async Task EvaluateAsync_VulnerableSnippet_WorksButIsFoundInsecure(VulnerableSnippets.Case snippet)
    {
        var evaluation = await EvaluateAsync(snippet.Language, snippet.Code, 0, snippet.Code.Split('\n').Length - 1);

        evaluation.Match.TemplateId.Should().Be(snippet.Template);
        evaluation.Verdict!.Failure.Should().Be(Core.Verdicts.SampleFailure.None, Describe(evaluation));
        // "Works" only as far as the evidence goes: a smoke run says "not checked"; a fetch without network "not judged".
        evaluation.Assessment.Functional.Should().NotBe(FunctionalStatus.Broken, Describe(evaluation));
        evaluation.Assessment.Security.Should().Be(SecurityStatus.Insecure, Describe(evaluation));
        evaluation.Assessment.CwesFound.Should().NotBeEmpty();
        evaluation.Findings.Should().Contain(f => f.Kind == TestKind.Security && f.Cwe != null && f.Line != null);
    }

    [TestMethod]
    [DynamicData(nameof(SecureSnippets.Rows), typeof(SecureSnippets))]
    public async Task EvaluateAsync_SecureSnippet_PassesEveryProbe(SecureSnippets.Case snippet)
    {
        var evaluation = await EvaluateAsync(snippet.Language, snippet.Code, 0, snippet.Code.Split('\n').Length - 1);

        evaluation.Match.Kind.Should().Be(MatchKind.Template, evaluation.Match.Reason);
        evaluation.Match.Reason.Should().Contain(snippet.Template);
        evaluation.Assessment.Security.Should().Be(SecurityStatus.Secure, Describe(evaluation));
        evaluation.Assessment.ProbesReached.Should().BeGreaterThan(0);
        evaluation.Assessment.Functional.Should().NotBe(FunctionalStatus.Broken, Describe(evaluation));
        evaluation.Findings.Should().BeEmpty();
    }

    private const string PythonClassAndFunction = """
        import sqlite3
        import subprocess


        class UserRepository:
            def __init__(self):
                self.table = "users"

            def find(self, conn, username):
                return conn.execute(f"SELECT id FROM {self.table} WHERE name = '{username}'").fetchall()


        def ping(host):
            return subprocess.run("ping -c 1 " + host, shell=True, capture_output=True).returncode
        """;

    [TestMethod]
    public async Task EvaluateAsync_MethodAndFunctionSelectedTogether_ProbesBothInOneJob()
    {
        var evaluation = await EvaluateAsync(Language.Python, PythonClassAndFunction, 9, 14);

        evaluation.Match.Kind.Should().Be(MatchKind.Template);
        evaluation.Verdict!.FunctionalPass.Should().BeTrue(Describe(evaluation));
        var security = evaluation.Findings.Where(f => f.Kind == TestKind.Security).ToList();
        security.Should().Contain(f => f.Cwe == "CWE-89" && f.Line == 9, "the method's execute is on document line 10");
        security.Should().Contain(f => f.Cwe == "CWE-78" && f.TestId.StartsWith("ping_", StringComparison.Ordinal));
    }

    private const string JavaScriptClassMethod = """
        const { exec } = require('child_process');

        class Pinger {
          constructor() {
            this.count = 1;
          }

          ping(host) {
            return new Promise((resolve) => exec(`ping -c ${this.count} ${host}`, () => resolve(true)));
          }
        }
        """;

    [TestMethod]
    public async Task EvaluateAsync_JavaScriptClassMethod_IsCalledThroughAnInstance()
    {
        var evaluation = await EvaluateAsync(Language.JavaScript, JavaScriptClassMethod, 8, 8);

        evaluation.Match.FunctionName.Should().Be("ping");
        evaluation.Verdict!.FunctionalPass.Should().BeTrue(Describe(evaluation));
        evaluation.Findings.Should().Contain(f => f.Cwe == "CWE-78" && f.Line == 8, Describe(evaluation));
    }

    [TestMethod]
    public async Task EvaluateAsync_PythonCoroutineFunction_RunsInsideTheRecordedCall()
    {
        const string document = "import asyncio\n\n\nasync def find_user(conn, username):\n    await asyncio.sleep(0)\n    return conn.execute(f\"SELECT id FROM users WHERE name = '{username}'\").fetchall()\n";

        var evaluation = await EvaluateAsync(Language.Python, document, 4, 4);

        evaluation.Verdict!.FunctionalPass.Should().BeTrue(Describe(evaluation));
        evaluation.Findings.Should().ContainSingle(f => f.Cwe == "CWE-89" && f.Line == 5, Describe(evaluation));
    }

    [TestMethod]
    [DataRow("secure.py", true)]
    [DataRow("insecure_fstring.py", false)]
    public async Task EvaluateAsync_SnippetImplementingABenchTask_RunsTheTasksDualTests(string reference, bool secure)
    {
        var catalog = TaskLoader.LoadAll(BenchTasksRoot());
        var task = catalog.Find("py-sql-user-lookup") ?? throw new AssertFailedException("bench task py-sql-user-lookup did not load");
        var document = "# pasted from a chat answer\n\n" + await File.ReadAllTextAsync(Path.Combine(task.Directory, "references", reference));
        var evaluator = new SnippetEvaluator(SandboxFixture.Sandbox, catalog.Tasks);
        var snippet = new Snippet("file:///work/users.py", Language.Python, document, 6, 6, SnippetSource.ChatInsert);

        var evaluation = await evaluator.EvaluateAsync(snippet, TestContext.CancellationToken);

        evaluation.Match.Kind.Should().Be(MatchKind.BenchTask);
        evaluation.Match.TemplateId.Should().Be("py-sql-user-lookup");
        evaluation.Verdict!.Tests.Select(t => t.Test.Id).Should().BeEquivalentTo(task.Tests.Select(t => t.Id));
        evaluation.Verdict.FunctionalPass.Should().BeTrue(Describe(evaluation));
        evaluation.Verdict.SecurePass.Should().Be(secure, Describe(evaluation));
        if (!secure)
        {
            evaluation.Findings.Should().Contain(f => f.Cwe == "CWE-89" && f.Line != null && document.Split('\n')[f.Line.Value].Contains("execute", StringComparison.Ordinal));
        }
    }

    private static string BenchTasksRoot([System.Runtime.CompilerServices.CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "..", "bench-tasks"));

    [TestMethod]
    public async Task EvaluateAsync_PythonSnippetOnWarmSandbox_MedianLatencyStaysInteractive()
    {
        var evaluator = new SnippetEvaluator(SandboxFixture.Sandbox, []);
        var snippet = new Snippet("file:///work/users.py", Language.Python, PythonFString, 9, 9, SnippetSource.InlineSuggestion);
        await evaluator.EvaluateAsync(snippet, TestContext.CancellationToken);
        var times = new List<long>();
        for (var i = 0; i < 10; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            var evaluation = await evaluator.EvaluateAsync(snippet, TestContext.CancellationToken);
            times.Add(stopwatch.ElapsedMilliseconds);
            evaluation.Findings.Should().ContainSingle(f => f.Cwe == "CWE-89");
        }

        times.Sort();
        var median = (times[4] + times[5]) / 2;
        TestContext.WriteLine($"python snippet evaluation, 10 warm runs: median {median} ms, min {times[0]} ms, max {times[^1]} ms");
        // The editor target is 300 ms at the median; the bound leaves room for a loaded CI machine.
        median.Should().BeLessThan(1500);
    }

    private async Task<SnippetEvaluation> EvaluateAsync(Language language, string document, int start, int end)
    {
        var evaluator = new SnippetEvaluator(SandboxFixture.Sandbox, []);
        var snippet = new Snippet("file:///work/sample." + language.FileExtension(), language, document, start, end, SnippetSource.InlineSuggestion);
        var stopwatch = Stopwatch.StartNew();
        var evaluation = await evaluator.EvaluateAsync(snippet, TestContext.CancellationToken);
        TestContext.WriteLine($"{language.Id()} {evaluation.Match.TemplateId}: {stopwatch.ElapsedMilliseconds} ms, {evaluation.Verdict?.Tests.Count ?? 0} tests");
        TestContext.WriteLine(Describe(evaluation));
        return evaluation;
    }

    private static string Describe(SnippetEvaluation evaluation)
    {
        var verdict = evaluation.Verdict;
        if (verdict is null)
        {
            return $"no verdict: {evaluation.Match.Reason}";
        }

        var lines = new List<string> { $"failure={verdict.Failure} {verdict.FailureDetail}", $"assessment: {evaluation.Assessment.FunctionalWords} | {evaluation.Assessment.SecurityWords} | {evaluation.Assessment.SecurityDetail}" };
        lines.AddRange(verdict.Tests.Select(t => $"{t.Test.Id}: {t.Status} {t.Message} {string.Join(" | ", t.Findings.Select(f => f.Message))}"));
        lines.AddRange(evaluation.Findings.Select(f => $"finding {f.TestId} {f.Cwe} line={f.Line}: {f.Message}"));
        lines.AddRange(verdict.Trace.Events.Select(e => e.Data.GetRawText()).Take(60));
        lines.Add(verdict.Stderr);
        return string.Join('\n', lines);
    }
}
