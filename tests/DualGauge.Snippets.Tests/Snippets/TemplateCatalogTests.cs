using DualGauge.Core.Tasks;
using DualGauge.Snippets.Templates;
using FluentAssertions;

namespace DualGauge.Snippets.Tests;

/// <summary>Template descriptors are data: the built-in ones load, and a broken one is reported by file and field while the rest load.</summary>
[TestClass]
public sealed class TemplateCatalogTests
{
    private const string Good = """
        id: good
        title: A good template
        cwes: [CWE-89]
        reach: [sql]
        triggers:
          python: '\bexecute\('
        probes:
          - name: good_probe
            cwe: CWE-89
            input: { roles: [text] }
            payload: "' OR 1=1"
            description: "{input} must not change the query."
            attacks: "Passes `{payload}` as {input}."
            why: "The SQL monitor sees the payload."
            oracles:
              - { kind: sql-no-payload, payload: "{payload}" }
        """;

    [TestMethod]
    public void Builtin_AllDescriptorsLoad_WithTheirProbeFiles()
    {
        var catalog = TemplateCatalog.Builtin;

        catalog.Errors.Should().BeEmpty();
        catalog.Templates.Select(t => t.Id).Should().Contain(["sql", "shell", "path", "html", "redirect", "memory", "format-string"]);
        catalog.Find("sql")!.ProbeFiles.Should().ContainKey(Language.Python);
        catalog.Find("sql")!.Reach.Should().Equal("sql");
        catalog.Runtime("runtime.py").Should().Contain("def register(namespace)");
        catalog.Templates.SelectMany(t => t.Probes).Select(p => p.Name).Should().OnlyHaveUniqueItems();
    }

    [TestMethod]
    public void Builtin_EveryJavaScriptTrigger_HasAProbeJsDefiningItsProbes()
    {
        var catalog = TemplateCatalog.Builtin;

        TemplateDescriptorReader.LegacyWriters.Should().BeEmpty("every language's probes are data files now");
        catalog.Runtime("runtime.js").Should().Contain("function register(target, probes, plan)");
        catalog.Runtime("entry_http.js").Should().Contain("async function __dg_http__(view, request, ...args)");
        var javascript = catalog.Templates.Where(t => t.Triggers.ContainsKey(Language.JavaScript)).ToList();
        javascript.Select(t => t.Id).Should().BeEquivalentTo(["sql", "shell", "code-eval", "url-fetch", "redirect", "html", "randomness", "password-hash", "regex", "path",
            "header-injection", "log-injection", "file-permissions", "temp-file", "crypto-mode", "jwt-verify", "prototype-pollution", "nosql", "ldap", "input-bounds"]);
        foreach (var template in javascript)
        {
            template.ProbeFiles.Should().ContainKey(Language.JavaScript, template.Id);
            template.Probes.Should().Contain(p => p.Languages.Contains(Language.JavaScript), template.Id);
        }

        catalog.Find("shell")!.Probes.Where(p => p.Languages.Contains(Language.JavaScript)).Select(p => p.Name).Should().Equal("shell_separator_js", "shell_substitution_js");
        catalog.Find("sql")!.StandInProbeJudgesReach.Should().BeTrue("a stand-in database produces no SQL event");
        catalog.Templates.Where(t => t.Id != "sql").Should().OnlyContain(t => !t.StandInProbeJudgesReach);
    }

    [TestMethod]
    public void Builtin_Issue11Templates_NameTheirCwesAndLanguages_AndJudgeWhatTheCallProduced()
    {
        var catalog = TemplateCatalog.Builtin;
        var expected = new Dictionary<string, string[]>
        {
            ["header-injection"] = ["CWE-113"],
            ["log-injection"] = ["CWE-117"],
            ["file-permissions"] = ["CWE-732"],
            ["temp-file"] = ["CWE-377"],
            ["crypto-mode"] = ["CWE-327", "CWE-329", "CWE-326"],
            ["jwt-verify"] = ["CWE-347"],
            ["prototype-pollution"] = ["CWE-1321"],
        };
        foreach (var (id, cwes) in expected)
        {
            var template = catalog.Find(id);
            template.Should().NotBeNull(id);
            template!.Cwes.Should().Equal(cwes, id);
            template.Reach.Should().BeEmpty($"{id} judges the headers, log lines, modes, ciphers or prototypes the call produced, not a trace event");
            template.Evidence.Should().NotBeNullOrWhiteSpace(id);
            template.Triggers.Should().ContainKey(Language.JavaScript, id);
            template.Probes.Select(p => p.Cwe).Should().BeSubsetOf(cwes, id);
        }

        catalog.Find("prototype-pollution")!.Triggers.Should().NotContainKey(Language.Python, "prototype pollution is JavaScript's");
        foreach (var id in expected.Keys.Where(k => k != "prototype-pollution"))
        {
            catalog.Find(id)!.ProbeFiles.Should().ContainKey(Language.Python, id);
        }

        // The mode and symlink verdicts are more specific than traversal: they are preferred when both fit.
        catalog.Templates.Select(t => t.Id).ToList().IndexOf("file-permissions").Should().BeLessThan(catalog.Templates.Select(t => t.Id).ToList().IndexOf("path"));
    }

    [TestMethod]
    public void Load_UnknownStandInReachRule_IsAnError()
    {
        var files = new Dictionary<string, string>
        {
            ["good/template.yaml"] = Good.Replace("reach: [sql]", "reach: [sql]\nstand-in-reach: oracle"),
            ["good/probe.py"] = "def good_probe(ctx, t, p):\n    t.call({p.input: p.payload})\n",
        };

        TemplateCatalog.Load(files).Errors.Should().ContainSingle(e => e.Field == "stand-in-reach" && e.Message.Contains("oracle"));
    }

