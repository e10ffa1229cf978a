using DualGauge.Core.Tasks;
using FluentAssertions;

namespace DualGauge.Core.Tests.Tasks;

[TestClass]
public sealed class TaskLoaderTests
{
    [TestMethod]
    public void LoadAll_ValidTask_LoadsEveryField()
    {
        using var folder = new TaskFolderBuilder();

        var catalog = TaskLoader.LoadAll(folder.Root);

        catalog.Errors.Should().BeEmpty();
        var task = catalog.Tasks.Should().ContainSingle().Subject;
        task.Id.Should().Be("py-demo");
        task.Language.Should().Be(Language.Python);
        task.Cwes.Should().Equal("CWE-89");
        task.EntryPoint.Should().Be("find_user");
        task.Prompt.Should().StartWith("Write find_user.");
        task.FunctionalTests.Should().HaveCount(3);
        task.SecurityTests.Should().HaveCount(2);
        task.SecurityTests.First().Oracles.Should().ContainSingle().Which.Argument("payload").Should().Be("' OR 1=1");
        task.Variants.Select(v => (v.Name, v.Kind)).Should().Equal(("secure", VariantKind.Secure), ("insecure", VariantKind.Insecure), ("wrong", VariantKind.Wrong));
        task.Variants[1].Note.Should().Be("f-string");
        task.Fixtures.Should().ContainSingle().Which.RelativePath.Should().Be("fixtures/users.csv");
        task.TestsFile.RelativePath.Should().Be("tests.py");
    }

    [TestMethod]
    [DataRow("entry_point: find_user\n", "", "entry_point", "missing")]
    [DataRow("id: py-demo", "id: py-other", "id", "must equal the folder name")]
    [DataRow("language: python", "language: cobol", "language", "is not one of python, javascript, c")]
    [DataRow("cwe: [CWE-89]", "cwe: [SQLi]", "cwe[0]", "is not a CWE id")]
    [DataRow("    cwe: CWE-89\n    description: injection two", "    cwe: CWE-79\n    description: injection two", "tests[4] (s_two).cwe", "is not in the task's cwe list")]
    [DataRow("    attacks: a comment\n", "", "tests[4] (s_two).attacks", "missing")]
    [DataRow("kind: sql-no-payload", "kind: sql-no-paylod", "tests[3] (s_one).oracles[0]", "unknown oracle kind 'sql-no-paylod'")]
    [DataRow("payload: \"' OR 1=1\"", "pay: x", "tests[3] (s_one).oracles[0]", "needs the argument 'payload'")]
    [DataRow("id: f_three", "id: f_two", "tests[2].id", "duplicate test id 'f_two'")]
    [DataRow("  - id: f_three\n    kind: functional\n    description: three\n", "", "tests", "2 functional test(s); a task needs at least 3")]
    [DataRow("file: references/wrong.py", "file: references/missing.py", "references[2].file", "'references/missing.py' does not exist")]
    [DataRow("file: references/insecure.py\n    kind: insecure", "file: references/insecure.py\n    kind: secure", "references", "2 secure references; a task needs exactly one")]
    [DataRow("file: references/wrong.py", "file: ../../../etc/passwd", "references[2].file", "is outside the task folder")]
    public void Load_BrokenField_ReportsFileFieldAndProblem(string oldText, string newText, string field, string problem)
    {
        using var folder = new TaskFolderBuilder();
        folder.EditManifest(oldText, newText);

        var catalog = TaskLoader.LoadAll(folder.Root);

        catalog.Tasks.Should().BeEmpty();
        catalog.Errors.Should().Contain(e => e.Field == field && e.Problem.Contains(problem),
            "the errors were: " + string.Join("; ", catalog.Errors));
        catalog.Errors.Should().OnlyContain(e => e.File == "bench-tasks/python/py-demo/task.yaml");
    }

    [TestMethod]
    public void LoadAll_InvalidYaml_ReportsLineAndSkipsOnlyThatTask()
    {
        using var folder = new TaskFolderBuilder();
        var good = Path.Combine(folder.Root, "python", "py-good");
        CopyDirectory(folder.TaskDir, good);
        File.WriteAllText(Path.Combine(good, "task.yaml"), File.ReadAllText(Path.Combine(good, "task.yaml")).Replace("id: py-demo", "id: py-good"));
        folder.Write("task.yaml", "id: py-demo\ntests: [unclosed\n");

        var catalog = TaskLoader.LoadAll(folder.Root);

        catalog.Tasks.Select(t => t.Id).Should().Equal("py-good");
        var error = catalog.Errors.Should().ContainSingle().Subject;
        error.File.Should().Be("bench-tasks/python/py-demo/task.yaml");
        error.Problem.Should().StartWith("not valid YAML (line");
    }

    [TestMethod]
    public void LoadAll_MissingTestsFile_NamesTheFile()
    {
        using var folder = new TaskFolderBuilder();
        File.Delete(Path.Combine(folder.TaskDir, "tests.py"));

        var catalog = TaskLoader.LoadAll(folder.Root);

        catalog.Errors.Should().ContainSingle().Which.ToString().Should().Be("bench-tasks/python/py-demo/tests.py: missing tests file tests.py");
    }

    [TestMethod]
    public void LoadAll_MissingManifest_ReportsIt()
    {
        using var folder = new TaskFolderBuilder();
        File.Delete(Path.Combine(folder.TaskDir, "task.yaml"));

        var catalog = TaskLoader.LoadAll(folder.Root);

        catalog.Errors.Should().ContainSingle().Which.Problem.Should().Be("missing task.yaml");
    }

    [TestMethod]
    public void LoadAll_MissingRoot_ReportsIt()
    {
        var catalog = TaskLoader.LoadAll("/nonexistent/bench-tasks");

        catalog.Tasks.Should().BeEmpty();
        catalog.Errors.Should().ContainSingle().Which.Problem.Should().Be("the tasks folder does not exist");
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
