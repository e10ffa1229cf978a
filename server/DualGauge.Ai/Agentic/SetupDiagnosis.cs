using System.Text.RegularExpressions;
using DualGauge.Core.Evaluation;
using DualGauge.Core.Tasks;
using DualGauge.Core.Verdicts;

namespace DualGauge.Ai.Agentic;

/// <summary>
/// Tells a sample that failed for a reason of SETUP (the harness could not wire it up) from one that failed on
/// its logic. Only setup failures are worth glue: a differently named entry point, a missing include or import,
/// a function wrapped in a class.
/// </summary>
public static partial class SetupDiagnosis
{
    /// <returns>Why the failure looks like setup, or null when it does not.</returns>
    public static string? Diagnose(EvaluationRequest request, SampleVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(verdict);
        var detail = verdict.FailureDetail ?? "";
        if (verdict.Failure == SampleFailure.CompileError)
        {
            var firstLine = detail.Split('\n')[0];
            if (firstLine.Contains($"entry point {request.EntryPoint} not found", StringComparison.Ordinal)
                || Regex.IsMatch(detail, $@"undefined reference to [`']{Regex.Escape(request.EntryPoint)}'"))
            {
                var others = DefinedFunctions(request.Language, request.Code).Where(f => f != request.EntryPoint).Distinct().Take(12).ToList();
                return others.Count == 0
                    ? null
                    : $"entry point {request.EntryPoint} not found; the sample defines {string.Join(", ", others)}";
            }

            if (request.Language == Language.C && CMissingInclude().Match(detail) is { Success: true } include)
            {
                return $"missing include: {include.Value.Trim()}";
            }

            if (request.Language == Language.Python && PythonMissingName().Match(detail) is { Success: true } name)
            {
                return $"missing import at load: {name.Value}";
            }

            if (request.Language == Language.JavaScript && JsMissingName().Match(detail) is { Success: true } jsName)
            {
                return $"missing require/import at load: {jsName.Value}";
            }

            return null;
        }

        if (verdict.Failure != SampleFailure.None)
        {
            return null;
        }

        // Every failing test died on the same unknown name: a missing import, not wrong logic.
        var failed = verdict.Tests.Where(t => !t.Passed).ToList();
        if (failed.Count == 0 || failed.Count < verdict.Tests.Count / 2.0)
        {
            return null;
        }

        var missing = failed.Select(t => (request.Language == Language.JavaScript ? JsMissingName() : PythonMissingName()).Match(t.Message))
            .Select(m => m.Success ? m.Groups["name"].Value : null).Distinct().ToList();
        return missing is [{ } only] && request.Language != Language.C
            ? $"every failing test stops on the unknown name '{only}' (a missing import)"
            : null;
    }

    /// <summary>Top-level function names the code appears to define.</summary>
    public static IEnumerable<string> DefinedFunctions(Language language, string code)
    {
        var regex = language switch
        {
            Language.Python => PythonDefs(),
            Language.JavaScript => JsDefs(),
            _ => CDefs(),
        };
        return regex.Matches(code).Select(m => m.Groups["name"].Value).Where(n => n is not ("if" or "for" or "while" or "switch" or "return" or "sizeof"));
    }

    [GeneratedRegex(@"^(?:class|(?:async[ \t]+)?def)[ \t]+(?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex PythonDefs();

    [GeneratedRegex(@"(?:\bfunction\b[ \t]*\*?[ \t]*(?<name>\w+)[ \t]*\(|\b(?:const|let|var)[ \t]+(?<name>\w+)[ \t]*=|\bclass[ \t]+(?<name>\w+)|\bexports\.(?<name>\w+)[ \t]*=)")]
    private static partial Regex JsDefs();

    [GeneratedRegex(@"^[A-Za-z_][\w \t\*]*?\b(?<name>\w+)[ \t]*\([^;{}]*\)[ \t\r\n]*\{", RegexOptions.Multiline)]
    private static partial Regex CDefs();

    [GeneratedRegex(@"(?:implicit declaration of function [‘'`]\w+[’']|unknown type name [‘'`]\w+[’']|[‘'`]\w+[’'] undeclared)[^\n]*|include [‘'`]<[\w./]+>[’']")]
    private static partial Regex CMissingInclude();

    [GeneratedRegex(@"NameError: name '(?<name>\w+)' is not defined")]
    private static partial Regex PythonMissingName();

    [GeneratedRegex(@"ReferenceError: (?<name>\w+) is not defined")]
    private static partial Regex JsMissingName();
}
