using System.Text;
using DualGauge.Core.Tasks;
using DualGauge.Snippets.Templates;
using DualGauge.Snippets.Widening;
using FluentAssertions;

namespace DualGauge.Snippets.Tests;

/// <summary>C probes are data: tests.c is the runtime and the probe files verbatim, plus a trampoline per function and the plan.</summary>
[TestClass]
public sealed class CProbePlannerTests
{
    private const string Greet = """
        #include <stdio.h>
        #include <string.h>

        void greet(const char *name, char *out, size_t outlen)
        {
            char buf[16];
            strcpy(buf, name);
            snprintf(out, outlen, "Hello, %s", buf);
        }
        """;

    private static (SnippetPlan Plan, string TestsFile) PlanFor(string code)
    {
        var widened = SnippetWidener.Widen(Language.C, code, 0, code.Split('\n').Length - 1, out var reason);
        widened.Should().NotBeNull(reason);
        var plan = SnippetPlanner.Plan(widened!, [], Language.C);
        plan.Request.Should().NotBeNull(plan.Match.Reason);
        return (plan, Encoding.UTF8.GetString(plan.Request!.TestsFile.Content));
    }

    [TestMethod]
    public void TestsFile_IsTheRuntimeAndProbeFilesVerbatim_PlusTrampolineAndPlan()
    {
        var (plan, tests) = PlanFor(Greet);
        var catalog = TemplateCatalog.Builtin;

        tests.Should().Contain(catalog.Runtime("runtime.c"));
        tests.Should().Contain(catalog.Find("memory")!.ProbeFiles[Language.C]);
        tests.Should().Contain(catalog.Find("format-string")!.ProbeFiles[Language.C]);
        tests.Should().Contain("greet((const char *)a->v[0].p, (char *)a->v[1].p, (size_t)a->v[2].n);", "the trampoline casts each argument to its declared type");
        tests.Should().Contain("{ \"outlen\", \"length\", \"size_t\", 1, 0, 0, NULL }", "outlen gives the size of out (parameter 1)");
        tests.Should().Contain("{ \"greet_overflow_long_input\", \"overflow_long_input\", overflow_long_input, &dg_fn_greet, dg_inputs_1, \"4096 x 'A'\", dg_hits_1, 0 }");
        tests.Should().Contain("DG_TEST(greet_overflow_long_input) { dg_run(&dg_plan[1]); }");
        plan.Request!.Fixtures.Select(f => f.RelativePath).Should().Contain("fixtures/report.txt");
    }

    [TestMethod]
    public void Plan_ReachIsTheCallsCompletionForMemory_AndTraceEventsForPathAndShell()
    {
        var (plan, _) = PlanFor(Greet);

        plan.Info("greet_overflow_long_input")!.Reach.Should().BeEmpty("a clean run leaves no sanitizer event: the returned call is the evidence");
        TemplateCatalog.Builtin.Find("path")!.Reach.Should().Equal("file");
        TemplateCatalog.Builtin.Find("shell")!.Reach.Should().Equal("process");
    }

    [TestMethod]
    public void Plan_FormatString_PutsThePayloadInEveryStringInput()
    {
        var (plan, tests) = PlanFor("#include <stdio.h>\n\nvoid audit(FILE *fp, const char *actor, const char *action)\n{\n    fprintf(fp, \"%s \", actor);\n    fprintf(fp, action);\n}\n");

        var spec = plan.Tests.Single(t => t.Id == "audit_format_directives");
        spec.Description.Should().Be("printf directives in actor and action must be printed literally.");
        tests.Should().Contain("{ \"actor\", \"action\", NULL }");
        tests.Should().Contain("{ \"fp\", \"file-handle\", \"FILE *\", -1, 0, 0, NULL }");
    }

