using DualGauge.Snippets;
using DualGauge.Snippets.Widening;
using DualGauge.Core.Tasks;
using DualGauge.Core.Traces;
using DualGauge.Core.Verdicts;
using FluentAssertions;
using TestResult = DualGauge.Core.Verdicts.TestResult;

namespace DualGauge.Snippets.Tests;

[TestClass]
public sealed class FindingMappingTests
{
    // The sample drops unrelated() and the blank lines, so sample lines differ from document lines.
    private const string Document = """
        import sqlite3


        def unrelated(x):
            return x * 2


        def find_user(conn, username):
            cursor = conn.cursor()
            cursor.execute(f"SELECT id FROM users WHERE name = '{username}'")
            return cursor.fetchall()
        """;

    private static (WidenedSnippet Widened, SnippetPlan Plan) Prepare()
    {
        var widened = SnippetWidener.Widen(Language.Python, Document, 9, 9, out _)!;
        return (widened, SnippetPlanner.Plan(widened, [], Language.Python));
    }

    private static int SampleLineOf(WidenedSnippet widened, string text) =>
        widened.Code.Split('\n').ToList().FindIndex(l => l.Contains(text, StringComparison.Ordinal)) + 1;

    [TestMethod]
    public void Map_SecurityFailureWithEvidenceLine_PointsAtTheDocumentSinkLine()
    {
        var (widened, plan) = Prepare();
        var sampleLine = SampleLineOf(widened, "cursor.execute");
        sampleLine.Should().NotBe(10, "the test needs a sample line that differs from the document line");
        var trace = Trace.Parse($$"""{"ev":"sql","test":"find_user_sql_tautology","api":"sqlite3.Cursor.execute","statement":"SELECT id FROM users WHERE name = '' OR '1'='1'","line":{{sampleLine}}}""");
        var spec = plan.Tests.Single(t => t.Id == "find_user_sql_tautology");
        var finding = new OracleFinding("sql-no-payload", $"payload reached the SQL engine (via sqlite3.Cursor.execute, line {sampleLine})", [trace.Events[0]]);
        var verdict = Verdict(trace, new TestResult(spec, TestStatus.Passed, false, "", [finding], TimeSpan.Zero));

        var mapped = SnippetFindings.Map(verdict, widened, plan).Should().ContainSingle().Which;

        mapped.Kind.Should().Be(TestKind.Security);
        mapped.Cwe.Should().Be("CWE-89");
        mapped.Line.Should().Be(9);
        mapped.RelatedLine.Should().Be(9);
        mapped.Message.Should().Contain("line 10)", "oracle messages cite document lines, 1-based").And.Contain("' OR '1'='1");
    }

    [TestMethod]
    public void Map_SecurityFailureWithoutEvents_FallsBackToTheFunctionHeader()
    {
        var (widened, plan) = Prepare();
        var spec = plan.Tests.Single(t => t.Id == "find_user_sql_tautology");
        var verdict = Verdict(Trace.Empty, new TestResult(spec, TestStatus.Failed, false, "AssertionError: boom", [], TimeSpan.Zero));

        var mapped = SnippetFindings.Map(verdict, widened, plan).Single();

        (mapped.Line, mapped.RelatedLine).Should().Be((7, (int?)null));
    }

    [TestMethod]
    public void Map_FunctionalFailure_SplitsExpectedAndActual()
    {
        var (widened, plan) = Prepare();
        var spec = plan.Tests.First(t => t.Kind == TestKind.Functional);
        var verdict = Verdict(Trace.Empty, new TestResult(spec, TestStatus.Failed, false, "AssertionError: expected [(1,)], got []", [], TimeSpan.Zero));

        var mapped = SnippetFindings.Map(verdict, widened, plan).Single();

        mapped.Kind.Should().Be(TestKind.Functional);
        mapped.Message.Should().Be("expected [(1,)], got []");
        (mapped.Expected, mapped.Actual, mapped.Line).Should().Be(("[(1,)]", "[]", (int?)7));
    }

    [TestMethod]
    public void Map_CompileError_PointsAtTheLineInTheTraceback()
    {
        var (widened, plan) = Prepare();
        var sampleLine = SampleLineOf(widened, "return cursor.fetchall()");
        var verdict = Verdict(Trace.Empty) with
        {
            Failure = SampleFailure.CompileError,
            FailureDetail = $"File \"/tmp/job/solution.py\", line {sampleLine}\nSyntaxError: invalid syntax",
        };

        var mapped = SnippetFindings.Map(verdict, widened, plan).Should().ContainSingle().Which;

        mapped.TestId.Should().Be("load");
        mapped.Line.Should().Be(10);
        mapped.Message.Should().Contain("CompileError").And.Contain("SyntaxError");
    }

    // A C document whose first lines are not part of the sample: sample lines differ from document lines.
    private const string CDocument = """
        #include <stdio.h>
        #include <string.h>

        static int unused(int x) { return x; }

        void greet(const char *name, char *out, size_t outlen)
        {
            char buf[16];
            strcpy(buf, name);
            snprintf(out, outlen, "Hello, %s", buf);
        }
        """;

