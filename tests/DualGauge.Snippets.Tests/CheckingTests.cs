using System.Text;
using DualGauge.Snippets.Checking;
using FluentAssertions;

namespace DualGauge.Snippets.Tests;

/// <summary>The pure parts of <c>dualgauge check</c>: diffs, markers, fingerprints, the gate and baselines.</summary>
[TestClass]
public sealed class CheckingTests
{
    [TestMethod]
    public void ChangedLines_ReadsTheNewSideOfEachHunk_AndMarksBothSidesOfAPureDeletion()
    {
        const string diff = """
            diff --git a/x.py b/x.py
            --- a/x.py
            +++ b/x.py
            @@ -3,0 +4,2 @@ def f():
            +    a = 1
            +    b = 2
            @@ -10 +12 @@
            -old
            +new
            @@ -20,3 +21,0 @@
            -gone
            """;

        ChangeSet.ChangedLines(diff).Should().BeEquivalentTo([3, 4, 11, 20, 21]);
    }

    [TestMethod]
    public void HunksByPath_SplitsAWholeChangeByNewPath_IncludingQuotedPathsAndDeletions()
    {
        const string diff = "diff --git a/a.py b/a.py\nindex 1..2 100644\n--- a/a.py\n+++ b/a.py\n@@ -1 +1,2 @@\n+x\n+y\n"
            + "diff --git \"a/t\\tb.py\" \"b/t\\tb.py\"\n--- /dev/null\n+++ \"b/t\\tb.py\"\n@@ -0,0 +1 @@\n+z\n"
            + "diff --git a/gone.py b/gone.py\n--- a/gone.py\n+++ /dev/null\n@@ -1 +0,0 @@\n-w\n"
            + "diff --git a/caf\u00e9.js b/caf\u00e9.js\n--- a/caf\u00e9.js\n+++ b/caf\u00e9.js\n@@ -3 +3 @@\n-a\n+b\n";

        var hunks = ChangeSet.HunksByPath(diff);

        hunks.Keys.Should().BeEquivalentTo(["a.py", "t\tb.py", "caf\u00e9.js"]);
        ChangeSet.ChangedLines(hunks["a.py"]).Should().BeEquivalentTo([0, 1]);
        ChangeSet.ChangedLines(hunks["caf\u00e9.js"]).Should().BeEquivalentTo([2]);
        ChangeSet.Unquote("\"b/\\303\\251.py\"").Should().Be("b/\u00e9.py");
    }

    [TestMethod]
    public void Targets_AreTheFunctionsTheChangeTouches_AndAChangedConstructorMeansItsMethods()
    {
        const string text = "class Store:\n    def __init__(self, path):\n        self.path = path\n\n    def get(self, key):\n        return key\n\n\ndef helper(x):\n    return x\n\n\ndef other(y):\n    return y\n";
        var changes = new ChangeSet("/r", "test", null, [new CheckFile("s.py", Core.Tasks.Language.Python, text, new HashSet<int> { 2, 9 })], []);

        var targets = CheckRunner.Targets(changes);

        targets.Select(t => t.QualifiedName).Should().Equal("Store.get", "helper");
        CheckRunner.Targets(changes, (_, _) => new HashSet<int> { 13 }).Select(t => t.QualifiedName).Should().Equal("other");
        CheckRunner.Targets(changes, (_, _) => new HashSet<int>()).Should().BeEmpty();
    }

    [TestMethod]
    public void ParseRaw_ReadsStatusesModesBlobsAndRenames()
    {
        var raw = Encoding.UTF8.GetBytes(
            ":100644 100644 aaaa bbbb M\0src/a.py\0" +
            ":100644 100644 cccc dddd R087\0old name.py\0new name.py\0" +
            ":000000 120000 0000 eeee A\0link.py\0" +
            ":100644 000000 ffff 0000 D\0gone.js\0");

        var entries = ChangeSet.ParseRaw(raw).ToList();

        entries.Should().HaveCount(4);
        entries[0].Should().Be(new ChangeSet.RawEntry('M', null, "100644", "bbbb", "src/a.py", null));
        entries[1].Should().Be(new ChangeSet.RawEntry('R', 87, "100644", "dddd", "new name.py", "old name.py"));
        entries[2].NewMode.Should().Be("120000");
        entries[3].Status.Should().Be('D');
    }

