using DualGauge.Core.Samples;
using DualGauge.Core.Tasks;
using DualGauge.Core.Tests.Tasks;
using DualGauge.TestUtilities.Files;
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

    [TestMethod]
    public void Load_SymlinkToAFileOutsideTheSamplesFolder_IsAnInputErrorAndNeverRead()
    {
        using var folder = new TaskFolderBuilder();
        var samples = SamplesBeside(folder);
        var secret = Path.Combine(Path.GetDirectoryName(folder.Root)!, "outside", "secret.py");
        Write(Path.GetDirectoryName(secret)!, "secret.py", "TOP-SECRET = 'do not ship me'");
        Write(samples, "model-a/py-demo/0.py", "def find_user(c, n): return []");
        var link = Path.Combine(samples, "model-a/py-demo/1.py");
        File.CreateSymbolicLink(link, secret);

        var set = SampleLayout.Load(samples, TaskLoader.LoadAll(folder.Root));

        set.Samples.Should().ContainSingle().Which.SampleId.Should().Be("0");
        set.Samples.Should().NotContain(s => s.Code.Contains("TOP-SECRET"));
        set.InputErrors.Should().ContainSingle().Which.ToString().Should().Be($"{link}: a symlink to a file outside the samples folder; not read");
    }

    [TestMethod]
    public void Load_SymlinkedTaskAndModelFoldersPointingOutside_AreInputErrorsAndTheirFilesAreNotRead()
    {
        using var folder = new TaskFolderBuilder();
        var samples = SamplesBeside(folder);
        var outside = Path.Combine(Path.GetDirectoryName(folder.Root)!, "outside");
        Write(outside, "py-demo/0.py", "LEAKED = 1");
        Write(samples, "model-a/py-demo/0.py", "def find_user(c, n): return []");
        var taskLink = Path.Combine(samples, "model-a-linked-task", "py-demo");
        Directory.CreateDirectory(Path.GetDirectoryName(taskLink)!);
        Directory.CreateSymbolicLink(taskLink, Path.Combine(outside, "py-demo"));
        var modelLink = Path.Combine(samples, "model-b");
        Directory.CreateSymbolicLink(modelLink, outside);

        var set = SampleLayout.Load(samples, TaskLoader.LoadAll(folder.Root));

        set.Samples.Select(s => s.Model).Should().Equal("model-a");
        set.InputErrors.Select(e => e.ToString()).Should().BeEquivalentTo(
            $"{taskLink}: a symlink to a directory outside the samples folder; not read",
            $"{modelLink}: a symlink to a directory outside the samples folder; not read");
    }

    [TestMethod]
    public void Load_SymlinksThatStayInsideTheSamplesFolder_AreFollowed()
    {
        using var folder = new TaskFolderBuilder();
        var samples = SamplesBeside(folder);
        Write(samples, "model-a/py-demo/0.py", "def find_user(c, n): return [0]");
        File.CreateSymbolicLink(Path.Combine(samples, "model-a/py-demo/1.py"), "0.py");
        Directory.CreateSymbolicLink(Path.Combine(samples, "model-b"), Path.Combine(samples, "model-a"));

        var set = SampleLayout.Load(samples, TaskLoader.LoadAll(folder.Root));

        set.Errors.Should().BeEmpty();
        set.Samples.Select(s => $"{s.Model}/{s.SampleId}").Should().Equal("model-a/0", "model-a/1", "model-b/0", "model-b/1");
        set.Samples.Should().OnlyContain(s => s.Code == "def find_user(c, n): return [0]");
    }

    [TestMethod]
    public async Task Load_FifoAmongSamples_IsReportedNotARegularFileWithoutBlocking()
    {
        using var folder = new TaskFolderBuilder();
        var samples = SamplesBeside(folder);
        Write(samples, "model-a/py-demo/0.py", "def find_user(c, n): return []");
        var fifo = Path.Combine(samples, "model-a/py-demo/1.py");
        SpecialFiles.MakeFifo(fifo);

        // Opening a FIFO for reading waits for a writer; a timeout here means it was opened.
        var set = await Task.Run(() => SampleLayout.Load(samples, TaskLoader.LoadAll(folder.Root))).WaitAsync(TimeSpan.FromSeconds(10));

        SampleFileReader.Inspect(fifo, followSymlink: false).Kind.Should().Be(SampleFileReader.EntryKind.Fifo);
        set.Samples.Should().ContainSingle().Which.SampleId.Should().Be("0");
        set.InputErrors.Should().ContainSingle().Which.ToString().Should().Be($"{fifo}: not a regular file (a FIFO); not read");
    }

    [TestMethod]
    public async Task Load_SymlinkToAFifoInsideTheFolder_IsReportedNotARegularFileWithoutBlocking()
    {
        using var folder = new TaskFolderBuilder();
        var samples = SamplesBeside(folder);
        var fifo = Path.Combine(samples, "model-a/py-demo/pipe");
        Directory.CreateDirectory(Path.GetDirectoryName(fifo)!);
        SpecialFiles.MakeFifo(fifo);
        var link = Path.Combine(samples, "model-a/py-demo/0.py");
        File.CreateSymbolicLink(link, "pipe");

        var set = await Task.Run(() => SampleLayout.Load(samples, TaskLoader.LoadAll(folder.Root))).WaitAsync(TimeSpan.FromSeconds(10));

        set.InputErrors.Should().ContainSingle().Which.ToString().Should().Be($"{link}: not a regular file (a FIFO); not read");
    }

    [TestMethod]
    public void Load_SocketAndDeviceAmongSamples_AreReportedNotRegularFiles()
    {
        using var folder = new TaskFolderBuilder();
        var samples = SamplesBeside(folder);
        Write(samples, "model-a/py-demo/0.py", "def find_user(c, n): return []");
        var socket = Path.Combine(samples, "model-a/py-demo/1.py");
        using var listening = SpecialFiles.MakeSocket(socket);
        var device = Path.Combine(samples, "model-a/py-demo/2.py");
        if (!SpecialFiles.TryMakeCharacterDevice(device))
        {
            Assert.Inconclusive("mknod is not permitted here (needs root or CAP_MKNOD)");
        }

        var set = SampleLayout.Load(samples, TaskLoader.LoadAll(folder.Root));

        set.Samples.Should().ContainSingle().Which.SampleId.Should().Be("0");
        set.InputErrors.Select(e => e.ToString()).Should().Equal(
            $"{socket}: not a regular file (a socket); not read",
            $"{device}: not a regular file (a character device); not read");
    }

    [TestMethod]
    public void Load_SampleOverTheSizeLimit_IsAnInputErrorNamingSizeAndLimit()
    {
        using var folder = new TaskFolderBuilder();
        var samples = SamplesBeside(folder);
        Write(samples, "model-a/py-demo/0.py", "def find_user(c, n): return []");
        var big = Path.Combine(samples, "model-a/py-demo/1.py");
        using (var stream = File.Create(big))
        {
            stream.SetLength(3 * 1024 * 1024);
        }

        var defaults = SampleLayout.Load(samples, TaskLoader.LoadAll(folder.Root));
        var raised = SampleLayout.Load(samples, TaskLoader.LoadAll(folder.Root), maxSampleBytes: 4 * 1024 * 1024);

        defaults.Samples.Should().ContainSingle();
        defaults.InputErrors.Should().ContainSingle().Which.ToString().Should()
            .Be($"{big}: 3 MiB (3,145,728 bytes), over the sample size limit of 1 MiB (1,048,576 bytes); not read");
        raised.Samples.Should().HaveCount(2);
        raised.InputErrors.Should().BeEmpty();
    }

    [TestMethod]
    public void Load_NonUtf8Sample_KeepsTheBytesUnchangedAndMarksTheText()
    {
        using var folder = new TaskFolderBuilder();
        var samples = SamplesBeside(folder);
        byte[] bytes = [.. "def find_user(c, n):\n    return ['caf"u8, 0xE9, .. "']\n"u8];
        var path = Path.Combine(samples, "model-a/py-demo/0.py");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);

        var sample = SampleLayout.Load(samples, TaskLoader.LoadAll(folder.Root)).Samples.Single();

        sample.Source.Bytes.Should().Equal(bytes);
        sample.Source.IsUtf8.Should().BeFalse();
        sample.Code.Should().Contain("caf\uFFFD");
        sample.Source.DisplayNote.Should().StartWith("not UTF-8: shown with replacement characters");
    }

    private static string SamplesBeside(TaskFolderBuilder folder) => Path.Combine(Path.GetDirectoryName(folder.Root)!, "samples");

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
