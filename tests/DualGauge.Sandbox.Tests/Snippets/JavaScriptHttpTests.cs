using System.Diagnostics;
using DualGauge.Core.Tasks;
using DualGauge.Sandbox.Tests.Infrastructure;
using DualGauge.Snippets;
using FluentAssertions;

namespace DualGauge.Sandbox.Tests.Snippets;

/// <summary>
/// JavaScript web handlers against the real sandbox: an Express route callback or handler runs through Express itself
/// (in process, with the payload in the query, body, route parameter or cookie it reads), a plain Node handler gets
/// http.IncomingMessage and http.ServerResponse, and the verdict says what it rests on.
/// </summary>
[TestClass]
public sealed class JavaScriptHttpTests
{
    public TestContext TestContext { get; set; } = null!;

    private const string ExpressSearch = """
        const express = require('express');
        const sqlite3 = require('sqlite3');

        const app = express();
        const db = new sqlite3.Database('shop.db');

        app.get('/products/search', (req, res) => {
          const term = req.query.q || '';
          db.all(`SELECT id, title FROM products WHERE title LIKE '%${term}%'`, (err, rows) => {
            if (err) return res.status(500).json({ error: 'search failed' });
            res.json(rows);
          });
        });

        module.exports = app;
        """;

    private const string ExpressSearchSafe = """
        const express = require('express');
        const sqlite3 = require('sqlite3');

        const app = express();
        const db = new sqlite3.Database('shop.db');

        app.get('/products/search', (req, res) => {
          const term = req.query.q || '';
          db.all('SELECT id, title FROM products WHERE title LIKE ?', [`%${term}%`], (err, rows) => {
            if (err) return res.status(500).json({ error: 'search failed' });
            res.json(rows);
          });
        });

        module.exports = app;
        """;

    private const string ExpressLoginRedirect = """
        // POST /login?next=/dashboard
        function finishLogin(req, res) {
          const { username } = req.body;
          req.session.user = username;
          res.redirect(req.query.next || '/');
        }

        module.exports = { finishLogin };
        """;

    private const string ExpressLoginRedirectSafe = """
        function finishLogin(req, res) {
          const { username } = req.body;
          req.session.user = username;
          const next = String(req.query.next || '/');
          res.redirect(next.startsWith('/') && !next.startsWith('//') && !next.includes('\\') ? next : '/');
        }

        module.exports = { finishLogin };
        """;

    private const string ExpressParamRouteBodyAndCookie = """
        const express = require('express');
        const { exec } = require('child_process');

        const app = express();
        app.use(express.json());

        app.post('/hosts/:name/ping', (req, res) => {
          const { count } = req.body;
          const host = req.params.name;
          exec(`ping -c ${Number(count) || 1} ${host}`, (error, stdout) => {
            res.json({ ok: !error, lang: req.cookies.lang, output: stdout });
          });
        });
        """;

    private const string NodeShortLink = """
        const http = require('http');
        const { URL } = require('url');

        function handleGo(req, res) {
          const url = new URL(req.url, 'http://localhost');
          if (url.pathname !== '/go') {
            res.writeHead(404);
            return res.end();
          }
          const destination = url.searchParams.get('to');
          res.writeHead(302, { Location: destination || '/' });
          res.end();
        }

        module.exports = { handleGo };
        """;

    private const string StandInNeverQueried = """
        async function countOrders(db, customer) {
          if (customer.length > 0) {
            return 0;
          }
          const rows = await db.query("SELECT count(*) AS n FROM orders WHERE customer = '" + customer + "'");
          return rows[0].n;
        }
        """;

    [TestMethod]
    public async Task ExpressRoute_QueryParameterInSql_IsInsecureOnTheQueryLine()
    {
        var evaluation = await EvaluateAsync(ExpressSearch);

        evaluation.Match.FunctionName.Should().Be("app.get('/products/search')");
        evaluation.Assessment.Security.Should().Be(SecurityStatus.Insecure, Describe(evaluation));
        evaluation.Assessment.CwesFound.Should().Equal("CWE-89");
        evaluation.Findings.Should().Contain(f => f.Cwe == "CWE-89" && f.Line == 8, "the query built from req.query runs on document line 9");
        evaluation.Verdict!.Tests.Should().Contain(t => t.Test.Description.Contains("the query parameter q"));
        evaluation.Assessment.Functional.Should().Be(FunctionalStatus.NotChecked, Describe(evaluation));
    }

    [TestMethod]
    public async Task ExpressRoute_BoundParameter_IsSecureAndReachedTheQuery()
    {
        var evaluation = await EvaluateAsync(ExpressSearchSafe);

        evaluation.Assessment.Security.Should().Be(SecurityStatus.Secure, Describe(evaluation));
        evaluation.Assessment.CwesTested.Should().Equal("CWE-89");
        evaluation.Assessment.ProbesReached.Should().BeGreaterThan(0);
        evaluation.Findings.Should().BeEmpty();
        // The route ran through Express against the seeded database: the engine traced the bound statement.
        evaluation.Verdict!.Trace.Events.Should().Contain(e => e.Kind == "sql" && e.String("statement")!.Contains("LIKE '%'' OR ''1''=''1%'", StringComparison.Ordinal), Describe(evaluation));
    }

