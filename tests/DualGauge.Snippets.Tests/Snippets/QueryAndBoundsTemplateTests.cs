using DualGauge.Core.Execution;
using DualGauge.Core.Tasks;
using DualGauge.Core.Verdicts;
using DualGauge.Sandbox;
using DualGauge.Snippets;
using DualGauge.Snippets.Templates;
using FluentAssertions;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualGauge.Snippets.Tests;

/// <summary>
/// The nosql, ldap, xpath and input-bounds templates and payload mutation against the real sandbox: each insecure
/// example is flagged with its template's CWE from what the stand-in, lxml or the budget observed, each secure
/// counterpart is secure with probes that reached the code. Without a Docker engine these tests fail under CI=true
/// and are inconclusive elsewhere.
/// </summary>
[TestClass]
public sealed class QueryAndBoundsTemplateTests
{
    private const string MongoLoginInsecureJs = """
        const express = require('express');
        const { MongoClient } = require('mongodb');
        const app = express();
        app.use(express.json());
        const users = new MongoClient('mongodb://localhost:27017').db('shop').collection('users');

        async function login(req, res) {
          const { username, password } = req.body;
          const user = await users.findOne({ username, password });
          if (!user) return res.status(401).json({ error: 'invalid credentials' });
          return res.json({ id: user._id, role: user.role });
        }

        app.post('/api/login', login);
        module.exports = { app, login };
        """;

    private const string MongoLoginSecureJs = """
        const express = require('express');
        const { MongoClient } = require('mongodb');
        const app = express();
        app.use(express.json());
        const users = new MongoClient('mongodb://localhost:27017').db('shop').collection('users');

        async function login(req, res) {
          const { username, password } = req.body;
          if (typeof username !== 'string' || typeof password !== 'string') return res.status(400).json({ error: 'bad input' });
          const user = await users.findOne({ username: { $eq: username }, password: { $eq: password } });
          if (!user) return res.status(401).json({ error: 'invalid credentials' });
          return res.json({ id: user._id, role: user.role });
        }

        app.post('/api/login', login);
        module.exports = { app, login };
        """;

    private const string MongoWherePy = """
        def find_by_nickname(collection, nickname):
            return list(collection.find({"$where": "this.nickname == '" + nickname + "'"}))
        """;

    private const string MongoSecurePy = """
        def find_by_nickname(collection, nickname):
            if not isinstance(nickname, str):
                raise ValueError("nickname must be a string")
            return list(collection.find({"nickname": nickname}))
        """;

    private const string LdapInsecurePy = """
        def find_person(conn, uid):
            conn.search("ou=people,dc=example,dc=com", "(&(objectClass=person)(uid=" + uid + "))", attributes=["cn"])
            return [str(e.cn) for e in conn.entries]
        """;

    private const string LdapSecurePy = """
        def _esc(value):
            return "".join("\\%02x" % ord(c) if c in "\\*()\x00" else c for c in value)


        def find_person(conn, uid):
            conn.search("ou=people,dc=example,dc=com", "(&(objectClass=person)(uid=" + _esc(uid) + "))", attributes=["cn"])
            return [str(e.cn) for e in conn.entries]
        """;

    private const string XpathInsecurePy = """
        from lxml import etree

        BOOKS = etree.fromstring("<books><book><isbn>111</isbn><title>Dune</title></book><book><isbn>222</isbn><title>Emma</title></book></books>")


        def title_for(isbn):
            return [b.findtext("title") for b in BOOKS.xpath("//book[isbn='%s']" % isbn)]
        """;

    private const string XpathSecurePy = """
        from lxml import etree

        BOOKS = etree.fromstring("<books><book><isbn>111</isbn><title>Dune</title></book><book><isbn>222</isbn><title>Emma</title></book></books>")


        def title_for(isbn):
            return [b.findtext("title") for b in BOOKS.xpath("//book[isbn=$isbn]", isbn=isbn)]
        """;

    private const string HugeCountInsecurePy = """
        def make_tickets(count):
            return [{"ticket": i, "state": "open"} for i in range(count)]
        """;

    private const string HugeCountSecurePy = """
        def make_tickets(count):
            if not 0 <= count <= 500:
                raise ValueError("count out of range")
            return [{"ticket": i, "state": "open"} for i in range(count)]
        """;

    private const string NegativeQuantityInsecurePy = """
        PRICES = {"tea": 3.5, "cake": 4.25}


        def order_total(item, quantity):
            return {"total": round(PRICES.get(item, 2.0) * quantity, 2)}
        """;

    private const string NegativeQuantitySecurePy = """
        PRICES = {"tea": 3.5, "cake": 4.25}


        def order_total(item, quantity):
            if quantity < 1:
                raise ValueError("quantity must be positive")
            return {"total": round(PRICES.get(item, 2.0) * quantity, 2)}
        """;

