using DualGauge.Core.Execution;
using DualGauge.Sandbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualGauge.Ai.Tests.Infrastructure;

/// <summary>
/// One real Docker sandbox, started on first use and shared. Without a Docker engine the tests that need it fail
/// under CI=true and are inconclusive elsewhere.
/// </summary>
[TestClass]
public static class Sandboxes
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static DockerSandbox? shared;
    private static string? unavailable;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static async Task<ISandbox> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (shared is null && unavailable is null)
            {
                var options = DockerSandboxOptions.CreateBuilder()
                    .WithImage(Environment.GetEnvironmentVariable("DUALGAUGE_SANDBOX_IMAGE") is { Length: > 0 } image ? image : null)
                    .WithPoolSize(2)
                    .Build();
                var sandbox = new DockerSandbox(options, NullLoggerFactory.Instance);
                try
                {
                    await sandbox.StartAsync(null, CancellationToken.None);
                    shared = sandbox;
                }
                catch (SandboxUnavailableException e)
                {
                    unavailable = e.Message;
                    await sandbox.DisposeAsync();
                }
            }
        }
        finally
        {
            Gate.Release();
        }

        if (unavailable is not null)
        {
            if (IsCi)
            {
                Assert.Fail($"A Docker engine is required under CI: {unavailable}");
            }

            Assert.Inconclusive($"No Docker engine: {unavailable}");
        }

        return shared!;
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
