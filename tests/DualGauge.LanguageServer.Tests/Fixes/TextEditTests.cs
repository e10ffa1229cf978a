using DualGauge.Ai.Fixes;
using DualGauge.LanguageServer.Fixes;
using DualGauge.Protocol.Basic;

namespace DualGauge.LanguageServer.Tests.Fixes;

[TestClass]
public sealed class TextEditTests
{
    [TestMethod]
    public void ToTextEdit_FunctionFollowedByMoreLines_ReplacesWholeLinesUpToTheNextLineStart()
    {
        var document = "import os\ndef f():\n    return 1\n\nprint(f())\n";
        var edit = new FixEdit("file:///a.py", 1, 2, "def f():\n    return 2\n", "");

        var text = AiFixService.ToTextEdit(edit, document);

        text.Range.Should().Be(new Range(new Position(1, 0), new Position(3, 0)));
        text.NewText.Should().Be("def f():\n    return 2\n");
    }

    [TestMethod]
    public void ToTextEdit_FunctionOnTheLastLineWithoutLineBreak_EndsAtThatLineAndAddsNoLineBreak()
    {
        var document = "import os\ndef f():\n    return 1";
        var edit = new FixEdit("file:///a.py", 1, 2, "def f():\n    return 2\n", "");

        var text = AiFixService.ToTextEdit(edit, document);

        text.Range.Should().Be(new Range(new Position(1, 0), new Position(2, 12)));
        text.NewText.Should().Be("def f():\n    return 2");
    }
}
