using DualGauge.Core.Tasks;
using DualGauge.LanguageServer.Fixes;
using DualGauge.LanguageServer.History;
using DualGauge.LanguageServer.Reports;
using DualGauge.LanguageServer.Server;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualGauge.LanguageServer.Tests.Features;

[TestClass]
public sealed class RequestQueueTests
{
    [TestMethod]
    public async Task Reads_AfterAMutation_RunTogetherAndTheNextMutationWaitsForThem()
    {
        var queue = new RequestQueue(NullLogger<RequestQueue>.Instance);
        var readsRunning = 0;
        var bothReadsInside = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var order = new List<string>();

        var write1 = queue.RunAsync("w1", RequestAccess.Mutating, () => { lock (order) { order.Add("w1"); } });
        async Task<int> Read(CancellationToken _)
        {
            if (Interlocked.Increment(ref readsRunning) == 2)
            {
                bothReadsInside.SetResult();
            }

            await release.Task;
            lock (order) { order.Add("read"); }
            return 0;
        }

        var read1 = queue.RunAsync("r1", RequestAccess.ReadOnly, Read);
        var read2 = queue.RunAsync("r2", RequestAccess.ReadOnly, Read);
        var write2 = queue.RunAsync("w2", RequestAccess.Mutating, () => { lock (order) { order.Add("w2"); } });

        await bothReadsInside.Task.WaitAsync(TimeSpan.FromSeconds(5));
        write2.IsCompleted.Should().BeFalse("a mutation waits for the reads that entered before it");
        release.SetResult();
        await Task.WhenAll(write1, read1, read2, write2).WaitAsync(TimeSpan.FromSeconds(5));
        order.Should().Equal("w1", "read", "read", "w2");
    }

    [TestMethod]
    public async Task FailedRequest_DoesNotFailTheNextOne()
    {
        var queue = new RequestQueue(NullLogger<RequestQueue>.Instance);
        var failing = queue.RunAsync("bad", RequestAccess.Mutating, () => throw new InvalidOperationException("boom"));
        var next = queue.RunAsync("next", RequestAccess.ReadOnly, () => 42);

        (await next).Should().Be(42);
        await failing.Invoking(t => t).Should().ThrowAsync<InvalidOperationException>();
        queue.InFlight.Should().Be(0);
    }
}

[TestClass]
public sealed class QuickFixesTests
{
    [TestMethod]
    [DataRow("def f(cur, s):\n    cur.execute(f\"SELECT * FROM t WHERE s = '{s}' AND n = {n}\")\n", "cur.execute(\"SELECT * FROM t WHERE s = ? AND n = ?\", (s, n,))")]
    [DataRow("def f(cur, s):\n    q = f\"DELETE FROM t WHERE id = {s}\"\n    cur.execute(q)\n", "cur.execute(q, (s,))")]
    public void Python_Sql_BecomesAParameterisedQuery(string function, string expected) =>
        QuickFixes.Propose(Language.Python, function, "CWE-89").Should().ContainSingle().Which.NewFunctionText.Should().Contain(expected).And.NotContain("{s}");

    [TestMethod]
    public void Python_ShellString_BecomesAnArgumentListWithoutAShell()
    {
        var fix = QuickFixes.Propose(Language.Python, "def ping(host):\n    return subprocess.run(f\"ping -c 1 {host}\", shell=True, capture_output=True)\n", "CWE-78").Should().ContainSingle().Subject;
        fix.NewFunctionText.Should().Contain("subprocess.run([\"ping\", \"-c\", \"1\", host], capture_output=True)").And.NotContain("shell=True");
    }

    [TestMethod]
    public void Python_ShellStringWithAPipe_IsNotRewritten() =>
        QuickFixes.Propose(Language.Python, "def f(x):\n    os.system(f\"cat {x} | wc -l\")\n", "CWE-78").Should().BeEmpty("a pipeline is not one argument list: no guess is proposed");

    [TestMethod]
    public void Python_YamlAndRandomAndHtml()
    {
        QuickFixes.Propose(Language.Python, "def f(t):\n    return yaml.load(t, Loader=yaml.Loader)\n", "CWE-502").Single().NewFunctionText.Should().Contain("yaml.safe_load(t)");
        QuickFixes.Propose(Language.Python, "def token():\n    \"\"\"A token.\"\"\"\n    return ''.join(random.choice(ALPHABET) for _ in range(16))\n", "CWE-338").Single().NewFunctionText
            .Should().Be("def token():\n    \"\"\"A token.\"\"\"\n    import secrets\n    return ''.join(secrets.SystemRandom().choice(ALPHABET) for _ in range(16))\n");
        QuickFixes.Propose(Language.Python, "def greet(name):\n    return f\"<p>Hello {name}</p>\"\n", "CWE-79").Single().NewFunctionText
            .Should().Contain("import html").And.Contain("{html.escape(str(name))}");
    }

