using DualGauge.Protocol;
using DualGauge.Protocol.Custom;
using DualGauge.Protocol.Diagnostics;
using DualGauge.TestUtilities.Lsp;

namespace DualGauge.LanguageServer.Tests.EndToEnd;

/// <summary>
/// A fuzzing finding over real JSON-RPC: the in-process server (real framing, real JSON-RPC) with the real snippet
/// evaluator and the real Docker sandbox evaluates a C function with a planted off-by-one; the published diagnostic
/// carries the CWE, the minimised reproducer and the line of the user's file.
/// </summary>
[TestClass]
public sealed class CFuzzFindingTests : ServerTestBase
{
    private const string Uri = "file:///work/app/labels.c";

    // Lines 0-1 are the file's own header, so the function does not start at the top of the document. The check
    // `n > sizeof buf` lets a 16-character label write its terminator at buf[16] (document line 16, 0-based).
    private const string Labels = """
        /* labels.c: ticket labels shown in the dashboard. */

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

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task EvaluateSelection_COffByOne_PublishesTheFuzzFindingWithItsMinimisedReproducerOnTheUsersLine()
    {
        RequiredServices.Require(RequiredServices.DockerAnswers(), "the Docker engine does not answer (`docker version` failed)");
        await using var server = InProcessLanguageServer.Start(evaluatorFactory: null);
        await server.Client.InitializeAsync(StoragePath, new DualGaugeSettings { DebounceMs = 50 });
        await server.Client.OpenAsync(Uri, "c", Labels);

        var summary = await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, Uri, Lines(5, 18));
        TestContext.WriteLine($"summary: {System.Text.Json.JsonSerializer.Serialize(summary)}");

        summary!.Verdict.Should().Be(Verdicts.Insecure, server.Client.Log);
        var published = await server.Client.WaitForDiagnosticsAsync(Uri, d => d.Any(x => x.Code == "CWE-787"), TimeSpan.FromSeconds(30));
        var fuzzed = published.Diagnostics.Where(d => d.Code == "CWE-787" && d.Message.Contains("minimised reproducer", StringComparison.Ordinal)).ToList();
        fuzzed.Should().NotBeEmpty("the fuzz probe's finding names its reproducer: " + string.Join(" | ", published.Diagnostics.Select(d => $"{d.Range.Start.Line}: {d.Message}")));
        var diagnostic = fuzzed.First();
        diagnostic.Severity.Should().Be(DiagnosticSeverity.Error);
        diagnostic.CodeDescription!.Href.Should().Be("https://cwe.mitre.org/data/definitions/787.html");
        diagnostic.Message.Should().Contain("label = 16 x 'A' (16 characters)", "the minimised input is the exact fit of buf[16]");
        diagnostic.Range.Start.Line.Should().Be(16, "buf[n] = '\\0' is line 17 of the user's file");
        diagnostic.Message.Should().NotContain("solution.c").And.NotContain("/tmp/job");
    }
}
