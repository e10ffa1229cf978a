using DualGauge.Core.Evaluation;
using DualGauge.Core.Samples;
using DualGauge.Core.Tasks;
using DualGauge.Core.Tasks.DualGaugeBench;
using DualGauge.Core.Verdicts;
using DualGauge.Sandbox.Tests.Infrastructure;
using DualGauge.TestUtilities.Cli;
using FluentAssertions;

namespace DualGauge.Sandbox.Tests;

/// <summary>
/// Imported DualGauge-Bench tasks (tests/dualgauge-bench-fixtures) through the real sandbox and the same
/// <see cref="SampleEvaluator"/> the CLI uses, with the candidates in tests/dualgauge-bench-samples/{secure,insecure}.
/// </summary>
[TestClass]
public sealed class DualGaugeBenchEndToEndTests
{
    private static readonly string Fixtures = Path.Combine(CliProcess.RepositoryRoot, "tests", "dualgauge-bench-fixtures");
    private static readonly string Samples = Path.Combine(CliProcess.RepositoryRoot, "tests", "dualgauge-bench-samples");
    private static readonly Lazy<TaskCatalog> Catalog = new(() => DgbImporter.Import(Fixtures, [Language.Python, Language.JavaScript, Language.Cpp]));

    public TestContext TestContext { get; set; } = null!;

    private async Task<SampleVerdict> EvaluateAsync(string taskId, Language language, string model)
    {
        var task = Catalog.Value.Tasks.Single(t => t.Id == taskId && t.Language == language);
        var path = Path.Combine(Samples, model, taskId, "0." + language.FileExtension());
        var verdict = await new SampleEvaluator(SandboxFixture.Sandbox).EvaluateAsync(task, SampleSource.FromBytes(File.ReadAllBytes(path), language), model, "0", path, TestContext.CancellationToken);
        TestContext.WriteLine($"{model} {taskId} ({language.Id()}): failure {verdict.Failure} {verdict.FailureDetail}");
        foreach (var t in verdict.Tests)
        {
            TestContext.WriteLine($"  {t.Test.Id} {t.Status} [{t.Test.DecidedBy}] {t.Message}");
        }

        return verdict;
    }

    [TestMethod]
    [DataRow("dgb-101", "python", "files-within")]
    [DataRow("dgb-101", "javascript", "files-within")]
    [DataRow("dgb-102", "python", "sql-no-payload")]
    [DataRow("dgb-102", "javascript", "sql-no-payload")]
    [DataRow("dgb-103", "python", "no-shell")]
    [DataRow("dgb-103", "javascript", "no-shell")]
    [DataRow("dgb-104", "python", "no-deserialize")]
    public async Task FunctionTask_SecureCandidatePasses_InsecureFailsTheOracleDecidedTest(string taskId, string languageId, string oracle)
    {
        LanguageExtensions.TryParse(languageId, out var language).Should().BeTrue();

        var secure = await EvaluateAsync(taskId, language, "secure");
        var insecure = await EvaluateAsync(taskId, language, "insecure");

        secure.Failure.Should().Be(SampleFailure.None);
        secure.JointPass.Should().BeTrue("the secure candidate works and resists every attack");
        insecure.Failure.Should().Be(SampleFailure.None);
        insecure.FunctionalPass.Should().BeTrue("the insecure candidate works on the functional tests");
        insecure.SecurePass.Should().BeFalse();
        var failed = insecure.Tests.Where(t => t.Kind == TestKind.Security && !t.Passed).ToList();
        failed.Should().Contain(t => t.Test.DecidedBy == $"oracle: {oracle}" || t.Test.DecidedBy!.StartsWith($"oracle: {oracle} ", StringComparison.Ordinal));
        failed.SelectMany(t => t.Findings).Should().Contain(f => f.Oracle == oracle, "the oracle decided it, with evidence from the trace");
    }

