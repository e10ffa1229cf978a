using DualGauge.Snippets.Widening;
using DualGauge.Core.Tasks;

namespace DualGauge.Snippets.Templates;

/// <summary>A function to probe, with its parameters' roles and the text that selected the templates.</summary>
/// <param name="Entry">The name the harness calls (a generated entry for methods).</param>
/// <param name="Prefix">Prefix of its test ids, unique within the job.</param>
/// <param name="Code">The function's own source text.</param>
/// <param name="Context">Source of the whole evaluated sample (constants, helpers), for SQL schemas and overridable constants.</param>
public sealed record ProbeTarget(SourceFunction Function, string Entry, string Prefix, string Code, string Context, Language Language)
{
    /// <summary>For a method, its class's <c>__init__</c> / constructor: probes build the instance with benign values for it.</summary>
    public SourceFunction? Constructor { get; init; }

    public IReadOnlyList<(FunctionParameter Parameter, ParameterRole Role)> Parameters { get; } =
        Function.Parameters.Where(p => !p.IsVariadic).Select(p => (p, Classify(p, Language, Context))).ToList();

    private static ParameterRole Classify(FunctionParameter p, Language language, string context)
    {
        var role = ParameterRoles.Classify(p, language);
        // C: a pointer to a struct the sample defines is storage a probe can pass when it has no pointer members
        // (zeroed), or when its pointers are strings (filled) and links to its own type (NULL).
        return language == Language.C && role == ParameterRole.Opaque
            && (CTypes.IsPlainRecordPointer(p.Type, context) || CTypes.RecordFields(p.Type, context) is not null) ? ParameterRole.Record : role;
    }

    public ParameterRole RoleOf(FunctionParameter p) => Parameters.First(x => x.Parameter == p).Role;

    /// <summary>The first parameter (in declaration order) whose role is in <paramref name="roles"/>, preferring earlier roles.</summary>
    public FunctionParameter? First(params ParameterRole[] roles)
    {
        foreach (var role in roles)
        {
            var match = Parameters.FirstOrDefault(p => p.Role == role);
            if (match.Parameter is not null)
            {
                return match.Parameter;
            }
        }

        return null;
    }

    public FunctionParameter? Named(params string[] names) =>
        Parameters.Select(p => p.Parameter).FirstOrDefault(p => names.Any(n => string.Equals(p.Name.TrimStart('_'), n, StringComparison.OrdinalIgnoreCase)));
}

/// <summary>One generated test: its spec and, for languages still written by C# (C), its code in the tests file.</summary>
public sealed record GeneratedTest(TestSpec Spec, string Code)
{
    /// <summary>The test's entry in the probe plan (data read by the language's probe runtime), for data-driven languages.</summary>
    public System.Text.Json.Nodes.JsonObject? Plan { get; init; }

    /// <summary>The template whose probe this is (null for functional tests).</summary>
    public string? TemplateId { get; init; }

    /// <summary>For functional tests: what a pass would rest on.</summary>
    public FunctionalEvidence? Evidence { get; init; }

    /// <summary>
    /// Trace event kinds that show this test reached its sink, when they differ from its template's
    /// (<see cref="ProbeTemplate.Reach"/>): empty when the probe judges reach itself (a stand-in database).
    /// </summary>
    public IReadOnlyList<string>? Reach { get; init; }
}

internal static class Specs
{
    public static TestSpec Security(string id, string cwe, string description, string attacks, string why, params OracleSpec[] oracles) =>
        new(id, TestKind.Security, description, cwe, attacks, why, oracles);

    public static TestSpec Functional(string id, string description) =>
        new(id, TestKind.Functional, description, null, null, null, []);

    public static OracleSpec Oracle(string kind, params (string Key, string Value)[] args) =>
        new(kind, args.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal));

    public static string Id(string prefix, string name) => $"{prefix}_{name}".Replace('-', '_');
}

internal static partial class ProbeText
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^(expr|expression|formula|calc|calculation|code|source|script|equation|math)$|expr")]
    internal static partial System.Text.RegularExpressions.Regex ExpressionRegex();
}
