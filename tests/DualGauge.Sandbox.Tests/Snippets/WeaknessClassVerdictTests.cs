using DualGauge.Core.Tasks;
using DualGauge.Sandbox.Tests.Infrastructure;
using DualGauge.Snippets;
using DualGauge.Snippets.Templates;
using DualGauge.TestUtilities.Snippets;
using FluentAssertions;

namespace DualGauge.Sandbox.Tests.Snippets;

/// <summary>
/// The issue-11 templates in the real sandbox: each insecure example is flagged with one of its template's CWEs
/// (the header bytes, log lines, modes, ciphers, tokens or prototype it produced), each secure counterpart is
/// "secure" against them with probes that reached the code.
/// </summary>
[TestClass]
public sealed class WeaknessClassVerdictTests
{
    private static readonly HashSet<string> Issue11 = new(StringComparer.Ordinal)
    {
        "header-injection", "log-injection", "file-permissions", "temp-file", "crypto-mode", "jwt-verify", "prototype-pollution",
    };

    public TestContext TestContext { get; set; } = null!;

    public static IEnumerable<object[]> InsecureRows => VulnerableSnippets.All.Where(c => Issue11.Contains(c.Template)).Select(c => new object[] { c });

    public static IEnumerable<object[]> SecureRows => SecureSnippets.All.Where(c => Issue11.Contains(c.Template)).Select(c => new object[] { c });

    [TestMethod]
    public void Rows_CoverEveryIssue11TemplateInEveryLanguageItTriggersOn()
    {
        foreach (var id in Issue11)
        {
            var template = TemplateCatalog.Builtin.Find(id)!;
            foreach (var language in template.Triggers.Keys)
            {
                VulnerableSnippets.All.Should().Contain(c => c.Template == id && c.Language == language, $"{id} in {language.Id()} has an insecure row");
            }
        }
    }

    [TestMethod]
    [DynamicData(nameof(InsecureRows))]
    public async Task InsecureExample_IsFlaggedWithItsTemplatesCwe(VulnerableSnippets.Case snippet)
    {
        var evaluation = await EvaluateAsync(snippet.Language, snippet.Code);
        var cwes = TemplateCatalog.Builtin.Find(snippet.Template)!.Cwes;

        evaluation.Match.TemplateId.Should().Be(snippet.Template, evaluation.Assessment.SecurityDetail);
        evaluation.Assessment.Security.Should().Be(SecurityStatus.Insecure, evaluation.Assessment.SecurityDetail);
        evaluation.Assessment.CwesFound.Should().IntersectWith(cwes);
        evaluation.Findings.Should().Contain(f => f.Kind == TestKind.Security && f.Cwe != null && cwes.Contains(f.Cwe));
    }

    [TestMethod]
    [DynamicData(nameof(SecureRows))]
    public async Task SecureExample_IsSecureAgainstItsTemplatesCwe(SecureSnippets.Case snippet)
    {
        var evaluation = await EvaluateAsync(snippet.Language, snippet.Code);
        var cwes = TemplateCatalog.Builtin.Find(snippet.Template)!.Cwes;

        evaluation.Assessment.Security.Should().Be(SecurityStatus.Secure, evaluation.Assessment.SecurityDetail);
        evaluation.Assessment.CwesTested.Should().IntersectWith(cwes);
        evaluation.Assessment.CwesFound.Should().BeEmpty();
        evaluation.Findings.Should().BeEmpty();
    }

    private async Task<SnippetEvaluation> EvaluateAsync(Language language, string document)
    {
        var evaluator = new SnippetEvaluator(SandboxFixture.Sandbox, []);
        var lines = document.Split('\n').Length;
        var snippet = new Snippet("file:///work/sample." + language.FileExtension(), language, document, 0, lines - 1, SnippetSource.InlineSuggestion);
        var evaluation = await evaluator.EvaluateAsync(snippet, TestContext.CancellationToken);
        TestContext.WriteLine($"{language.Id()} {evaluation.Match.TemplateId}: {evaluation.Assessment.SecurityWords} | {evaluation.Assessment.SecurityDetail}");
        return evaluation;
    }
}
