using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using DualGauge.Core.Tasks;
using DualGauge.Snippets.Templates;
using DualGauge.Snippets.Widening;
using FluentAssertions;

namespace DualGauge.Snippets.Tests;

/// <summary>
/// JavaScript probes are data like Python's: the plan names each test's probe, input and payload, web handlers are
/// described as views (route or handler, the request fields they read), and the tests file is the runtime, the
/// templates' probe files and the plan. No probe code is generated.
/// </summary>
[TestClass]
public sealed class JavaScriptPlanTests
{
    private const string ExpressApp = """
        const express = require('express');
        const sqlite3 = require('sqlite3');

        const app = express();
        app.use(express.json());
        const db = new sqlite3.Database(process.env.DB_PATH || './data/app.db');
        const other = express.Router();

        // GET /api/users/:id?fields=name
        app.get('/api/users/:id', async (req, res) => {
          const { fields = 'name', sort: order } = req.query;
          const lang = req.cookies['lang'];
          const token = req.get('X-Token');
          db.get(`SELECT ${fields} FROM users WHERE id = ${req.params.id} ORDER BY ${order}`, (err, row) => res.json(row || { lang, token }));
        });

        other.get('/unused', (req, res) => res.send('x'));

        module.exports = app;
        """;

    private static SnippetPlan PlanFor(string code, int start = 0, int? end = null)
    {
        var widened = SnippetWidener.Widen(Language.JavaScript, code, start, end ?? code.Split('\n').Length - 1, out var reason);
        widened.Should().NotBeNull(reason);
        return SnippetPlanner.Plan(widened!, [], Language.JavaScript);
    }

    private static JsonElement PlanData(SnippetPlan plan)
    {
        var text = System.Text.Encoding.UTF8.GetString(plan.Request!.TestsFile.Content);
        var literal = Regex.Match(text, @"register\(module\.exports, PROBES, JSON\.parse\((?<s>"".*"")\)\);").Groups["s"].Value;
        return JsonDocument.Parse(JsonSerializer.Deserialize<string>(literal)!).RootElement;
    }

    [TestMethod]
    public void Outline_AnonymousRouteCallback_IsAFunctionNamedByItsRoute()
    {
        var outline = SnippetWidener.Outline(Language.JavaScript, ExpressApp);

        var route = outline.Functions.Should().ContainSingle(f => f.Name == "app.get('/api/users/:id')").Which;
        (route.HeaderLine, route.EndLine, route.IsAsync).Should().Be((9, 14, true));
        route.Parameters.Select(p => p.Name).Should().Equal("req", "res");
        route.Route.Should().Be(new HttpRoute("app", "get", "/api/users/:id"));
        outline.Functions.Should().Contain(f => f.Name == "other.get('/unused')");
        SnippetWidener.EntryName(route, Language.JavaScript).Should().Be("dg_app_get_api_users_id");
    }

    [TestMethod]
    public void Outline_RouteCallbackInsideAWrapper_AndAnEsModule_AreDispatchedToo()
    {
        const string document = """
            import express from 'express';

            const app = express();
            const wrap = (fn) => (req, res, next) => Promise.resolve(fn(req, res, next)).catch(next);

            app.post('/go', wrap(async (req, res) => {
              res.redirect(req.body.next);
            }));

            export default app;
            """;

        var outline = SnippetWidener.Outline(Language.JavaScript, document);
        var route = outline.Functions.Should().ContainSingle(f => f.Route != null).Which;
        (route.Name, route.IsAsync, route.EndLine).Should().Be(("app.post('/go')", true, 7));
        route.Parameters.Select(p => p.Name).Should().Equal("req", "res");

        var plan = PlanFor(document, 6, 6);
        plan.Request!.Code.Should().EndWith("export { __dg_http__ };\n", "an ES module has no module.exports to reach the entry through");
        plan.Tests.Should().Contain(t => t.Id == "dg_app_post_go_open_redirect_absolute" && t.Description.Contains("the body field next"));
    }

    [TestMethod]
    public void Widen_Route_KeepsItsAppWithAppUse_AndDropsOtherRoutes()
    {
        var widened = SnippetWidener.Widen(Language.JavaScript, ExpressApp, 11, 11, out _)!;

        widened.Functions.Should().ContainSingle().Which.Name.Should().Be("app.get('/api/users/:id')");
        widened.Code.Should().Contain("const app = express();").And.Contain("app.use(express.json());").And.Contain("const db = new sqlite3.Database(")
            .And.Contain("function dg_app_get_api_users_id(...args) {").And.Contain("return __dg_http__(...args);");
        widened.Code.Should().NotContain("/unused").And.NotContain("app.listen");
    }