    // A blacklist of `<script>`: only the case and nesting mutations of the payload get past it.
    private const string BlacklistXssJs = """
        function renderNote(text) {
          const cleaned = String(text).replace(/<script>/g, '').replace(/<\/script>/g, '');
          return `<div class="note">${cleaned}</div>`;
        }
        module.exports = { renderNote };
        """;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static DockerSandbox? sandbox;
    private static string? unavailable;

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
    public void Descriptors_NameTheirCwes_AndTheMutationsThePayloadsGet()
    {
        ProbeTemplates.Find("nosql")!.Cwes.Should().Equal("CWE-943");
        ProbeTemplates.Find("ldap")!.Cwes.Should().Equal("CWE-90");
        ProbeTemplates.Find("xpath")!.Cwes.Should().Equal("CWE-643");
        ProbeTemplates.Find("xpath")!.Triggers.Keys.Should().Equal(Language.Python);
        ProbeTemplates.Find("input-bounds")!.Cwes.Should().Equal("CWE-770", "CWE-1284");
        ProbeTemplates.Find("path")!.Probes.Single(p => p.Name == "path_traversal").Mutations.Should().Equal("url", "double-url", "nesting", "separator", "extension");
        ProbePayloads.Mutate("/etc/passwd", ["extension"]).Select(m => m.Payload).Should().Equal("/etc/passwd.png", "/etc/passwd.txt", "/etc/passwd.pdf");
        ProbePayloads.Mutate("../../etc/passwd", ["url", "double-url", "nesting", "separator"]).Select(m => m.Payload).Should().Equal(
            "..%2F..%2Fetc%2Fpasswd", "..%252F..%252Fetc%252Fpasswd", "....//....//etc/passwd", "..//..//etc/passwd");
        ProbePayloads.Mutate("x; touch <workdir>/dg_injected #", ["separator"]).Select(m => m.Payload).Should().Equal(
            "x\ntouch <workdir>/dg_injected #", "x | touch <workdir>/dg_injected #", "x && touch <workdir>/dg_injected #");
        ProbePayloads.Mutate("<script>alert(\"dg\")</script>", ["case", "nesting"]).Select(m => m.Payload).Should().Equal(
            "<ScRiPt>alert(\"dg\")</ScRiPt>", "<scr<script>ipt>alert(\"dg\")</script>");
    }

    [TestMethod]
    [DataRow("nosql", "javascript", MongoLoginInsecureJs, "CWE-943")]
    [DataRow("nosql", "python", MongoWherePy, "CWE-943")]
    [DataRow("ldap", "python", LdapInsecurePy, "CWE-90")]
    [DataRow("xpath", "python", XpathInsecurePy, "CWE-643")]
    [DataRow("input-bounds", "python", HugeCountInsecurePy, "CWE-770")]
    [DataRow("input-bounds", "python", NegativeQuantityInsecurePy, "CWE-1284")]
    [DataRow("html", "javascript", BlacklistXssJs, "CWE-79")]
    public async Task InsecureExample_IsFlaggedWithItsCwe(string template, string language, string code, string cwe)
    {
        var evaluation = await EvaluateAsync(language, code);

        evaluation.Match.TemplateId.Should().Be(template, evaluation.Match.Reason);
        evaluation.Assessment.Security.Should().Be(SecurityStatus.Insecure, evaluation.Assessment.SecurityDetail);
        evaluation.Assessment.CwesFound.Should().Contain(cwe);
        evaluation.Findings.Should().Contain(f => f.Kind == TestKind.Security && f.Cwe == cwe);
        if (template == "html")
        {
            // The payload as written is removed by the blacklist: a mutation found it.
            evaluation.Findings.Should().Contain(f => f.Cwe == cwe && f.Message.Contains("payload mutated", StringComparison.Ordinal));
        }
    }

    [TestMethod]
    [DataRow("javascript", MongoLoginSecureJs, "CWE-943")]
    [DataRow("python", MongoSecurePy, "CWE-943")]
    [DataRow("python", LdapSecurePy, "CWE-90")]
    [DataRow("python", XpathSecurePy, "CWE-643")]
    [DataRow("python", HugeCountSecurePy, "CWE-770")]
    [DataRow("python", NegativeQuantitySecurePy, "CWE-1284")]
    public async Task SecureExample_IsSecureWithProbesThatReachedTheCode(string language, string code, string cwe)
    {
        var evaluation = await EvaluateAsync(language, code);

        evaluation.Assessment.Security.Should().Be(SecurityStatus.Secure, evaluation.Assessment.SecurityDetail);
        evaluation.Assessment.CwesTested.Should().Contain(cwe);
        evaluation.Assessment.CwesFound.Should().BeEmpty();
        evaluation.Findings.Should().NotContain(f => f.Kind == TestKind.Security);
    }

    private static async Task<SnippetEvaluation> EvaluateAsync(string language, string code)
    {
        var lang = language == "python" ? Language.Python : Language.JavaScript;
        var evaluator = new SnippetEvaluator(await SandboxAsync(), []);
        var snippet = new Snippet("file:///work/sample." + lang.FileExtension(), lang, code, 0, code.Split('\n').Length - 1, SnippetSource.Selection);
        var evaluation = await evaluator.EvaluateAsync(snippet, CancellationToken.None);
        evaluation.Verdict.Should().NotBeNull(evaluation.Match.Reason);
        Console.WriteLine($"{language} {evaluation.Match.TemplateId}: {evaluation.Assessment.SecurityWords} | {evaluation.Assessment.SecurityDetail}");
        foreach (var f in evaluation.Findings)
        {
            Console.WriteLine($"  {f.Cwe}: {f.Message}");
        }

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
}
