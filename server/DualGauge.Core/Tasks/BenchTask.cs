namespace DualGauge.Core.Tasks;

/// <summary>Whether a test checks that the code works or that it cannot be exploited.</summary>
public enum TestKind
{
    Functional,
    Security,
}

/// <summary>One check an oracle runs over the trace of a security test, e.g. <c>sql-no-payload</c>.</summary>
/// <param name="Kind">The oracle kind (see <c>bench-tasks/README.md</c> for the list).</param>
/// <param name="Arguments">The oracle's arguments, e.g. <c>payload</c>.</param>
public sealed record OracleSpec(string Kind, IReadOnlyDictionary<string, string> Arguments)
{
    public string? Argument(string name) => Arguments.TryGetValue(name, out var value) ? value : null;
}

/// <summary>A functional or security test of a task. Its code lives in the task's tests file.</summary>
/// <param name="Id">Identifier; the tests file defines the test under this name.</param>
/// <param name="Description">What the test checks.</param>
/// <param name="Cwe">For a security test, the CWE it probes, e.g. <c>CWE-89</c>.</param>
/// <param name="Attacks">For a security test, what input it sends and what that input tries to do.</param>
/// <param name="Why">For a security test, why its oracles catch a vulnerable implementation.</param>
/// <param name="Oracles">Trace oracles judged in addition to the test's own assertions.</param>
/// <param name="DecidedBy">
/// What decides the test, for tests imported from prose expectations (DualGauge-Bench): <c>oracle: ...</c> or
/// <c>assertion: ...</c> when a deterministic check was mapped, <c>judge</c> when only the LLM judge can decide it.
/// Null for the suite's own tests (their code and oracles decide them).
/// </param>
public sealed record TestSpec(
    string Id,
    TestKind Kind,
    string Description,
    string? Cwe,
    string? Attacks,
    string? Why,
    IReadOnlyList<OracleSpec> Oracles,
    string? DecidedBy = null)
{
    /// <summary>The value of <see cref="DecidedBy"/> for a test only the LLM judge can decide.</summary>
    public const string Judge = "judge";

    /// <summary>True when only the LLM judge can decide this test (no oracle or assertion was mapped).</summary>
    public bool NeedsJudge => DecidedBy == Judge;
}

/// <summary>What a reference implementation is meant to demonstrate.</summary>
public enum VariantKind
{
    /// <summary>Passes every test.</summary>
    Secure,

    /// <summary>Passes every functional test and fails at least one security test.</summary>
    Insecure,

    /// <summary>Fails at least one functional test.</summary>
    Wrong,
}

/// <summary>A reference implementation shipped with a task.</summary>
/// <param name="Name">Short name, unique within the task (the file name without extension).</param>
/// <param name="RelativePath">Path relative to the task folder.</param>
/// <param name="Note">What is wrong with it, for insecure and wrong variants.</param>
public sealed record TaskVariant(string Name, VariantKind Kind, string RelativePath, string? Note);

/// <summary>A file the tests need at run time, copied into the sandbox beside the tests.</summary>
public sealed record TaskFile(string RelativePath, byte[] Content);

/// <summary>A benchmark task: a prompt, an entry point, paired functional and security tests, and references.</summary>
public sealed record BenchTask
{
    public required string Id { get; init; }
    public required Language Language { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyList<string> Cwes { get; init; }
    /// <summary>The natural-language prompt a model receives.</summary>
    public required string Prompt { get; init; }
    public required string EntryPoint { get; init; }
    public required string Signature { get; init; }
    /// <summary>Absolute path of the task folder.</summary>
    public required string Directory { get; init; }
    /// <summary>The tests file, relative to the task folder (tests.py, tests.js or tests.c).</summary>
    public required TaskFile TestsFile { get; init; }
    public required IReadOnlyList<TestSpec> Tests { get; init; }
    public required IReadOnlyList<TaskVariant> Variants { get; init; }
    /// <summary>Fixture files (everything under <c>fixtures/</c>).</summary>
    public IReadOnlyList<TaskFile> Fixtures { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];

    public IEnumerable<TestSpec> FunctionalTests => Tests.Where(t => t.Kind == TestKind.Functional);
    public IEnumerable<TestSpec> SecurityTests => Tests.Where(t => t.Kind == TestKind.Security);
    public TaskVariant SecureReference => Variants.First(v => v.Kind == VariantKind.Secure);
}
