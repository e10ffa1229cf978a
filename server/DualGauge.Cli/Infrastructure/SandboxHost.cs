using DualGauge.Core.Execution;
using DualGauge.Sandbox;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace DualGauge.Cli.Infrastructure;

/// <summary>A started Docker sandbox for one CLI command, with its pool sized to the command's parallelism.</summary>
internal sealed class SandboxHost : IAsyncDisposable
{
    private readonly DockerSandbox sandbox;

    private SandboxHost(DockerSandbox sandbox) => this.sandbox = sandbox;

    public ISandbox Sandbox => sandbox;

    public string Image => sandbox.ImageTag;

    /// <exception cref="SandboxUnavailableException">Docker cannot be reached or the image cannot be built.</exception>
    public static async Task<SandboxHost> StartAsync(string? dockerHost, string? image, int parallelism, ILoggerFactory logging, CancellationToken cancellationToken)
    {
        DockerSandboxOptions options;
        try
        {
            options = DockerSandboxOptions.CreateBuilder()
                .WithEndpoint(dockerHost)
                .WithImage(image)
                .WithPoolSize(Math.Clamp(parallelism, 1, 16))
                .Build();
        }
        catch (ArgumentException ex)
        {
            throw new SandboxUnavailableException(ex.Message, ex);
        }

        var sandbox = new DockerSandbox(options, logging);
        try
        {
            var progress = new Progress<string>(line => AnsiConsole.MarkupLineInterpolated($"[grey]{line}[/]"));
            await sandbox.StartAsync(progress, cancellationToken).ConfigureAwait(false);
        }
        catch (SandboxImageException ex)
        {
            await sandbox.DisposeAsync().ConfigureAwait(false);
            throw new SandboxUnavailableException(ex.Message, ex);
        }
        catch
        {
            await sandbox.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new SandboxHost(sandbox);
    }

    public ValueTask DisposeAsync() => sandbox.DisposeAsync();
}
