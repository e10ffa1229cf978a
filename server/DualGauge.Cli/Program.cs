using System.CommandLine;
using DualGauge.Cli.Commands;

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
            SandboxCommand.Create(),
            GenerateCommand.Create(),
            AuditCommand.Create(),
        };
        return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
    }
}