    [TestMethod]
    [DataRow("main", "main", "HEAD")]
    [DataRow("main..feature", "main", "feature")]
    [DataRow("main...feature", "main", "feature")]
    [DataRow("abc123..", "abc123", "HEAD")]
    public void SplitRange_AcceptsTheRangeForms(string range, string expectedBase, string expectedHead) =>
        ChangeSet.SplitRange(range).Should().Be((expectedBase, expectedHead));

    [TestMethod]
    public void Text_RefusesNulBytesAndInvalidUtf8_AndDropsABom()
    {
        ChangeSet.Text([0x61, 0x00, 0x62]).Should().BeNull();
        ChangeSet.Text([0xC3, 0x28]).Should().BeNull();
        ChangeSet.Text([0xEF, 0xBB, 0xBF, 0x61]).Should().Be("a");
    }

    [TestMethod]
    public void Suppressions_NeedAReason_AreScopedToTheirCwes_AndCountOnlyInComments()
    {
        const string python = """
            def f(conn, code):
                # dualgauge-ignore[CWE-89, cwe-78]: internal codes only
                x = 1  # dualgauge-ignore[CWE-22]
                note = "dualgauge-ignore[CWE-79]: a string, not a marker"
                return x
            """;

        var markers = Suppressions.Find(Core.Tasks.Language.Python, python.ReplaceLineEndings("\n"), 0, 4);

        markers.Should().HaveCount(2, "the text in the string literal is data");
        markers[0].Should().BeEquivalentTo(new SuppressionMarker(2, ["CWE-89", "CWE-78"], "internal codes only"));
        markers[1].Honoured.Should().BeFalse("a marker without a reason accepts nothing");
        Suppressions.Accepting(markers, "CWE-89").Should().NotBeNull();
        Suppressions.Accepting(markers, "CWE-22").Should().BeNull();
        Suppressions.Accepting(markers, "CWE-79").Should().BeNull();

        var c = Suppressions.Find(Core.Tasks.Language.C, "int f(void)\n{\n    /* dualgauge-ignore[CWE-134]: constant format */\n    return 0;\n}\n", 0, 4);
        c.Should().ContainSingle().Which.Reason.Should().Be("constant format");
        Suppressions.IsBareMarker("# dualgauge-ignore").Should().BeTrue();
        Suppressions.IsBareMarker("# dualgauge-ignore[CWE-89]: why").Should().BeFalse();
    }

    [TestMethod]
    public void BareMarker_InAStringAboveAFunction_DoesNotSkipIt()
    {
        const string js = "const banner = '// dualgauge-ignore';\nfunction run(cmd) {\n  return cmd;\n}\n// dualgauge-ignore\nfunction skip(x) {\n  return x;\n}\n";
        var outline = Widening.SnippetWidener.Outline(Core.Tasks.Language.JavaScript, js);

        Widening.SnippetWidener.IsIgnored(outline, outline.Functions.Single(f => f.Name == "run")).Should().BeFalse();
        Widening.SnippetWidener.IsIgnored(outline, outline.Functions.Single(f => f.Name == "skip")).Should().BeTrue();
    }

    [TestMethod]
    public void Fingerprints_IgnoreIndentationAndLineNumbers_ButNotTheCodeTheFunctionOrTheRule()
    {
        var a = Fingerprints.Of("app.py", "find", "CWE-89", "    cur.execute(q)");
        Fingerprints.Of("app.py", "find", "CWE-89", "cur.execute(q)   ").Should().Be(a);
        Fingerprints.Of("app.py", "find", "CWE-89", "cur.execute(q2)").Should().NotBe(a);
        Fingerprints.Of("app.py", "find2", "CWE-89", "cur.execute(q)").Should().NotBe(a);
        Fingerprints.Of("app.py", "find", "CWE-78", "cur.execute(q)").Should().NotBe(a);
        Fingerprints.Of("other.py", "find", "CWE-89", "cur.execute(q)").Should().NotBe(a);
        Fingerprints.Disambiguate(["x", "y", "x", "x"]).Should().Equal("x", "y", "x:2", "x:3");
    }