    [TestMethod]
    public void Plan_ModuleRequiringAServerDriver_ShipsItsSqliteStandIns_AndNamesTheDriver()
    {
        const string code = """
            const mysql = require('mysql2/promise');
            const pool = mysql.createPool({ host: 'db', user: 'app' });

            async function findOrders(customer) {
              const [rows] = await pool.query("SELECT id, total FROM orders WHERE customer = '" + customer + "'");
              return rows;
            }
            module.exports = { findOrders };
            """;

        var plan = PlanFor(code, 4, 4);

        plan.Match.TemplateId.Should().Be("sql", plan.Match.Reason);
        var files = plan.Request!.Fixtures.ToDictionary(f => f.RelativePath, f => System.Text.Encoding.UTF8.GetString(f.Content));
        files.Should().ContainKeys("node_modules/pg/index.js", "node_modules/mysql/index.js", "node_modules/mysql2/index.js", "node_modules/mysql2/promise/index.js");
        files["node_modules/pg/index.js"].Should().Contain("const DRIVER_STAND_IN = true").And.Contain("new sqlite3.Database(globalThis.__dgStandInDb");
        files["node_modules/mysql2/promise/index.js"].Should().Be("module.exports = require('../../pg').mysqlPromise;\n");
        PlanData(plan).GetProperty("functions").GetProperty("findOrders").GetProperty("standInDb").GetString().Should().Be("mysql2/promise");
    }

    [TestMethod]
    public void Plan_ExpressRoute_ReadsItsRequestFieldsAndDispatchesThroughItsApp()
    {
        var plan = PlanFor(ExpressApp, 11, 11);

        plan.Request!.EntryPoint.Should().Be("dg_app_get_api_users_id");
        plan.Request.Code.Should().Contain("async function __dg_http__(view, request, ...args)").And.Contain("__dg_http_bind__('app', () => (typeof app !== 'undefined' ? app");
        var function = PlanData(plan).GetProperty("functions").GetProperty("dg_app_get_api_users_id");
        var http = function.GetProperty("http");
        (http.GetProperty("framework").GetString(), http.GetProperty("kind").GetString(), http.GetProperty("app").GetString(), http.GetProperty("path").GetString())
            .Should().Be(("express", "route", "app", "/api/users/:id"));
        var inputs = function.GetProperty("params").EnumerateArray().Select(p => (p.GetProperty("name").GetString(), p.GetProperty("where").GetString())).ToList();
        inputs.Should().BeEquivalentTo([("id", "path"), ("fields", "query"), ("sort", "query"), ("lang", "cookies"), ("x-token", "headers")]);
        function.GetProperty("database").GetString().Should().Be("sqlite3");
        function.GetProperty("dbFiles").EnumerateArray().Select(f => f.GetString()).Should().Equal("data/app.db");
        plan.Request.Fixtures.Select(f => f.RelativePath).Should().Contain("data/.dualgauge", "the folder exists before the module opens its database");
        plan.Tests.Should().Contain(t => t.Id == "dg_app_get_api_users_id_sql_tautology" && t.Description.Contains("the query parameter fields"));
        plan.Tests.Should().Contain(t => t.Id == "dg_app_get_api_users_id_sql_numeric" && t.Description.Contains("A numeric id"));
        plan.Info("dg_app_get_api_users_id_sql_tautology")!.Reach.Should().Equal("sql");
    }

    [TestMethod]
    public void Plan_HandlerWithDestructuredBodyAndPlainNodeHandler_AreViewsToo()
    {
        var express = PlanFor("""
            function login(req, res) {
              const { username, password: pw } = req.body;
              const q = req.query;
              res.redirect(q.returnTo || '/home');
            }
            """);
        var node = PlanFor("""
            function go(req, res) {
              const url = new URL(req.url, 'http://localhost');
              if (url.pathname !== '/go') return res.end();
              res.writeHead(302, { Location: url.searchParams.get('to') });
              res.end();
            }
            """);

        var view = PlanData(express).GetProperty("functions").GetProperty("login");
        view.GetProperty("http").GetProperty("kind").GetString().Should().Be("handler");
        view.GetProperty("params").EnumerateArray().Select(p => (p.GetProperty("name").GetString(), p.GetProperty("where").GetString()))
            .Should().BeEquivalentTo([("username", "json"), ("password", "json"), ("returnTo", "query")]);
        express.Tests.Should().Contain(t => t.Id == "login_open_redirect_absolute" && t.Description.Contains("the query parameter returnTo"));
        express.Request!.Code.Should().Contain("__dg_http_bind__('login', () => (typeof login !== 'undefined' ? login");
        var http = PlanData(node).GetProperty("functions").GetProperty("go").GetProperty("http");
        (http.GetProperty("framework").GetString(), http.GetProperty("path").GetString()).Should().Be(("node", "/go"));
        node.Tests.Should().Contain(t => t.Description.Contains("the query parameter to"));
    }

