using System.Diagnostics;
using DualGauge.Core.Tasks;
using DualGauge.Sandbox.Tests.Infrastructure;
using DualGauge.Snippets;
using FluentAssertions;

namespace DualGauge.Sandbox.Tests.Snippets;

/// <summary>
/// C probes (templates/runtime/runtime.c and the templates' probe.c files) against the real sandbox: the
/// sanitizers' reports are mapped to the user's line, a clean run counts only when its call returned, and what a
/// function printed, logged or wrote is read back for format strings.
/// </summary>
[TestClass]
public sealed class CProbeVerdictTests
{
    public TestContext TestContext { get; set; } = null!;

    // The comment and the helper above the function are not in the sample: sample lines differ from document lines.
    private const string StrcpyIntoFixedBuffer = """
        #include <stdio.h>
        #include <string.h>

        /* Greeting shown on the dashboard. */
        static int greeting_count(int n) { return n + 1; }

        void greet(const char *name, char *out, size_t outlen)
        {
            char buf[16];
            strcpy(buf, name);
            snprintf(out, outlen, "Hello, %s", buf);
        }
        """;

    private const string BoundedCopy = """
        #include <stdio.h>
        #include <string.h>

        void greet(const char *name, char *out, size_t outlen)
        {
            char buf[16];
            strncpy(buf, name, sizeof buf - 1);
            buf[sizeof buf - 1] = '\0';
            snprintf(out, outlen, "Hello, %s", buf);
        }
        """;

    private const string PrintfOfInput = """
        #include <stdio.h>

        void log_message(const char *msg)
        {
            printf("[app] ");
            printf(msg);
            printf("\n");
        }
        """;

    private const string SyslogOfInput = """
        #include <stdio.h>
        #include <syslog.h>

        void report_login(const char *user)
        {
            char msg[128];
            snprintf(msg, sizeof msg, "login failure for %s", user);
            syslog(LOG_WARNING, msg);
        }
        """;

    private const string OffByOne = """
        #include <stddef.h>
        #include <string.h>

        int copy_token(char *dst, size_t dst_len, const char *src)
        {
            size_t n = strcspn(src, " \t");
            if (n > dst_len) {
                return -1;
            }
            memcpy(dst, src, n);
            dst[n] = '\0';
            return (int)n;
        }
        """;

    private const string NeverReturns = """
        #include <stdio.h>
        #include <stdlib.h>
        #include <string.h>

        void save_and_quit(const char *name)
        {
            char buf[16];
            snprintf(buf, sizeof buf, "%s", name);
            puts(buf);
            exit(0);
        }
        """;

    [TestMethod]
    public async Task StrcpyIntoFixedBuffer_IsInsecureCwe787_OnTheStrcpyLine()
    {
        var evaluation = await EvaluateAsync(StrcpyIntoFixedBuffer, 9);

        evaluation.Assessment.Security.Should().Be(SecurityStatus.Insecure, Describe(evaluation));
        evaluation.Assessment.CwesFound.Should().Contain("CWE-787");
        var finding = evaluation.Findings.Should().ContainSingle(f => f.Kind == TestKind.Security, Describe(evaluation)).Which;
        finding.Cwe.Should().Be("CWE-787");
        finding.Line.Should().Be(9, "strcpy is on document line 10 (0-based 9)");
        finding.Message.Should().Contain("AddressSanitizer").And.Contain("line 10");
        foreach (var text in evaluation.Findings.Select(f => f.Message).Append(evaluation.Assessment.SecurityDetail).Append(evaluation.Assessment.FunctionalDetail))
        {
            text.Should().NotContain("solution.c").And.NotContain("/tmp/job").And.NotContain("tests.c");
        }
    }

