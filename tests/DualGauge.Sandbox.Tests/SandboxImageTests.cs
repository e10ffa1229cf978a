using System.Security.Cryptography;
using System.Text;
using DualGauge.Sandbox.Tests.Infrastructure;
using FluentAssertions;

namespace DualGauge.Sandbox.Tests;

[TestClass]
public sealed class SandboxImageTests
{
    private string root = null!;

    public TestContext TestContext { get; set; } = null!;

    [TestInitialize]
    public void CreateSandboxFolder()
    {
        root = Path.Combine(Path.GetTempPath(), $"dg-image-{Guid.NewGuid():N}");
        Write("image/packages.txt", "python3\n");
        Write("image/Dockerfile", "FROM scratch\n");
        Write("image/build.sh", "echo not hashed\n");
        Write("harness/run", "#!/bin/sh\n");
        Write("harness/python/run.py", "print(1)\n");
        Write("harness/python/__pycache__/run.cpython-311.pyc", "compiled");
    }

    [TestCleanup]
    public void DeleteSandboxFolder() => Directory.Delete(root, recursive: true);

    private void Write(string relative, string content)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    [TestMethod]
    public void ComputeContentHash_Folder_HashesSortedPathsNulAndContent()
    {
        var expected = new StringBuilder();
        foreach (var (path, content) in new[]
        {
            ("harness/python/run.py", "print(1)\n"),
            ("harness/run", "#!/bin/sh\n"),
            ("image/Dockerfile", "FROM scratch\n"),
            ("image/packages.txt", "python3\n"),
        })
        {
            expected.Append(path).Append('\0').Append(content);
        }

        var hash = SandboxImage.ComputeContentHash(root);

        hash.Should().Be(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(expected.ToString()))),
            "build.sh and __pycache__ are not part of the image content");
    }

    [TestMethod]
    public void Tag_Folder_IsVersionAndTwelveHex()
    {
        var tag = new SandboxImage(root).Tag;

        tag.Should().MatchRegex(@"^dualgauge-sandbox:\d+\.\d+\.\d+-[0-9a-f]{12}$");
        tag.Should().EndWith(SandboxImage.ComputeContentHash(root)[..12]);
    }

    [TestMethod]
    public void Tag_HarnessChanged_Changes()
    {
        var before = new SandboxImage(root).Tag;
        Write("harness/python/run.py", "print(2)\n");

        new SandboxImage(root).Tag.Should().NotBe(before);
    }

    [TestMethod]
    public void Tag_DockerfileMissing_ThrowsNamingTheFile()
    {
        File.Delete(Path.Combine(root, "image", "Dockerfile"));

        var act = () => new SandboxImage(root).Tag;

        act.Should().Throw<FileNotFoundException>().WithMessage("*image/Dockerfile*" + root + "*");
    }

    [TestMethod]
    public async Task StartAsync_ImageDefinitionMissing_ThrowsFileNotFoundNotUnavailable()
    {
        SandboxFixture.RequireDocker();
        File.Delete(Path.Combine(root, "image", "packages.txt"));
        await using var sandbox = new DockerSandbox(SandboxFixture.OptionsBuilder().WithImage(null).WithSandboxDirectory(root).WithPoolSize(0).Build());

        var failure = await sandbox.Invoking(s => s.StartAsync(null, TestContext.CancellationToken)).Should().ThrowAsync<FileNotFoundException>();

        failure.Which.Message.Should().Contain("image/packages.txt is missing");
    }

    [TestMethod]
    public void Tag_ShippedSandboxFolder_IsCopiedBesideTheAssembly()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "sandbox");

        File.Exists(Path.Combine(shipped, "image", "build.sh")).Should().BeTrue("the csproj copies image/ to sandbox/image");
        File.Exists(Path.Combine(shipped, "harness", "run")).Should().BeTrue("the csproj copies harness/ to sandbox/harness");
        SandboxImage.ListHashedFiles(shipped).Should().Contain("image/packages.txt").And.Contain("harness/run");
    }

    [TestMethod]
    public async Task EnsureImageAsync_BuildScriptFails_ThrowsWithItsLog()
    {
        SandboxFixture.RequireDocker();
        Write("image/build.sh", "echo \"building $2\"\necho 'apt: package nosuchpackage not found' >&2\nexit 3\n");
        var reports = new List<string>();
        await using var sandbox = new DockerSandbox(
            SandboxFixture.OptionsBuilder().WithImage(null).WithSandboxDirectory(root).WithPoolSize(0).Build(), SandboxFixture.LoggerFactory);

        var failure = await sandbox.Invoking(s => s.EnsureImageAsync(new SynchronousProgress(reports), TestContext.CancellationToken))
            .Should().ThrowAsync<SandboxImageException>();

        failure.Which.Message.Should().Contain("exited with code 3").And.Contain("package nosuchpackage not found").And.Contain(sandbox.ImageTag);
        reports.Should().HaveElementAt(0, $"building sandbox image {sandbox.ImageTag} (first use, ~1 min)");
        reports.Should().Contain($"building {sandbox.ImageTag}", "the script receives --tag <tag>");
        ((TestLoggerFactory)SandboxFixture.LoggerFactory).Lines
            .Should().Contain(l => l.Contains("[image build] apt: package nosuchpackage not found", StringComparison.Ordinal));
    }

    [TestMethod]
    public async Task EnsureImageAsync_ExplicitImageMissing_ThrowsWithBuildCommand()
    {
        SandboxFixture.RequireDocker();
        await using var sandbox = new DockerSandbox(
            SandboxFixture.OptionsBuilder().WithImage("dualgauge-sandbox:does-not-exist").WithPoolSize(0).Build(), SandboxFixture.LoggerFactory);

        var failure = await sandbox.Invoking(s => s.EnsureImageAsync(null, TestContext.CancellationToken)).Should().ThrowAsync<SandboxImageException>();

        failure.Which.Message.Should().Contain("dualgauge-sandbox:does-not-exist").And.Contain("build.sh --tag dualgauge-sandbox:does-not-exist");
    }

    private sealed class SynchronousProgress(List<string> sink) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (sink)
            {
                sink.Add(value);
            }
        }
    }
}