    [TestMethod]
    public void Plan_StandInDatabase_TheProbeJudgesReach_RealSqlite_TheTraceDoes()
    {
        var standIn = PlanFor("async function findUser(db, name) {\n  return db.query(\"SELECT * FROM users WHERE name = '\" + name + \"'\");\n}\n");
        var sqlite = PlanFor("const sqlite3 = require('sqlite3');\n\nfunction findUser(db, name) {\n  return new Promise((ok) => db.all(`SELECT * FROM users WHERE name = '${name}'`, (e, rows) => ok(rows)));\n}\n");

        standIn.Info("finduser_sql_tautology")!.Reach.Should().BeEmpty("a stand-in produces no SQL event: the probe says not judged itself");
        standIn.Tests.Single(t => t.Id == "finduser_sql_tautology").Attacks.Should().Contain("stand-in database");
        PlanData(standIn).GetProperty("functions").GetProperty("findUser").GetProperty("database").GetString().Should().Be("stand-in");
        sqlite.Info("finduser_sql_tautology")!.Reach.Should().Equal("sql");
        PlanData(sqlite).GetProperty("functions").GetProperty("findUser").GetProperty("database").GetString().Should().Be("sqlite3");
    }

    [TestMethod]
    public void Plan_ObjectParameters_PutThePayloadInAField_AndMethodsGetTheirConstructorValues()
    {
        var options = PlanFor("""
            /**
             * @param {{ author: string, body: string, postedAt: Date }} comment
             */
            function renderComment(comment) {
              return `<p>${comment.author}: ${comment.body} (${comment.postedAt.toISOString()})</p>`;
            }

            function listOrders(db, { status = 'open', limit = 10 } = {}) {
              return db.query(`SELECT * FROM orders WHERE status = '${status}' LIMIT ${limit}`);
            }
            """);
        var service = PlanFor("""
            const crypto = require('crypto');

            class AccountService {
              constructor(repo, pepper) {
                this.users = repo;
              }

              async register(email, password) {
                const hash = crypto.createHash('sha256').update(password).digest('hex');
                return this.users.insert({ email, hash });
              }
            }
            """);

        var functions = PlanData(options).GetProperty("functions");
        var comment = functions.GetProperty("renderComment").GetProperty("params").EnumerateArray().ToList();
        comment.Select(p => (p.GetProperty("name").GetString(), p.GetProperty("where").GetString(), p.GetProperty("role").GetString()))
            .Should().Equal(("comment", "arg", "text"), ("author", "prop", "text"), ("body", "prop", "text"), ("postedAt", "prop", "date"));
        options.Tests.Should().Contain(t => t.Id == "rendercomment_xss_script" && t.Description.Contains("the option author"));
        var orders = functions.GetProperty("listOrders").GetProperty("params").EnumerateArray().ToList();
        orders.Should().Contain(p => p.GetProperty("name").GetString() == "status" && p.GetProperty("where").GetString() == "prop" && p.GetProperty("of").GetString() == "options");
        options.Tests.Should().Contain(t => t.Id == "listorders_sql_tautology" && t.Description.Contains("the option status"));

        var register = PlanData(service).GetProperty("functions").GetProperty("dg_AccountService_register").GetProperty("params").EnumerateArray().ToList();
        register.Select(p => (p.GetProperty("name").GetString(), p.GetProperty("where").GetString(), p.GetProperty("role").GetString()))
            .Should().Contain([("repo", "init", "dependency"), ("pepper", "init", "text")]);
        service.Request!.Code.Should().Contain("const init = at >= 0 ? args.splice(at).slice(1) : [];").And.Contain("instance = new AccountService(...init);");
    }

    [TestMethod]
    public void TestsFile_IsTheRuntimeTheProbeFilesAndThePlan_WithoutGeneratedProbeCode()
    {
        var plan = PlanFor("const { exec } = require('child_process');\n\nfunction ping(host, cb) {\n  exec('ping -c 1 ' + host, cb);\n}\n");
        var text = System.Text.Encoding.UTF8.GetString(plan.Request!.TestsFile.Content);

        text.Should().Contain(TemplateCatalog.Builtin.Runtime("runtime.js")!);
        text.Should().Contain("// ---- templates/shell/probe.js ----").And.Contain(TemplateCatalog.Builtin.Find("shell")!.ProbeFiles[Language.JavaScript]);
        text.Should().Contain("return { shell_separator_js, shell_substitution_js };");
        text.Should().NotContain("templates/sql/probe.js", "only the templates the snippet uses");
        var data = PlanData(plan);
        data.GetProperty("entry").GetString().Should().Be("ping");
        data.GetProperty("tests").EnumerateArray().Select(t => t.GetProperty("probe").GetString()).Should().Equal("smoke", "shell_separator_js", "shell_substitution_js");
        plan.Tests.Single(t => t.Id == "ping_shell_separator_js").Oracles.Should().BeEquivalentTo(new[]
        {
            new OracleSpec("shell-no-payload", new Dictionary<string, string> { ["payload"] = "; echo DG_INJECTED" }),
            // the separator mutations (a newline, `|`, `&&`) carry the same command
            new OracleSpec("shell-no-payload", new Dictionary<string, string> { ["payload"] = "echo DG_INJECTED" }),
        });
        var separator = data.GetProperty("tests").EnumerateArray().Single(t => t.GetProperty("probe").GetString() == "shell_separator_js");
        separator.GetProperty("mutations").EnumerateArray().Select(m => m.GetProperty("payload").GetString()).Should().Equal(
            "192.0.2.1\necho DG_INJECTED", "192.0.2.1 | echo DG_INJECTED", "192.0.2.1 && echo DG_INJECTED");
    }

