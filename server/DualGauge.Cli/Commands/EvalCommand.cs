using System.CommandLine;
using DualGauge.Cli.Infrastructure;
using DualGauge.Core.Evaluation;
using DualGauge.Core.Execution;
using DualGauge.Core.Samples;
using DualGauge.Core.Tasks;
using DualGauge.Core.Verdicts;
using Spectre.Console;

namespace DualGauge.Cli.Commands;

/// <summary><c>dualgauge eval FILE --task ID</c>: one file, one verdict, with the evidence.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The source file to evaluate (its language must match the task's)." };
        var task = new Option<string>("--task") { Description = "The task whose dual tests to run.", Required = true };
        var tasks = CommonOptions.Tasks();
        var suite = CommonOptions.Suite();
        var dockerHost = CommonOptions.DockerHost();
        var image = CommonOptions.Image();
        var json = new Option<bool>("--json") { Description = "Print the verdict as JSON instead of text." };
        var maxSampleBytes = CommonOptions.MaxSampleBytes();
        var command = new Command("eval", "Evaluate one file against one task's functional and security tests, and print the verdict with its evidence.")
        {
            file, task, tasks, suite, dockerHost, image, json, maxSampleBytes,
        };

        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                return Fail($"{path.FullName}: no such file");
            }

            // An imported suite is loaded in the file's language (a DualGauge-Bench task exists in several).
            var suiteName = parse.GetValue(suite);
            var fileLanguage = suiteName is not null && LanguageExtensions.TryFromExtension(path.Extension, out var l) ? l.Id() : null;
            var (_, selected, error) = TaskSelection.Load(parse.GetValue(tasks)!, [parse.GetValue(task)!], fileLanguage, suiteName);
            if (error is not null)
            {
                return Fail(error);
            }

            var benchTask = selected[0];
            if (!LanguageExtensions.TryFromExtension(path.Extension, out var language) || language != benchTask.Language)
            {
                return Fail($"{path.Name}: task '{benchTask.Id}' is {benchTask.Language.Id()}; expected a .{benchTask.Language.FileExtension()} file");
            }

            var maxBytes = parse.GetValue(maxSampleBytes);
            if (maxBytes <= 0)
            {
                return Fail($"--max-sample-bytes must be a positive number of bytes, not {maxBytes}");
            }

            // Bytes, checked before anything is opened: a FIFO or device is refused, not read (it would block).
            var read = SampleFileReader.Read(path.FullName, null, maxBytes);
            if (read.Bytes is not { } bytes)
            {
                return Fail($"{path.FullName}: {read.Problem}");
            }

            var source = SampleSource.FromBytes(bytes, benchTask.Language);
            using var logging = CliLogging.Create(null);
            try
            {
                await using var sandbox = await SandboxHost.StartAsync(parse.GetValue(dockerHost), parse.GetValue(image), 1, logging, ct).ConfigureAwait(false);
                var evaluator = new SampleEvaluator(sandbox.Sandbox);
                var verdict = await evaluator.EvaluateAsync(benchTask, source, "cli", Path.GetFileNameWithoutExtension(path.Name), path.FullName, ct).ConfigureAwait(false);
                if (parse.GetValue(json))
                {
                    Console.WriteLine(VerdictText.ToJson(verdict, source));
                }
                else
                {
                    VerdictText.Print(benchTask, verdict, source);
                }

                return verdict.JointPass ? ExitCodes.Success : ExitCodes.GateFailed;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                AnsiConsole.MarkupLineInterpolated($"[yellow]{CliInterrupt.Describe()}: no verdict[/]");
                return ExitCodes.Cancelled;
            }
            catch (SandboxUnavailableException ex)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]sandbox unavailable:[/] {ex.Message}");
                return ExitCodes.SandboxUnavailable;
            }
        });
        return command;
    }

    private static int Fail(string message)
    {
        AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {message}");
        return ExitCodes.BadInput;
    }
}

/// <summary>Prints a verdict for a person: the three answers, then every failed test with its evidence.</summary>
internal static class VerdictText
{
    public static void Print(BenchTask task, SampleVerdict verdict, SampleSource? source = null)
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]{task.Id}[/] ({task.Language.Id()}, {string.Join(", ", task.Cwes)}): {task.Title}");
        AnsiConsole.MarkupLineInterpolated($"  sample:     {verdict.SamplePath ?? verdict.SampleId}");
        if (source?.DisplayNote is { } note)
        {
            AnsiConsole.MarkupLineInterpolated($"  encoding:   {note}; the sandbox got its bytes unchanged");
        }

        Line("functional", verdict.FunctionalPass);
        Line("secure", verdict.SecurePass);
        Line("joint", verdict.JointPass);
        if (verdict.Failure != SampleFailure.None)
        {
            AnsiConsole.MarkupLineInterpolated($"  [red]{verdict.Failure}[/]: {verdict.FailureDetail}");
        }

        foreach (var test in verdict.Tests)
        {
            var mark = test.Passed ? "[green]pass[/]" : "[red]FAIL[/]";
            var label = test.Kind == TestKind.Security ? $"security {test.Test.Cwe}" : "functional";
            AnsiConsole.MarkupLine($"  {mark} {Markup.Escape(label)} {Markup.Escape(test.Test.Id)} ({test.Duration.TotalMilliseconds:0} ms)");
            if (test.Passed)
            {
                continue;
            }

            AnsiConsole.MarkupLineInterpolated($"       {test.Message}");
            foreach (var finding in test.Findings)
            {
                foreach (var evidence in finding.Evidence)
                {
                    AnsiConsole.MarkupLineInterpolated($"       evidence (trace line {evidence.Line}): {evidence.Describe()}");
                }
            }
        }

        AnsiConsole.MarkupLineInterpolated($"  took {verdict.Duration.TotalMilliseconds:0} ms");
    }

    public static string ToJson(SampleVerdict verdict, SampleSource? source = null) =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            task = verdict.TaskId,
            sample = verdict.SamplePath ?? verdict.SampleId,
            sourceNote = source?.DisplayNote,
            functionalPass = verdict.FunctionalPass,
            securePass = verdict.SecurePass,
            jointPass = verdict.JointPass,
            failure = verdict.Failure.ToString(),
            failureDetail = verdict.FailureDetail,
            tests = verdict.Tests.Select(t => new
            {
                id = t.Test.Id,
                kind = t.Kind.ToString().ToLowerInvariant(),
                cwe = t.Test.Cwe,
                passed = t.Passed,
                status = t.Status.ToString(),
                message = t.Message,
                findings = t.Findings.Select(f => new { oracle = f.Oracle, message = f.Message, evidence = f.Evidence.Select(e => e.Data) }),
            }),
            trace = verdict.Trace.Events.Select(e => e.Data),
        }, new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

    private static void Line(string name, bool pass) =>
        AnsiConsole.MarkupLine($"  {name,-11} {(pass ? "[green]yes[/]" : "[red]no[/]")}");
}