    private static (WidenedSnippet Widened, SnippetPlan Plan, int SampleLine) PrepareC()
    {
        var widened = SnippetWidener.Widen(Language.C, CDocument, 8, 8, out _)!;
        return (widened, SnippetPlanner.Plan(widened, [], Language.C), SampleLineOf(widened, "strcpy"));
    }

    /// <summary>A trace with one AddressSanitizer report at the sample line per test.</summary>
    private static Trace Sanitizer(int sampleLine, params string[] tests) => Trace.Parse(string.Join("\n", tests.Select(test =>
        $$"""{"ev":"sanitizer","test":"{{test}}","tool":"AddressSanitizer","kind":"stack-buffer-overflow","location":"solution.c:{{sampleLine}}","report":"==1==ERROR: AddressSanitizer: stack-buffer-overflow\n    #1 0x4025c7 in greet /tmp/job/solution.c:{{sampleLine}}","line":{{sampleLine}}}""")));

    private static TestResult Crashed(SnippetPlan plan, Trace trace, string id)
    {
        var evidence = trace.ForTest(id).Single();
        return new(plan.Tests.Single(t => t.Id == id), TestStatus.Crashed, false, $"AddressSanitizer: stack-buffer-overflow at {evidence.String("location")}",
            [new OracleFinding("no-sanitizer-report", $"AddressSanitizer reported stack-buffer-overflow at {evidence.String("location")}", [evidence])], TimeSpan.Zero);
    }


    [TestMethod]
    public void Map_CSanitizerReport_PointsAtTheDocumentLine_AndNeverNamesTheSampleFile()
    {
        var (widened, plan, sampleLine) = PrepareC();
        sampleLine.Should().NotBe(9, "the test needs a sample line that differs from the document line");
        var trace = Sanitizer(sampleLine, "greet_overflow_long_input", "greet_overflow_exact_fit");
        var verdict = Verdict(trace, Crashed(plan, trace, "greet_overflow_long_input"), Crashed(plan, trace, "greet_overflow_exact_fit")) with { Language = Language.C };

        var mapped = SnippetFindings.Map(verdict, widened, plan).Should().ContainSingle("two probes overflowing the same copy are one finding").Which;

        (mapped.Cwe, mapped.Line).Should().Be(("CWE-787", (int?)8));
        mapped.Message.Should().Contain("at line 9").And.NotContain("solution.c").And.NotContain("/tmp/job");
    }

    [TestMethod]
    public void Assess_SanitizerReportBenignInputDrawsToo_IsNotTheAttacksUnlessItIsAnOutOfBoundsProbe()
    {
        var (widened, plan, sampleLine) = PrepareC();
        var trace = Sanitizer(sampleLine, "greet_runs_on_benign_input", "greet_format_directives", "greet_overflow_long_input");
        var smoke = new TestResult(plan.Tests.Single(t => t.Id == "greet_runs_on_benign_input"), TestStatus.Crashed, false, "AddressSanitizer: stack-buffer-overflow at solution.c:" + sampleLine, [], TimeSpan.Zero);
        var verdict = Verdict(trace, smoke, Crashed(plan, trace, "greet_format_directives"), Crashed(plan, trace, "greet_overflow_long_input")) with { Language = Language.C };

        var assessment = SnippetAssessor.Assess(plan, verdict);
        var findings = SnippetFindings.Map(verdict, widened, plan);

        assessment.CwesFound.Should().Equal(["CWE-787"], "the overflow probe looks for exactly this report; the format-string probe does not");
        assessment.Functional.Should().Be(FunctionalStatus.Broken);
        findings.Where(f => f.Kind == TestKind.Security).Select(f => f.TestId).Should().Equal("greet_overflow_long_input");
        findings.Single(f => f.Kind == TestKind.Functional).Message.Should().Contain("line 9").And.NotContain("solution.c");
    }

    [TestMethod]
    [DataRow("AddressSanitizer: heap-buffer-overflow at solution.c:{0}", "AddressSanitizer: heap-buffer-overflow at line 9")]
    [DataRow("File \"/tmp/job/solution.c\", line {0}", "line 9")]
    [DataRow("opened /tmp/job/work/003-greet_x/dg_out.txt", "opened dg_out.txt")]
    [DataRow("stack-buffer-overflow at tests.c:418", "stack-buffer-overflow at the probe")]
    public void Clean_SampleAndSandboxPlaces_BecomeWhatTheUserSees(string message, string expected)
    {
        var (widened, _, sampleLine) = PrepareC();

        SnippetFindings.Clean(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, sampleLine), widened).Should().Be(expected);
    }

    private static SampleVerdict Verdict(Trace trace, params TestResult[] tests) => new()
    {
        TaskId = "snippet-sql",
        Language = Language.Python,
        Cwes = ["CWE-89"],
        Model = "editor",
        SampleId = "snippet",
        Tests = tests,
        Failure = SampleFailure.None,
        Duration = TimeSpan.Zero,
        Trace = trace,
    };
}