    [TestMethod]
    public async Task Runtime_SetupErrorsLiteralsAndSqlLiterals_BehaveAsDocumented()
    {
        // The runtime's helpers, loaded under node (the functions the probes call; no sandbox needed).
        const string script = """
            const src = require('fs').readFileSync(process.argv[1], 'utf8');
            const exported = new Function('require', 'module', src + '; return { setupError, literal, literalCall, sqlOutsideLiterals, redirectTarget, external, textOf };')(require, { exports: {} });
            const { setupError, literal, literalCall, sqlOutsideLiterals, redirectTarget, external, textOf } = exported;
            const err = (name, message, extra = {}) => Object.assign(Object.defineProperty(new Error(message), 'name', { value: name }), extra);
            const out = {
              module: Boolean(setupError(err('Error', "Cannot find module 'pg'", { code: 'MODULE_NOT_FOUND' }))),
              table: Boolean(setupError(err('Error', 'SQLITE_ERROR: no such table: users', { code: 'SQLITE_ERROR' }))),
              network: Boolean(setupError(err('TypeError', 'fetch failed', { cause: err('Error', 'connect ECONNREFUSED 127.0.0.1:9', { code: 'ECONNREFUSED' }) }))),
              networkAllowed: setupError(err('TypeError', 'fetch failed', { cause: err('Error', 'x', { code: 'ECONNREFUSED' }) }), true),
              refusal: setupError(err('Error', 'invalid user id')),
              literal: literal("{ a: [1, -2.5, 'x\\'y'], \"b\": null, c: undefined }"),
              call: literalCall("add(2, 'three', [4])", 'add'),
              notLiteral: literalCall('add(x, 1)', 'add'),
              spliced: sqlOutsideLiterals("SELECT * FROM t WHERE a = '' OR '1'='1'", "' OR '1'='1"),
              bound: sqlOutsideLiterals("SELECT * FROM t WHERE a = ''' OR ''1''=''1'", "' OR '1'='1"),
              location: redirectTarget({ status: 302, headers: [['location', '//evil.example/x']], body: '' }),
              external: external('//evil.example/x') && !external('/evil.example'),
              text: textOf({ html: '<script>alert("dg")</script>', n: 1 }),
            };
            console.log(JSON.stringify(out));
            """;
        var runtime = Path.Combine(TemplatesDir(), "runtime", "runtime.js");

        var (code, output) = await RunAsync("node", "-e", script, runtime);

        code.Should().Be(0, output);
        var r = JsonDocument.Parse(output).RootElement;
        r.GetProperty("module").GetBoolean().Should().BeTrue();
        r.GetProperty("table").GetBoolean().Should().BeTrue();
        r.GetProperty("network").GetBoolean().Should().BeTrue();
        r.GetProperty("networkAllowed").ValueKind.Should().Be(JsonValueKind.Null, "a connection error is the SSRF probe's evidence");
        r.GetProperty("refusal").ValueKind.Should().Be(JsonValueKind.Null, "an error the function throws to refuse its input is an answer");
        r.GetProperty("literal").GetRawText().Should().Be("{\"a\":[1,-2.5,\"x'y\"],\"b\":null}");
        r.GetProperty("call").GetRawText().Should().Be("[2,\"three\",[4]]");
        r.GetProperty("notLiteral").ValueKind.Should().Be(JsonValueKind.Null, "sample text is parsed, never evaluated");
        r.GetProperty("spliced").GetBoolean().Should().BeTrue();
        r.GetProperty("bound").GetBoolean().Should().BeFalse();
        r.GetProperty("location").GetString().Should().Be("//evil.example/x");
        r.GetProperty("external").GetBoolean().Should().BeTrue();
        r.GetProperty("text").GetString().Should().Contain("<script>alert(\"dg\")</script>");
    }

    private static string TemplatesDir([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "..", "server", "DualGauge.Snippets", "templates"));

    private static async Task<(int Exit, string Output)> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
