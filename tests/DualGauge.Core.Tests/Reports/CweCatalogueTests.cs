using DualGauge.Core.Reports;
using FluentAssertions;

namespace DualGauge.Core.Tests.Reports;

[TestClass]
public sealed class CweCatalogueTests
{
    private static readonly int[] Required =
        [20, 22, 78, 79, 89, 94, 95, 117, 120, 125, 134, 190, 200, 295, 327, 328, 330, 338, 347, 352, 377, 400, 401, 415, 416, 434, 476, 502, 601, 611, 643, 676, 759, 760, 770, 787, 798, 916, 918, 1333];

    [TestMethod]
    public void All_RequiredCwes_HaveNameAndRemediation()
    {
        foreach (var number in Required)
        {
            var entry = CweCatalogue.Find($"CWE-{number}");
            entry.Should().NotBeNull($"CWE-{number} is probed by the benchmark");
            entry!.Number.Should().Be(number);
            entry.Name.Should().NotBeNullOrWhiteSpace();
            entry.Remediation.Length.Should().BeGreaterThan(60, $"CWE-{number} needs real advice");
            entry.HelpUri.Should().Be($"https://cwe.mitre.org/data/definitions/{number}.html");
        }

        CweCatalogue.All.Select(e => e.Id).Should().OnlyHaveUniqueItems();
    }

    [TestMethod]
    [DataRow("CWE-89")]
    [DataRow("cwe-89")]
    [DataRow(" 89 ")]
    public void Find_AnySpelling_FindsTheEntry(string id)
    {
        CweCatalogue.Find(id)!.Name.Should().Be("SQL injection");
    }

    [TestMethod]
    public void Find_UnknownCwe_IsNullAndNameFallsBackToId()
    {
        CweCatalogue.Find("CWE-99999").Should().BeNull();
        CweCatalogue.NameOf("cwe-99999").Should().Be("CWE-99999");
        CweCatalogue.HelpUriOrNull("not-a-cwe").Should().BeNull();
    }
}