    [TestMethod]
    public void Load_JavaScriptTriggerWithoutProbeJs_IsAnError()
    {
        var files = new Dictionary<string, string>
        {
            ["good/template.yaml"] = Good.Replace("  python: '\\bexecute\\('", "  python: '\\bexecute\\('\n  javascript: '\\.query\\('"),
            ["good/probe.py"] = "def good_probe(ctx, t, p):\n    t.call({p.input: p.payload})\n",
        };

        var catalog = TemplateCatalog.Load(files);

        catalog.Errors.Should().ContainSingle(e => e.Field == "triggers.javascript" && e.Message.Contains("probe.js"));
    }

    [TestMethod]
    public void Load_BrokenDescriptor_IsReportedWithFileAndField_AndTheOthersLoad()
    {
        var files = new Dictionary<string, string>
        {
            ["good/template.yaml"] = Good,
            ["good/probe.py"] = "def good_probe(ctx, t, p):\n    t.call({p.input: p.payload})\n",
            ["bad/template.yaml"] = Good.Replace("id: good", "id: bad").Replace("good_probe", "bad_probe").Replace("roles: [text]", "roles: [texty]").Replace("kind: sql-no-payload", "kind: no-such-oracle"),
            ["bad/probe.py"] = "def bad_probe(ctx, t, p):\n    pass\n",
            ["broken/template.yaml"] = "id: broken\ntitle: [unclosed\n",
            ["missing/template.yaml"] = Good.Replace("id: good", "id: missing").Replace("good_probe", "missing_probe"),
        };

        var catalog = TemplateCatalog.Load(files);

        catalog.Templates.Select(t => t.Id).Should().Equal("good");
        catalog.Errors.Should().Contain(e => e.File == "bad/template.yaml" && e.Field == "probes[bad_probe].input.roles" && e.Message.Contains("texty"));
        catalog.Errors.Should().Contain(e => e.File == "bad/template.yaml" && e.Field == "probes[bad_probe].oracles[0]");
        catalog.Errors.Should().Contain(e => e.File == "broken/template.yaml" && e.Field.StartsWith("line "));
        catalog.Errors.Should().Contain(e => e.File == "missing/template.yaml" && e.Field == "triggers.python" && e.Message.Contains("probe.py"));
    }

    [TestMethod]
    public void Load_ProbeNamedInDescriptorButNotDefined_IsAnError()
    {
        var files = new Dictionary<string, string>
        {
            ["good/template.yaml"] = Good,
            ["good/probe.py"] = "def another(ctx, t, p):\n    pass\n",
        };

        var catalog = TemplateCatalog.Load(files);

        catalog.Templates.Should().BeEmpty();
        catalog.Errors.Should().ContainSingle(e => e.Field == "probes[good_probe]" && e.Message.Contains("defines no probe function good_probe"));
    }

    [TestMethod]
    public void Load_CProbeFile_MustDefineEveryProbeWithDgProbe_AndWithRoleAndAllAreChecked()
    {
        var c = Good.Replace("python: '\\bexecute\\('", "c: '\\bsprintf\\('");
        var files = new Dictionary<string, string>
        {
            ["good/template.yaml"] = c.Replace("input: { roles: [text] }", "with-role: [output-buffer]\n    input: { roles: [text], all: true }"),
            ["good/probe.c"] = "DG_PROBE good_probe(dg_target *t, const dg_probe *p)\n{\n}\n",
            ["called/template.yaml"] = c.Replace("id: good", "id: called").Replace("good_probe", "called_probe"),
            ["called/probe.c"] = "static void helper(void) { called_probe(0, 0); }\n",
            ["bad/template.yaml"] = c.Replace("id: good", "id: bad").Replace("good_probe", "bad_probe").Replace("input: { roles: [text] }", "with-role: [buffer]\n    input: { roles: [text], all: maybe }"),
            ["bad/probe.c"] = "DG_PROBE bad_probe(dg_target *t, const dg_probe *p)\n{\n}\n",
        };

        var catalog = TemplateCatalog.Load(files);

        var probe = catalog.Find("good")!.Probes.Single();
        probe.Input!.All.Should().BeTrue();
        probe.WithRoles.Should().Equal(ParameterRole.OutputBuffer);
        probe.Applies([ParameterRole.Text]).Should().BeFalse();
        probe.Applies([ParameterRole.Text, ParameterRole.OutputBuffer]).Should().BeTrue();
        catalog.Errors.Should().Contain(e => e.File == "called/template.yaml" && e.Message.Contains("probe.c defines no probe function called_probe"));
        catalog.Errors.Should().Contain(e => e.File == "bad/template.yaml" && e.Field == "probes[bad_probe].with-role");
        catalog.Errors.Should().Contain(e => e.File == "bad/template.yaml" && e.Field == "probes[bad_probe].input.all");
    }

    [TestMethod]
    public void Builtin_CTemplates_HaveProbeFilesAndTheRuntime()
    {
        var catalog = TemplateCatalog.Builtin;

        foreach (var id in new[] { "memory", "format-string", "shell", "path" })
        {
            catalog.Find(id)!.ProbeFiles.Should().ContainKey(Language.C, id);
        }

        catalog.Runtime("runtime.c").Should().Contain("DG_HELPER void dg_run(const dg_probe *p)");
        catalog.Find("memory")!.Reach.Should().BeEmpty();
    }
}
