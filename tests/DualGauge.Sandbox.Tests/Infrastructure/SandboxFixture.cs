using DualGauge.Core.Execution;
using Microsoft.Extensions.Logging;

namespace DualGauge.Sandbox.Tests.Infrastructure;

/// <summary>
/// One shared sandbox per test run: the image is ensured (built on first use, about a minute) once, here.
/// Without a Docker engine the tests fail under CI=true and are inconclusive elsewhere.
/// </summary>
[TestClass]
public static class SandboxFixture
{
    /// <summary>Overrides the image for local runs (e.g. a hand-built tag); CI uses the computed tag.</summary>
    public const string ImageVariable = "DUALGAUGE_SANDBOX_IMAGE";

    private static DockerSandbox? shared;
    private static string? unavailable;

    public static ILoggerFactory LoggerFactory { get; } = new TestLoggerFactory();

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static DockerSandboxOptionsBuilder OptionsBuilder() =>
        DockerSandboxOptions.CreateBuilder()
            .WithImage(Environment.GetEnvironmentVariable(ImageVariable) is { Length: > 0 } image ? image : null)
            .WithPoolSize(2);

    /// <summary>The shared sandbox, or a failed (CI) / inconclusive (elsewhere) test when Docker is not there.</summary>
    public static DockerSandbox Sandbox
    {
        get
        {
            RequireDocker();
            return shared!;
        }
    }

    /// <summary>The image tag the shared sandbox runs.</summary>
    public static string ImageTag => Sandbox.ImageTag;

    public static void RequireDocker()
    {
        if (unavailable is null)
        {
            return;
        }

        if (IsCi)
        {
            Assert.Fail($"A Docker engine is required under CI: {unavailable}");
        }

        Assert.Inconclusive($"No Docker engine: {unavailable}");
    }

    [AssemblyInitialize]
    public static async Task InitializeAsync(TestContext context)
    {
        var sandbox = new DockerSandbox(OptionsBuilder().Build(), LoggerFactory);
        try
        {
            var progress = new Progress<string>(line => context.WriteLine($"[sandbox] {line}"));
            await sandbox.StartAsync(progress, context.CancellationToken);
            shared = sandbox;
        }
        catch (SandboxUnavailableException e)
        {
            unavailable = e.Message;
            await sandbox.DisposeAsync();
        }
    }

    [AssemblyCleanup]
    public static async Task CleanupAsync()
    {
        if (shared is not null)
        {
            await shared.DisposeAsync();
        }
    }
}
