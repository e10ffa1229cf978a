using DualGauge.Core.Samples;
using DualGauge.Core.Tasks;
using DualGauge.Core.Tests.Tasks;
using FluentAssertions;

namespace DualGauge.Core.Tests.Samples;

[TestClass]
public sealed class SampleLayoutTests
{
    [TestMethod]
    public void Load_ModelTaskSampleLayout_ReadsSamplesInNaturalOrderAndReportsStrays()
    {
        using var folder = new TaskFolderBuilder();
        var catalog = TaskLoader.LoadAll(folder.Root);
        var samples = Path.Combine(Path.GetDirectoryName(folder.Root)!, "samples");
        Write(samples, "model-a/py-demo/10.py", "def find_user(c, n): return [10]");
        Write(samples, "model-a/py-demo/2.py", "def find_user(c, n): return [2]");
        Write(samples, "model-a/py-demo/notes.txt", "not code");
        Write(samples, "model-b/py-demo/0.py", "def find_user(c, n): return []");
        Write(samples, "model-b/no-such-task/0.py", "x = 1");

        var set = SampleLayout.Load(samples, catalog);

        set.Samples.Select(s => $"{s.Model}/{s.SampleId}").Should().Equal("model-a/2", "model-a/10", "model-b/0");
        set.Samples[0].Code.Should().Be("def find_user(c, n): return [2]");
        set.Samples[0].Task.Id.Should().Be("py-demo");
        set.Errors.Select(e => e.Problem).Should().BeEquivalentTo(
            "expected a .py file for python task 'py-demo'; skipped",
            $"no task 'no-such-task' in {catalog.Root}; its samples are skipped");
    }

    [TestMethod]
    public void Load_ModelFilter_KeepsOnlyThoseModels()
    {
        using var folder = new TaskFolderBuilder();
        var samples = Path.Combine(Path.GetDirectoryName(folder.Root)!, "samples");
        Write(samples, "model-a/py-demo/0.py", "a");
        Write(samples, "model-b/py-demo/0.py", "b");

        var set = SampleLayout.Load(samples, TaskLoader.LoadAll(folder.Root), ["model-b"]);

        set.Samples.Should().ContainSingle().Which.Model.Should().Be("model-b");
    }

    [TestMethod]
    public void FromReferences_BundledDefault_IsSecureAndInsecurePseudoModels()
    {
        using var folder = new TaskFolderBuilder();

        var set = SampleLayout.FromReferences(TaskLoader.LoadAll(folder.Root));

        set.Samples.Select(s => (s.Model, s.SampleId)).Should().Equal(
            (SampleLayout.SecureReferenceModel, "secure"),
            (SampleLayout.InsecureReferenceModel, "insecure"));
    }

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
