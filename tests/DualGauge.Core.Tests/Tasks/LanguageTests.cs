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
}
