using System.Diagnostics;
using DualGauge.Core.Tasks;
using DualGauge.Sandbox.Tests.Infrastructure;
using DualGauge.Snippets;
using FluentAssertions;

namespace DualGauge.Sandbox.Tests.Snippets;

/// <summary>
/// Verdicts say what they rest on, against the real sandbox: a Flask handler is driven through Flask itself,
/// a function that never runs is "not judged" (never "secure"), a probe database grows the column a query names.
/// </summary>
[TestClass]
public sealed class HonestVerdictTests
{
    public TestContext TestContext { get; set; } = null!;

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

    private const string FlaskSearchSafe = """
        import sqlite3
        from flask import Flask, request, jsonify

        app = Flask(__name__)
        DB_PATH = "shop.db"


        @app.route("/products/search")
        def search_products():
            term = request.args.get("q", "")
            conn = sqlite3.connect(DB_PATH)
            rows = conn.execute("SELECT id, title FROM products WHERE title LIKE ?", (f"%{term}%",)).fetchall()
            conn.close()
            return jsonify([{"id": r[0], "title": r[1]} for r in rows])
        """;

    private const string MissingModule = """
        import cx_Oracle


        def find_order(conn, order_ref):
            cur = conn.cursor()
            cur.execute("SELECT * FROM orders WHERE ref = '%s'" % order_ref)
            return cur.fetchone()
        """;

    private const string ColumnFromElsewhere = """
        import sqlite3

        COLUMNS = "id, email, display_name"


        def find_member(conn, email):
            query = "SELECT " + COLUMNS + " FROM members WHERE email = '" + email + "'"
            return conn.execute(query).fetchall()
        """;

    [TestMethod]
    public async Task FlaskRoute_QueryParameterInSql_IsInsecureOnTheQueryLine()
    {
        var evaluation = await EvaluateAsync(FlaskSearch);

        evaluation.Assessment.Security.Should().Be(SecurityStatus.Insecure, Describe(evaluation));
        evaluation.Assessment.CwesFound.Should().Contain("CWE-89");
        var finding = evaluation.Findings.Should().Contain(f => f.Cwe == "CWE-89" && f.RelatedLine == 11, "the query built from request.args runs on document line 12").Which;
        finding.Line.Should().Be(9, "the Error sits where the tainted value is read and built: term = request.args.get(\"q\")");
        finding.Steps.Select(step => step.Line).Should().Equal(9, 11);
        finding.Message.Should().NotContain("solution.py").And.NotContain("/tmp/job");
        evaluation.Verdict!.Tests.Should().Contain(t => t.Test.Description.Contains("the query parameter q"));
    }

    [TestMethod]
    public async Task FlaskRoute_BoundParameter_IsSecureAndSaysWhatItRestsOn()
    {
        var evaluation = await EvaluateAsync(FlaskSearchSafe);

        evaluation.Assessment.Security.Should().Be(SecurityStatus.Secure, Describe(evaluation));
        evaluation.Assessment.CwesTested.Should().Equal("CWE-89");
        evaluation.Assessment.ProbesReached.Should().BeGreaterThan(0);
        evaluation.Assessment.Functional.Should().Be(FunctionalStatus.NotChecked, "only a smoke run backs it");
        evaluation.Assessment.FunctionalWords.Should().Be("behaviour not checked (smoke run only)");
    }

    [TestMethod]
    public async Task ImportTheImageLacks_IsNotJudged_NeverSecure()
    {
        var evaluation = await EvaluateAsync(MissingModule);

        evaluation.Assessment.Security.Should().Be(SecurityStatus.NotJudged, Describe(evaluation));
        evaluation.Assessment.Functional.Should().Be(FunctionalStatus.NotJudged);
        evaluation.Assessment.SecurityDetail.Should().Contain("cx_Oracle");
    }

    [TestMethod]
    public async Task ServerDriverWithAStandIn_IsJudgedOnTheSqlItSends_AndSaysSo()
    {
        // The same function on psycopg2, which has a SQLite stand-in: the spliced value is proved, the bound one resists.
        var insecure = await EvaluateAsync(MissingModule.Replace("cx_Oracle", "psycopg2", StringComparison.Ordinal));
        var secure = await EvaluateAsync(MissingModule.Replace("cx_Oracle", "psycopg2", StringComparison.Ordinal)
            .Replace("'%s'\" % order_ref", "%s\", (order_ref,)", StringComparison.Ordinal));

        insecure.Assessment.Security.Should().Be(SecurityStatus.Insecure, Describe(insecure));
        insecure.Assessment.CwesFound.Should().Equal("CWE-89");
        insecure.Match.Reason.Should().Contain("psycopg2 is a SQLite stand-in here");
        secure.Assessment.Security.Should().Be(SecurityStatus.Secure, Describe(secure));
        secure.Assessment.CwesTested.Should().Contain("CWE-89");
        secure.Assessment.ProbesReached.Should().BeGreaterThan(0);
    }

    [TestMethod]
    public async Task QueryNamingAColumnTheFixtureLacks_GetsItAndIsJudged()
    {
        var evaluation = await EvaluateAsync(ColumnFromElsewhere);

        evaluation.Assessment.Security.Should().Be(SecurityStatus.Insecure, Describe(evaluation));
        evaluation.Assessment.CwesFound.Should().Contain("CWE-89");
    }

    private async Task<SnippetEvaluation> EvaluateAsync(string document, Language language = Language.Python)
    {
        var evaluator = new SnippetEvaluator(SandboxFixture.Sandbox, []);
        var lines = document.Split('\n').Length;
        var snippet = new Snippet("file:///work/app." + language.FileExtension(), language, document, 0, lines - 1, SnippetSource.InlineSuggestion);
        var stopwatch = Stopwatch.StartNew();
        var evaluation = await evaluator.EvaluateAsync(snippet, TestContext.CancellationToken);
        TestContext.WriteLine($"{stopwatch.ElapsedMilliseconds} ms: {Describe(evaluation)}");
        return evaluation;
    }

    private static string Describe(SnippetEvaluation e) =>
        $"{e.Assessment.FunctionalWords} | {e.Assessment.SecurityWords} | {e.Assessment.SecurityDetail} | match {e.Match.Kind} {e.Match.Reason}\n"
        + string.Join("\n", e.Verdict?.Tests.Select(t => $"{t.Test.Id}: {t.Status} {t.Message}") ?? [])
        + "\n" + (e.Verdict?.FailureDetail ?? "") + "\n" + string.Join("\n", e.Verdict?.Trace.Events.Select(x => x.Data.GetRawText()).Take(40) ?? []);
}
