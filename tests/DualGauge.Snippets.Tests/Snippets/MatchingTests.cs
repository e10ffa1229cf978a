using DualGauge.TestUtilities.Snippets;
using DualGauge.Snippets;
using DualGauge.Snippets.Widening;
using DualGauge.Core.Tasks;
using FluentAssertions;

namespace DualGauge.Snippets.Tests;

[TestClass]
public sealed class MatchingTests
{
    private static SnippetPlan PlanFor(Language language, string code, IReadOnlyList<BenchTask>? tasks = null)
    {
        var lines = code.Split('\n').Length;
        var widened = SnippetWidener.Widen(language, code, 0, lines - 1, out var reason);
        widened.Should().NotBeNull(reason);
        return SnippetPlanner.Plan(widened!, tasks ?? [], language);
    }

    [TestMethod]
    public void Plan_PythonImportingAServerDriverTheImageLacks_ShipsItsSqliteStandIn_AndOnlyForSqlProbes()
    {
        const string code = """
            import psycopg2


            def find_invoice(cur, customer_ref):
                cur.execute("SELECT id, total FROM invoices WHERE customer_ref = '" + customer_ref + "'")
                return cur.fetchone()
            """;

        var plan = PlanFor(Language.Python, code);

        plan.Match.TemplateId.Should().Be("sql", plan.Match.Reason);
        plan.Match.Reason.Should().EndWith("psycopg2 is a SQLite stand-in here (the sandbox runs no database server): the SQL the code sends is what was judged");
        var files = plan.Request!.Fixtures.Select(f => f.RelativePath).ToList();
        files.Should().Contain(["psycopg2/__init__.py", "psycopg2/extras.py", "psycopg2/errors.py"]);
        System.Text.Encoding.UTF8.GetString(plan.Request.Fixtures.Single(f => f.RelativePath == "psycopg2/__init__.py").Content)
            .Should().Contain("DRIVER_STAND_IN = True").And.Contain("sqlite3.connect(_database())");
        System.Text.Encoding.UTF8.GetString(plan.Request.TestsFile.Content).Should().Contain("\\\"standInDb\\\":\\\"psycopg2\\\"", "the runtime opens the cursor through the stand-in");

        // The same import in code no SQL probe runs against ships nothing.
        var neutral = PlanFor(Language.Python, """
            import psycopg2


            def greeting(name):
                return "hello " + name
            """);
        (neutral.Request?.Fixtures ?? []).Should().BeEmpty();
    }

    [TestMethod]
    [DynamicData(nameof(VulnerableSnippets.Rows), typeof(VulnerableSnippets))]
    public void Plan_RepresentativeSnippet_ChoosesItsTemplateWithSecurityAndFunctionalTests(VulnerableSnippets.Case snippet)
    {
        var plan = PlanFor(snippet.Language, snippet.Code);

        plan.Match.Kind.Should().Be(MatchKind.Template, plan.Match.Reason);
        plan.Match.TemplateId.Should().Be(snippet.Template, plan.Match.Reason);
        // The confidence is the template's measured precision on the labelled corpus (calibration.json), when it has one.
        if (Templates.TemplateCatalog.Builtin.Calibration(snippet.Template) is { } calibrated)
        {
            plan.Match.Confidence.Should().Be(calibrated.Confidence);
            plan.Match.Reason.Should().Contain("on the labelled corpus");
        }
        else
        {
            plan.Match.Confidence.Should().BeInRange(0.4, 0.7);
        }

        plan.Match.Reason.Should().Contain(snippet.Template);
        plan.Tests.Should().Contain(t => t.Kind == TestKind.Security && t.Cwe != null && t.Attacks != null && t.Why != null);
        plan.Tests.Should().Contain(t => t.Kind == TestKind.Functional);
        plan.Request!.EntryPoint.Should().Be(plan.Match.FunctionName);
        plan.Request.TestsFile.RelativePath.Should().Be("tests." + snippet.Language.FileExtension());
    }

