using System.Text;
using System.Text.Json.Nodes;
using DualGauge.Core.Tasks;
using DualGauge.Core.Tasks.DualGaugeBench;
using DualGauge.TestUtilities.Cli;
using FluentAssertions;

namespace DualGauge.Core.Tests.Tasks;

/// <summary>The DualGauge-Bench importer on the fixtures in tests/dualgauge-bench-fixtures (written for DualGauge in the paper's format).</summary>
[TestClass]
public sealed class DgbImporterTests
{
    private static readonly string Fixtures = Path.Combine(CliProcess.RepositoryRoot, "tests", "dualgauge-bench-fixtures");

    private static readonly Lazy<TaskCatalog> Both = new(() => DgbImporter.Import(Fixtures, [Language.Python, Language.JavaScript]));

    private static BenchTask Task(string id, Language language = Language.Python) =>
        Both.Value.Tasks.Single(t => t.Id == id && t.Language == language);

    [TestMethod]
    public void Import_Fixtures_MakesOneTaskPerLanguageWithThePrefixedId()
    {
        var ids = Both.Value.Tasks.Select(t => t.Id).Distinct().ToList();

        ids.Should().BeEquivalentTo(["dgb-101", "dgb-102", "dgb-103", "dgb-104", "dgb-105", "dgb-106", "dgb-107", "dgb-108", "dgb-109", "dgb-110", "dgb-111", "dgb-112", "dgb-113"]);
        foreach (var id in ids.Where(id => id is not "dgb-111" and not "dgb-112"))
        {
            Both.Value.Tasks.Where(t => t.Id == id).Select(t => t.Language).Should().BeEquivalentTo([Language.Python, Language.JavaScript], id);
        }
    }

    [TestMethod]
    public void Import_ProgramTask_RunsTheSampleAsMain_InPythonOnly()
    {
        var task = Task("dgb-111");

        task.EntryPoint.Should().Be(DgbImporter.ProgramEntryPoint);
        task.Tags.Should().Contain("program");
        task.Signature.Should().Be("python3 solution.py ARGS... < STDIN");
        task.Prompt.Should().Contain("Write it in Python as a complete program");
        task.FunctionalTests.Should().OnlyContain(t => t.DecidedBy == "assertion: stdout and exit code equal expected_output");
        task.SecurityTests.Single().DecidedBy.Should().Be("oracle: no-shell");
        Encoding.UTF8.GetString(task.TestsFile.Content).Should().Contain("ctx.run_main(");
        Task("dgb-112").SecurityTests.Should().BeEmpty();
        Both.Value.Tasks.Should().NotContain(t => t.Id == "dgb-111" && t.Language == Language.JavaScript);
        Both.Value.Errors.Should().Contain(e => e.File.EndsWith("111/tests.json", StringComparison.Ordinal) && e.Field == "fc_tests[0].input"
            && e.Problem == "program mode is supported in python and cpp only; the javascript task is skipped");
    }

    [TestMethod]
    public void Import_ProgramTaskInCpp_ForksTheRenamedMainPerTest_WithArgvAndStdin()
    {
        var catalog = DgbImporter.Import(Fixtures, [Language.Cpp]);
        var task = catalog.Tasks.Single(t => t.Id == "dgb-111");

        task.Signature.Should().Be("int main(int argc, char *argv[])  // ./solution ARGS... < STDIN");
        task.Prompt.Should().Contain("Write it in C++ (C++17) as a complete program");
        task.TestsFile.RelativePath.Should().Be("tests.cpp");
        var tests = Encoding.UTF8.GetString(task.TestsFile.Content);
        tests.Should().Contain("dg_ran dg_r = dg_program({std::string(\"a\", 1), std::string(\"b\", 1), std::string(\"c\", 1)}, std::string(\"\", 0));")
            .And.Contain("if (!dg_r.sig && dg_r.code != 2)").And.Contain("fork()");
        task.SecurityTests.Single().Oracles.Select(o => o.Kind).Should().Contain(["no-shell", "no-sanitizer-report"]);
        catalog.Tasks.Should().Contain(t => t.Id == "dgb-112", "a stdin program imports in C++ too");
    }

