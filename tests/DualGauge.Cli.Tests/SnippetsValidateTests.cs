using System.Text.Json;
using DualGauge.TestUtilities.Cli;
using FluentAssertions;

namespace DualGauge.Cli.Tests;

/// <summary><c>dualgauge snippets validate</c>: the real CLI on small labelled corpora, against the real Docker sandbox.</summary>
[TestClass]
public sealed class SnippetsValidateTests
{
    private const string InsecureLoader = """
        # corpus: label=insecure cwe=CWE-22 function=load_template
        import os
        from string import Template

        TEMPLATE_ROOT = "/opt/mailer/templates"


        def load_template(template_name: str, **context) -> str:
            if not template_name.endswith(".txt"):
                template_name += ".txt"
            with open(os.path.join(TEMPLATE_ROOT, template_name), encoding="utf-8") as fh:
                raw = fh.read()
            return Template(raw).safe_substitute(context)
        """;

    private const string SecureLoader = """
        # corpus: label=secure cwe=CWE-22 function=load_template
        import os
        from string import Template

        TEMPLATE_ROOT = "/opt/mailer/templates"


        def load_template(template_name: str, **context) -> str:
            if not template_name.endswith(".txt"):
                template_name += ".txt"
            root = os.path.realpath(TEMPLATE_ROOT)
            candidate = os.path.realpath(os.path.join(root, template_name))
            if os.path.commonpath([root, candidate]) != root:
                raise PermissionError(f"template {template_name!r} is outside the template directory")
            with open(candidate, encoding="utf-8") as fh:
                raw = fh.read()
            return Template(raw).safe_substitute(context)
        """;

    private const string NeutralCart = """
        # corpus: label=neutral cwe=- function=total class=Cart
        class Cart:
            def __init__(self):
                self.items = []

            def add(self, price: float, quantity: int = 1) -> None:
                self.items.append((price, quantity))

            def total(self) -> float:
                return round(sum(p * q for p, q in self.items), 2)
        """;

    [TestMethod]
    public async Task Validate_ThreeFileCorpus_ScoresEachAgainstItsLabelPrintsTablesAndMissesTheVerdictRate()
    {
        var root = Corpus(("python/helpers/cwe22-load-template-insecure.py", InsecureLoader), ("python/helpers/cwe22-load-template-secure.py", SecureLoader), ("python/classes/neutral-cart-neutral.py", NeutralCart));
        var json = Path.Combine(root, "out", "snippets.json");

        var (exit, text) = await CliProcess.RunAsync(root, null, "snippets", "validate", "--corpus", Path.Combine(root, "corpus"), "--parallel", "2", "--json", json);

        exit.Should().Be(1, "2 of 3 snippets get a verdict, below the default 0.80; output:\n" + text);
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        lines.Should().Contain(l => l.StartsWith("ok ") && l.Contains("python/helpers/cwe22-load-template-insecure.py  insecure: CWE-22"), text);
        lines.Should().Contain(l => l.StartsWith("ok ") && l.Contains("python/helpers/cwe22-load-template-secure.py  secure against CWE-22"), text);
        lines.Should().Contain(l => l.StartsWith("NOT-JUDGED ") && l.Contains("python/classes/neutral-cart-neutral.py  not judged:"), text);
        lines.FindIndex(l => l.Contains("neutral-cart")).Should().BeLessThan(lines.FindIndex(l => l.Contains("load-template-insecure")), "lines come in file order");
        lines.Should().Contain("By language:").And.Contain("By CWE (the label's):");
        lines.Should().Contain(l => l.StartsWith("| python ") && l.Contains(" 1/1 100% |") && l.Contains(" 0/2 0% |"), "one insecure flagged, no false alarm on the other two; output:\n" + text);
        lines.Should().Contain(l => l.StartsWith("| CWE-22 ") && l.Contains(" 100% (2) |"), text);
        lines.Should().Contain(l => l.StartsWith("| neutral ") && l.Contains("0% (0)"), text);
        lines.Should().Contain("threshold missed: verdict rate 0.667 (2 of 3 snippets got a security verdict) is below --min-verdict-rate 0.80");
        lines.Where(l => l.StartsWith("threshold missed:")).Should().ContainSingle("only the verdict rate is missed; output:\n" + text);

        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        report.RootElement.GetProperty("passed").GetBoolean().Should().BeFalse();
        var total = report.RootElement.GetProperty("total");
        (total.GetProperty("snippets").GetInt32(), total.GetProperty("verdicts").GetInt32(), total.GetProperty("flaggedRightCwe").GetInt32(), total.GetProperty("falseAlarms").GetInt32(), total.GetProperty("unfounded").GetInt32())
            .Should().Be((3, 2, 1, 0, 0));
        var snippets = report.RootElement.GetProperty("snippets").EnumerateArray().ToDictionary(s => s.GetProperty("file").GetString()!);
        var insecure = snippets["python/helpers/cwe22-load-template-insecure.py"];
        insecure.GetProperty("outcome").GetString().Should().Be("ok");
        insecure.GetProperty("headerLine").GetInt32().Should().Be(8, "the def line, 1-based, in the file as written");
        insecure.GetProperty("cwesFound").EnumerateArray().Select(c => c.GetString()).Should().Contain("CWE-22");
        insecure.GetProperty("probesReached").GetInt32().Should().BeGreaterThan(0);
        snippets["python/helpers/cwe22-load-template-secure.py"].GetProperty("security").GetString().Should().Be("Secure");
        snippets["python/classes/neutral-cart-neutral.py"].GetProperty("security").GetString().Should().Be("NotJudged");
        snippets["python/classes/neutral-cart-neutral.py"].GetProperty("class").GetString().Should().Be("Cart");
    }

