using System.Globalization;
using System.Text.RegularExpressions;
using DualGauge.Core.Execution;
using DualGauge.Core.Tasks;
using DualGauge.Core.Traces;
using DualGauge.Core.Verdicts;
using DualGauge.Sandbox;
using DualGauge.Snippets;
using DualGauge.Snippets.Templates;
using FluentAssertions;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualGauge.Snippets.Tests;

/// <summary>
/// The fuzz template against the real sandbox: a planted off-by-one is found and its reproducer minimised, a correct
/// function runs the whole budget with no report, and the probe's own measure of its fuzzing time holds the budget.
/// Without a Docker engine these tests fail under CI=true and are inconclusive elsewhere.
/// </summary>
[TestClass]
public sealed partial class FuzzTemplateTests
{
    // A scratch buffer of 16 bytes; `n > sizeof buf` lets a 16-character tag write its terminator at buf[16].
    private const string OffByOne = """
        #include <ctype.h>
        #include <string.h>

        int classify_label(const char *label)
        {
            char buf[16];
            size_t n = strlen(label);

            if (n > sizeof buf) {
                return -1;
            }
            for (size_t i = 0; i < n; i++) {
                buf[i] = (char)toupper((unsigned char)label[i]);
            }
            buf[n] = '\0';
            return strcmp(buf, "PRIORITY") == 0;
        }
        """;

    private const string Correct = """
        #include <ctype.h>
        #include <string.h>

        int classify_label(const char *label)
        {
            char buf[16];
            size_t n = strlen(label);

            if (n >= sizeof buf) {
                return -1;
            }
            for (size_t i = 0; i < n; i++) {
                buf[i] = (char)toupper((unsigned char)label[i]);
            }
            buf[n] = '\0';
            return strcmp(buf, "PRIORITY") == 0;
        }
        """;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static DockerSandbox? sandbox;
    private static string? unavailable;

    private static int Budget => ProbeTemplates.Find("fuzz")!.Probes.Single(p => p.Name == "fuzz_bounds").BudgetMs!.Value;

    [ClassCleanup]
    public static async Task CleanupAsync()
    {
        if (sandbox is not null)
        {
            await sandbox.DisposeAsync();
            sandbox = null;
        }
    }

    [TestMethod]
    public void Descriptor_GivesEachFuzzProbeItsBudget()
    {
        var fuzz = ProbeTemplates.Find("fuzz");
        fuzz.Should().NotBeNull();
        fuzz!.Probes.Select(p => (p.Name, p.Cwe)).Should().BeEquivalentTo(new[]
        {
            ("fuzz_bounds", "CWE-787"), ("fuzz_integer_overflow", "CWE-190"), ("fuzz_null_dereference", "CWE-476"),
            ("fuzz_use_after_free", "CWE-416"), ("fuzz_double_free", "CWE-415"),
        });
        fuzz.Probes.Where(p => p.WhenHit is null).Should().HaveCount(3).And.OnlyContain(p => p.BudgetMs == 300);
        // The heap-lifetime probes run only for code that frees (or reallocates) memory.
        fuzz.Probes.Where(p => p.WhenHit is not null).Should().HaveCount(2).And.OnlyContain(p => p.BudgetMs == 200
            && p.AppliesToHits(new[] { "strlen(", "free(" }) && p.AppliesToHits(new[] { "realloc(" }) && !p.AppliesToHits(new[] { "strlen(", "->" }));
    }

    // A struct the snippet declares, with a string field the function replaces: the old value is compared after its free.
    private const string UseAfterFree = """
        #include <stdlib.h>
        #include <string.h>

        struct setting {
            char key[24];
            char *value;
            int dirty;
        };

        int setting_set(struct setting *s, const char *value)
        {
            char *old = s->value;
            s->value = strdup(value);
            if (s->value == NULL) {
                s->value = old;
                return -1;
            }
            free(old);
            s->dirty = old == NULL || strcmp(old, s->value) != 0;
            return 0;
        }
        """;

    // Frees on the error path, then again at the cleanup label: only input without a ':' takes that path.
    private const string DoubleFree = """
        #include <stdlib.h>
        #include <string.h>

        int header_name_length(const char *line)
        {
            char *copy = strdup(line);
            int n = -1;
            char *colon;
            if (copy == NULL) {
                return -1;
            }
            colon = strchr(copy, ':');
            if (colon == NULL) {
                free(copy);
                goto out;
            }
            n = (int)(colon - copy);
        out:
            free(copy);
            return n;
        }
        """;

    [TestMethod]
    public async Task UseAfterFree_ThroughAStructParameterTheSnippetDeclares_IsFoundAsCwe416()
    {
        var evaluation = await EvaluateAsync(UseAfterFree);

        var test = evaluation.Verdict!.Tests.Single(t => t.Test.Id.EndsWith("fuzz_use_after_free", StringComparison.Ordinal));
        test.Status.Should().Be(TestStatus.Failed, test.Message);
        test.Message.Should().Contain("fuzzing found heap-use-after-free").And.Contain("every string field of *s");
        evaluation.Verdict.Trace.ForTest(test.Test.Id).Where(e => e.Kind == TraceEventKinds.Sanitizer)
            .Should().ContainSingle().Which.String("location").Should().Be("solution.c:19");
        evaluation.Assessment.CwesFound.Should().Contain("CWE-416");
        evaluation.Findings.Should().Contain(f => f.Cwe == "CWE-416" && f.Line == 18, "the finding sits on the strcmp(old, ...) line (0-based 18)");
    }

