using System.Diagnostics;
using System.Text.Json;
using System.Xml.Linq;
using DualGauge.TestUtilities.Cli;
using FluentAssertions;

namespace DualGauge.Cli.Tests;

/// <summary>
/// <c>dualgauge check</c> in real git repositories made by the tests, against the real Docker sandbox: the gate on
/// the functions a pull request adds, its outputs, baseline, cache and exit codes.
/// </summary>
[TestClass]
public sealed class CheckTests
{
    private const string Legacy = """
        import sqlite3


        def legacy_lookup(conn, code):
            cur = conn.cursor()
            cur.execute("SELECT id FROM coupons WHERE code = '%s'" % code)
            return cur.fetchall()
        """;

    // Line 4: the injectable function's header; line 6: its sink. Line 10: the secure one's header.
    private const string Orders = """
        import sqlite3


        def orders_for_customer(conn, customer):
            cur = conn.cursor()
            cur.execute(f"SELECT id, total FROM orders WHERE customer = '{customer}'")
            return cur.fetchall()


        def orders_for_customer_safe(conn, customer):
            cur = conn.cursor()
            cur.execute("SELECT id, total FROM orders WHERE customer = ?", (customer,))
            return cur.fetchall()
        """;

    private static GitFixture PullRequest()
    {
        var repo = new GitFixture();
        repo.Write("legacy.py", Legacy);
        repo.Write("README.md", "# shop\n");
        repo.Commit("initial");
        repo.Git("checkout", "-q", "-b", "feature");
        repo.Write("shop/orders.py", Orders);
        repo.Commit("Add order lookups");
        return repo;
    }

    private static Task<(int ExitCode, string Output)> Check(GitFixture repo, params string[] args) =>
        CheckIn(repo, null, args);

    private static Task<(int ExitCode, string Output)> CheckIn(GitFixture repo, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var env = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = null, ["GITHUB_STEP_SUMMARY"] = null };
        foreach (var (k, v) in environment ?? new Dictionary<string, string?>())
        {
            env[k] = v;
        }

