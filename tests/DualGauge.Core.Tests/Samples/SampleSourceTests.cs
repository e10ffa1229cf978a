using System.Text;
using DualGauge.Core.Samples;
using DualGauge.Core.Tasks;
using FluentAssertions;

namespace DualGauge.Core.Tests.Samples;

[TestClass]
public sealed class SampleSourceTests
{
    [TestMethod]
    public void FromBytes_Latin1PythonWithCodingDeclaration_DecodesPerTheDeclarationAndKeepsTheBytes()
    {
        byte[] bytes = [.. "# -*- coding: latin-1 -*-\nNAME = \"caf"u8, 0xE9, .. "\"\n"u8];

        var source = SampleSource.FromBytes(bytes, Language.Python);

        source.Bytes.Should().Equal(bytes);
        source.Text.Should().Be("# -*- coding: latin-1 -*-\nNAME = \"café\"\n");
        source.IsUtf8.Should().BeFalse();
        source.DeclaredEncoding.Should().Be("latin-1");
        source.DisplayNote.Should().Be("not UTF-8: shown decoded as latin-1, per its coding declaration");
    }

    [TestMethod]
    [DataRow("#!/usr/bin/env python3\n# vim: set fileencoding=cp1252 :\n", "cp1252", DisplayName = "second line after a shebang comment")]
    [DataRow("\n# coding=iso8859_15\n", "iso8859_15", DisplayName = "second line after a blank line")]
    [DataRow("# coding: latin_1\n", "latin_1", DisplayName = "first line")]
    public void PythonCodingDeclaration_FirstOrSecondLine_IsFound(string head, string expected)
    {
        SampleSource.PythonCodingDeclaration(Encoding.ASCII.GetBytes(head + "x = 1\n")).Should().Be(expected);
    }

    [TestMethod]
    public void PythonCodingDeclaration_SecondLineAfterCode_IsIgnoredLikePythonDoes()
    {
        SampleSource.PythonCodingDeclaration("import os\n# coding: latin-1\n"u8).Should().BeNull();
    }

    [TestMethod]
    public void FromBytes_Cp1252DeclarationOnTheSecondLine_Decodes()
    {
        byte[] bytes = [.. "#!/usr/bin/env python3\n# -*- coding: cp1252 -*-\nQUOTE = \""u8, 0x93, .. "hi"u8, 0x94, .. "\"\n"u8];

        var source = SampleSource.FromBytes(bytes, Language.Python);

        source.Text.Should().Contain("QUOTE = \"\u201Chi\u201D\"");
        source.DeclaredEncoding.Should().Be("cp1252");
    }

    [TestMethod]
    public void FromBytes_NonUtf8JavaScript_ShowsReplacementCharactersButKeepsBytes()
    {
        byte[] bytes = [.. "// coding: latin-1\nconst s = '"u8, 0xE9, .. "';\n"u8];

        var source = SampleSource.FromBytes(bytes, Language.JavaScript);

        source.Text.Should().Be("// coding: latin-1\nconst s = '\uFFFD';\n", "a coding declaration is a Python convention only");
        source.Bytes.Should().Equal(bytes);
        source.IsUtf8.Should().BeFalse();
        source.AsUtf8().Should().BeNull();
        source.DisplayNote.Should().Contain("replacement characters");
    }

    [TestMethod]
    public void FromBytes_Utf8WithBom_ShowsTextWithoutBomButKeepsItInTheBytes()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "x = 'é'\n"u8];

        var source = SampleSource.FromBytes(bytes, Language.Python);

        source.Text.Should().Be("x = 'é'\n");
        source.IsUtf8.Should().BeTrue();
        source.DisplayNote.Should().BeNull();
        new UTF8Encoding(false).GetBytes(source.AsUtf8()!).Should().Equal(bytes, "the job's text content must write back the very same bytes");
    }

    [TestMethod]
    public void Concat_NonUtf8Source_AddsGlueAroundTheUnchangedBytes()
    {
        byte[] bytes = [.. "# coding: latin-1\nX = '"u8, 0xE9, .. "'"u8];
        var source = SampleSource.FromBytes(bytes, Language.Python);

        var glued = source.Concat("", "\nY = X\n");

        glued.Bytes.Should().Equal([.. bytes, .. "\nY = X\n"u8]);
        glued.Text.Should().Be("# coding: latin-1\nX = 'é'\nY = X\n");
        glued.DeclaredEncoding.Should().Be("latin-1");
    }
}