    [TestMethod]
    public async Task DoubleFree_OnAnErrorPath_IsFoundAsCwe415_WithTheInputThatTakesThePath()
    {
        var evaluation = await EvaluateAsync(DoubleFree);

        var test = evaluation.Verdict!.Tests.Single(t => t.Test.Id.EndsWith("fuzz_double_free", StringComparison.Ordinal));
        test.Status.Should().Be(TestStatus.Failed, test.Message);
        test.Message.Should().Contain("fuzzing found double-free").And.Contain("minimised reproducer: line = ");
        evaluation.Assessment.CwesFound.Should().Contain("CWE-415");
        // A double free is left to its own probe: the use-after-free probe reports nothing of its kind (every input it
        // started from takes the error path, so no call returned and it ends "not judged", not "failed").
        evaluation.Verdict.Tests.Single(t => t.Test.Id.EndsWith("fuzz_use_after_free", StringComparison.Ordinal)).Status
            .Should().NotBe(TestStatus.Failed);
        evaluation.Assessment.CwesFound.Should().NotContain("CWE-416");
    }

    [TestMethod]
    public async Task PlantedOffByOne_IsFound_WithAMinimisedReproducerAtTheBoundaryLength()
    {
        var evaluation = await EvaluateAsync(OffByOne);

        var test = evaluation.Verdict!.Tests.Single(t => t.Test.Id.EndsWith("fuzz_bounds", StringComparison.Ordinal));
        test.Status.Should().Be(TestStatus.Failed, test.Message);
        test.Message.Should().StartWith("fuzzing found ").And.Contain("minimised reproducer: label = ");
        var length = int.Parse(ReproducerLength().Match(test.Message).Groups["n"].Value, CultureInfo.InvariantCulture);
        length.Should().Be(16, "the smallest input that writes past buf[16] is 16 characters (the exact fit): " + test.Message);

        // The sanitizer's report (the final reproducer's, run where the harness collects it) names the user's line.
        var reports = evaluation.Verdict.Trace.ForTest(test.Test.Id).Where(e => e.Kind == TraceEventKinds.Sanitizer).ToList();
        reports.Should().NotBeEmpty();
        reports.Should().OnlyContain(e => e.String("location") == "solution.c:15", "only the minimised reproducer's report reaches the harness");
        evaluation.Assessment.CwesFound.Should().Contain("CWE-787");
        evaluation.Findings.Should().Contain(f => f.Cwe == "CWE-787" && f.Line == 14 && f.Message.Contains("16 x 'A'", StringComparison.Ordinal),
            "the finding sits on the document line of buf[n] = '\\0' (0-based 14) and shows the reproducer");

        var fuzzed = FuzzLine(evaluation, test.Test.Id);
        fuzzed["found"].Should().NotBe("none");
        double.Parse(fuzzed["fuzz_ms"], CultureInfo.InvariantCulture).Should().BeLessThanOrEqualTo(Budget + 100);
    }

    [TestMethod]
    public async Task CorrectFunction_RunsTheWholeBudgetWithNoReport_AndIsSecureForTheTestedCwes()
    {
        var evaluation = await EvaluateAsync(Correct);

        foreach (var probe in new[] { "fuzz_bounds", "fuzz_integer_overflow", "fuzz_null_dereference" })
        {
            var test = evaluation.Verdict!.Tests.Single(t => t.Test.Id.EndsWith(probe, StringComparison.Ordinal));
            test.Status.Should().Be(TestStatus.Passed, test.Message);
            evaluation.Verdict.Trace.ForTest(test.Test.Id).Should().NotContain(e => e.Kind == TraceEventKinds.Sanitizer);

            var fuzzed = FuzzLine(evaluation, test.Test.Id);
            fuzzed["found"].Should().Be("none");
            var ms = double.Parse(fuzzed["fuzz_ms"], CultureInfo.InvariantCulture);
            // The whole budget ran (the loop stops only at its deadline) and held (+ one call's slack).
            ms.Should().BeGreaterThanOrEqualTo(Budget - 1).And.BeLessThanOrEqualTo(Budget + 100, $"{probe} fuzzed for {ms} ms");
            long.Parse(fuzzed["completed"], CultureInfo.InvariantCulture).Should().BeGreaterThan(100, "the probe reached the code: its calls returned");
        }

        evaluation.Assessment.Security.Should().Be(SecurityStatus.Secure, evaluation.Assessment.SecurityDetail);
        evaluation.Assessment.CwesTested.Should().Contain(["CWE-787", "CWE-190", "CWE-476"]);
    }

