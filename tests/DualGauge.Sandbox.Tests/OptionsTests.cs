using FluentAssertions;

namespace DualGauge.Sandbox.Tests;

[TestClass]
public sealed class OptionsTests
{
    [TestMethod]
    public void Build_Defaults_MatchTheDocumentedLockdown()
    {
        var options = DockerSandboxOptions.CreateBuilder().WithEndpoint("unix:///var/run/docker.sock").Build();

        options.MemoryBytes.Should().Be(256L * 1024 * 1024);
        options.PidsLimit.Should().Be(64);
        options.Cpus.Should().Be(1.0);
        options.TmpfsBytes.Should().Be(64L * 1024 * 1024);
        options.PoolSize.Should().Be(2);
        options.Image.Should().BeNull("the computed tag is the default");
        options.SandboxDirectory.Should().Be(Path.Combine(AppContext.BaseDirectory, "sandbox"));
    }

    [TestMethod]
    public void Build_Builder_IsImmutable()
    {
        var baseBuilder = DockerSandboxOptions.CreateBuilder().WithEndpoint("unix:///a.sock");
        var changed = baseBuilder.WithPoolSize(5);

        baseBuilder.Build().PoolSize.Should().Be(2);
        changed.Build().PoolSize.Should().Be(5);
    }

    [TestMethod]
    [DataRow("pool size", 1)]
    [DataRow("pids limit", 2)]
    [DataRow("memory", 3)]
    [DataRow("cpus", 4)]
    [DataRow("image", 5)]
    [DataRow("image", 6)]
    public void Build_InvalidValue_ThrowsNamingTheSetting(string setting, int variant)
    {
        var builder = DockerSandboxOptions.CreateBuilder().WithEndpoint("unix:///a.sock");
        builder = variant switch
        {
            1 => builder.WithPoolSize(-1),
            2 => builder.WithPidsLimit(1),
            3 => builder.WithMemoryBytes(1024),
            4 => builder.WithCpus(0),
            5 => builder.WithImage("dualgauge-sandbox:latest"),
            _ => builder.WithImage("dualgauge-sandbox"),
        };

        builder.Invoking(b => b.Build()).Should().Throw<ArgumentException>().WithMessage($"*{setting}*");
    }

    [TestMethod]
    public void Build_MalformedEndpoint_ThrowsNamingTheEndpoint()
    {
        var act = () => DockerSandboxOptions.CreateBuilder().WithEndpoint("ftp://somewhere").Build();

        act.Should().Throw<ArgumentException>().WithMessage("*ftp://somewhere*dockerHost*");
    }
}
