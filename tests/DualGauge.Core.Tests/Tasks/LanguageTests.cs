using DualGauge.Core.Tasks;
using FluentAssertions;

namespace DualGauge.Core.Tests.Tasks;

[TestClass]
public sealed class LanguageTests
{
    [TestMethod]
    [DataRow(".py", Language.Python)]
    [DataRow("js", Language.JavaScript)]
    [DataRow(".MJS", Language.JavaScript)]
    [DataRow(".cjs", Language.JavaScript)]
    [DataRow(".c", Language.C)]
    [DataRow(".h", Language.C)]
    [DataRow(".cpp", Language.Cpp)]
    [DataRow("cc", Language.Cpp)]
    [DataRow(".hpp", Language.Cpp)]
    public void TryFromExtension_KnownExtension_GivesItsLanguage(string extension, Language expected)
    {
        LanguageExtensions.TryFromExtension(extension, out var language).Should().BeTrue();
        language.Should().Be(expected);
    }

    [TestMethod]
    [DataRow(".md")]
    [DataRow("")]
    [DataRow(".python")]
    public void TryFromExtension_OtherExtension_IsRefused(string extension)
    {
        LanguageExtensions.TryFromExtension(extension, out _).Should().BeFalse();
    }

    [TestMethod]
    [DataRow("cpp")]
    [DataRow("C++")]
    [DataRow("cxx")]
    public void TryParse_CppSpelling_GivesCpp(string text)
    {
        LanguageExtensions.TryParse(text, out var language).Should().BeTrue();
        language.Should().Be(Language.Cpp);
        language.Id().Should().Be("cpp");
        language.FileExtension().Should().Be("cpp");
    }
}
