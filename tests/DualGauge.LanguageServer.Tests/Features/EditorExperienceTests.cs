using System.Text.Json;
using DualGauge.LanguageServer.Tests;
using DualGauge.Protocol;
using DualGauge.Protocol.Basic;
using DualGauge.Protocol.Custom;
using DualGauge.Protocol.Diagnostics;
using DualGauge.Protocol.Language;
using DualGauge.Protocol.Synchronization;
using DualGauge.Snippets;
using DualGauge.TestUtilities.Lsp;
using DualGauge.TestUtilities.Snippets;

namespace DualGauge.LanguageServer.Tests.Features;

/// <summary>Findings that stay, the CodeLens, headlines per CWE and sink, and verified quick fixes, over real JSON-RPC.</summary>
[TestClass]
public sealed class EditorExperienceTests : ServerTestBase
{
    [TestMethod]
    public async Task Reopen_UnchangedCode_RestoresTheFindingsAndTheLensFromTheHistory()
    {
        var evaluator = InsecureEvaluator();
        var server = await StartWithPythonFileAsync(evaluator);
        var summary = await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));
        var before = (await server.Client.WaitForDiagnosticsAsync(PythonUri, d => d.Count > 0)).Diagnostics;
        await server.Client.NotifyAsync(Methods.TextDocumentDidClose, new DidCloseTextDocumentParams(new TextDocumentIdentifier(PythonUri)));
        await server.Client.WaitForDiagnosticsAsync(PythonUri, d => d.Count == 0);

        // Reopened with two lines added above: the function moved, its code did not change.
        await server.Client.OpenAsync(PythonUri, "python", "# header\n\n" + PythonSource, version: 5);

        var restored = await server.Client.WaitForDiagnosticsAsync(PythonUri, d => d.Count > 0);
        restored.Diagnostics.Should().HaveCount(before.Count);
        restored.Diagnostics.Select(d => d.Range.Start.Line).Should().Equal(before.Select(d => d.Range.Start.Line + 2));
        restored.Diagnostics.Select(d => (d.Code, d.Message)).Should().Equal(before.Select(d => (d.Code, d.Message)));
        evaluator.CallCount.Should().Be(1, "restoring reads the history; it runs nothing");
        var lenses = await server.Client.RequestAsync<CodeLens[]>(Methods.TextDocumentCodeLens, new CodeLensParams(new TextDocumentIdentifier(PythonUri)));
        var lens = lenses.Should().ContainSingle().Subject;
        lens.Range.Start.Line.Should().Be(5);
        lens.Command!.Title.Should().StartWith("DualGauge: insecure · SQL injection (CWE-89)");
        ((JsonElement)lens.Command.Arguments![0]!).GetInt64().Should().Be(summary!.Id);
    }

    [TestMethod]
    public async Task Reopen_ChangedCode_RestoresNothing()
    {
        var server = await StartWithPythonFileAsync(InsecureEvaluator());
        await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));
        await server.Client.WaitForDiagnosticsAsync(PythonUri, d => d.Count > 0);
        await server.Client.NotifyAsync(Methods.TextDocumentDidClose, new DidCloseTextDocumentParams(new TextDocumentIdentifier(PythonUri)));
        await server.Client.WaitForDiagnosticsAsync(PythonUri, d => d.Count == 0);

        await server.Client.OpenAsync(PythonUri, "python", PythonSource.Replace("'{username}'", "?", StringComparison.Ordinal), version: 2);
        await server.Client.RequestAsync<HistoryListResult>(Methods.DualGaugeHistoryList, new HistoryListParams());

        var lenses = await server.Client.RequestAsync<CodeLens[]>(Methods.TextDocumentCodeLens, new CodeLensParams(new TextDocumentIdentifier(PythonUri)));
        lenses.Should().BeEmpty("the code changed: its old findings no longer describe it");
        server.Client.Of(Methods.TextDocumentPublishDiagnostics)
            .Select(n => n.Params.Deserialize<PublishDiagnosticsParams>(ProtocolJson.Options)!)
            .Where(p => p.Uri == PythonUri && p.Version == 2)
            .Should().NotContain(p => p.Diagnostics.Count > 0);
    }

    [TestMethod]
    public async Task Restart_SameStorage_ReopenedDocumentGetsItsFindingsBack()
    {
        var first = await StartWithPythonFileAsync(InsecureEvaluator());
        await first.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));
        await first.Client.WaitForDiagnosticsAsync(PythonUri, d => d.Count > 0);
        await first.Client.ShutdownAndExitAsync();

        var evaluator = InsecureEvaluator();
        var second = await StartWithPythonFileAsync(evaluator);

        var restored = await second.Client.WaitForDiagnosticsAsync(PythonUri, d => d.Count > 0);
        restored.Diagnostics.Should().Contain(d => d.Code == "CWE-89" && d.Severity == DiagnosticSeverity.Error);
        evaluator.CallCount.Should().Be(0);
    }

    [TestMethod]
    public async Task CodeLens_SecureFunction_SaysWhatWasTestedAndOpensTheReport()
    {
        var server = await StartWithPythonFileAsync(new FakeSnippetEvaluator((s, _) => Task.FromResult(Evaluations.Secure(s))));
        var summary = await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));

        var lenses = await server.Client.RequestAsync<CodeLens[]>(Methods.TextDocumentCodeLens, new CodeLensParams(new TextDocumentIdentifier(PythonUri)));

        var lens = lenses.Should().ContainSingle().Subject;
        lens.Range.Start.Line.Should().Be(3, "the lens sits on the function's header");
        lens.Command!.Title.Should().MatchRegex(@"^DualGauge: secure · \d+/\d+ tests · CWE-89 tested( · \d+\.\d s)?$");
        lens.Command.CommandIdentifier.Should().Be(Commands.ShowReport);
        ((JsonElement)lens.Command.Arguments![0]!).GetInt64().Should().Be(summary!.Id);
        summary.Headline.Should().StartWith("find_user: secure against CWE-89");
    }

    [TestMethod]
    public async Task Diagnostics_ThreeProbesOnOneSink_OneErrorWithTheHeadlineAndEveryProbesEvidence()
    {
        var server = await StartWithPythonFileAsync(new FakeSnippetEvaluator((s, _) =>
        {
            var insecure = Evaluations.Insecure(s);
            var finding = insecure.Findings[0];
            return Task.FromResult(insecure with
            {
                Findings =
                [
                    finding,
                    finding with { TestId = "union_in_username", Message = "executed SQL: ... UNION SELECT" },
                    finding with { TestId = "comment_in_username", Message = "executed SQL: ... '--" },
                ],
            });
        }));

        await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));
        var published = await server.Client.WaitForDiagnosticsAsync(PythonUri, d => d.Count > 0);

        var error = published.Diagnostics.Should().ContainSingle("one Error per CWE per sink, not one per probe").Subject;
        error.Message.Should().StartWith("SQL injection (CWE-89): the username input reaches the query text")
            .And.Contain("UNION SELECT").And.Contain("'--");
        error.RelatedInformation!.Select(r => r.Location.Range.Start.Line).Should().NotContain(error.Range.Start.Line, "related information never points back at the line itself");
    }

    [TestMethod]
    public async Task QuickFix_ParameterisedRewritePassesTheSameTests_IsOfferedAsVerifiedAndApplies()
    {
        // The scripted evaluator plays the dual tests: splicing the name into the SQL text is injectable, binding it is not.
        var evaluator = new FakeSnippetEvaluator((s, _) => Task.FromResult(SnippetOf(s).Contains("'{username}'", StringComparison.Ordinal) ? Evaluations.Insecure(s) : Evaluations.Secure(s)));
        var server = await StartWithPythonFileAsync(evaluator, configure: o => o with { VerifyQuickFixes = true });
        await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));
        var diagnostic = (await server.Client.WaitForDiagnosticsAsync(PythonUri, d => d.Count > 0)).Diagnostics[0];

        var fix = await WaitForActionAsync(server, diagnostic, "DualGauge: Use a parameterised query (verified)");

        fix.IsPreferred.Should().BeTrue();
        evaluator.Calls.Should().HaveCount(2, "the rewrite was evaluated once before being offered");
        SnippetOf(evaluator.Calls[1]).Should().Contain("query = \"SELECT id, name, email FROM users WHERE name = ?\"")
            .And.Contain("conn.execute(query, (username,))");
        var edit = fix.Edit!.Changes[PythonUri].Should().ContainSingle().Subject;
        edit.Range.Should().Be(new Range(new Position(3, 0), new Position(6, 0)), "whole lines of the function, up to the next line's start");
        edit.NewText.Should().Contain("conn.execute(query, (username,))");

        // Closed and reopened unchanged: the verified fix is offered again without running it again.
        await server.Client.NotifyAsync(Methods.TextDocumentDidClose, new DidCloseTextDocumentParams(new TextDocumentIdentifier(PythonUri)));
        await server.Client.OpenAsync(PythonUri, "python", PythonSource, version: 3);
        var restored = (await server.Client.WaitForDiagnosticsAsync(PythonUri, d => d.Count > 0 && d[0].Code == "CWE-89")).Diagnostics[0];
        (await WaitForActionAsync(server, restored, "DualGauge: Use a parameterised query (verified)")).Edit.Should().NotBeNull();
        evaluator.Calls.Should().HaveCount(2);
    }

    [TestMethod]
    public async Task QuickFix_RewriteStillFails_IsNeverOffered()
    {
        var evaluator = InsecureEvaluator();
        var server = await StartWithPythonFileAsync(evaluator, configure: o => o with { VerifyQuickFixes = true });
        await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));
        var diagnostic = (await server.Client.WaitForDiagnosticsAsync(PythonUri, d => d.Count > 0)).Diagnostics[0];
        await WaitUntilAsync(() => evaluator.CallCount >= 2);
        await server.Client.RequestAsync<HistoryListResult>(Methods.DualGaugeHistoryList, new HistoryListParams());

        var actions = await server.Client.RequestAsync<CodeAction[]>(Methods.TextDocumentCodeAction,
            new CodeActionParams(new TextDocumentIdentifier(PythonUri), diagnostic.Range, new CodeActionContext([diagnostic])));

        actions.Should().NotContain(a => a.Title.Contains("(verified)") && a.Edit != null, "a rewrite that still fails the security test is not offered");
    }

    private static string SnippetOf(Snippet snippet) => string.Join('\n', snippet.DocumentText.Split('\n')[snippet.StartLine..(snippet.EndLine + 1)]);

    private static async Task<CodeAction> WaitForActionAsync(InProcessLanguageServer server, Diagnostic diagnostic, string title)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var actions = await server.Client.RequestAsync<CodeAction[]>(Methods.TextDocumentCodeAction,
                new CodeActionParams(new TextDocumentIdentifier(PythonUri), diagnostic.Range, new CodeActionContext([diagnostic])));
            if (actions.FirstOrDefault(a => a.Title == title) is { } found)
            {
                return found;
            }

            DateTime.UtcNow.Should().BeBefore(deadline, $"'{title}' should be offered; offered: {string.Join(", ", actions.Select(a => a.Title))}");
            await Task.Delay(50);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline);
            await Task.Delay(20);
        }

        await Task.Delay(100);
    }
}
