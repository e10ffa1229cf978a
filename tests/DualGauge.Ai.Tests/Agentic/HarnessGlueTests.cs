using DualGauge.Ai.Agentic;
using DualGauge.Ai.Tests.Infrastructure;
using DualGauge.Core.Evaluation;
using DualGauge.Core.Samples;
using DualGauge.Core.Tasks;
using FluentAssertions;

namespace DualGauge.Ai.Tests.Agentic;

[TestClass]
public sealed class HarnessGlueTests
{
    [TestMethod]
    public void Apply_PrependAndAppend_KeepsTheCandidateVerbatimBetweenThem()
    {
        var candidate = "def findProducts(conn, term):\r\n    return []  # no trailing newline";
        var glue = new HarnessGlue("import sqlite3", "search_products = findProducts", "alias");

        var glued = glue.Apply(candidate);

        glued.Should().Be("import sqlite3\n" + candidate + "\nsearch_products = findProducts\n");
        glued.IndexOf(candidate, StringComparison.Ordinal).Should().Be("import sqlite3\n".Length);
    }

    [TestMethod]
    public void Apply_Latin1Source_AppendsAroundTheUnchangedBytes()
    {
        byte[] bytes = [.. "# -*- coding: latin-1 -*-\ndef findProducts(conn, term):\n    return ['caf"u8, 0xE9, .. "']"u8];
        var source = SampleSource.FromBytes(bytes, Language.Python);
        var glue = new HarnessGlue(null, "search_products = findProducts", "alias");

        var glued = glue.Apply(source);

        glue.SourceRefusal(source).Should().BeNull();
        glued.Bytes.Should().Equal([.. bytes, .. "\nsearch_products = findProducts\n"u8]);
        glued.DeclaredEncoding.Should().Be("latin-1");
    }

    [TestMethod]
    public void SourceRefusal_PrependOrNonAsciiGlueOnANonUtf8Source_IsRefused()
    {
        var source = SampleSource.FromBytes([.. "# coding: latin-1\nx = '"u8, 0xE9, .. "'\n"u8], Language.Python);

        new HarnessGlue("import sqlite3", null, "").SourceRefusal(source).Should().Contain("would move its coding declaration");
        new HarnessGlue(null, "y = 'é'", "").SourceRefusal(source).Should().Contain("not ASCII");
        new HarnessGlue("import sqlite3", null, "").SourceRefusal(SampleSource.FromText("x = 'é'\n")).Should().BeNull();
    }

    [TestMethod]
    [DataRow("for i in range(3):\n    pass", "loop")]
    [DataRow("exec('x = 1')", "exec")]
    [DataRow("sqlite3.connect = lambda *a: None", "attribute")]
    [DataRow("a=1\nb=2\nc=3\nd=4\ne=5\nf=6\ng=7\nh=8\ni=9\nj=10\nk=11\nl=12\nm=13", "at most 12 lines")]
    public void Refusal_GlueThatDoesMoreThanWiring_IsRefused(string append, string why)
    {
        new HarnessGlue(null, append, "").Refusal(Language.Python).Should().Contain(why);
    }

    [TestMethod]
    public void Refusal_AliasOrExportOrInclude_IsAccepted()
    {
        new HarnessGlue(null, "search_products = Solution().search_products", "").Refusal(Language.Python).Should().BeNull();
        new HarnessGlue(null, "module.exports.pick = choose;", "").Refusal(Language.JavaScript).Should().BeNull();
        new HarnessGlue("#include <string.h>", null, "").Refusal(Language.C).Should().BeNull();
        new HarnessGlue(null, null, "").Refusal(Language.C).Should().Be("the glue is empty");
    }

    [TestMethod]
    public void Diagnose_MissingEntryPointWithAnotherFunction_IsSetup()
    {
        var task = TestRepository.Task(TestRepository.SqlTask);
        var request = EvaluationRequest.ForTask(task, "def find_products(conn, term):\n    return []\n", "m", "0");
        var verdict = Verdicts.FromTrace(task, "m", "0", loadError: "entry point search_products not found");

        SetupDiagnosis.Diagnose(request, verdict).Should().Be("entry point search_products not found; the sample defines find_products");
    }

    [TestMethod]
    public void Diagnose_MissingEntryPointAndNothingElse_IsNotSetup()
    {
        var task = TestRepository.Task(TestRepository.SqlTask);
        var request = EvaluationRequest.ForTask(task, "# no code\n", "m", "0");

        SetupDiagnosis.Diagnose(request, Verdicts.FromTrace(task, "m", "0", loadError: "entry point search_products not found")).Should().BeNull();
    }

    [TestMethod]
    public void Diagnose_FailedSecurityTest_IsLogicNotSetup()
    {
        var task = TestRepository.Task(TestRepository.SqlTask);
        var request = EvaluationRequest.ForTask(task, "def search_products(c, t): pass\n", "m", "0");

        SetupDiagnosis.Diagnose(request, Verdicts.FromTrace(task, "m", "0", failingSecurityTest: "quote_in_term")).Should().BeNull();
    }

    [TestMethod]
    public void Diagnose_CCompileErrorNamingAnUndeclaredFunction_IsAMissingInclude()
    {
        var task = TestRepository.Task("c-parse-port");
        var request = EvaluationRequest.ForTask(task, "int parse_port(const char *s) { return (int)strtol(s, 0, 10); }\n", "m", "0");
        var verdict = Verdicts.FromTrace(task, "m", "0", loadError: "solution.c:1:44: error: implicit declaration of function 'strtol' [-Wimplicit-function-declaration]");

        SetupDiagnosis.Diagnose(request, verdict).Should().StartWith("missing include: implicit declaration of function 'strtol'");
    }

    [TestMethod]
    public void Diagnose_PythonTypingNameMissingAtLoad_IsAMissingImport()
    {
        var task = TestRepository.Task(TestRepository.SqlTask);
        var request = EvaluationRequest.ForTask(task, "def search_products(conn, term) -> List[tuple]:\n    return []\n", "m", "0");
        var verdict = Verdicts.FromTrace(task, "m", "0", loadError: "NameError: name 'List' is not defined");

        SetupDiagnosis.Diagnose(request, verdict).Should().Be("missing import at load: NameError: name 'List' is not defined");
    }

    [TestMethod]
    public void ParseGlue_MalformedOrEmpty_SaysSo()
    {
        AgenticEvaluator.ParseGlue("sure!").Problem.Should().Contain("no JSON object");
        AgenticEvaluator.ParseGlue("{\"prepend\": \"\", \"append\": \"\"}").Problem.Should().Contain("no prepend or append");
        AgenticEvaluator.ParseGlue("{\"append\": \"f = g\", \"explanation\": \"alias\"}").Glue.Should().Be(new HarnessGlue(null, "f = g", "alias"));
    }
}
