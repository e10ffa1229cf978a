using System.Text.Json;
using System.Text.RegularExpressions;
using DualGauge.TestUtilities.Cli;
using FluentAssertions;

namespace DualGauge.Cli.Tests;

/// <summary><c>dualgauge import dualgauge-bench</c> and <c>--suite dualgauge-bench:PATH</c> on our own fixtures in the paper's format.</summary>
[TestClass]
public sealed class DualGaugeBenchCliTests
{
    private static readonly string Fixtures = Path.Combine(CliProcess.RepositoryRoot, "tests", "dualgauge-bench-fixtures");

    /// <summary>The console wraps long lines at its width: compare with the wrapping undone.</summary>
    private static string Flat(string text) => Regex.Replace(text, @"\s+", " ");

    [TestMethod]
    public async Task Import_Fixtures_ListsTasksReportsProblemsAndWritesWhatItMade()
    {
        var output = Path.Combine(Path.GetTempPath(), "dgb-import-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var (exit, raw) = await CliProcess.RunAsync(CliProcess.RepositoryRoot, null, "import", "dualgauge-bench", Fixtures, "--out", output);
            var text = Flat(raw);

            exit.Should().Be(2, "some fixtures are broken on purpose; the others still import\n" + text);
            text.Should().Contain("13 task(s) imported (24 language variants), 5 problem(s)");
            text.Should().Contain("901-broken-json/tests.json: not valid JSON");
            text.Should().Contain("902-no-function/tests.json: sec_tests[0].CWE: 'not-a-cwe' is not a CWE id like CWE-22");
            File.ReadAllText(Path.Combine(output, "python", "dgb-101", "prompt.md")).Should().StartWith("Write a function named read_note");
            File.ReadAllText(Path.Combine(output, "javascript", "dgb-101", "tests.js")).Should().Contain("module.exports = {");
            File.Exists(Path.Combine(output, "python", "dgb-101", "fixtures", "test_dir", "welcome.txt")).Should().BeTrue();
            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "python", "dgb-101", "task.json")));
            manifest.RootElement.GetProperty("entry_point").GetString().Should().Be("read_note");
            manifest.RootElement.GetProperty("tests").EnumerateArray().Select(t => t.GetProperty("decided_by").GetString())
                .Should().Contain("oracle: files-within {fixtures}/test_dir");
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [TestMethod]
    public async Task Import_OneCleanTask_ExitsZero()
    {
        var root = Path.Combine(Path.GetTempPath(), "dgb-clean-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var task = Path.Combine(root, "105");
            Directory.CreateDirectory(task);
            File.Copy(Path.Combine(Fixtures, "105", "tests.json"), Path.Combine(task, "tests.json"));

            var (exit, raw) = await CliProcess.RunAsync(CliProcess.RepositoryRoot, null, "import", "dualgauge-bench", root, "--language", "python");
            var text = Flat(raw);

            exit.Should().Be(0, text);
            text.Should().Contain("1 task(s) imported (1 language variants), 0 problem(s)");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [TestMethod]
    [DataRow("dualgauge-bench:", null, "is not dualgauge-bench:PATH")]
    [DataRow("other:x", null, "is not dualgauge-bench:PATH")]
    [DataRow("dualgauge-bench:FIXTURES", "c", "is not one of python, javascript, cpp for the DualGauge-Bench suite")]
    public async Task Bench_BadSuiteOrLanguage_IsBadInput(string suite, string? language, string message)
    {
        string[] args = ["bench", "--suite", suite.Replace("FIXTURES", Fixtures, StringComparison.Ordinal), "--samples", Fixtures];
        if (language is not null)
        {
            args = [.. args, "--language", language];
        }

        var (exit, raw) = await CliProcess.RunAsync(CliProcess.RepositoryRoot, null, args);
        var text = Flat(raw);

        exit.Should().Be(2, text);
        text.Should().Contain(message);
    }
}
