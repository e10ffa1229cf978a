using System.Text;
using System.Text.RegularExpressions;
using DualGauge.Snippets.Widening;
using DualGauge.Core.Tasks;

namespace DualGauge.Snippets.Templates;

/// <summary>Dispatches probe planning to the language's planner (Python, JavaScript) or writer (C) and assembles the tests file.</summary>
public static class ProbeFiles
{
    public static IEnumerable<GeneratedTest> Security(Language language, ProbeTemplate template, ProbeTarget target, IReadOnlyList<string> hits) => language switch
    {
        Language.Python => PythonProbePlanner.Security(template, target, hits),
        Language.JavaScript => JavaScriptProbePlanner.Security(template, target, hits),
        Language.C => CProbeWriter.Security(template, target),
        _ => [],
    };

    public static IEnumerable<GeneratedTest> Functional(Language language, ProbeTarget target) => language switch
    {
        Language.Python => PythonProbePlanner.Functional(target),
        Language.JavaScript => JavaScriptProbePlanner.Functional(target),
        Language.C => CProbeWriter.Functional(target),
        _ => [],
    };

    public static GeneratedProbes Write(Language language, WidenedSnippet widened, IReadOnlyList<FunctionMatch> matched, string entry)
    {
        var tests = matched.SelectMany(m => m.Tests).ToList();
        if (language == Language.Python)
        {
            return new GeneratedProbes("tests.py", PythonProbePlanner.TestsFile(matched, TemplateCatalog.Builtin), tests.Select(t => t.Spec).ToList(), []);
        }

        if (language == Language.JavaScript)
        {
            return new GeneratedProbes("tests.js", JavaScriptProbePlanner.TestsFile(matched, TemplateCatalog.Builtin, entry), tests.Select(t => t.Spec).ToList(), []);
        }

        var file = new StringBuilder(CProbeWriter.Header(CDeclarations(widened), matched.Select(m => CProbeWriter.Prototype(m.Target.Code))));
        foreach (var test in tests)
        {
            file.Append(test.Code);
        }

        var fileName = "tests." + language.FileExtension();
        return new GeneratedProbes(fileName, file.ToString(), tests.Select(t => t.Spec).ToList(), []);
    }

    /// <summary>The sample's includes, macros and type declarations, which the separately compiled tests need for the prototypes.</summary>
    private static string CDeclarations(WidenedSnippet widened)
    {
        var lines = widened.Outline.Lines;
        var builder = new StringBuilder();
        foreach (var item in widened.Outline.Items.Where(i => i.Function is null))
        {
            var text = string.Join('\n', lines.Skip(item.StartLine).Take(item.EndLine - item.StartLine + 1));
            var trimmed = text.TrimStart();
            var isDirective = trimmed.StartsWith('#');
            var isType = Regex.IsMatch(trimmed, @"^(typedef\b|(struct|union|enum)\s+\w*\s*\{)") ;
            if ((isDirective || isType) && widened.LineMap.Contains(item.StartLine))
            {
                builder.Append(text).Append('\n');
            }
        }

        return builder.ToString();
    }
}