    [TestMethod]
    public void Plan_OffByOneProbe_RunsOnlyWithAnOutputBuffer()
    {
        PlanFor(Greet).Plan.Tests.Select(t => t.Id).Should().Contain("greet_overflow_exact_fit");
        PlanFor("#include <string.h>\n\nint copy(const char *src)\n{\n    char buf[8];\n    strcpy(buf, src);\n    return buf[0];\n}\n")
            .Plan.Tests.Select(t => t.Id).Should().NotContain("copy_overflow_exact_fit").And.Contain("copy_overflow_long_input");
    }

    [TestMethod]
    public void Plan_PointerToAStruct_IsOneRecord_ItsSizeFromTheSample_ItsStringFieldsFilled()
    {
        var (plan, tests) = PlanFor("#include <string.h>\n\nstruct account {\n    int id;\n    char name[32];\n};\n\nint set_name(struct account *acct, const char *name)\n{\n    strcpy(acct->name, name);\n    return 0;\n}\n");

        tests.Should().Contain("{ \"acct\", \"record\", \"struct account *\", -1, sizeof(struct account), 0, dg_fill_set_name_0 }");
        tests.Should().Contain("a->ret.n = (long long)set_name((struct account *)a->v[0].p, (const char *)a->v[1].p);");
        // Its char array is filled from one text within its size (the fuzzer's text; "hello" when benign).
        tests.Should().Contain("dg_fill_chars((char *)r->name, sizeof r->name, text, len);").And.NotContain("r->id");
        plan.Tests.Should().Contain(t => t.Id == "set_name_overflow_long_input");
    }

    [TestMethod]
    [DataRow("struct node { int v; struct node *data; struct other *o; };\n", "struct node *", "a struct with a pointer member the fuzzer cannot build")]
    [DataRow("", "char **", "a pointer to a pointer")]
    [DataRow("struct node;\n", "struct node *", "an incomplete struct")]
    public void Plan_ParameterAProbeCannotBuild_MatchesNothingAndSaysWhy(string declarations, string type, string why)
    {
        var code = $"#include <string.h>\n{declarations}\nvoid f({type}p, const char *name)\n{{\n    char buf[4];\n    strcpy(buf, name);\n}}\n";
        var widened = SnippetWidener.Widen(Language.C, code, 0, code.Split('\n').Length - 1, out _)!;

        var plan = SnippetPlanner.Plan(widened, [], Language.C);

        plan.Match.Kind.Should().Be(MatchKind.None, why);
        plan.Match.Reason.Should().Contain($"parameter p has type {type}");
    }

    [TestMethod]
    public void Plan_ByteParser_GetsHostileBytesWithTheirTrueLength()
    {
        var (plan, tests) = PlanFor("#include <stdint.h>\n#include <string.h>\n\nsize_t read_opt(const uint8_t *buf, size_t len, char *out)\n{\n    memcpy(out, buf + 2, buf[1]);\n    return len;\n}\n");

        plan.Tests.Select(t => t.Id).Should().Contain("read_opt_hostile_bytes");
        tests.Should().Contain("{ \"buf\", \"bytes\", \"const uint8_t *\", -1, 1, 0, NULL }").And.Contain("{ \"len\", \"length\", \"size_t\", 0, 0, 0, NULL }");
    }

    [TestMethod]
    [DataRow("const char *", 's')]
    [DataRow("char *", 's')]
    [DataRow("FILE *", 'p')]
    [DataRow("int", 'n')]
    [DataRow("size_t", 'n')]
    [DataRow("unsigned long", 'n')]
    [DataRow("double", 'f')]
    [DataRow("void", 'v')]
    [DataRow("struct point", '-')]
    public void ReturnKind_KeepsWhatTheProbesRead(string type, char kind) =>
        CProbePlanner.ReturnKind(type).Should().Be(kind);

    [TestMethod]
    public void CString_EscapesQuotesControlCharactersAndTrigraphs() =>
        CProbePlanner.CString("a\"b\\c\n??=é").Should().Be("\"a\\\"b\\\\c\\n\\?\\?=\\303\\251\"");
}
