using System.Text;
using DualGauge.Snippets.Widening;
using DualGauge.Core.Tasks;

namespace DualGauge.Snippets.Templates;

/// <summary>Dispatches probe generation to the language's writer and assembles the tests file.</summary>
public static class ProbeFiles
{
    public static IEnumerable<GeneratedTest> Security(Language language, ProbeTemplate template, ProbeTarget target, IReadOnlyList<string> hits) => language switch
    {
        Language.Python => PythonProbePlanner.Security(template, target, hits),
        Language.JavaScript => JavaScriptProbeWriter.Security(template, target),
        Language.C => CProbePlanner.Security(template, target, hits),
        _ => [],
    };

    public static IEnumerable<GeneratedTest> Functional(Language language, ProbeTarget target) => language switch
    {
        Language.Python => PythonProbePlanner.Functional(target),
        Language.JavaScript => JavaScriptProbeWriter.Functional(target),
        Language.C => CProbePlanner.Functional(target),
        _ => [],
    };

    public static GeneratedProbes Write(Language language, WidenedSnippet widened, IReadOnlyList<FunctionMatch> matched, string entry)
    {
        var tests = matched.SelectMany(m => m.Tests).ToList();
        switch (language)
        {
            case Language.Python:
                return new GeneratedProbes("tests.py", PythonProbePlanner.TestsFile(matched, TemplateCatalog.Builtin), tests.Select(t => t.Spec).ToList(), []);
            case Language.C:
                return new GeneratedProbes("tests.c", CProbePlanner.TestsFile(widened, matched, TemplateCatalog.Builtin), tests.Select(t => t.Spec).ToList(), []);
        }

        var file = new StringBuilder(JavaScriptProbeWriter.Header(entry));
        foreach (var test in tests)
        {
            file.Append(test.Code);
        }

        return new GeneratedProbes("tests." + language.FileExtension(), file.ToString(), tests.Select(t => t.Spec).ToList(), []);
    }
}
