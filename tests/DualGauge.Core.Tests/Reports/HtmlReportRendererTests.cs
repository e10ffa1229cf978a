using System.Diagnostics;
using System.Text.RegularExpressions;
using DualGauge.Core.Reports;
using DualGauge.Core.Tasks;
using DualGauge.Core.Tests.Metrics;
using DualGauge.Core.Verdicts;
using FluentAssertions;
using static DualGauge.Core.Tests.Metrics.FakeVerdicts;

namespace DualGauge.Core.Tests.Reports;

[TestClass]
public sealed class HtmlReportRendererTests
{
    private const string ScriptPayload = "</script><script>alert(1)</script>";
    private const string ImgPayload = "<img src=x onerror=alert(1)>";
    private const string AttributePayload = "m\" onmouseover=\"alert(1)";

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void Render_HostileSampleAndEvidence_EscapesEverything()
    {
        var html = new HtmlReportRenderer().Render(HostileReport());

        html.Should().NotContainEquivalentOf("<script");
        html.Should().NotContainEquivalentOf("<img");
        html.Should().NotContain("onmouseover=\"alert");
        html.Should().Contain("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
        html.Should().Contain("&lt;img src=x onerror=alert(1)&gt;");
        html.Should().Contain("m&quot; onmouseover=&quot;alert(1)");
        html.Should().Contain($"content=\"{HtmlReportRenderer.ContentSecurityPolicy}\"");
    }

    [TestMethod]
    public void Render_HostileReport_ParsesInChromiumWithoutScriptOrImageElements()
    {
        var chromium = Chromium();
        if (chromium is null)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail("Chromium is required under CI (set DG_CHROMIUM or put chromium on PATH).");
            }

            Assert.Inconclusive("Chromium not found (set DG_CHROMIUM or put chromium on PATH).");
            return;
        }

        var dir = Directory.CreateTempSubdirectory("dg-html-");
        try
        {
            var file = Path.Combine(dir.FullName, "report.html");
            File.WriteAllText(file, new HtmlReportRenderer().Render(HostileReport()));

            var dom = DumpDom(chromium, file, dir.FullName);

            // The browser's own parse: no element the payloads tried to create exists.
            dom.Should().Contain("DualGauge benchmark report");
            Regex.Matches(dom, "<script", RegexOptions.IgnoreCase).Should().BeEmpty();
            Regex.Matches(dom, "<img", RegexOptions.IgnoreCase).Should().BeEmpty();
            // Escaped text may still spell the payload; only a real attribute is followed by =" instead of =&quot;.
            Regex.Matches(dom, "<[a-z][^>]*\\sonmouseover=\"", RegexOptions.IgnoreCase).Should().BeEmpty();
            dom.Should().Contain("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [TestMethod]
    public void Render_TwoModels_DrawsChartsAndTables()
    {
        var report = BenchReport.Create(TwoModels(), Fixtures.Run, [1, 2]);

        var html = new HtmlReportRenderer().Render(report);

        Regex.Matches(html, "<svg[^>]*class=\"chart\"").Should().HaveCount(3, "models, pass@k and CWE charts");
        html.Should().Contain("<title>model-a · Joint %: 50.0%</title>");
        html.Should().Contain("<title>model-b · Functional %: 75.0%</title>");
        html.Should().Contain("<title>model-a pass@k at k = 2: 0.667</title>");
        html.Should().Contain("CWE-89 SQL injection");
        html.Should().Contain("<th class=\"num\">secure-pass@2</th>");
        Regex.Matches(html, "<details class=\"sample\"").Should().HaveCount(10);
        html.Should().Contain("<span class=\"badge insecure\">insecure</span>");
        html.Should().Contain("How to fix CWE-89 (SQL injection):");
    }

    [TestMethod]
    public void Render_RealisticReport_IsSelfContained()
    {
        var html = new HtmlReportRenderer().Render(RealisticReport.Create());

        html.Should().NotContainEquivalentOf("<script");
        html.Should().NotContainEquivalentOf("<link");
        // Every '<' of text is escaped, so "<tag ... src=" can only be a real element loading a resource.
        Regex.Matches(html, "<[a-z][^>]*\\s(src|href)=\"(?!#|https://cwe\\.mitre\\.org/)", RegexOptions.IgnoreCase).Should().BeEmpty();
        html.Should().NotContainEquivalentOf("@import");
        html.Should().NotContainEquivalentOf("url(");
        html.Should().Contain("class=\"ln hit\"", "the evidence line of an insecure sample is highlighted");

        // Kept for a human look (and the screenshot check): the path is printed in the test log.
        var path = Path.Combine(Path.GetTempPath(), "dualgauge-report-preview.html");
        File.WriteAllText(path, html);
        TestContext.WriteLine($"HTML preview written to {path}");
    }

    [TestMethod]
    public void Render_NoVerdicts_RendersEmptyState()
    {
        var html = new HtmlReportRenderer().Render(BenchReport.Create([], Fixtures.Run));

        html.Should().Contain("No samples were evaluated.");
        html.Should().EndWith("</html>\n");
    }

    internal static BenchReport HostileReport()
    {
        var evidence = $$"""{"ev":"sql","t":3,"test":"tautology_in_username","api":"sqlite3.execute","statement":"SELECT '{{ImgPayload}}'","line":2}""";
        var finding = Finding("sql-no-payload", $"The username {ImgPayload} reached the SQL text.", evidence);
        var verdict = Sample(AttributePayload, "py-sql-user-lookup", "s1", Language.Python, ["CWE-89"],
            [Fail(T1Finds, $"expected [], got {ScriptPayload}"), Fail(T1Tautology, "", finding)],
            trace: $$"""{"ev":"call","t":1,"test":"finds_existing_user","function":"find_user","args":["'{{ScriptPayload.Replace("\"", "\\\"")}}'"],"result":"[]"}""" + "\n" + evidence + "\n" + ScriptPayload)
            with { Stderr = ScriptPayload };
        var failed = Sample("model-b", "py-sql-user-lookup", "s2", Language.Python, ["CWE-89"], [WithStatus(T1Finds, TestStatus.NotRun)],
            SampleFailure.CompileError, $"SyntaxError near {ScriptPayload}");
        return BenchReport.Create([verdict, failed], Fixtures.Run with { CommandLine = $"dualgauge bench {ImgPayload}" }) with
        {
            SampleSources = new Dictionary<string, string> { [verdict.SamplePath!] = $"def find_user(conn, name):\n    return \"{ScriptPayload}\"\n" },
        };
    }

    private static string? Chromium()
    {
        var configured = Environment.GetEnvironmentVariable("DG_CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => new[] { Path.Combine(dir, "chromium"), Path.Combine(dir, "chromium-browser") })
            .FirstOrDefault(File.Exists);
    }

    private static string DumpDom(string chromium, string file, string profileParent)
    {
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            $"--user-data-dir={Path.Combine(profileParent, "profile")}", "--dump-dom", new Uri(file).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {chromium}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{chromium} --dump-dom did not finish within 60 s.");
        }

        process.ExitCode.Should().Be(0, $"chromium failed: {stderr.Result}");
        return stdout.Result;
    }
}
