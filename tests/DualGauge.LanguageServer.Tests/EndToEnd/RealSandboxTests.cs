using DualGauge.Protocol;
using DualGauge.Protocol.Custom;
using DualGauge.Protocol.Diagnostics;
using DualGauge.TestUtilities.Lsp;

namespace DualGauge.LanguageServer.Tests.EndToEnd;

/// <summary>The in-process server with the real snippet evaluator and the real Docker sandbox.</summary>
[TestClass]
public sealed class RealSandboxTests : ServerTestBase
{
    private const string Uri = "file:///work/app/users.py";

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task EvaluateSelection_InjectableSqliteLookup_PublishesCwe89FromTheSandboxTrace()
    {
        RequiredServices.Require(RequiredServices.DockerAnswers(), "the Docker engine does not answer (`docker version` failed)");
        await using var server = InProcessLanguageServer.Start(evaluatorFactory: null);
        await server.Client.InitializeAsync(StoragePath, new DualGaugeSettings { DebounceMs = 50 });
        await server.Client.OpenAsync(Uri, "python", Samples.InjectablePython);

        var summary = await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, Uri, Lines(3, 6));
        TestContext.WriteLine($"summary: {System.Text.Json.JsonSerializer.Serialize(summary)}");

        summary!.Verdict.Should().Be(Verdicts.Insecure, server.Client.Log);
        summary.FailedTests.Should().NotBeEmpty();
        var published = await server.Client.WaitForDiagnosticsAsync(Uri, d => d.Any(x => x.Code == "CWE-89"), TimeSpan.FromSeconds(30));
        var diagnostic = published.Diagnostics.First(d => d.Code == "CWE-89");
        diagnostic.Severity.Should().Be(DiagnosticSeverity.Error);
        diagnostic.CodeDescription!.Href.Should().Be("https://cwe.mitre.org/data/definitions/89.html");
        diagnostic.Range.Start.Line.Should().BeInRange(3, 5);
        var entry = await server.Client.RequestAsync<HistoryEntry>(Methods.DualGaugeHistoryGet, new HistoryIdParams(summary.Id));
        entry.TraceLines.Should().Contain(l => l.Contains("\"ev\":\"sql\""), "the verdict comes from the executed statements");
        entry.Report.Should().Contain("## Evidence");
    }

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task EvaluateSelection_ParameterisedLookup_IsSecureAndPublishesNothing()
    {
        RequiredServices.Require(RequiredServices.DockerAnswers(), "the Docker engine does not answer (`docker version` failed)");
        await using var server = InProcessLanguageServer.Start(evaluatorFactory: null);
        await server.Client.InitializeAsync(StoragePath, new DualGaugeSettings { DebounceMs = 50 });
        await server.Client.OpenAsync(Uri, "python", Samples.ParameterisedPython);

        var summary = await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, Uri, Lines(3, 6));

        summary!.Verdict.Should().Be(Verdicts.Secure, server.Client.Log);
        (await server.Client.WaitForDiagnosticsAsync(Uri, _ => true)).Diagnostics.Should().BeEmpty();
    }

    private const string AcceptedUri = "file:///work/app/vouchers.py";

    private const string AcceptedLookup = """
        import sqlite3


        def voucher(conn, code):
            # dualgauge-ignore[CWE-89]: codes come from our own printed vouchers only
            cur = conn.cursor()
            cur.execute("SELECT id FROM vouchers WHERE code = '" + code + "'")
            return cur.fetchall()
        """;

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task EvaluateSelection_ScopedMarkerWithAReason_ShowsOneHintWithTheReasonInsteadOfErrors()
    {
        RequiredServices.Require(RequiredServices.DockerAnswers(), "the Docker engine does not answer (`docker version` failed)");
        await using var server = InProcessLanguageServer.Start(evaluatorFactory: null);
        await server.Client.InitializeAsync(StoragePath, new DualGaugeSettings { DebounceMs = 50 });
        await server.Client.OpenAsync(AcceptedUri, "python", AcceptedLookup);

        var summary = await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, AcceptedUri, Lines(3, 8));

        // The history lists the acceptance with its reason; the finding stays recorded.
        summary!.Accepted.Should().ContainSingle().Which.Should().StartWith("CWE-89: codes come from our own printed vouchers only");
        summary.Headline.Should().Contain("every proved CWE is accepted").And.Contain("CWE-89: codes come from our own printed vouchers only");
        summary.Cwes.Should().Contain("CWE-89");
        var published = await server.Client.WaitForDiagnosticsAsync(AcceptedUri, d => d.Any(x => x.Code == "CWE-89"), TimeSpan.FromSeconds(30));
        var cwe89 = published.Diagnostics.Where(d => d.Code == "CWE-89").ToList();
        cwe89.Should().ContainSingle(server.Client.Log);
        cwe89[0].Severity.Should().Be(DiagnosticSeverity.Hint);
        cwe89[0].Range.Start.Line.Should().Be(4, "the hint sits on the marker");
        cwe89[0].Message.Should().StartWith("CWE-89 accepted here: codes come from our own printed vouchers only");
        published.Diagnostics.Should().NotContain(d => d.Severity == DiagnosticSeverity.Error);
    }

    private const string FlaskUri = "file:///work/app/shop.py";

    private const string FlaskSearch = """
        import sqlite3
        from flask import Flask, request, jsonify

        app = Flask(__name__)
        DB_PATH = "shop.db"


        @app.route("/products/search")
        def search_products():
            term = request.args.get("q", "")
            conn = sqlite3.connect(DB_PATH)
            rows = conn.execute(f"SELECT id, title FROM products WHERE title LIKE '%{term}%'").fetchall()
            conn.close()
            return jsonify([{"id": r[0], "title": r[1]} for r in rows])
        """;

    private const string MissingDriver = """
        import cx_Oracle


        def find_order(conn, order_ref):
            cur = conn.cursor()
            cur.execute("SELECT * FROM orders WHERE ref = '%s'" % order_ref)
            return cur.fetchone()
        """;

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task EvaluateSelection_FlaskRouteReadingRequestArgs_PublishesCwe89OnTheBuildingLineAndTheSink()
    {
        RequiredServices.Require(RequiredServices.DockerAnswers(), "the Docker engine does not answer (`docker version` failed)");
        await using var server = InProcessLanguageServer.Start(evaluatorFactory: null);
        await server.Client.InitializeAsync(StoragePath, new DualGaugeSettings { DebounceMs = 50 });
        await server.Client.OpenAsync(FlaskUri, "python", FlaskSearch);

        var summary = await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, FlaskUri, Lines(8, 14));

        summary!.Verdict.Should().Be(Verdicts.Insecure, server.Client.Log);
        summary.FunctionalPass.Should().BeNull("a smoke run checks no behaviour: not \"works\"");
        var published = await server.Client.WaitForDiagnosticsAsync(FlaskUri, d => d.Count(x => x.Code == "CWE-89") >= 2, TimeSpan.FromSeconds(30));
        var errors = published.Diagnostics.Where(d => d.Code == "CWE-89").ToList();
        errors.Select(d => d.Range.Start.Line).Should().BeEquivalentTo([9, 11], "the request value is read and built on line 10 and reaches the query on line 12");
        errors.Should().OnlyContain(d => d.Severity == DiagnosticSeverity.Error && d.RelatedInformation != null && d.RelatedInformation.Count > 0);
        errors.SelectMany(d => d.RelatedInformation!).Should().NotContain(r => errors.Any(d => d.Range.Start.Line == r.Location.Range.Start.Line && d.RelatedInformation!.Contains(r)));
        errors.Should().OnlyContain(d => !d.Message.Contains("solution.py") && !d.Message.Contains("/tmp/job"));
        var entry = await server.Client.RequestAsync<HistoryEntry>(Methods.DualGaugeHistoryGet, new HistoryIdParams(summary.Id));
        entry.Report.Should().Contain("behaviour not checked (smoke run only)").And.Contain("insecure: CWE-89");
    }

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task EvaluateSelection_ImportTheSandboxLacks_IsNotJudgedWithTheReason()
    {
        RequiredServices.Require(RequiredServices.DockerAnswers(), "the Docker engine does not answer (`docker version` failed)");
        await using var server = InProcessLanguageServer.Start(evaluatorFactory: null);
        await server.Client.InitializeAsync(StoragePath, new DualGaugeSettings { DebounceMs = 50 });
        await server.Client.OpenAsync(Uri, "python", MissingDriver);

        var summary = await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, Uri, Lines(3, 6));

        summary!.Verdict.Should().Be(Verdicts.NotJudged, server.Client.Log);
        summary.SecurePass.Should().BeNull();
        summary.FunctionalPass.Should().BeNull();
        var entry = await server.Client.RequestAsync<HistoryEntry>(Methods.DualGaugeHistoryGet, new HistoryIdParams(summary.Id));
        entry.Report.Should().Contain("not judged").And.Contain("cx_Oracle");
    }
}
