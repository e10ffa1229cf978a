using System.CommandLine;
using System.Diagnostics;
using DualGauge.Cli.Infrastructure;
using DualGauge.Core.Evaluation;
using DualGauge.Core.Execution;
using DualGauge.Core.Samples;
using DualGauge.Core.Tasks;
using Spectre.Console;

namespace DualGauge.Cli.Commands;

/// <summary>
/// <c>dualgauge bench validate</c>: runs every task against its own references and fails, naming the
/// task and the test, when the tests do not discriminate.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var tasks = CommonOptions.Tasks();
        var taskIds = CommonOptions.TaskIds();
        var language = CommonOptions.LanguageFilter();
        var parallel = CommonOptions.Parallel();
        var dockerHost = CommonOptions.DockerHost();
        var image = CommonOptions.Image();
        var command = new Command("validate", "Check that every task's tests discriminate: the secure reference passes all tests, each insecure variant passes the functional tests and fails a security test, each wrong variant fails a functional test.")
        {
            tasks, taskIds, language, parallel, dockerHost, image,
        };

        command.SetAction(async (parse, ct) =>
        {
            var (catalog, selected, error) = TaskSelection.Load(parse.GetValue(tasks)!, parse.GetValue(taskIds), parse.GetValue(language));
            if (error is not null)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {error}");
                return ExitCodes.BadInput;
            }

            var samples = SampleLayout.FromReferences(catalog with { Tasks = selected }, includeWrong: true).Samples;
            var jobs = parse.GetValue(parallel);
            AnsiConsole.MarkupLineInterpolated($"validating {selected.Count} task(s), {samples.Count} references, --parallel {jobs}");
            var stopwatch = Stopwatch.StartNew();
            using var logging = CliLogging.Create(null);
            BenchRun run;
            try
            {
                await using var sandbox = await SandboxHost.StartAsync(parse.GetValue(dockerHost), parse.GetValue(image), jobs, logging, ct).ConfigureAwait(false);
                var runner = new BenchRunner(new SampleEvaluator(sandbox.Sandbox));
                run = await RunProgress.RunAsync("validating", samples.Count, p => runner.RunAsync(samples, jobs, p, ct)).ConfigureAwait(false);
            }
            catch (SandboxUnavailableException ex)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]sandbox unavailable:[/] {ex.Message}");
                return ExitCodes.SandboxUnavailable;
            }

            var problems = new List<ValidationProblem>();
            for (var i = 0; i < samples.Count; i++)
            {
                var sample = samples[i];
                var variant = sample.Task.Variants.First(v => v.Name == sample.SampleId);
                problems.AddRange(ReferenceValidator.Check(sample.Task, variant, run.Verdicts[i]));
            }

            foreach (var task in selected)
            {
                var taskProblems = problems.Where(p => p.TaskId == task.Id).ToList();
                if (taskProblems.Count == 0)
                {
                    AnsiConsole.MarkupLineInterpolated($"[green]ok[/]   {task.Id} ({task.Variants.Count} references, {task.Tests.Count} tests)");
                    continue;
                }

                AnsiConsole.MarkupLineInterpolated($"[red]FAIL[/] {task.Id}");
                foreach (var problem in taskProblems)
                {
                    AnsiConsole.MarkupLineInterpolated($"     {problem}");
                }
            }

            var invalid = problems.Select(p => p.TaskId).Distinct().Count();
            AnsiConsole.MarkupLineInterpolated($"{selected.Count - invalid} of {selected.Count} tasks valid; {catalog.Errors.Count} malformed task(s) skipped; {stopwatch.Elapsed.TotalSeconds:0.0} s");
            if (run.SandboxError is not null)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]the sandbox became unreachable:[/] {run.SandboxError}");
                return ExitCodes.SandboxUnavailable;
            }

            return invalid == 0 && catalog.Errors.Count == 0 ? ExitCodes.Success : ExitCodes.GateFailed;
        });
        return command;
    }
}