    [TestMethod]
    public void Plan_FunctionWithBenchTaskNameAndArity_MatchesTheBenchTask()
    {
        var task = Task("py-sql-user-lookup", "find_user", "def find_user(conn: sqlite3.Connection, username: str) -> list[tuple[int, str, str]]");
        var plan = PlanFor(Language.Python, VulnerableSnippets.All[0].Code, [task]);

        plan.Match.Kind.Should().Be(MatchKind.BenchTask);
        plan.Match.TemplateId.Should().Be("py-sql-user-lookup");
        plan.Match.Confidence.Should().BeGreaterThan(0.9);
        plan.Request!.Tests.Should().BeSameAs(task.Tests);
        plan.Request.Code.Should().Contain("def find_user(");
    }

    [TestMethod]
    public void Plan_BenchTaskWithOtherArity_FallsBackToTemplates()
    {
        var task = Task("py-sql-user-lookup", "find_user", "def find_user(conn, username, limit)");

        PlanFor(Language.Python, VulnerableSnippets.All[0].Code, [task]).Match.Kind.Should().Be(MatchKind.Template);
    }

    [TestMethod]
    public void Plan_FunctionWithoutCoveredApi_MatchesNothingWithReason()
    {
        var plan = PlanFor(Language.Python, "def add(a, b):\n    return a + b\n");

        plan.Match.Kind.Should().Be(MatchKind.None);
        plan.Match.TemplateId.Should().BeNull();
        plan.Match.Reason.Should().Be("add calls no API that a template covers");
        plan.Request.Should().BeNull();
    }

    [TestMethod]
    public void Plan_SinkWithoutInputParameter_MatchesNothingAndSaysWhy()
    {
        var plan = PlanFor(Language.Python, "import os\n\ndef clear():\n    os.system('clear')\n");

        plan.Match.Kind.Should().Be(MatchKind.None);
        plan.Match.Reason.Should().Contain("shell").And.Contain("no parameter a probe can put a payload in");
    }

    [TestMethod]
    public void Plan_CFunctionTakingProjectStruct_MatchesNothingAndSaysWhy()
    {
        var plan = PlanFor(Language.C, "#include <string.h>\nstruct user;\nvoid copy_name(struct user *u, const char *name)\n{\n    strcpy((char *)u, name);\n}\n");

        plan.Match.Kind.Should().Be(MatchKind.None);
        plan.Match.Reason.Should().Contain("parameter u has type struct user *");
    }

    [TestMethod]
    public void Plan_PatternCompiledIntoAConstant_StillChoosesTheRegexTemplate()
    {
        var plan = PlanFor(Language.Python, "import re\n\nNAME = re.compile(r\"^([a-z]+)+$\")\n\ndef valid(value):\n    return NAME.match(value) is not None\n");

        plan.Match.TemplateId.Should().Be("regex");
    }

    [TestMethod]
    public void Plan_SqlSnippet_SeedsTheTablesItsQueriesName()
    {
        var plan = PlanFor(Language.Python, VulnerableSnippets.All[0].Code);

        var tests = System.Text.Encoding.UTF8.GetString(plan.Request!.TestsFile.Content);
        tests.Should().Contain("\\\"sqlTables\\\":{\\\"users\\\":[\\\"id\\\",\\\"name\\\"]}");
        plan.Tests.Single(t => t.Id == "find_user_sql_tautology").Oracles.Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new OracleSpec("sql-no-payload", new Dictionary<string, string> { ["payload"] = "' OR '1'='1" }));
    }

    [TestMethod]
    public void Plan_PythonDoctest_BecomesAFunctionalTest()
    {
        var plan = PlanFor(Language.Python, "def add(a, b):\n    '''Adds.\n\n    >>> add(2, 3)\n    5\n    '''\n    return eval(f'{a}+{b}')\n");

        plan.Tests.Should().Contain(t => t.Kind == TestKind.Functional && t.Id == "add_example_1");
        System.Text.Encoding.UTF8.GetString(plan.Request!.TestsFile.Content).Should().Contain("add(2, 3)");
        plan.Info("add_example_1")!.Evidence.Should().Be(FunctionalEvidence.OwnExamples);
    }

    internal static BenchTask Task(string id, string entry, string signature) => new()
    {
        Id = id,
        Language = Language.Python,
        Title = id,
        Cwes = ["CWE-89"],
        Prompt = "p",
        EntryPoint = entry,
        Signature = signature,
        Directory = "/nonexistent",
        TestsFile = new TaskFile("tests.py", "def test_x(ctx):\n    pass\n"u8.ToArray()),
        Tests = [new TestSpec("x", TestKind.Functional, "x", null, null, null, [])],
        Variants = [],
    };
}