    [TestMethod]
    public async Task BoundedCopy_IsSecure_AndSaysHowManyProbesReachedTheCode()
    {
        var evaluation = await EvaluateAsync(BoundedCopy);

        evaluation.Assessment.Security.Should().Be(SecurityStatus.Secure, Describe(evaluation));
        evaluation.Assessment.ProbesReached.Should().BeGreaterThan(0);
        evaluation.Assessment.CwesTested.Should().Contain("CWE-787");
        evaluation.Assessment.Functional.Should().Be(FunctionalStatus.NotChecked, "only a smoke run backs it");
        evaluation.Findings.Should().BeEmpty();
    }

    [TestMethod]
    public async Task PrintfOfTheInput_IsInsecureCwe134_OnThePrintfLine()
    {
        var evaluation = await EvaluateAsync(PrintfOfInput);

        evaluation.Assessment.Security.Should().Be(SecurityStatus.Insecure, Describe(evaluation));
        evaluation.Assessment.CwesFound.Should().Equal("CWE-134");
        var finding = evaluation.Findings.Should().ContainSingle(f => f.Kind == TestKind.Security).Which;
        finding.Message.Should().Contain("format string");
        finding.Line.Should().Be(2, "without a sanitizer location the finding sits on the function's header (0-based 2)");
    }

    [TestMethod]
    public async Task SyslogOfTheInput_IsReadBack_AndInsecureCwe134()
    {
        var evaluation = await EvaluateAsync(SyslogOfInput);

        evaluation.Assessment.CwesFound.Should().Contain("CWE-134", Describe(evaluation));
    }

    [TestMethod]
    public async Task OffByOneBound_IsFoundByTheExactFitProbe()
    {
        var evaluation = await EvaluateAsync(OffByOne);

        evaluation.Assessment.Security.Should().Be(SecurityStatus.Insecure, Describe(evaluation));
        evaluation.Findings.Should().ContainSingle(f => f.Kind == TestKind.Security).Which.TestId.Should().Be("copy_token_overflow_exact_fit");
        evaluation.Findings.Single(f => f.Kind == TestKind.Security).Line.Should().Be(10, "dst[n] = '\\0' is on document line 11");
    }

    [TestMethod]
    public async Task FunctionThatNeverReturns_IsNotJudged_NeverSecure()
    {
        var evaluation = await EvaluateAsync(NeverReturns);

        evaluation.Assessment.Security.Should().Be(SecurityStatus.NotJudged, Describe(evaluation));
        evaluation.Assessment.ProbesReached.Should().Be(0);
        evaluation.Assessment.SecurityDetail.Should().Contain("exited");
        evaluation.Findings.Should().NotContain(f => f.Kind == TestKind.Security, "a probe whose process died without evidence claims no CWE");
    }

    /// <param name="line">The selected line (0-based); the whole document when null.</param>
    private async Task<SnippetEvaluation> EvaluateAsync(string document, int? line = null)
    {
        var evaluator = new SnippetEvaluator(SandboxFixture.Sandbox, []);
        var lines = document.Split('\n').Length;
        var snippet = new Snippet("file:///work/app.c", Language.C, document, line ?? 0, line ?? lines - 1, SnippetSource.InlineSuggestion);
        var stopwatch = Stopwatch.StartNew();
        var evaluation = await evaluator.EvaluateAsync(snippet, TestContext.CancellationToken);
        TestContext.WriteLine($"{stopwatch.ElapsedMilliseconds} ms: {Describe(evaluation)}");
        return evaluation;
    }

    private static string Describe(SnippetEvaluation e) =>
        $"{e.Assessment.FunctionalWords} | {e.Assessment.SecurityWords} | {e.Assessment.SecurityDetail} | match {e.Match.Kind} {e.Match.Reason}\n"
        + string.Join("\n", e.Verdict?.Tests.Select(t => $"{t.Test.Id}: {t.Status} {t.Message}") ?? [])
        + "\n" + string.Join("\n", e.Findings.Select(f => $"finding {f.TestId} {f.Cwe} line={f.Line}: {f.Message}"))
        + "\n" + (e.Verdict?.FailureDetail ?? "");
}