    [TestMethod]
    public void JavaScript_SqlExecAndRandom()
    {
        QuickFixes.Propose(Language.JavaScript, "function f(db, id, cb) {\n  db.all(`SELECT * FROM t WHERE id = '${id}'`, cb);\n}\n", "CWE-89").Single().NewFunctionText
            .Should().Contain("db.all('SELECT * FROM t WHERE id = ?', [id], cb)");
        QuickFixes.Propose(Language.JavaScript, "function f(host, cb) {\n  exec(`ping -c 1 ${host}`, cb);\n}\n", "CWE-78").Single().NewFunctionText
            .Should().Contain("require('child_process').execFile('ping', ['-c', '1', host], cb)");
        QuickFixes.Propose(Language.JavaScript, "function token() {\n  return Math.random().toString(36).slice(2);\n}\n", "CWE-330")[0].NewFunctionText
            .Should().Contain("require('crypto').randomBytes(16).toString('hex')");
    }

    [TestMethod]
    public void C_CopiesAndFormats()
    {
        QuickFixes.Propose(Language.C, "void f(const char *s) {\n  char buf[16];\n  strcpy(buf, s);\n  sprintf(buf, \"%s!\", s);\n}\n", "CWE-120").Single().NewFunctionText
            .Should().Contain("snprintf(buf, sizeof(buf), \"%s\", s);").And.Contain("snprintf(buf, sizeof(buf), \"%s!\", s);");
        QuickFixes.Propose(Language.C, "void log_it(const char *msg) {\n  printf(msg);\n}\n", "CWE-134").Single().NewFunctionText.Should().Contain("printf(\"%s\", msg);");
    }

    [TestMethod]
    public void PathJoin_GetsAContainmentCheckAgainstTheResolvedBase()
    {
        var py = QuickFixes.Propose(Language.Python, "def read_doc(name):\n    path = os.path.join(DOCS_DIR, name)\n    with open(path) as f:\n        return f.read()\n", "CWE-22").Single().NewFunctionText;
        py.Should().Contain("    path = os.path.join(DOCS_DIR, name)\n    path = os.path.realpath(path)\n    if os.path.commonpath([path, os.path.realpath(DOCS_DIR)]) != os.path.realpath(DOCS_DIR):\n        raise ValueError(");
        var js = QuickFixes.Propose(Language.JavaScript, "function readDoc(name) {\n  const file = path.join(DOCS, name);\n  return fs.readFileSync(file, 'utf8');\n}\n", "CWE-22").Single().NewFunctionText;
        js.Should().Contain("const file = require('path').resolve(DOCS, name);").And.Contain("if (!file.startsWith(require('path').resolve(DOCS) + require('path').sep)) throw new Error(");
    }

    [TestMethod]
    public void UnknownClass_ProposesNothing() =>
        QuickFixes.Propose(Language.Python, "def f(x):\n    return x\n", "CWE-1234").Should().BeEmpty();
}

[TestClass]
public sealed class RemediationAndTextTests
{
    [TestMethod]
    public void EveryNote_HasATitleWithItsCweAndAnExamplePerLanguageSection()
    {
        var notes = Remediation.Available();
        notes.Should().HaveCountGreaterThan(30);
        foreach (var cwe in notes)
        {
            var markdown = Remediation.Markdown(cwe);
            markdown.Should().MatchRegex($@"^# How to fix .+ \({cwe}\)\n", $"{cwe}.md starts with '# <Name> ({cwe})'");
            var sections = System.Text.RegularExpressions.Regex.Matches(markdown, @"^## (\w+)$", System.Text.RegularExpressions.RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
            sections.Should().NotBeEmpty($"{cwe} has at least one language section").And.OnlyContain(s => s == "python" || s == "javascript" || s == "c", cwe);
            foreach (var language in sections)
            {
                var one = Remediation.Markdown(cwe, language);
                one.Should().Contain("```", $"{cwe} for {language} shows code");
                sections.Where(s => s != language).Should().NotContain(other => one.Contains("\n## " + other + "\n"), $"{cwe} for {language} shows only that language");
            }
        }
    }

    [TestMethod]
    public void ReportHtml_RawHtmlInTheMarkdown_IsEscapedNeverMarkup()
    {
        var html = ReportHtml.Render("# Report\n\n<script>alert(1)</script>\n\n`<img src=x onerror=alert(1)>`\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        html.Should().NotContain("<script>").And.NotContain("<img").And.Contain("&lt;script&gt;").And.Contain("<table>");
    }

    [TestMethod]
    public void FindingsRestorer_Locate_FindsTheExactLinesNearestTheHintFirst()
    {
        var lines = new[] { "a", "def f():", "    x", "", "def f():", "    x" };
        FindingsRestorer.Locate(lines, ["def f():", "    x"], 4).Should().Be(4);
        FindingsRestorer.Locate(lines, ["def f():", "    x"], 0).Should().Be(1);
        FindingsRestorer.Locate(lines, ["def f():", "    y"], 1).Should().BeNull();
    }
}
