using DualGauge.Core.Evaluation;
using Spectre.Console;

namespace DualGauge.Cli.Infrastructure;

/// <summary>A live progress bar on a terminal; a line per tenth of the run elsewhere (CI logs stay short).</summary>
internal static class RunProgress
{
    public static async Task<BenchRun> RunAsync(string title, int total, Func<IProgress<BenchProgress>, Task<BenchRun>> run)
    {
        if (AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected)
        {
            BenchRun? result = null;
            await AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .StartAsync(async ctx =>
                {
                    var bar = ctx.AddTask(title, maxValue: Math.Max(1, total));
                    var failures = 0;
                    result = await run(new Progress<BenchProgress>(p =>
                    {
                        bar.Value = p.Completed;
                        if (!p.Latest.JointPass)
                        {
                            failures++;
                        }

                        bar.Description = $"{title} ({failures} not secure-pass)";
                    })).ConfigureAwait(false);
                }).ConfigureAwait(false);
            return result!;
        }

        var lastTenth = -1;
        var gate = new object();
        return await run(new SynchronousProgress(p =>
        {
            var tenth = p.Completed * 10 / Math.Max(1, p.Total);
            lock (gate)
            {
                if (tenth > lastTenth || p.Completed == p.Total)
                {
                    lastTenth = tenth;
                    Console.WriteLine($"{title}: {p.Completed}/{p.Total}");
                }
            }
        })).ConfigureAwait(false);
    }

    private sealed class SynchronousProgress(Action<BenchProgress> report) : IProgress<BenchProgress>
    {
        public void Report(BenchProgress value) => report(value);
    }
}
