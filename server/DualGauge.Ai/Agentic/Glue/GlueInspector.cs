using System.Text.RegularExpressions;
using DualGauge.Core.Tasks;

namespace DualGauge.Ai.Agentic.Glue;

/// <summary>What a candidate's code defines (binds at module level) and which names it uses.</summary>
/// <param name="Defined">Names the candidate binds at the top of its module: functions, classes, variables, imports, exports, macros, types.</param>
/// <param name="Own">The part of <paramref name="Defined"/> the candidate's own code gives a value (functions, classes, variables), not an
/// import: the only names glue may alias or forward to, so a wrapper cannot forward to a library function the candidate imported.</param>
/// <param name="Used">Every name the candidate's code mentions (a superset of what it defines).</param>
/// <param name="Imported">Modules the candidate imports or requires.</param>
/// <param name="ImportedAs">For names the candidate binds by an import: what they are bound to (<c>np</c> -> <c>numpy</c>, <c>List</c> -> <c>typing.List</c>),
/// so glue importing the same thing under the same name is not taken for a rebinding.</param>
public sealed record CandidateSymbols(
    IReadOnlySet<string> Defined,
    IReadOnlySet<string> Own,
    IReadOnlySet<string> Used,
    IReadOnlySet<string> Imported,
    IReadOnlyDictionary<string, string> ImportedAs);

/// <summary>
/// The integrity rule for agentic harness glue, checked on parsed symbols: the glue may adapt imports and setup, and may
/// make the entry point an alias of the candidate's own function or a wrapper that only forwards its parameters to it, but
/// it must not define, redefine, wrap, decorate, import over, monkeypatch or shadow any symbol the candidate defines, must
/// not supply a name the candidate uses (other than by importing it), and must not run code at load. Python glue is parsed
/// by <see cref="PyParser"/> (a C# parser: no Python on the host), JavaScript glue by Acornima, C glue by
/// <see cref="CGlueRules"/>; the candidate's symbols come from the outliners of <c>Snippets/Widening</c> plus a parse of its
/// code. Anything the parsers cannot vouch for is rejected, not guessed at.
/// </summary>
public static partial class GlueInspector
{
    /// <summary>Why this glue breaks the rule, or null when it only wires the candidate's code up.</summary>
    /// <param name="missingModules">Modules the failed run reported as not found: the only ones Python glue may stand in for with an empty module.</param>
    public static string? Inspect(Language language, string candidate, string entryPoint, HarnessGlue glue, IReadOnlySet<string>? missingModules = null)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(glue);
        var symbols = Symbols(language, candidate);
        return language switch
        {
            Language.Python => new PythonGlueRules(symbols, entryPoint, candidate, missingModules ?? new HashSet<string>()).Check(glue.Prepend, glue.Append),
            Language.JavaScript => new JavaScriptGlueRules(symbols, entryPoint).Check(glue.Prepend, glue.Append, candidate),
            _ => new CGlueRules(symbols, entryPoint).Check(glue.Prepend, glue.Append),
        };
    }

    /// <summary>The names the candidate's code defines and uses.</summary>
    public static CandidateSymbols Symbols(Language language, string candidate) => language switch
    {
        Language.Python => PythonGlueRules.CandidateSymbols(candidate),
        Language.JavaScript => JavaScriptGlueRules.CandidateSymbols(candidate),
        _ => CGlueRules.CandidateSymbols(candidate),
    };

    /// <summary>Names the sandbox harness keeps for itself (<c>__dg_entry</c>, <c>dgsup</c>, <c>dg_candidate_main</c>...).</summary>
    internal static bool IsHarnessName(string name) => HarnessName().IsMatch(name);

    internal static string Quote(string name) => "`" + name + "`";

    /// <summary>The modules a failure text reports as not found (Python's <c>No module named 'x'</c>, Node's <c>Cannot find module 'x'</c>).</summary>
    public static IReadOnlySet<string> MissingModules(string? text) =>
        MissingModule().Matches(text ?? "").Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"(?:No module named|Cannot find module) '(?<name>[\w.@/-]+)'")]
    private static partial Regex MissingModule();

    [GeneratedRegex(@"^_*dg(_|core|monitor|harness|launch|watch)", RegexOptions.IgnoreCase)]
    private static partial Regex HarnessName();
}