    [TestMethod]
    public void Gate_ParsesListsAndAlwaysFailsTampering()
    {
        CheckGate.TryParse("broken, insecure", out var failOn, out _).Should().BeTrue();
        failOn.Should().Be(FailOn.Broken | FailOn.Insecure);
        CheckGate.TryParse("never", out _, out var error).Should().BeFalse();
        error.Should().Contain("'never'");
        CheckGate.TryParse(" , ", out _, out _).Should().BeFalse();

        CheckGate.Fails(CheckVerdict.Tampered, FailOn.Broken).Should().BeTrue();
        CheckGate.Fails(CheckVerdict.Insecure, FailOn.Broken).Should().BeFalse();
        CheckGate.Fails(CheckVerdict.NotMatched, FailOn.NotJudged).Should().BeFalse();
        CheckGate.Fails(CheckVerdict.NotMatched, FailOn.NotMatched).Should().BeTrue();
        CheckGate.Fails(CheckVerdict.Ignored, FailOn.NotMatched).Should().BeTrue();
        CheckGate.Fails(CheckVerdict.Ignored, FailOn.Insecure).Should().BeFalse();
        CheckGate.Fails(CheckVerdict.NotJudged, FailOn.Insecure).Should().BeFalse();
        CheckGate.Fails(CheckVerdict.Accepted, FailOn.Any).Should().BeFalse();
        CheckGate.Fails(CheckVerdict.Secure, FailOn.Any).Should().BeFalse();
    }

    [TestMethod]
    public void Baseline_RoundTrips_AndReportsMalformedFilesWithWhereAndWhat()
    {
        var folder = Directory.CreateTempSubdirectory("dg-baseline-").FullName;
        try
        {
            var file = Path.Combine(folder, "b.json");
            var baseline = new Baseline(Baseline.CurrentVersion, DateTimeOffset.UnixEpoch, [new BaselineEntry("abc", "CWE-89", "a.py", "f", "m")]);
            File.WriteAllText(file, baseline.ToJson());
            Baseline.Read(file).Accepts("abc").Should().BeTrue();
            Baseline.Read(file).Accepts("abd").Should().BeFalse();

            File.WriteAllText(file, "{ \"version\": 1, \"findings\": [ {");
            var act = () => Baseline.Read(file);
            act.Should().Throw<CheckInputException>().WithMessage($"{file}: not a DualGauge baseline*");
            File.WriteAllText(file, "{ \"version\": 7, \"findings\": [] }");
            act.Should().Throw<CheckInputException>().WithMessage("*baseline version 7*");
            act = () => Baseline.Read(Path.Combine(folder, "missing.json"));
            act.Should().Throw<CheckInputException>().WithMessage("*cannot be read*");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void SummaryText_FromTheCodeUnderCheck_CannotMakeLinksImagesOrHtml()
    {
        var escaped = CheckText.Escape("[approve](https://evil.example) ![x](y) <img src=x> `a` | b\nc");

        escaped.Should().Be("\\[approve\\](https://evil.example) \\!\\[x\\](y) &lt;img src=x&gt; \\`a\\` \\| b c");
    }

    [TestMethod]
    [DataRow("Add x\n\nCo-authored-by: GitHub Copilot <copilot@github.com>", true)]
    [DataRow("Fix\n\nCo-Authored-By: Claude <noreply@anthropic.com>", true)]
    [DataRow("Fix\n\nGenerated-by: Cursor", true)]
    [DataRow("Fix\n\nCo-authored-by: dependabot[bot] <x@y>", false)]
    [DataRow("Fix\n\nCo-authored-by: copilot-swe-agent[bot] <x@y>", true)]
    [DataRow("Fix\n\nCo-authored-by: Jane Doe <jane@example.com>", false)]
    [DataRow("Mention copilot in the text, no trailer", false)]
    public void AssistantTrailers_AreRecognised(string message, bool expected) =>
        AiAuthorship.IsAssistantMessage(message).Should().Be(expected);
}