    [TestMethod]
    public async Task CppFunctionTask_AddressSanitizerCatchesTheOutOfBoundsWrite_TheSecureCandidatePasses()
    {
        var secure = await EvaluateAsync("dgb-113", Language.Cpp, "secure");
        var insecure = await EvaluateAsync("dgb-113", Language.Cpp, "insecure");

        secure.Failure.Should().Be(SampleFailure.None);
        secure.JointPass.Should().BeTrue("it checks the length before it copies anything");
        insecure.Failure.Should().Be(SampleFailure.None);
        insecure.FunctionalPass.Should().BeTrue("short card numbers fit the fixed field");
        insecure.SecurePass.Should().BeFalse();
        var maximum = insecure.Tests.Single(t => t.Test.Id == "sec_2");
        maximum.Passed.Should().BeFalse("32 characters and the terminator do not fit a 32-byte field");
        maximum.Test.DecidedBy.Should().Be("oracle: no-sanitizer-report");
        maximum.Findings.Should().Contain(f => f.Oracle == "no-sanitizer-report" && f.Message.Contains("stack-buffer-overflow"));
        insecure.Tests.Single(t => t.Test.Id == "sec_1").Passed.Should().BeFalse("the overlong number is copied before it is checked");
        insecure.Tests.Single(t => t.Test.Id == "sec_3").Passed.Should().BeTrue("it fits, and the characters are checked");
    }

    [TestMethod]
    [DataRow("python")]
    [DataRow("javascript")]
    public async Task PromptDefinedResponse_IsComparedAsAValue(string languageId)
    {
        LanguageExtensions.TryParse(languageId, out var language).Should().BeTrue();

        var secure = await EvaluateAsync("dgb-105", language, "secure");
        var insecure = await EvaluateAsync("dgb-105", language, "insecure");

        secure.JointPass.Should().BeTrue();
        insecure.FunctionalPass.Should().BeTrue();
        var nullInput = insecure.Tests.Single(t => t.Test.Id == "sec_1");
        nullInput.Passed.Should().BeFalse();
        nullInput.Message.Should().Contain("expected the prompt-defined response \"Error: Invalid input\"");
    }

    [TestMethod]
    [DataRow("python")]
    [DataRow("javascript")]
    public async Task Normalisation_TuplesAreListsAndNumbersCompareByValue(string languageId)
    {
        LanguageExtensions.TryParse(languageId, out var language).Should().BeTrue();

        var verdict = await EvaluateAsync("dgb-106", language, "secure");

        verdict.FunctionalPass.Should().BeTrue("(2.0, 3) equals [2, 3]; 10.0 equals 10");
        verdict.JointPass.Should().BeTrue();
    }

    [TestMethod]
    public async Task ProgramTask_ComparesStdoutAndExitCode_AndTheShellingProgramFailsNoShell()
    {
        var secure = await EvaluateAsync("dgb-111", Language.Python, "secure");
        var insecure = await EvaluateAsync("dgb-111", Language.Python, "insecure");
        var stdin = await EvaluateAsync("dgb-112", Language.Python, "secure");

        secure.JointPass.Should().BeTrue("argv in, reversed words out, exit 2 without arguments");
        insecure.FunctionalPass.Should().BeTrue("what the shell's echo writes to fd 1 is the program's stdout too");
        var shell = insecure.Tests.Single(t => t.Test.Id == "sec_1");
        shell.Passed.Should().BeFalse();
        shell.Findings.Should().Contain(f => f.Oracle == "no-shell");
        stdin.FunctionalPass.Should().BeTrue("an unguarded script reading sys.stdin runs per test, not at load");
    }

    [TestMethod]
    public async Task CppProgramTask_ComparesStdoutAndExitCode_AndTheShellingProgramFailsNoShell()
    {
        var secure = await EvaluateAsync("dgb-111", Language.Cpp, "secure");
        var insecure = await EvaluateAsync("dgb-111", Language.Cpp, "insecure");

        secure.JointPass.Should().BeTrue("argv in, reversed words out, exit 2 without arguments (a main ending without return exits 0)");
        insecure.Tests.Where(t => t.Test.Kind == TestKind.Functional).Should().OnlyContain(t => t.Passed, "the shell's echo writes to the program's stdout");
        var shell = insecure.Tests.Single(t => t.Test.Id == "sec_1");
        shell.Passed.Should().BeFalse();
        shell.Findings.Should().Contain(f => f.Oracle == "no-shell");
    }

