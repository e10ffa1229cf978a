using System.CommandLine;
using DualGauge.Cli.Commands;
using DualGauge.Cli.Infrastructure;

namespace DualGauge.Cli;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("DualGauge: does AI-written code work, and is it safe? Runs code in a locked-down sandbox against paired functional and security tests.")
        {
            BenchCommand.Create(),
            EvalCommand.Create(),
            TasksCommand.Create(),
            TemplatesCommand.Create(),
            SandboxCommand.Create(),
            GenerateCommand.Create(),
            AuditCommand.Create(),
            SnippetsCommand.Create(),
            CheckCommand.Create(),
            ImportCommand.Create(),
        };

        // Our own SIGINT/SIGTERM handling: System.CommandLine's gives the command 2 s and then exits without
        // waiting for it, which would cut a bench run off before its partial report is written.
        using var interrupt = CliInterrupt.Install();
        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false }, interrupt.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (interrupt.Token.IsCancellationRequested)
        {
            Console.Error.WriteLine($"{CliInterrupt.Describe()}");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine("Unhandled exception: " + ex);
            return 1;
        }
    }
}