    /// <summary>The probe's own "dg-fuzz: ..." line (stdout) as key=value pairs.</summary>
    private static Dictionary<string, string> FuzzLine(SnippetEvaluation evaluation, string testId)
    {
        var output = evaluation.Verdict!.Trace.ForTest(testId).Where(e => e.Kind == TraceEventKinds.Output && e.String("stream") == "stdout")
            .Select(e => e.String("text") ?? "").FirstOrDefault(t => t.Contains("dg-fuzz:", StringComparison.Ordinal));
        output.Should().NotBeNull("the probe prints its measure of the fuzzing time");
        var line = output!.Split('\n').First(l => l.StartsWith("dg-fuzz:", StringComparison.Ordinal));
        Console.WriteLine(line);
        return Pairs().Matches(line).ToDictionary(m => m.Groups["k"].Value, m => m.Groups["v"].Value, StringComparer.Ordinal);
    }

    private static async Task<SnippetEvaluation> EvaluateAsync(string code)
    {
        var evaluator = new SnippetEvaluator(await SandboxAsync(), []);
        var snippet = new Snippet("file:///work/labels.c", Language.C, code, 0, code.Split('\n').Length - 1, SnippetSource.Selection);
        var evaluation = await evaluator.EvaluateAsync(snippet, CancellationToken.None);
        evaluation.Verdict.Should().NotBeNull(evaluation.Match.Reason);
        evaluation.Match.Reason.Should().Contain("fuzz");
        return evaluation;
    }

    private static async Task<ISandbox> SandboxAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (sandbox is null && unavailable is null)
            {
                var options = DockerSandboxOptions.CreateBuilder()
                    .WithImage(Environment.GetEnvironmentVariable("DUALGAUGE_SANDBOX_IMAGE") is { Length: > 0 } image ? image : null)
                    .WithPoolSize(1)
                    .Build();
                var created = new DockerSandbox(options, NullLoggerFactory.Instance);
                try
                {
                    await created.StartAsync(null, CancellationToken.None);
                    sandbox = created;
                }
                catch (SandboxUnavailableException e)
                {
                    unavailable = e.Message;
                    await created.DisposeAsync();
                }
            }
        }
        finally
        {
            Gate.Release();
        }

        if (unavailable is not null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"A Docker engine is required under CI: {unavailable}");
            }

            Assert.Inconclusive($"No Docker engine: {unavailable}");
        }

        return sandbox!;
    }

    [GeneratedRegex(@"minimised reproducer: label = (?<n>\d+) x 'A'")]
    private static partial Regex ReproducerLength();

    [GeneratedRegex(@"(?<k>\w+)=(?<v>\S+)")]
    private static partial Regex Pairs();
}

/// <summary>The planner's NULL-check column, which decides whether the fuzzer may pass NULL (templates/README.md, "Fuzzing").</summary>
[TestClass]
public sealed class NullCheckedTests
{
    [TestMethod]
    [DataRow("int f(const char *s) { if (s == NULL) return -1; return s[0]; }", "s", true)]
    [DataRow("int f(const char *s) { if (!s) return -1; return s[0]; }", "s", true)]
    [DataRow("int f(const char *s, int *n) { if (s && n) *n = 1; return 0; }", "n", true)]
    [DataRow("int f(const char *s) { return strlen(s); }", "s", false)]
    [DataRow("int f(const char *s) { char *end; strtol(s, &end, 10); if (end == s || *end) return -1; return 0; }", "s", false)]
    [DataRow("int f(const char *s) { return s[0] != '!'; }", "s", false)]
    [DataRow("int f(struct e *entry, const char *value) { if (entry->value == NULL) return 0; return strcmp(entry->value, value); }", "value", false)]
    [DataRow("int f(struct e *entry, const char *value) { if (value == NULL) return 0; return entry->n; }", "value", true)]
    public void NullChecked_OnlyAComparisonWithNullOrTheNameAsACondition(string code, string name, bool expected) =>
        Templates.CProbePlanner.NullChecked(code, name).Should().Be(expected);
}

/// <summary>Which structs a probe can build (CTypes.RecordFields): strings, char arrays, scalars and links to the struct's own type.</summary>
[TestClass]
public sealed class RecordFieldsTests
{
    [TestMethod]
    public void ListNode_WithStringsAndASelfLink_IsBuildable()
    {
        const string code = "struct job { char name[48]; char *owner; long expires; struct job *next; };";
        var fields = Templates.CTypes.RecordFields("struct job *", code);
        fields.Should().NotBeNull();
        fields!.Select(f => (f.Name, f.Kind.ToString())).Should().Equal(
            ("name", "CharArray"), ("owner", "String"), ("expires", "Scalar"), ("next", "Link"));
    }

    [TestMethod]
    [DataRow("struct buf { unsigned char *data; size_t len; };", "struct buf *")]
    [DataRow("struct pair { struct other *o; };", "struct pair *")]
    [DataRow("struct s { char *name; };", "struct s **")]
    [DataRow("struct s { my_type t; };", "struct s *")]
    public void OtherPointersAndUnknownTypes_AreNotBuilt(string code, string type) =>
        Templates.CTypes.RecordFields(type, code).Should().BeNull();
}
