using DualGauge.Ai.Generation;
using DualGauge.Core.Tasks;
using FluentAssertions;

namespace DualGauge.Ai.Tests.Generation;

[TestClass]
public sealed class CodeExtractorTests
{
    [TestMethod]
    public void Extract_SeveralBlocks_PicksTheOneDefiningTheEntryPoint()
    {
        var answer = "Install:\n```bash\npip install nothing\n```\nHere it is:\n```python\nimport sqlite3\n\ndef find_user(conn, name):\n    return []\n```\nUsage:\n```python\nprint(find_user(c, 'a'))\n```\n";

        var result = CodeExtractor.Extract(answer, Language.Python, "find_user");

        result.Status.Should().Be(ExtractionStatus.Code);
        result.Code.Should().Be("import sqlite3\n\ndef find_user(conn, name):\n    return []\n");
        result.Note.Should().Contain("block 2 of 3");
    }

    [TestMethod]
    public void Extract_RevisedAnswer_TakesTheLastDefiningBlock()
    {
        var answer = "```js\nfunction pick(a) { return 1; }\n```\nBetter:\n```javascript\nconst pick = (a) => 2;\nmodule.exports = { pick };\n```";

        var result = CodeExtractor.Extract(answer, Language.JavaScript, "pick");

        result.Code.Should().Contain("=> 2");
    }

    [TestMethod]
    public void Extract_CPrototypeOnly_IsNotADefinition()
    {
        var answer = "```c\nint parse_port(const char *s);\n```\n```c\n#include <stdlib.h>\nint parse_port(const char *s)\n{\n  return atoi(s);\n}\n```";

        var result = CodeExtractor.Extract(answer, Language.C, "parse_port");

        result.Status.Should().Be(ExtractionStatus.Code);
        result.Code.Should().StartWith("#include <stdlib.h>");
    }

    [TestMethod]
    public void Extract_CppAnswer_TakesTheCppBlockDefiningTheEntryPoint()
    {
        var answer = "Usage:\n```cpp\nstd::size_t copy_label(char *dst, std::size_t n, std::string_view label);\n```\n" +
            "```c++\n#include <string_view>\nstd::size_t copy_label(char *dst, std::size_t n, std::string_view label) noexcept\n{\n  return label.size();\n}\n```";

        var result = CodeExtractor.Extract(answer, Language.Cpp, "copy_label");

        result.Status.Should().Be(ExtractionStatus.Code);
        result.Code.Should().StartWith("#include <string_view>");
    }

    [TestMethod]
    public void Extract_ProseOnly_IsNoCode()
    {
        var result = CodeExtractor.Extract("I cannot help with that request.", Language.Python, "find_user");

        result.Status.Should().Be(ExtractionStatus.NoCode);
        result.Code.Should().BeNull();
    }

    [TestMethod]
    public void Extract_WhitespaceAnswer_IsEmpty()
    {
        CodeExtractor.Extract("  \n", Language.C, "f").Status.Should().Be(ExtractionStatus.EmptyAnswer);
    }

    [TestMethod]
    public void Extract_BlocksDefiningAnotherName_KeepsTheLargestWithoutEntryPoint()
    {
        var answer = "```python\ndef lookup_user(conn, name):\n    return []\n```\n```text\noutput\n```";

        var result = CodeExtractor.Extract(answer, Language.Python, "find_user");

        result.Status.Should().Be(ExtractionStatus.CodeWithoutEntryPoint);
        result.Code.Should().Contain("def lookup_user");
    }

    [TestMethod]
    public void Extract_UnterminatedFence_KeepsTheCodeToTheEnd()
    {
        var result = CodeExtractor.Extract("```python\ndef f(x):\n    return x", Language.Python, "f");

        result.Status.Should().Be(ExtractionStatus.Code);
        result.Code.Should().Be("def f(x):\n    return x\n");
    }

    [TestMethod]
    public void Extract_UnfencedAnswerDefiningEntryPoint_TakesTheWholeAnswer()
    {
        var result = CodeExtractor.Extract("def f(x):\n    return x\n", Language.Python, "f");

        result.Status.Should().Be(ExtractionStatus.Code);
        result.Note.Should().Contain("no fence");
    }
}