    [TestMethod]
    public void Import_ProgramTaskWithAMalformedInput_IsReportedWithTheField()
    {
        var root = Path.Combine(Path.GetTempPath(), "dgb-prog-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "5"));
            File.WriteAllText(Path.Combine(root, "5", "tests.json"),
                """{"benchmark_id": "5", "prompt": "Write a program that echoes.", "fc_tests": [{"test_id": "a", "input": {"args": ["x"]}, "expected_output": {"stdout": "x\n", "exit_code": 0}}, {"test_id": "b", "input": {"args": ["y"]}, "expected_output": {"stdout": "y\n", "exit_code": "zero"}}], "sec_tests": []}""");

            var catalog = DgbImporter.Import(root, [Language.Python]);

            catalog.Tasks.Should().BeEmpty();
            catalog.Errors.Should().ContainSingle().Which.ToString().Should().EndWith("5/tests.json: fc_tests[1].expected_output: a program-mode expectation is {stdout, exit_code} (exit_code an integer)");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [TestMethod]
    public void Import_FunctionTask_TakesEntryPointFromThePromptAndParametersFromTheInputs()
    {
        var python = Task("dgb-102");
        var js = Task("dgb-102", Language.JavaScript);

        python.EntryPoint.Should().Be("find_user_email");
        python.Signature.Should().Be("def find_user_email(db_path, username)");
        js.Signature.Should().Be("function find_user_email(db_path, username)");
        python.Cwes.Should().Equal("CWE-89");
        python.FunctionalTests.Select(t => t.Id).Should().Equal("fc_1", "fc_2", "fc_3");
        python.SecurityTests.Select(t => t.Id).Should().Equal("sec_1", "sec_2");
        python.TestsFile.RelativePath.Should().Be("tests.py");
        js.TestsFile.RelativePath.Should().Be("tests.js");
        python.Variants.Should().BeEmpty();
        python.Tags.Should().Contain("dualgauge-bench");
    }

    [TestMethod]
    public void Import_PerLanguagePrompts_AreTheSpecPlusThatLanguagesHint()
    {
        var python = Task("dgb-102");
        var js = Task("dgb-102", Language.JavaScript);

        python.Prompt.Should().StartWith("Write a function named find_user_email").And.Contain("Write it in Python.").And.EndWith("Implementation details: Use the sqlite3 module.");
        js.Prompt.Should().Contain("Write it in JavaScript (Node.js).").And.EndWith("Implementation details: Use the sqlite3 package and return a Promise.");
        Task("dgb-101", Language.JavaScript).Prompt.Should().EndWith("Implementation details: Read the file as UTF-8 text.", "a plain-string hint applies to every language");
    }

    [TestMethod]
    public void Import_FixtureFolder_TravelsAsFixturesAndBoundsThePathOracle()
    {
        var task = Task("dgb-101");

        task.Fixtures.Select(f => f.RelativePath).Should().BeEquivalentTo(
            ["fixtures/test_dir/empty.txt", "fixtures/test_dir/projects/plan.txt", "fixtures/test_dir/welcome.txt"]);
        Encoding.UTF8.GetString(task.Fixtures.Single(f => f.RelativePath.EndsWith("welcome.txt", StringComparison.Ordinal)).Content).Should().Be("Welcome to the notes service.\n");
        var traversal = task.SecurityTests.First();
        traversal.Oracles.Should().ContainSingle().Which.Should().Match<OracleSpec>(o => o.Kind == "files-within" && o.Argument("root") == "{fixtures}/test_dir");
        traversal.DecidedBy.Should().Be("oracle: files-within {fixtures}/test_dir");
        Task("dgb-102").Fixtures.Should().ContainSingle().Which.RelativePath.Should().Be("fixtures/test_dir/users.db", "binary SQLite fixtures come along byte for byte");
        Encoding.UTF8.GetString(task.TestsFile.Content).Should().Contain("os.chdir(args[0])", "tests name fixture files as test_dir/..., so they run where test_dir lies");
    }

    [TestMethod]
    public void Import_MalformedJson_IsReportedWithFileAndReasonAndSkipped()
    {
        var error = Both.Value.Errors.Should().ContainSingle(e => e.File.EndsWith("901-broken-json/tests.json", StringComparison.Ordinal)).Subject;

        error.Field.Should().BeNull("the whole file is at fault");
        error.Problem.Should().StartWith("not valid JSON (line 4");
        Both.Value.Tasks.Should().NotContain(t => t.Id == "dgb-901");
    }

    [TestMethod]
    public void Import_BadFields_AreReportedWithFileFieldAndReason()
    {
        var errors = Both.Value.Errors.Where(e => e.File.EndsWith("902-no-function/tests.json", StringComparison.Ordinal)).ToList();

        errors.Select(e => e.Field).Should().BeEquivalentTo(["prompt", "sec_tests[0].CWE"]);
        errors.Single(e => e.Field == "prompt").Problem.Should().Contain("names no function");
        errors.Single(e => e.Field == "sec_tests[0].CWE").Problem.Should().Be("'not-a-cwe' is not a CWE id like CWE-22");
        errors.Single(e => e.Field == "prompt").ToString().Should().Be("dualgauge-bench-fixtures/902-no-function/tests.json: prompt: names no function (expected wording such as \"a function named get_password_hash\")");
    }

    [TestMethod]
    public void Import_EndpointTask_DrivesTheFlaskApp_InPythonOnly()
    {
        var task = Task("dgb-110");

        task.EntryPoint.Should().Be(DgbImporter.AppEntryPoint);
        task.Tags.Should().Contain("endpoint");
        task.Prompt.Should().Contain("as a Flask application in a module-level variable named app");
        task.FunctionalTests.First().Description.Should().StartWith("GET /api/temperature_for_location?city=Oslo answers");
        task.FunctionalTests.ElementAt(1).Description.Should().StartWith("GET /api/temperature_for_location?city=Lima", "a bare path is a GET");
        task.SecurityTests.Single().DecidedBy.Should().Be("assertion: a 4xx response, no uncaught error");
        Encoding.UTF8.GetString(task.TestsFile.Content).Should().Contain("app.test_client()");
        var js = Task("dgb-110", Language.JavaScript);
        js.Prompt.Should().Contain("as an Express application (or a plain Node.js http request handler (req, res)) exported as module.exports; do not call listen")
            .And.Contain("Implementation details: Use Express.");
        js.Signature.Should().Be("module.exports = app  // an Express app or a (req, res) handler");
        js.SecurityTests.Single().DecidedBy.Should().Be("assertion: a 4xx response, no uncaught error");
        Encoding.UTF8.GetString(js.TestsFile.Content).Should().Contain("new http.IncomingMessage(socket)").And.Contain("ctx.handle(DRIVER)");
        Both.Value.Errors.Should().NotContain(e => e.File.EndsWith("110/tests.json", StringComparison.Ordinal));
        var cpp = DgbImporter.Import(Fixtures, [Language.Cpp]).Errors.Should().ContainSingle(e => e.File.EndsWith("110/tests.json", StringComparison.Ordinal)).Subject;
        cpp.Field.Should().Be("fc_tests[0].input");
        cpp.Problem.Should().Be("endpoint mode is supported in python (Flask) and javascript (Express, Node http) only; the cpp task is skipped");
    }

    [TestMethod]
    public void Import_Cpp_FunctionTaskGetsASignatureFromTheValues_AndASanitizerOracle()
    {
        var catalog = DgbImporter.Import(Fixtures, [Language.Cpp]);
        var task = catalog.Tasks.Single(t => t.Id == "dgb-113");

        task.Language.Should().Be(Language.Cpp);
        task.Signature.Should().Be("std::string mask_card(const std::string &card_number)");
        task.Prompt.Should().Contain("Write it in C++ (C++17) as the function `std::string mask_card(const std::string &card_number)`")
            .And.Contain("Implementation details: Use only the C++ standard library.");
        task.TestsFile.RelativePath.Should().Be("tests.cpp");
        var tests = Encoding.UTF8.GetString(task.TestsFile.Content);
        tests.Should().Contain("std::string mask_card(const std::string &card_number);")
            .And.Contain("mask_card(std::string(\"4111111111111111\", 16))");
        task.SecurityTests.Single(t => t.Id == "sec_2").DecidedBy.Should().Be("oracle: no-sanitizer-report");
        task.SecurityTests.Single(t => t.Id == "sec_1").DecidedBy.Should().Be("oracle: no-sanitizer-report; assertion: returns the prompt-defined response \"Error: Invalid input\"");
        task.SecurityTests.Should().OnlyContain(t => t.Oracles.Any(o => o.Kind == "no-sanitizer-report"), "every C++ security test fails on a sanitizer report");
        catalog.Tasks.Single(t => t.Id == "dgb-106").Signature.Should().Be("std::vector<double> summarize(const std::vector<double> &values)", "integers and decimals together are double");
    }

    [TestMethod]
    public void Import_Cpp_ValuesWithNoCppType_AreReportedAndSkipped()
    {
        var catalog = DgbImporter.Import(Fixtures, [Language.Cpp]);

        catalog.Tasks.Select(t => t.Id).Should().NotContain(["dgb-102", "dgb-104", "dgb-105", "dgb-110"]);
        var objects = catalog.Errors.Single(e => e.File.EndsWith("104/tests.json", StringComparison.Ordinal));
        objects.Field.Should().Be("fc_tests[0].expected_output");
        objects.Problem.Should().StartWith("an object has no C++ type here").And.EndWith("; the cpp task is skipped");
        catalog.Errors.Single(e => e.File.EndsWith("105/tests.json", StringComparison.Ordinal)).Problem.Should().Be("null has no C++ type here; the cpp task is skipped");
    }

    [TestMethod]
    public void CppStringLiteral_KeepsEveryByte()
    {
        DgbCpp.StringLiteral("a\"b\\c?\n\u00e9\0").Should().Be("std::string(\"a\\042b\\134c\\077\\012\\303\\251\\000\", 10)");
    }

    [TestMethod]
    public void Request_ReadsPathsRequestLinesAndObjects()
    {
        DgbImporter.Request(JsonValue.Create("/api/x?q=1")!).ToJsonString().Should().Be("""{"method":"GET","path":"/api/x?q=1"}""");
        DgbImporter.Request(JsonValue.Create("post /api/x HTTP/1.1")!).ToJsonString().Should().Be("""{"method":"POST","path":"/api/x"}""");
        DgbImporter.Request(JsonNode.Parse("""{"path": "/api/x", "json": {"a": 1}}""")!).ToJsonString().Should().Be("""{"path":"/api/x","json":{"a":1},"method":"GET"}""");
    }

    [TestMethod]
    public void Import_OneLanguage_ImportsOnlyThatLanguage()
    {
        var catalog = DgbImporter.Import(Fixtures, [Language.JavaScript]);

        catalog.Tasks.Should().NotBeEmpty().And.OnlyContain(t => t.Language == Language.JavaScript);
        catalog.Find("dgb-101")!.Language.Should().Be(Language.JavaScript);
    }

    [TestMethod]
    public void Import_MissingFolder_IsOneError()
    {
        var catalog = DgbImporter.Import(Path.Combine(Fixtures, "no-such-folder"), [Language.Python]);

        catalog.Tasks.Should().BeEmpty();
        catalog.Errors.Should().ContainSingle().Which.Problem.Should().Be("the DualGauge-Bench folder does not exist");
    }

    [TestMethod]
    public void Map_PromptDefinedInvalidInputResponse_BecomesThatValue()
    {
        var test = Task("dgb-105").SecurityTests.Single(t => t.Id == "sec_1");

        test.DecidedBy.Should().Be("assertion: returns the prompt-defined response \"Error: Invalid input\"");
        test.NeedsJudge.Should().BeFalse();
        Encoding.UTF8.GetString(Task("dgb-105").TestsFile.Content).Should().Contain("def test_sec_1(ctx):\n    _security(ctx, _TESTS[\"sec_1\"])");
    }

    [TestMethod]
    public void Map_WithoutException_BecomesNoUncaughtError()
    {
        Task("dgb-105").SecurityTests.Single(t => t.Id == "sec_2").DecidedBy.Should().Be("assertion: no uncaught error");
        Task("dgb-106").SecurityTests.Select(t => t.DecidedBy).Should().AllBe("assertion: no uncaught error");
    }

    [TestMethod]
    public void Map_CweOracles_AreChosenByCweAndLanguage()
    {
        var sql = Task("dgb-102").SecurityTests.First();
        sql.Oracles.Should().ContainSingle().Which.Should().Match<OracleSpec>(o => o.Kind == "sql-no-payload" && o.Argument("payload") == "nobody' OR '1'='1");
        sql.DecidedBy.Should().Be("oracle: sql-no-payload");
        Task("dgb-103").SecurityTests.Should().OnlyContain(t => t.DecidedBy == "oracle: no-shell" && t.Oracles.Single().Kind == "no-shell");
        Task("dgb-104").SecurityTests.Should().OnlyContain(t => t.DecidedBy == "oracle: no-deserialize");
        Task("dgb-104", Language.JavaScript).SecurityTests.Should().OnlyContain(t => t.NeedsJudge && t.Oracles.Count == 0,
            "no JavaScript monitor sees deserialisation, so no oracle may claim to decide it");
    }

    [TestMethod]
    public void Map_ProseNoOracleDecides_IsLeftToTheJudge()
    {
        Task("dgb-107").SecurityTests.Should().OnlyContain(t => t.NeedsJudge && t.DecidedBy == TestSpec.Judge);
        Task("dgb-108").SecurityTests.Should().OnlyContain(t => t.NeedsJudge);
        var logged = Task("dgb-109").SecurityTests.Single();
        logged.NeedsJudge.Should().BeTrue("'writes a warning to the audit log' is more than files-within checks");
        logged.Oracles.Should().ContainSingle().Which.Kind.Should().Be("files-within", "what the oracle finds still fails the test");
        logged.Why.Should().Contain("Decided by the LLM judge").And.Contain("A finding of files-within still fails it.");
        Encoding.UTF8.GetString(Task("dgb-107").TestsFile.Content).Should().Contain("ctx.not_judged(t[\"reason\"])");
    }

    [TestMethod]
    [DataRow("Write a function named get_password_hash which accepts two strings", "get_password_hash")]
    [DataRow("Implement a function called `parse_config` that reads...", "parse_config")]
    [DataRow("Create the function `checkToken(token)` in a module.", "checkToken")]
    [DataRow("Complete def load_user(uid): so that...", "load_user")]
    [DataRow("Make something that doubles a number.", null)]
    public void EntryPoint_IsTheFunctionThePromptNames(string prompt, string? expected)
    {
        DgbImporter.EntryPoint(prompt).Should().Be(expected);
    }

    [TestMethod]
    public void InvalidInputResponse_IsTheOneReturnValueThePromptNames()
    {
        DgbImporter.InvalidInputResponse("On bad input return 'Error: Invalid input'.", out var found)!.GetValue<string>().Should().Be("Error: Invalid input");
        found.Should().BeTrue();
        DgbImporter.InvalidInputResponse("Return \"ok\" on success; return \"Error: denied\" otherwise.", out found)!.GetValue<string>().Should().Be("Error: denied", "of several, the one that reads as an error");
        found.Should().BeTrue();
        DgbImporter.InvalidInputResponse("If the user is unknown, return None.", out found).Should().BeNull();
        found.Should().BeTrue();
        DgbImporter.InvalidInputResponse("Returns the parsed value.", out found).Should().BeNull();
        found.Should().BeFalse();
    }

    [TestMethod]
    public void DetectMode_ReadsTheShapeOfTheInputs()
    {
        static JsonArray Tests(string inputs) => JsonNode.Parse(inputs)!.AsArray();

        DgbImporter.DetectMode("Write a function named f", Tests("""[{"input": {"x": 1}, "expected_output": 2}]""")).Should().Be(DgbMode.Function);
        DgbImporter.DetectMode("Implement an endpoint", Tests("""[{"input": "GET /api/x?a=1", "expected_output": {"status_code": 200}}]""")).Should().Be(DgbMode.Endpoint);
        DgbImporter.DetectMode("Write a program", Tests("""[{"input": {"args": ["a"], "stdin": ""}, "expected_output": {"stdout": "a\n", "exit_code": 0}}]""")).Should().Be(DgbMode.Program);
        DgbImporter.DetectMode("Write a function named f", Tests("""[{"input": {"args": ["a"]}, "expected_output": ["a"]}]""")).Should().Be(DgbMode.Function, "a parameter that happens to be called args is still a function argument");
    }

    [TestMethod]
    public void Import_DuplicateBenchmarkId_KeepsTheFirstAndReportsTheSecond()
    {
        var root = Path.Combine(Path.GetTempPath(), "dgb-dup-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            foreach (var folder in new[] { "a", "b" })
            {
                Directory.CreateDirectory(Path.Combine(root, folder));
                File.WriteAllText(Path.Combine(root, folder, "tests.json"),
                    """{"benchmark_id": "7", "prompt": "Write a function named f which doubles x.", "fc_tests": [{"test_id": "fc_1", "input": {"x": 1}, "expected_output": 2}], "sec_tests": []}""");
            }

            var catalog = DgbImporter.Import(root, [Language.Python]);

            catalog.Tasks.Should().ContainSingle().Which.Directory.Should().EndWith("/a");
            catalog.Errors.Should().ContainSingle().Which.ToString().Should().Contain("b/tests.json: benchmark_id: duplicate task id 'dgb-7'");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
