using System.Text.Json.Nodes;

namespace DualGauge.Core.Tasks.DualGaugeBench;

/// <summary>One test of a DualGauge-Bench task as read from tests.json.</summary>
/// <param name="Id">The test id DualGauge uses (lowercase, <c>fc_</c> or <c>sec_</c> prefixed, unique in the task).</param>
/// <param name="OriginalId">The <c>test_id</c> in tests.json.</param>
/// <param name="Input">The named arguments.</param>
/// <param name="Expected">For a functional test, the expected value.</param>
/// <param name="Expectation">For a security test, the prose expected behaviour.</param>
/// <param name="Cwe">For a security test, its CWE.</param>
public sealed record DgbTest(string Id, string OriginalId, TestKind Kind, JsonObject Input, JsonNode? Expected, string? Expectation, string? Cwe);

/// <summary>A DualGauge-Bench task as read from one tests.json: language-agnostic, turned into a <see cref="BenchTask"/> per language.</summary>
public sealed record DgbTask(
    string Id,
    string BenchmarkId,
    string Directory,
    string File,
    string Prompt,
    IReadOnlyDictionary<string, string> Hints,
    DgbMode Mode,
    string EntryPoint,
    IReadOnlyList<string> Parameters,
    IReadOnlyList<DgbTest> FunctionalTests,
    IReadOnlyList<DgbTest> SecurityTests,
    IReadOnlyList<TaskFile> Fixtures,
    bool HasFixtureFolder,
    string? SourceRepo)
{
    public IReadOnlyList<string> Cwes => SecurityTests.Select(t => t.Cwe!).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The hint for this language: its own entry, else the language-agnostic one.</summary>
    public string? Hint(Language language) =>
        Hints.TryGetValue(language.Id(), out var own) ? own
        : Hints.TryGetValue(language.FileExtension(), out var ext) ? ext
        : Hints.TryGetValue("*", out var any) ? any
        : null;

    /// <summary>What a model receives for this language: the spec, the language, and the implementation hint, as the paper asks.</summary>
    public string PromptFor(Language language)
    {
        var name = language == Language.Python ? "Python" : language == Language.JavaScript ? "JavaScript (Node.js)" : language == Language.Cpp ? "C++ (C++17)" : language.Id();
        var hint = Hint(language);
        if (language == Language.Cpp && CppSignature() is { } cpp)
        {
            // C++ names are mangled by their parameter types: the tests call exactly this declaration.
            name += $" as the function `{cpp.Declaration}` (no main; include the standard headers you need)";
        }

        var program = Mode == DgbMode.Program ? " as a complete program: it reads its command-line arguments and standard input, writes to standard output and exits with the status the specification gives"
            : Mode == DgbMode.Endpoint ? (language == Language.JavaScript
                ? " as an Express application (or a plain Node.js http request handler (req, res)) exported as module.exports; do not call listen"
                : " as a Flask application in a module-level variable named app") : "";
        return Prompt + "\n\nWrite it in " + name + program + "." + (hint is null ? "" : "\nImplementation details: " + hint);
    }

    /// <summary>The security tests with what decides each, for one language.</summary>
    public IReadOnlyList<(DgbTest Test, DgbSecurityCheck Check)> MapSecurity(Language language) =>
        SecurityTests.Select(t => (Test: t, Check: DgbSecurityMapping.Map(t, this, language))).ToList();

    /// <summary>The C++ signature inferred from the tests' values (function mode), or null when the values have no C++ type.</summary>
    public DgbCppSignature? CppSignature() => Mode == DgbMode.Function ? DgbCpp.Infer(this, MapSecurity(Language.Cpp)).Signature : null;

    public string Signature(Language language) => language == Language.Cpp && CppSignature() is { } cpp ? cpp.Declaration
        : Mode == DgbMode.Program
        ? (language == Language.Python ? "python3 solution.py ARGS... < STDIN" : language == Language.Cpp ? "int main(int argc, char *argv[])  // ./solution ARGS... < STDIN" : "node solution.js ARGS... < STDIN")
        : Mode == DgbMode.Endpoint ? (language == Language.JavaScript ? "module.exports = app  // an Express app or a (req, res) handler" : "app = Flask(__name__)")
        : language == Language.Python
        ? $"def {EntryPoint}({string.Join(", ", Parameters)})"
        : $"function {EntryPoint}({string.Join(", ", Parameters)})";

    public BenchTask ToBenchTask(Language language)
    {
        var mapped = MapSecurity(language);
        var specs = new List<TestSpec>();
        foreach (var t in FunctionalTests)
        {
            specs.Add(Mode == DgbMode.Endpoint
                ? new TestSpec(t.Id, TestKind.Functional, $"{t.Input["method"]} {t.Input["path"]} answers {DgbTestsWriter.Short(t.Expected)} (test_id {t.OriginalId})", null, null, null, [], "assertion: status code and JSON body equal expected_output")
                : Mode == DgbMode.Program
                ? new TestSpec(t.Id, TestKind.Functional, $"run with {DgbTestsWriter.Short(t.Input)} gives {DgbTestsWriter.Short(t.Expected)} (test_id {t.OriginalId})", null, null, null, [], "assertion: stdout and exit code equal expected_output")
                : new TestSpec(t.Id, TestKind.Functional, $"{DgbTestsWriter.Short(t.Input)} returns {DgbTestsWriter.Short(t.Expected)} (test_id {t.OriginalId})", null, null, null, [], "assertion: the returned value equals expected_output"));
        }

        foreach (var (t, check) in mapped)
        {
            specs.Add(new TestSpec(t.Id, TestKind.Security, t.Expectation!, t.Cwe, (Mode == DgbMode.Program ? "runs the program with " : Mode == DgbMode.Endpoint ? "sends the request " : $"calls {EntryPoint} with ") + $"{DgbTestsWriter.Short(t.Input)} (test_id {t.OriginalId})", check.Why, check.Oracles, check.DecidedBy));
        }

        var title = Prompt.Split('\n')[0].Trim();
        title = title.Length <= 90 ? title : title[..87] + "...";
        return new BenchTask
        {
            Id = Id,
            Language = language,
            Title = title,
            Cwes = Cwes,
            Prompt = PromptFor(language),
            EntryPoint = EntryPoint,
            Signature = Signature(language),
            Directory = Directory,
            TestsFile = DgbTestsWriter.Write(this, language, mapped),
            Tests = specs,
            Variants = [],
            Fixtures = Fixtures,
            Tags = [Samples.SampleLayout.MultiLanguageTag, Mode.ToString().ToLowerInvariant()],
        };
    }
}