        return CliProcess.RunAsync(repo.Root, env, ["check", .. args, "--cache-dir", repo.Cache, "--tasks", repo.EmptyTasks]);
    }

    private static JsonElement[] SarifResults(string file)
    {
        using var sarif = JsonDocument.Parse(File.ReadAllText(file));
        return sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    private static JsonElement Json(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        return json.RootElement.Clone();
    }

    [TestMethod]
    public async Task Diff_AddsOneInjectableAndOneSecureFunction_FailsWithExactlyOneErrorAtTheSink()
    {
        using var repo = PullRequest();
        var sarif = Path.Combine(repo.Root + "-cache", "out.sarif");
        var json = Path.Combine(repo.Root + "-cache", "out.json");
        var junit = Path.Combine(repo.Root + "-cache", "out.xml");
        var summary = Path.Combine(repo.Root + "-cache", "summary.md");

        var (exit, output) = await CheckIn(repo, new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary },
            "--diff", "main", "--sarif", sarif, "--json", json, "--junit", junit);

        exit.Should().Be(1, output);
        var errors = SarifResults(sarif).Where(r => r.GetProperty("level").GetString() == "error").ToList();
        errors.Should().ContainSingle(output);
        var error = errors[0];
        error.GetProperty("ruleId").GetString().Should().Be("CWE-89");
        var location = error.GetProperty("locations")[0].GetProperty("physicalLocation");
        location.GetProperty("artifactLocation").GetProperty("uri").GetString().Should().Be("shop/orders.py");
        location.GetProperty("region").GetProperty("startLine").GetInt32().Should().Be(6, "the finding sits on the execute() line");
        error.GetProperty("message").GetProperty("text").GetString().Should().StartWith("SQL injection (CWE-89) in orders_for_customer:");
        error.GetProperty("partialFingerprints").GetProperty("dualgauge/v1").GetString().Should().HaveLength(32);

        // The unchanged legacy function is not part of the change, so it is not checked at all.
        output.Should().NotContain("legacy_lookup");
        var report = Json(json);
        report.GetProperty("functions").EnumerateArray().Select(f => (f.GetProperty("function").GetString(), f.GetProperty("verdict").GetString()))
            .Should().BeEquivalentTo([("orders_for_customer", "insecure"), ("orders_for_customer_safe", "secure")]);
        report.GetProperty("sandboxJobs").GetInt32().Should().Be(2);

        // GitHub: exactly one ::error workflow command, at the file and line; the job summary has the tables.
        output.Split('\n').Where(l => l.StartsWith("::error ", StringComparison.Ordinal)).Should().ContainSingle()
            .Which.Should().StartWith("::error file=shop/orders.py,line=6,title=SQL injection (CWE-89)::");
        var markdown = File.ReadAllText(summary);
        markdown.Should().Contain("## DualGauge check: failed (1 function)").And.Contain("| insecure | 1 | yes |").And.Contain("| secure | 1 | no |")
            .And.Contain("[CWE-89](https://cwe.mitre.org/data/definitions/89.html) | SQL injection | 1 | 0 | 1 |");

        var suites = XDocument.Load(junit).Root!;
        suites.Attribute("tests")!.Value.Should().Be("2");
        suites.Attribute("failures")!.Value.Should().Be("1");
        suites.Descendants("testcase").Single(t => t.Element("failure") is not null).Attribute("name")!.Value.Should().Be("orders_for_customer (line 4)");
    }

    [TestMethod]
    public async Task Diff_InJavaScriptAndCFiles_FindsTheInjectionAndTheOverflow()
    {
        using var repo = new GitFixture();
        repo.Write("README.md", "x\n");
        repo.Commit("initial");
        repo.Write("src/net.js", """
            const { execSync } = require('child_process');

            function pingHost(host) {
              const out = execSync('ping -c 1 ' + host, { encoding: 'utf8' });
              return out.includes('1 received');
            }

            module.exports = { pingHost };
            """);
        repo.Write("src/label.c", """
            #include <stdio.h>
            #include <stdlib.h>
            #include <string.h>

            char *shipping_label(const char *name, int parcels)
            {
                char label[32];
                sprintf(label, "Ship to %s (%d parcels)", name, parcels);
                return strdup(label);
            }
            """);
        repo.Commit("net and labels");
        var json = Path.Combine(repo.Cache + "-langs.json");

        var (exit, output) = await Check(repo, "--diff", "HEAD~1", "--json", json);

        exit.Should().Be(1, output);
        var functions = Json(json).GetProperty("functions").EnumerateArray().ToDictionary(f => f.GetProperty("function").GetString()!);
        functions["pingHost"].GetProperty("verdict").GetString().Should().Be("insecure", output);
        functions["pingHost"].GetProperty("findings").EnumerateArray().Select(f => (f.GetProperty("ruleId").GetString(), f.GetProperty("line").GetInt32()))
            .Should().Contain(("CWE-78", 4));
        functions["shipping_label"].GetProperty("verdict").GetString().Should().Be("insecure", output);
        functions["shipping_label"].GetProperty("cwesFound").EnumerateArray().Select(c => c.GetString())
            .Should().IntersectWith(["CWE-119", "CWE-120", "CWE-121", "CWE-787"], output);
        File.Delete(json);
    }

    [TestMethod]
    public async Task Sarif_ValidatesWithMicrosoftsMultitool()
    {
        var tool = Path.Combine(CliProcess.RepositoryRoot, "tests", "tools", "node_modules", ".bin", "sarif-multitool");
        if (!File.Exists(tool))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail($"the SARIF Multitool is missing at {tool}: scripts/setup.sh installs it with DUALGAUGE_SETUP_TEST_TOOLS=1");
            }

            Assert.Inconclusive($"the SARIF Multitool is not installed at {tool} (cd tests/tools && npm ci)");
        }

        using var repo = PullRequest();
        // One accepted finding (inline marker) and one function nothing can judge: every kind of result in the file.
        repo.Write("shop/more.py", """
            import sqlite3


            def coupon(conn, code):
                # dualgauge-ignore[CWE-89]: codes come from our own printed vouchers only
                cur = conn.cursor()
                cur.execute("SELECT id FROM coupons WHERE code = '" + code + "'")
                return cur.fetchall()
            """);
        repo.Commit("more");
        var sarif = Path.Combine(repo.Cache + "-out.sarif");
        var (exit, output) = await Check(repo, "--diff", "main", "--sarif", sarif);
        exit.Should().Be(1, output);

        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "validate", sarif })
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var text = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, text);
        text.Should().Contain("Analysis completed successfully").And.NotContain(": error ");
        SarifResults(sarif).Any(r => r.TryGetProperty("suppressions", out var s) && s[0].GetProperty("kind").GetString() == "inSource").Should().BeTrue("the marker's finding is in the file with an in-source suppression");
        File.Delete(sarif);
    }

    [TestMethod]
    public async Task Baseline_AcceptsTheKnownFindingOnTheNextRun_AndMovingTheFunctionKeepsItsFingerprint()
    {
        using var repo = PullRequest();
        var baseline = Path.Combine(repo.Cache + "-baseline.json");
        var first = Path.Combine(repo.Cache + "-1.sarif");
        var (exit, output) = await Check(repo, "--diff", "main", "--write-baseline", baseline, "--sarif", first);
        exit.Should().Be(1, output);
        output.Should().Contain("1 finding(s) accepted from now on");
        var fingerprint = SarifResults(first).Single(r => r.GetProperty("level").GetString() == "error").GetProperty("partialFingerprints").GetProperty("dualgauge/v1").GetString();

        // Move the functions down: new code above them, same code in them.
        repo.Write("shop/orders.py", "\"\"\"Order queries.\"\"\"\nPAGE = 50\n\n\n" + Orders);
        repo.Commit("move the lookups down");
        var second = Path.Combine(repo.Cache + "-2.sarif");
        (exit, output) = await Check(repo, "--diff", "main", "--baseline", baseline, "--sarif", second);

        exit.Should().Be(0, output);
        output.Should().Contain("accepted").And.Contain("check passed");
        var moved = SarifResults(second).Single(r => r.GetProperty("ruleId").GetString() == "CWE-89");
        moved.GetProperty("partialFingerprints").GetProperty("dualgauge/v1").GetString().Should().Be(fingerprint, "a line move keeps the fingerprint");
        moved.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32().Should().Be(10);
        moved.GetProperty("suppressions")[0].GetProperty("kind").GetString().Should().Be("external");
        moved.GetProperty("baselineState").GetString().Should().Be("unchanged");
        foreach (var f in new[] { baseline, first, second })
        {
            File.Delete(f);
        }
    }

    [TestMethod]
    public async Task UnchangedRerun_IsServedFromTheCache_WithNoSandboxJob()
    {
        using var repo = PullRequest();
        var (exit, output) = await Check(repo, "--diff", "main");
        exit.Should().Be(1, output);

        // The same check with Docker unreachable: it can only succeed if no sandbox job is needed.
        var json = Path.Combine(repo.Cache + "-rerun.json");
        (exit, output) = await Check(repo, "--diff", "main", "--json", json, "--docker-host", "unix:///nonexistent/docker.sock");

        exit.Should().Be(1, "the cached verdict is still insecure: " + output);
        var report = Json(json);
        report.GetProperty("sandboxJobs").GetInt32().Should().Be(0);
        report.GetProperty("cacheHits").GetInt32().Should().Be(2);
        report.GetProperty("functions").EnumerateArray().Should().OnlyContain(f => f.GetProperty("cached").GetBoolean());
        output.Should().Contain("(2 cached, 0 sandbox job(s))");
        File.Delete(json);
    }

    [TestMethod]
    public async Task FailOn_Thresholds_AndExitCodes()
    {
        using var repo = new GitFixture();
        repo.Write("calc.py", "def add(a, b):\n    return a + b\n");
        repo.Commit("initial");
        repo.Write("calc.py", "def add(a, b):\n    return a + b\n\n\ndef scale(values, factor):\n    return [v * factor for v in values]\n");
        repo.Commit("scale");

        // Nothing fits a pure arithmetic helper: not matched, which fails only when not-judged code fails the gate.
        var (exit, output) = await Check(repo, "--diff", "HEAD~1");
        exit.Should().Be(0, output);
        output.Should().Contain("not matched").And.Contain("scale").And.NotContain("calc.py:1 add");
        (exit, output) = await Check(repo, "--diff", "HEAD~1", "--fail-on", "not-judged");
        exit.Should().Be(0, "not judged means a template matched and nothing decided; nothing matched here: " + output);
        (exit, output) = await Check(repo, "--diff", "HEAD~1", "--fail-on", "not-matched");
        exit.Should().Be(1, output);
        (exit, output) = await Check(repo, "--diff", "HEAD~1", "--fail-on", "any");
        exit.Should().Be(1, output);
        (exit, output) = await Check(repo, "--diff", "HEAD~1", "--fail-on", "broken,insecure");
        exit.Should().Be(0, output);

        // Bad input: exit 2 with what and where.
        (exit, output) = await Check(repo, "--diff", "HEAD~1", "--fail-on", "sometimes");
        exit.Should().Be(2, output);
        output.Should().Contain("--fail-on 'sometimes' is not one of insecure, broken, not-judged, not-matched, any");
        (exit, output) = await Check(repo, "--diff", "no-such-branch");
        exit.Should().Be(2, output);
        output.Should().Contain("'no-such-branch' is not a commit of");
        (exit, output) = await Check(repo, "--diff", "HEAD~1", "--staged");
        exit.Should().Be(2, output);
        var badBaseline = Path.Combine(repo.Cache + "-bad.json");
        File.WriteAllText(badBaseline, "{ \"version\": 1, \"findings\": [ { \"ruleId\": \"CWE-89\" } ] }");
        (exit, output) = await Check(repo, "--diff", "HEAD~1", "--baseline", badBaseline);
        exit.Should().Be(2, output);
        output.Should().Contain(badBaseline).And.Contain("findings[0] has no \"fingerprint\"");
        File.Delete(badBaseline);

        // Docker down and nothing cached: 3, and never "passed".
        using var pr = PullRequest();
        (exit, output) = await Check(pr, "--diff", "main", "--no-cache", "--docker-host", "unix:///nonexistent/docker.sock");
        exit.Should().Be(3, output);
        output.Should().Contain("the sandbox is unreachable").And.NotContain("check passed");
    }

    [TestMethod]
    public async Task Diff_WithDeletedRenamedBinaryFilesAndAMergeCommit_SaysWhatItDidWithEach()
    {
        using var repo = new GitFixture();
        repo.Write("old.py", "def gone(x):\n    return x\n");
        repo.Write("tools/paths.py", "import os\n\n\ndef join_all(parts):\n    return os.path.join(*parts)\n");
        repo.Commit("initial");
        repo.Git("checkout", "-q", "-b", "feature");
        repo.Git("rm", "-q", "old.py");
        repo.Git("mv", "tools/paths.py", "tools/pathutil.py");
        repo.WriteBytes("blob.py", [0x64, 0x65, 0x66, 0x00, 0x01, 0x02]);
        repo.Commit("delete, rename, binary");
        // A side branch merged into the feature branch brings the injectable function in.
        repo.Git("checkout", "-q", "-b", "side", "main");
        repo.Write("shop/orders.py", Orders);
        repo.Commit("orders on a side branch");
        repo.Git("checkout", "-q", "feature");
        repo.Git("merge", "-q", "--no-ff", "--no-edit", "side");

        var (exit, output) = await Check(repo, "--diff", "main");

        exit.Should().Be(1, output);
        output.Should().Contain("is a merge commit");
        output.Should().Contain("old.py: deleted: no code left to check");
        output.Should().Contain("tools/pathutil.py (renamed from tools/paths.py): renamed with its content unchanged: no new code to check");
        output.Should().Contain("blob.py: binary content");
        output.Should().Contain("insecure     shop/orders.py:4 orders_for_customer");
        output.Should().NotContain("join_all").And.NotContain("gone");
    }

    [TestMethod]
    public async Task InlineMarker_WithAReasonAcceptsOneCwe_AndIsListedInTheSummary()
    {
        using var repo = new GitFixture();
        repo.Write("README.md", "x\n");
        repo.Commit("initial");
        repo.Write("coupons.py", """
            import sqlite3


            def coupon(conn, code):
                # dualgauge-ignore[CWE-89]: codes come from our own printed vouchers only
                cur = conn.cursor()
                cur.execute("SELECT id FROM coupons WHERE code = '" + code + "'")
                return cur.fetchall()


            def coupon_unexplained(conn, code):
                # dualgauge-ignore[CWE-89]
                cur = conn.cursor()
                cur.execute("SELECT id FROM coupons WHERE code = '" + code + "'")
                return cur.fetchall()
            """);
        repo.Git("add", "-A");
        var summary = Path.Combine(repo.Cache + "-summary.md");

        // --staged: the index, before any commit of it.
        var (exit, output) = await Check(repo, "--staged", "--summary", summary);

        exit.Should().Be(1, "a marker without a reason accepts nothing: " + output);
        output.Should().Contain("accepted     coupons.py:4 coupon: CWE-89 accepted (inline: codes come from our own printed vouchers only (line 5))");
        output.Should().Contain("insecure     coupons.py:11 coupon_unexplained");
        File.ReadAllText(summary).Should().Contain("### Accepted findings").And.Contain("CWE-89 in coupon: inline, codes come from our own printed vouchers only");
        File.Delete(summary);
    }

    [TestMethod]
    public async Task BareMarker_SkipsAFunctionVisibly_AndIgnoreMarkersRunsItAnyway()
    {
        using var repo = new GitFixture();
        repo.Write("README.md", "x\n");
        repo.Commit("initial");
        repo.Write("hide.py", """
            import sqlite3


            # dualgauge-ignore
            def lookup(conn, code):
                cur = conn.cursor()
                cur.execute("SELECT id FROM coupons WHERE code = '" + code + "'")
                return cur.fetchall()


            def lookup_accepted(conn, code):
                # dualgauge-ignore[CWE-89]: trust me
                cur = conn.cursor()
                cur.execute("SELECT id FROM coupons WHERE code = '" + code + "'")
                return cur.fetchall()
            """);
        repo.Commit("hide it");
        var summary = Path.Combine(repo.Cache + "-hide.md");

        var (exit, output) = await Check(repo, "--diff", "HEAD~1", "--summary", summary);
        exit.Should().Be(0, "the default gate honours the author's markers: " + output);
        output.Should().Contain("ignored      hide.py:5 lookup: skipped by the dualgauge-ignore marker on line 4");
        output.Should().Contain("accepted     hide.py:11 lookup_accepted");
        File.ReadAllText(summary).Should().Contain("lookup: ignored, skipped by the dualgauge-ignore marker on line 4");
        (exit, output) = await Check(repo, "--diff", "HEAD~1", "--fail-on", "insecure,not-matched");
        exit.Should().Be(1, "a marker-skipped function fails when not-matched does: " + output);

        // Code from an author who is not trusted: markers count for nothing.
        (exit, output) = await Check(repo, "--diff", "HEAD~1", "--ignore-markers");
        exit.Should().Be(1, output);
        output.Should().Contain("insecure     hide.py:5 lookup: CWE-89 at line 7").And.Contain("insecure     hide.py:11 lookup_accepted").And.Contain("CWE-89 at line 14");
        File.Delete(summary);
    }

    [TestMethod]
    public async Task AiOnly_ChecksOnlyCodeFromCommitsWithAnAssistantTrailer()
    {
        using var repo = new GitFixture();
        repo.Write("README.md", "x\n");
        repo.Commit("initial");
        repo.Git("checkout", "-q", "-b", "feature");
        repo.Write("shop/orders.py", Orders);
        repo.Commit("Add order lookups by hand");
        repo.Write("shop/coupons.py", Legacy);
        repo.Commit("Add coupon lookup\n\nCo-authored-by: GitHub Copilot <copilot@github.com>");

        var (exit, output) = await Check(repo, "--diff", "main", "--ai-only");

        exit.Should().Be(1, output);
        output.Should().Contain("1 assistant commit(s)").And.Contain("shop/coupons.py:4 legacy_lookup").And.NotContain("orders_for_customer");
    }

    [TestMethod]
    public async Task Paths_OutsideARepository_CheckEveryFunction_AndSkipSymlinks()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dg-check-plain-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "orders.py"), Orders);
            File.CreateSymbolicLink(Path.Combine(folder, "link.py"), "/etc/hostname");
            using (var mkfifo = Process.Start("mkfifo", Path.Combine(folder, "pipe.py")))
            {
                await mkfifo.WaitForExitAsync();
            }

            // The folder itself: every file in it, the FIFO never opened (a read would block forever).
            var (exit, output) = await CliProcess.RunAsync(folder, new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = null }, "check", ".", "link.py", "--no-cache", "--tasks", folder);
            output.Should().Contain("pipe.py: not a regular file (a FIFO)");

            exit.Should().Be(1, output);
            output.Should().Contain("link.py: ").And.Contain("symbolic link");
            output.Should().Contain("insecure     orders.py:4 orders_for_customer").And.Contain("secure       orders.py:10 orders_for_customer_safe");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>The GitHub Action and the pre-commit hook drive the real CLI with options it has.</summary>
