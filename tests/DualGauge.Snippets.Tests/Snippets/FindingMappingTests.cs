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
