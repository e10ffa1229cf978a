using DualGauge.Snippets;
using DualGauge.LanguageServer.Documents;
using DualGauge.Protocol.Basic;
using DualGauge.Protocol.Synchronization;

namespace DualGauge.LanguageServer.Tests.Documents;

[TestClass]
public sealed class TextDocumentTests
{
    private static TextDocumentContentChangeEvent Edit(int sl, int sc, int el, int ec, string text) => new(new Range(new Position(sl, sc), new Position(el, ec)), text);

    [TestMethod]
    public void Apply_PositionPastLineEnd_ClampsToTheLineEnd()
    {
        var document = new TextDocument("file:///a.py", "python", 1, "ab\ncd\n");

        document.Apply(Edit(0, 99, 0, 99, "!"));

        document.Text.Should().Be("ab!\ncd\n");
    }

    [TestMethod]
    public void Apply_MultiLineReplacement_ReportsTheLineDelta()
    {
        var document = new TextDocument("file:///a.py", "python", 1, "l0\nl1\nl2\nl3\n");

        var edit = document.Apply(Edit(1, 0, 2, 2, "x\ny\nz"));

        document.Text.Should().Be("l0\nx\ny\nz\nl3\n");
        edit.Should().Be(new LineEdit(1, 2, 3, WholeDocument: false));
        edit.Delta.Should().Be(1);
    }

    [TestMethod]
    public void Apply_LoneCarriageReturns_CountAsLineBreaks()
    {
        var document = new TextDocument("file:///a.py", "python", 1, "a\rb\rc");

        document.Apply(Edit(2, 0, 2, 1, "C"));

        document.Text.Should().Be("a\rb\rC");
        document.LineCount.Should().Be(3);
    }

    [TestMethod]
    public void Region_EditBelow_IsUntouched_EditAbove_Shifts_EditInside_Touches()
    {
        var region = new TrackedRegion(1, 10, 14, "chat", SnippetSource.ChatInsert, fromAi: true);

        region.ApplyEdit(new LineEdit(20, 20, 25, false)).Should().BeFalse();
        (region.StartLine, region.EndLine).Should().Be((10, 14));
        region.ApplyEdit(new LineEdit(2, 2, 4, false)).Should().BeFalse();
        (region.StartLine, region.EndLine).Should().Be((12, 16));
        region.ApplyEdit(new LineEdit(13, 14, 13, false)).Should().BeTrue();
        (region.StartLine, region.EndLine).Should().Be((12, 15));
        region.Generation.Should().Be(1);
    }

    [TestMethod]
    [DataRow("python", "# dualgauge-ignore\n@cache\ndef f(x):\n    return x\n", 2, true)]
    [DataRow("python", "# a normal comment\ndef f(x):\n    return x\n", 1, false)]
    [DataRow("python", "# dualgauge-ignore\n\ndef f(x):\n    return x\n", 2, false)]
    [DataRow("javascript", "// dualgauge-ignore\nfunction f(x) {\n  return x;\n}\n", 1, true)]
    [DataRow("c", "/* dualgauge-ignore */\nint f(int x) {\n  return x;\n}\n", 1, true)]
    [DataRow("cpp", "// dualgauge-ignore\nstd::size_t copy_label(char *dst, std::size_t n, std::string_view label) {\n  return label.size();\n}\n", 1, true)]
    public void IsSuppressed_MarkerPlacement_OnlyTheAttachedBlockCounts(string languageId, string text, int header, bool suppressed)
    {
        var document = new TextDocument("file:///a", languageId, 1, text);

        FunctionLocator.IsHeader(document.Language!.Value, document.GetLine(header)).Should().BeTrue();
        FunctionLocator.IsSuppressed(document.Language!.Value, document, header).Should().Be(suppressed);
    }
}