    [TestMethod]
    public async Task Validate_MalformedLabelsOnly_ExitsTwoNamingFileAndFieldWithoutStartingTheSandbox()
    {
        var root = Corpus(
            ("python/bad-label.py", "# corpus: label=sketchy cwe=CWE-89 function=f\ndef f(x):\n    return x\n"),
            ("javascript/bad-function.js", "// corpus: label=insecure cwe=CWE-78 function=runPing\nfunction ping(host) {\n  return host;\n}\n"));

        var (exit, text) = await CliProcess.RunAsync(root, new Dictionary<string, string?> { ["DOCKER_HOST"] = "unix:///tmp/no-docker-here.sock" }, "snippets", "validate", "--corpus", Path.Combine(root, "corpus"));

        exit.Should().Be(2, text);
        text.Should().Contain("LABEL-ERROR        python/bad-label.py: label: 'sketchy' is not insecure, secure or neutral")
            .And.Contain("LABEL-ERROR        javascript/bad-function.js: function: no function runPing in the file (functions: ping)")
            .And.Contain("error: no labelled snippet to evaluate in")
            .And.NotContain("sandbox unavailable");
    }

    [TestMethod]
    public async Task Validate_NoCorpusFolder_ExitsTwo_AndUnreachableDockerExitsThree()
    {
        var root = Corpus(("python/a.py", NeutralCart));

        var (missingExit, missingText) = await CliProcess.RunAsync(root, null, "snippets", "validate", "--corpus", Path.Combine(root, "no-such-corpus"));
        var (outsideExit, outsideText) = await CliProcess.RunAsync(root, null, "snippets", "validate");
        var (dockerExit, dockerText) = await CliProcess.RunAsync(root, new Dictionary<string, string?> { ["DOCKER_HOST"] = "unix:///tmp/no-docker-here.sock" }, "snippets", "validate", "--corpus", Path.Combine(root, "corpus"));

        missingExit.Should().Be(2, missingText);
        missingText.Should().Contain($"error: {Path.Combine(root, "no-such-corpus")}: no such corpus folder");
        outsideExit.Should().Be(2, outsideText);
        outsideText.Should().Contain("no --corpus given and no DualGauge.sln in").And.Contain("pass --corpus DIR");
        dockerExit.Should().Be(3, dockerText);
        dockerText.Should().Contain("sandbox unavailable").And.Contain("unix:///tmp/no-docker-here.sock");
    }

    /// <summary>A temporary folder holding <c>corpus/</c> with the given files (outside any repository).</summary>
    private static string Corpus(params (string Path, string Text)[] files)
    {
        var root = Path.Combine(Path.GetTempPath(), "dg-snippets-" + Guid.NewGuid().ToString("N"));
        foreach (var (relative, text) in files)
        {
            var path = Path.Combine(root, "corpus", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
        }

        return root;
    }
}