[TestClass]
public sealed class CheckIntegrationFilesTests
{
    private static string RepoFile(string name) => Path.Combine(CliProcess.RepositoryRoot, name);

    [TestMethod]
    public async Task ActionCheckStep_RunsTheRealCli_AndReportsItsExitCode()
    {
        var yaml = new YamlDotNet.Serialization.DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(File.ReadAllText(RepoFile("action.yml")));
        var steps = (List<object>)((Dictionary<object, object>)yaml["runs"])["steps"];
        var check = steps.Cast<Dictionary<object, object>>().Single(s => s.TryGetValue("id", out var id) && (string)id == "check");
        var script = (string)check["run"];

        using var repo = new GitFixture();
        repo.Write("README.md", "x\n");
        repo.Commit("initial");
        repo.Git("checkout", "-q", "-b", "feature");
        repo.Write("db.py", "import sqlite3\n\n\ndef by_name(conn, name):\n    return conn.execute(\"SELECT id FROM people WHERE name = '\" + name + \"'\").fetchall()\n");
        var head = repo.Commit("add");

        // RUNNER_TEMP/dualgauge/dualgauge is what the action's build step publishes; here it is the tested build.
        var runnerTemp = Path.Combine(repo.Cache + "-runner");
        Directory.CreateDirectory(Path.Combine(runnerTemp, "dualgauge"));
        var launcher = Path.Combine(runnerTemp, "dualgauge", "dualgauge");
        File.WriteAllText(launcher, $"#!/usr/bin/env bash\nexec dotnet \"{Path.Combine(AppContext.BaseDirectory, "dualgauge.dll")}\" \"$@\" --cache-dir \"{repo.Cache}\" --tasks \"{repo.EmptyTasks}\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(launcher, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var outputFile = Path.Combine(runnerTemp, "github-output");
        var summary = Path.Combine(runnerTemp, "summary.md");

        var info = new ProcessStartInfo("bash") { WorkingDirectory = repo.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-e");
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        info.Environment["RUNNER_TEMP"] = runnerTemp;
        info.Environment["GITHUB_OUTPUT"] = outputFile;
        info.Environment["GITHUB_ACTIONS"] = "true";
        info.Environment["GITHUB_STEP_SUMMARY"] = summary;
        info.Environment["INPUT_BASE"] = "main";
        info.Environment["INPUT_FAIL_ON"] = "insecure";
        info.Environment["INPUT_AI_ONLY"] = "false";
        info.Environment["INPUT_AI_PATHS"] = "";
        info.Environment["INPUT_BASELINE"] = "";
        info.Environment["INPUT_SARIF"] = Path.Combine(runnerTemp, "dualgauge.sarif");
        info.Environment["INPUT_PARALLEL"] = "2";
        using var process = Process.Start(info)!;
        var text = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        process.ExitCode.Should().Be(0, "the step records the exit code and leaves the gate to the last step: " + text);
        File.ReadAllText(outputFile).Should().Contain("exit-code=1", text);
        text.Should().Contain("::error file=db.py,line=5,title=SQL injection (CWE-89)::");
        File.Exists(Path.Combine(runnerTemp, "dualgauge.sarif")).Should().BeTrue();
        File.ReadAllText(summary).Should().Contain("DualGauge check: failed");
        head.Should().NotBeNullOrEmpty();
        Directory.Delete(runnerTemp, recursive: true);
    }

    [TestMethod]
    public async Task ActionAndPreCommitHook_UseOnlyOptionsTheCheckCommandHas()
    {
        var (exit, help) = await CliProcess.RunAsync(CliProcess.RepositoryRoot, null, "check", "--help");
        exit.Should().Be(0, help);
        foreach (var file in new[] { "action.yml", ".pre-commit-hooks.yaml" })
        {
            // Every long option in the file is one dualgauge check has (dotnet's own options there are single-dash).
            var options = System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(RepoFile(file)), @"(?<![\w-])--[a-z][a-z-]+").Select(m => m.Value).Distinct().ToList();
            options.Should().Contain(file == "action.yml" ? "--diff" : "--staged");
            foreach (var option in options)
            {
                help.Should().Contain(option, $"{file} passes {option} to dualgauge check");
            }
        }
    }
}
