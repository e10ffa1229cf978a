using System.Text;
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
        Language.C => CProbePlanner.Security(template, target, hits),
        _ => [],
    };

    public static IEnumerable<GeneratedTest> Functional(Language language, ProbeTarget target) => language switch
    {
        Language.Python => PythonProbePlanner.Functional(target),
        Language.JavaScript => JavaScriptProbePlanner.Functional(target),
        Language.C => CProbePlanner.Functional(target),
        _ => [],
    };

    public static GeneratedProbes Write(Language language, WidenedSnippet widened, IReadOnlyList<FunctionMatch> matched, string entry)
    {
        var tests = matched.SelectMany(m => m.Tests).ToList();
        return language switch
        {
            Language.Python => new GeneratedProbes("tests.py", PythonProbePlanner.TestsFile(matched, TemplateCatalog.Builtin), tests.Select(t => t.Spec).ToList(), []),
            Language.JavaScript => new GeneratedProbes("tests.js", JavaScriptProbePlanner.TestsFile(matched, TemplateCatalog.Builtin, entry), tests.Select(t => t.Spec).ToList(), []),
            _ => new GeneratedProbes("tests.c", CProbePlanner.TestsFile(widened, matched, TemplateCatalog.Builtin), tests.Select(t => t.Spec).ToList(), []),
        };
    }
}
