using System.CommandLine;
using DualGauge.Cli.Infrastructure;
using DualGauge.Core.Execution;
using DualGauge.Sandbox;
using Spectre.Console;

namespace DualGauge.Cli.Commands;

/// <summary><c>dualgauge sandbox status|build|clean</c>.</summary>
internal static class SandboxCommand
{
    public static Command Create()
    {
        var dockerHost = CommonOptions.DockerHost();
        var status = new Command("status", "Check that Docker is reachable and the sandbox image is ready.") { dockerHost };
        status.SetAction(async (parse, ct) =>
        {
            var options = DockerSandboxOptions.CreateBuilder().WithEndpoint(parse.GetValue(dockerHost)).WithPoolSize(0).Build();
            using var logging = CliLogging.Create(null);
            await using var sandbox = new DockerSandbox(options, logging);
            var state = await sandbox.GetStatusAsync(ct).ConfigureAwait(false);
            AnsiConsole.MarkupLineInterpolated($"{(state.Ready ? "[green]ready[/]" : "[red]not ready[/]")} {state.Description}");
            if (state.Fix is not null)
            {
                AnsiConsole.MarkupLineInterpolated($"fix: {state.Fix}");
            }

            return state.Ready ? ExitCodes.Success : ExitCodes.SandboxUnavailable;
        });

        var dockerHost2 = CommonOptions.DockerHost();
        var build = new Command("build", "Build the versioned sandbox image now if it is missing (it is otherwise built on first use).") { dockerHost2 };
        build.SetAction(async (parse, ct) =>
        {
            try
            {
                using var logging = CliLogging.Create(null);
                await using var host = await SandboxHost.StartAsync(parse.GetValue(dockerHost2), null, 1, logging, ct).ConfigureAwait(false);
                AnsiConsole.MarkupLineInterpolated($"[green]ready[/] {host.Image}");
                return ExitCodes.Success;
            }
            catch (SandboxUnavailableException ex)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
                return ExitCodes.SandboxUnavailable;
            }
        });

        var dockerHost3 = CommonOptions.DockerHost();
        var clean = new Command("clean", "Remove every DualGauge sandbox container on this engine (also those of running DualGauge processes).") { dockerHost3 };
        clean.SetAction(async (parse, ct) =>
        {
            var options = DockerSandboxOptions.CreateBuilder().WithEndpoint(parse.GetValue(dockerHost3)).Build();
            try
            {
                var removed = await DockerSandbox.RemoveAllContainersAsync(options, null, ct).ConfigureAwait(false);
                AnsiConsole.MarkupLineInterpolated($"removed {removed} container(s)");
                return ExitCodes.Success;
            }
            catch (SandboxUnavailableException ex)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
                return ExitCodes.SandboxUnavailable;
            }
        });

        return new Command("sandbox", "Manage the Docker sandbox.") { status, build, clean };
    }
}
