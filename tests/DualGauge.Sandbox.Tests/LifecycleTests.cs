using System.Diagnostics;
using Docker.DotNet;
using Docker.DotNet.Models;
using DualGauge.Core.Execution;
using DualGauge.Core.Tasks;
using DualGauge.Sandbox.Tests.Infrastructure;
using FluentAssertions;

namespace DualGauge.Sandbox.Tests;

/// <summary>Containers come and go as promised: pooled, single use, removed on dispose, leftovers cleaned.</summary>
[TestClass]
public sealed class LifecycleTests
{
    public TestContext TestContext { get; set; } = null!;

    private static DockerClient Client() => DockerSandbox.CreateClient(SandboxFixture.Sandbox.Options);

    private static async Task<IList<ContainerListResponse>> ListAsync(DockerClient client, string label, string value) =>
        await client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{label}={value}"] = true } },
        });

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value) || clock.Elapsed > within)
            {
                return value;
            }

            await Task.Delay(100);
        }
    }

    [TestMethod]
    public async Task DisposeAsync_AfterJobs_LeavesNoContainerOfTheSession()
    {
        SandboxFixture.RequireDocker();
        using var client = Client();
        var sandbox = new DockerSandbox(SandboxFixture.OptionsBuilder().WithPoolSize(3).Build(), SandboxFixture.LoggerFactory);
        await sandbox.ExecuteAsync(["true"], ReadOnlyMemory<byte>.Empty, TimeSpan.FromSeconds(10), 1024, TestContext.CancellationToken);
        var session = sandbox.Session.ToString("D");
        var during = await EventuallyAsync(() => ListAsync(client, ContainerLabels.Session, session), l => l.Count >= 3, TimeSpan.FromSeconds(15));
        during.Should().HaveCountGreaterThanOrEqualTo(3, "the pool keeps three warm containers");
        during[0].Labels.Should().Contain(ContainerLabels.Managed, "true")
            .And.Contain(ContainerLabels.Pid, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .And.Contain(ContainerLabels.Host, Environment.MachineName);

        await sandbox.DisposeAsync();

        (await ListAsync(client, ContainerLabels.Session, session)).Should().BeEmpty();
    }

    [TestMethod]
    public async Task RunAsync_UsedContainer_IsRemovedAndPoolRefilled()
    {
        SandboxFixture.RequireDocker();
        using var client = Client();
        await using var sandbox = new DockerSandbox(SandboxFixture.OptionsBuilder().WithPoolSize(1).Build(), SandboxFixture.LoggerFactory);
        var first = await sandbox.ExecuteAsync(["hostname"], ReadOnlyMemory<byte>.Empty, TimeSpan.FromSeconds(10), 1024, TestContext.CancellationToken);
        var usedId = first.Stdout.Trim();

        var containers = await EventuallyAsync(
            () => ListAsync(client, ContainerLabels.Session, sandbox.Session.ToString("D")),
            l => l.Count == 1 && !l[0].ID.StartsWith(usedId, StringComparison.Ordinal), TimeSpan.FromSeconds(15));

        containers.Should().ContainSingle("the used container is removed and one fresh container waits");
        containers[0].ID.Should().NotStartWith(usedId);
        containers[0].State.Should().Be("running");
    }

    [TestMethod]
    public async Task Container_Settings_MatchTheLockdown()
    {
        SandboxFixture.RequireDocker();
        using var client = Client();
        var sandbox = SandboxFixture.Sandbox;
        var containers = await EventuallyAsync(() => ListAsync(client, ContainerLabels.Session, sandbox.Session.ToString("D")), l => l.Count > 0, TimeSpan.FromSeconds(15));
        var inspect = await client.Containers.InspectContainerAsync(containers[0].ID);

        var host = inspect.HostConfig!;
        var config = inspect.Config!;
        host.NetworkMode.Should().Be("none");
        host.ReadonlyRootfs.Should().BeTrue();
        host.Tmpfs.Should().Contain("/tmp", "rw,exec,nosuid,nodev,size=64m");
        host.Memory.Should().Be(256L * 1024 * 1024);
        host.MemorySwap.Should().Be(256L * 1024 * 1024);
        host.PidsLimit.Should().Be(64L);
        host.NanoCPUs.Should().Be(1_000_000_000);
        host.CapDrop.Should().BeEquivalentTo(["ALL"]);
        host.SecurityOpt.Should().Contain("no-new-privileges");
        host.IpcMode.Should().Be("none");
        config.User.Should().Be("65534:65534");
        config.WorkingDir.Should().Be("/tmp");
        config.Env.Should().Contain("HOME=/tmp");
        config.Cmd.Should().Equal("sleep", "infinity");
        config.Image.Should().Be(sandbox.ImageTag);
    }

    [TestMethod]
    public async Task StartAsync_LeftoversOfDeadProcess_AreRemovedAndLiveOnesKept()
    {
        SandboxFixture.RequireDocker();
        using var client = Client();
        var deadPid = await DeadPidAsync();
        var options = SandboxFixture.Sandbox.Options;
        var deadOwner = await CreateLabelledAsync(client, options, deadPid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var liveOwner = await CreateLabelledAsync(client, options, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            await using var sandbox = new DockerSandbox(SandboxFixture.OptionsBuilder().WithPoolSize(0).Build(), SandboxFixture.LoggerFactory);
            await sandbox.StartAsync(null, TestContext.CancellationToken);

            var remaining = (await ListAsync(client, ContainerLabels.Managed, "true")).Select(c => c.ID).ToList();
            remaining.Should().NotContain(deadOwner, $"its owner (pid {deadPid}) is gone");
            remaining.Should().Contain(liveOwner, "its owner (this process) is alive");
        }
        finally
        {
            await client.Containers.RemoveContainerAsync(liveOwner, new ContainerRemoveParameters { Force = true });
            try
            {
                await client.Containers.RemoveContainerAsync(deadOwner, new ContainerRemoveParameters { Force = true });
            }
            catch (DockerContainerNotFoundException)
            {
            }
        }
    }

    [TestMethod]
    public async Task RemoveAllContainersAsync_RemovesEveryManagedContainer()
    {
        SandboxFixture.RequireDocker();
        using var client = Client();
        var options = SandboxFixture.Sandbox.Options;
        var others = (await ListAsync(client, ContainerLabels.Managed, "true"))
            .Where(c => c.Labels.TryGetValue(ContainerLabels.Pid, out var pid) && pid != Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        if (others.Count > 0 && !SandboxFixture.IsCi)
        {
            // Removing every DualGauge container would break another DualGauge process running on this machine.
            Assert.Inconclusive($"{others.Count} DualGauge container(s) of other processes exist; this test runs where it is alone (CI).");
        }

        var foreign = await CreateLabelledAsync(client, options, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var removed = await DockerSandbox.RemoveAllContainersAsync(options, null, TestContext.CancellationToken);

        removed.Should().BeGreaterThanOrEqualTo(1);
        (await ListAsync(client, ContainerLabels.Managed, "true")).Select(c => c.ID).Should().NotContain(foreign);
        // The shared sandbox lost its warm containers too; it must recover by itself.
        var run = await SandboxFixture.Sandbox.ExecuteAsync(["echo", "recovered"], ReadOnlyMemory<byte>.Empty, TimeSpan.FromSeconds(15), 1024, TestContext.CancellationToken);
        run.Stdout.Trim().Should().Be("recovered");
    }

    [TestMethod]
    public async Task RunAsync_EngineGoesAwayMidRun_FailsFastThenRecovers()
    {
        SandboxFixture.RequireDocker();
        var socket = Path.Combine(Path.GetTempPath(), $"dg-proxy-{Guid.NewGuid():N}.sock");
        await using var proxy = new UnixSocketProxy(socket);
        proxy.Start();
        await using var sandbox = new DockerSandbox(SandboxFixture.OptionsBuilder().WithEndpoint(proxy.Endpoint.ToString()).WithPoolSize(1).Build(), SandboxFixture.LoggerFactory);
        (await sandbox.ExecuteAsync(["true"], ReadOnlyMemory<byte>.Empty, TimeSpan.FromSeconds(10), 1024, TestContext.CancellationToken)).ExitCode.Should().Be(0);

        var running = sandbox.ExecuteAsync(["sleep", "20"], ReadOnlyMemory<byte>.Empty, TimeSpan.FromSeconds(60), 1024, TestContext.CancellationToken);
        await Task.Delay(700);
        await proxy.StopAsync();
        var clock = Stopwatch.StartNew();

        var failure = await running.Invoking(t => t).Should().ThrowAsync<SandboxUnavailableException>();
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "a vanished engine fails the job, it does not hang");
        failure.Which.Message.Should().Contain(proxy.Endpoint.ToString());
        (await sandbox.GetStatusAsync(TestContext.CancellationToken)).Ready.Should().BeFalse();

        proxy.Start();
        var again = await sandbox.ExecuteAsync(["echo", "back"], ReadOnlyMemory<byte>.Empty, TimeSpan.FromSeconds(20), 1024, TestContext.CancellationToken);
        again.Stdout.Trim().Should().Be("back");
        var refilled = await EventuallyAsync(() => Task.FromResult(sandbox.ReadyContainers), n => n >= 1, TimeSpan.FromSeconds(20));
        refilled.Should().Be(1, "the pool refills once the engine is back");
    }

    [TestMethod]
    public async Task Execute_ImageRemovedAfterStart_ThrowsImageErrorNamingTheTag()
    {
        SandboxFixture.RequireDocker();
        using var client = Client();
        var tag = $"dualgauge-sandbox:vanishing-{Guid.NewGuid():N}";
        var parts = tag.Split(':');
        await client.Images.TagImageAsync(SandboxFixture.ImageTag, new ImageTagParameters { RepositoryName = parts[0], Tag = parts[1] });
        await using var sandbox = new DockerSandbox(SandboxFixture.OptionsBuilder().WithImage(tag).WithPoolSize(0).Build(), SandboxFixture.LoggerFactory);
        (await sandbox.ExecuteAsync(["true"], ReadOnlyMemory<byte>.Empty, TimeSpan.FromSeconds(10), 1024, TestContext.CancellationToken)).ExitCode.Should().Be(0);

        await client.Images.DeleteImageAsync(tag, new ImageDeleteParameters());
        var failure = await sandbox.Invoking(s => s.ExecuteAsync(["true"], ReadOnlyMemory<byte>.Empty, TimeSpan.FromSeconds(10), 1024, TestContext.CancellationToken))
            .Should().ThrowAsync<SandboxImageException>();

        failure.Which.Message.Should().Contain(tag).And.Contain("does not exist");
    }

    [TestMethod]
    public async Task RunAsync_UnreachableEndpoint_ThrowsWithEndpointAndFix()
    {
        var endpoint = $"unix:///tmp/dg-missing-{Guid.NewGuid():N}.sock";
        await using var sandbox = new DockerSandbox(DockerSandboxOptions.CreateBuilder().WithEndpoint(endpoint).WithImage("dualgauge-sandbox:none").Build());
        var job = new SandboxJob(Language.Python, "{}"u8.ToArray(), TimeSpan.FromSeconds(5), 1024);

        var failure = await sandbox.Invoking(s => s.RunAsync(job, TestContext.CancellationToken)).Should().ThrowAsync<SandboxUnavailableException>();

        failure.Which.Message.Should().Contain(endpoint)
            .And.Contain("start the Docker engine")
            .And.Contain("DOCKER_HOST")
            .And.Contain("docker group");
    }

    [TestMethod]
    public async Task GetStatusAsync_UnreachableEndpoint_NotReadyWithFix()
    {
        var endpoint = $"unix:///tmp/dg-missing-{Guid.NewGuid():N}.sock";
        await using var sandbox = new DockerSandbox(DockerSandboxOptions.CreateBuilder().WithEndpoint(endpoint).Build());

        var status = await sandbox.GetStatusAsync(TestContext.CancellationToken);

        status.Ready.Should().BeFalse();
        status.Description.Should().Contain(endpoint);
        status.Fix.Should().Contain("DOCKER_HOST");
    }

    [TestMethod]
    public async Task GetStatusAsync_RealEngine_ReadyWithImage()
    {
        var status = await SandboxFixture.Sandbox.GetStatusAsync(TestContext.CancellationToken);

        status.Ready.Should().BeTrue(status.Description);
        status.Description.Should().Contain("API 1.41").And.Contain(SandboxFixture.ImageTag).And.Contain("present");
        status.Fix.Should().BeNull();
    }

    [TestMethod]
    public async Task GetStatusAsync_ComputedImageMissing_ReadyAndBuiltOnFirstUse()
    {
        SandboxFixture.RequireDocker();
        var folder = Path.Combine(Path.GetTempPath(), $"dg-status-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(folder, "image"));
        Directory.CreateDirectory(Path.Combine(folder, "harness"));
        File.WriteAllText(Path.Combine(folder, "image", "packages.txt"), $"never-built-{Guid.NewGuid():N}\n");
        File.WriteAllText(Path.Combine(folder, "image", "Dockerfile"), "FROM scratch\n");
        File.WriteAllText(Path.Combine(folder, "image", "build.sh"), "exit 1\n");
        File.WriteAllText(Path.Combine(folder, "harness", "run"), "#!/bin/sh\n");
        try
        {
            await using var sandbox = new DockerSandbox(SandboxFixture.OptionsBuilder().WithImage(null).WithSandboxDirectory(folder).WithPoolSize(0).Build());

            var status = await sandbox.GetStatusAsync(TestContext.CancellationToken);

            status.Ready.Should().BeTrue(status.Description);
            status.Description.Should().Contain(sandbox.ImageTag).And.Contain("built on first use");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public async Task GetStatusAsync_ExplicitImageMissing_NotReadyWithBuildCommand()
    {
        SandboxFixture.RequireDocker();
        await using var sandbox = new DockerSandbox(SandboxFixture.OptionsBuilder().WithImage("dualgauge-sandbox:missing-tag").WithPoolSize(0).Build());

        var status = await sandbox.GetStatusAsync(TestContext.CancellationToken);

        status.Ready.Should().BeFalse();
        status.Description.Should().Contain("dualgauge-sandbox:missing-tag").And.Contain("does not exist");
        status.Fix.Should().Contain("build.sh --tag dualgauge-sandbox:missing-tag");
    }

    [TestMethod]
    public async Task Options_DockerHostSet_IsUsed()
    {
        SandboxFixture.RequireDocker();
        var socket = Path.Combine(Path.GetTempPath(), $"dg-proxy-{Guid.NewGuid():N}.sock");
        await using var proxy = new UnixSocketProxy(socket);
        proxy.Start();
        var previous = Environment.GetEnvironmentVariable("DOCKER_HOST");
        DockerSandboxOptions options;
        try
        {
            Environment.SetEnvironmentVariable("DOCKER_HOST", proxy.Endpoint.ToString());
            options = DockerSandboxOptions.CreateBuilder().WithImage(SandboxFixture.ImageTag).Build();
        }
        finally
        {
            Environment.SetEnvironmentVariable("DOCKER_HOST", previous);
        }

        options.Endpoint.Should().Be(proxy.Endpoint);
        options.EndpointSource.Should().Be("DOCKER_HOST");
        await using var sandbox = new DockerSandbox(options);
        var status = await sandbox.GetStatusAsync(TestContext.CancellationToken);

        status.Ready.Should().BeTrue(status.Description);
        status.Description.Should().Contain(proxy.Endpoint.ToString());
        proxy.AcceptedConnections.Should().BeGreaterThan(0, "the engine was reached through DOCKER_HOST");
    }

    [TestMethod]
    public async Task Options_DockerHostUnreachable_ErrorNamesDockerHost()
    {
        var endpoint = $"unix:///tmp/dg-missing-{Guid.NewGuid():N}.sock";
        var previous = Environment.GetEnvironmentVariable("DOCKER_HOST");
        DockerSandboxOptions options;
        try
        {
            Environment.SetEnvironmentVariable("DOCKER_HOST", endpoint);
            options = DockerSandboxOptions.CreateBuilder().WithImage("dualgauge-sandbox:none").Build();
        }
        finally
        {
            Environment.SetEnvironmentVariable("DOCKER_HOST", previous);
        }

        await using var sandbox = new DockerSandbox(options);
        var failure = await sandbox.Invoking(s => s.StartAsync(null, TestContext.CancellationToken)).Should().ThrowAsync<SandboxUnavailableException>();

        failure.Which.Message.Should().Contain(endpoint).And.Contain("from DOCKER_HOST");
    }

    private static async Task<int> DeadPidAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        return process.Id;
    }

    private static async Task<string> CreateLabelledAsync(DockerClient client, DockerSandboxOptions options, string pid)
    {
        var parameters = SandboxContainer.CreateParameters(options, SandboxFixture.ImageTag, Guid.NewGuid());
        parameters.Labels[ContainerLabels.Pid] = pid;
        var created = await client.Containers.CreateContainerAsync(parameters);
        return created.ID;
    }
}