    [TestMethod]
    public async Task EndpointTask_FlaskAppInProcess_StatusAndBodyCompared_ServerErrorFailsTheSecurityTest()
    {
        var secure = await EvaluateAsync("dgb-110", Language.Python, "secure");
        var insecure = await EvaluateAsync("dgb-110", Language.Python, "insecure");

        secure.JointPass.Should().BeTrue("200 with the body under data or top-level, 404 for an unknown city, 404 for the quote");
        insecure.FunctionalPass.Should().BeTrue();
        var quote = insecure.Tests.Single(t => t.Test.Id == "sec_1");
        quote.Passed.Should().BeFalse();
        quote.Message.Should().StartWith("status 500, expected a 4xx response");
    }

    [TestMethod]
    public async Task EndpointTask_ExpressAppInProcess_StatusAndBodyCompared_CrashingHandlerFailsTheSecurityTest()
    {
        var secure = await EvaluateAsync("dgb-110", Language.JavaScript, "secure");
        var insecure = await EvaluateAsync("dgb-110", Language.JavaScript, "insecure");

        secure.Failure.Should().Be(SampleFailure.None);
        secure.JointPass.Should().BeTrue("200 with the body under data or top-level, 404 for an unknown city and for the quote");
        insecure.Failure.Should().Be(SampleFailure.None);
        insecure.FunctionalPass.Should().BeTrue("the spliced query still finds Oslo and Lima");
        var quote = insecure.Tests.Single(t => t.Test.Id == "sec_1");
        quote.Passed.Should().BeFalse("the quote breaks the spliced SQL and the handler throws in its callback");
        quote.Test.DecidedBy.Should().Be("assertion: a 4xx response, no uncaught error");
        quote.Message.Should().Contain("SQLITE_ERROR");
    }

    [TestMethod]
    public async Task EndpointTask_PlainNodeHandler_IsDrivenWithoutExpress()
    {
        const string handler = """
            const TEMPS = { Oslo: 4, Lima: 19 };
            module.exports = function handler(req, res) {
              const url = new URL(req.url, 'http://x');
              const city = url.searchParams.get('city');
              res.setHeader('content-type', 'application/json');
              if (url.pathname !== '/api/temperature_for_location' || !Object.prototype.hasOwnProperty.call(TEMPS, city)) {
                res.statusCode = 404;
                res.end(JSON.stringify({ error: 'unknown city' }));
                return;
              }
              res.end(JSON.stringify({ city, celsius: TEMPS[city] }));
            };
            """;
        var task = Catalog.Value.Tasks.Single(t => t.Id == "dgb-110" && t.Language == Language.JavaScript);

        var verdict = await new SampleEvaluator(SandboxFixture.Sandbox).EvaluateAsync(task, SampleSource.FromBytes(System.Text.Encoding.UTF8.GetBytes(handler), Language.JavaScript), "node-http", "0", "node-http/dgb-110/0.js", TestContext.CancellationToken);

        verdict.Failure.Should().Be(SampleFailure.None, verdict.FailureDetail);
        verdict.Tests.Should().OnlyContain(t => t.Passed, string.Join("; ", verdict.Tests.Select(t => $"{t.Test.Id}: {t.Message}")));
        verdict.JointPass.Should().BeTrue();
    }

    [TestMethod]
    public async Task ProseOnlyExpectation_WithoutAJudge_IsNotJudged_NeverPassed()
    {
        var verdict = await EvaluateAsync("dgb-107", Language.Python, "secure");

        verdict.FunctionalPass.Should().BeTrue();
        verdict.Tests.Where(t => t.Kind == TestKind.Security).Should().OnlyContain(t => t.Status == TestStatus.NotJudged && !t.Passed && t.Test.NeedsJudge);
        verdict.SecurePass.Should().BeFalse("a test nobody decided is never counted as secure");
    }
}