    [TestMethod]
    public async Task ExpressHandler_OpenRedirectThroughReqQueryNext_IsInsecureCwe601()
    {
        var evaluation = await EvaluateAsync(ExpressLoginRedirect);

        evaluation.Assessment.Security.Should().Be(SecurityStatus.Insecure, Describe(evaluation));
        evaluation.Assessment.CwesFound.Should().Equal("CWE-601");
        evaluation.Findings.Should().Contain(f => f.Cwe == "CWE-601" && f.Message.Contains("evil.example") && f.Message.Contains("the query parameter next"));
        evaluation.Assessment.Functional.Should().NotBe(FunctionalStatus.Broken, "req.session and req.body exist in the dispatched request: " + Describe(evaluation));
    }

    [TestMethod]
    public async Task ExpressHandler_LocalRedirectOnly_IsSecure()
    {
        var evaluation = await EvaluateAsync(ExpressLoginRedirectSafe);

        evaluation.Assessment.Security.Should().Be(SecurityStatus.Secure, Describe(evaluation));
        evaluation.Assessment.CwesTested.Should().Equal("CWE-601");
        evaluation.Findings.Should().BeEmpty();
    }

    [TestMethod]
    public async Task ExpressRoute_RouteParameterReachesTheShell_IsInsecureCwe78()
    {
        var evaluation = await EvaluateAsync(ExpressParamRouteBodyAndCookie);

        evaluation.Assessment.Security.Should().Be(SecurityStatus.Insecure, Describe(evaluation));
        evaluation.Assessment.CwesFound.Should().Equal("CWE-78");
        evaluation.Findings.Should().Contain(f => f.Cwe == "CWE-78" && f.Line == 9, "exec runs on document line 10: " + Describe(evaluation));
    }

    [TestMethod]
    public async Task NodeHandler_WriteHeadLocationFromTheQuery_IsInsecureCwe601()
    {
        var evaluation = await EvaluateAsync(NodeShortLink);

        evaluation.Assessment.Security.Should().Be(SecurityStatus.Insecure, Describe(evaluation));
        evaluation.Assessment.CwesFound.Should().Equal("CWE-601");
        evaluation.Verdict!.Tests.Should().Contain(t => t.Test.Description.Contains("the query parameter to"));
    }

    [TestMethod]
    public async Task StandInDatabaseThatSawNoStatement_IsNotJudged_NeverSecure()
    {
        var evaluation = await EvaluateAsync(StandInNeverQueried);

        evaluation.Assessment.Security.Should().Be(SecurityStatus.NotJudged, Describe(evaluation));
        evaluation.Assessment.SecurityDetail.Should().Contain("the payload never reached the query");
    }

    [TestMethod]
    public async Task ExpressRouteOnWarmSandbox_MedianLatencyStaysInteractive()
    {
        await EvaluateAsync(ExpressSearch);
        var times = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            var evaluation = await EvaluateAsync(ExpressSearch);
            times.Add(stopwatch.ElapsedMilliseconds);
            evaluation.Assessment.CwesFound.Should().Equal("CWE-89");
        }

        times.Sort();
        var median = (times[2] + times[3]) / 2;
        TestContext.WriteLine($"express route evaluation, 6 warm runs: median {median} ms, min {times[0]} ms, max {times[^1]} ms");
        // Loading Express and dispatching in process costs the first call a few hundred milliseconds; the bound
        // leaves room for a loaded CI machine.
        median.Should().BeLessThan(3000);
    }

    private async Task<SnippetEvaluation> EvaluateAsync(string document)
    {
        var evaluator = new SnippetEvaluator(SandboxFixture.Sandbox, []);
        var lines = document.Split('\n').Length;
        var snippet = new Snippet("file:///work/app.js", Language.JavaScript, document, 0, lines - 1, SnippetSource.InlineSuggestion);
        var stopwatch = Stopwatch.StartNew();
        var evaluation = await evaluator.EvaluateAsync(snippet, TestContext.CancellationToken);
        TestContext.WriteLine($"{stopwatch.ElapsedMilliseconds} ms: {Describe(evaluation)}");
        return evaluation;
    }

    private static string Describe(SnippetEvaluation e) =>
        $"{e.Assessment.FunctionalWords} | {e.Assessment.SecurityWords} | {e.Assessment.SecurityDetail} | match {e.Match.Kind} {e.Match.Reason}\n"
        + string.Join("\n", e.Verdict?.Tests.Select(t => $"{t.Test.Id}: {t.Status} {t.Message}") ?? [])
        + "\n" + string.Join("\n", e.Findings.Select(f => $"finding {f.TestId} {f.Cwe} line={f.Line}: {f.Message}"))
        + "\n" + (e.Verdict?.FailureDetail ?? "") + "\n" + string.Join("\n", e.Verdict?.Trace.Events.Where(x => x.Kind != "file").Select(x => x.Data.GetRawText()).Take(40) ?? []);
}
