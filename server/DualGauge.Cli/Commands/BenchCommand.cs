using System.CommandLine;
using DualGauge.Ai.Agentic;
using DualGauge.Ai.Judging;
using DualGauge.Ai.Models;
using DualGauge.Cli.Infrastructure;
using DualGauge.Core.Evaluation;
using DualGauge.Core.Execution;
using DualGauge.Core.Reports;
using DualGauge.Core.Samples;
using DualGauge.Core.Tasks;
using Spectre.Console;

namespace DualGauge.Cli.Commands;

/// <summary>
/// <c>dualgauge bench</c>: tasks x samples through the sandbox, then reports (JSON, Markdown, HTML, SARIF)
/// and quality gates. With no <c>--samples</c>, the bundled default: the tasks' own references.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var tasks = CommonOptions.Tasks();
        var suite = CommonOptions.Suite();
        var samples = new Option<DirectoryInfo?>("--samples")
        {
            Description = "Samples laid out as <samples>/<model>/<task-id>/<n>.<ext>. Without it, the bundled default: every task's secure reference and insecure variants, as the pseudo-models reference-secure and reference-insecure.",
        };
        var models = new Option<string[]>("--model") { Description = "Only these models (repeatable).", AllowMultipleArgumentsPerToken = true };
        var taskIds = CommonOptions.TaskIds();
        var language = CommonOptions.LanguageFilter();
        var parallel = CommonOptions.Parallel();
        var output = new Option<DirectoryInfo>("--out", "-o")
        {
            Description = "Folder for the reports (report.json, report.md, report.html, report.sarif).",
            DefaultValueFactory = _ => new DirectoryInfo("dualgauge-report"),
        };
        var formats = new Option<string[]>("--format")
        {
            Description = "Report formats to write: json, md, html, sarif (default: all).",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => ["json", "md", "html", "sarif"],
        };
        var ks = new Option<int[]>("--k") { Description = "The k of pass@k, secure@k, secure-pass@k (default 1 5 10; k above the sample count is left out).", AllowMultipleArgumentsPerToken = true };
        var minFunctional = new Option<double?>("--min-functional") { Description = "Fail (exit 1) when Functional % of any model is below this." };
        var minSecure = new Option<double?>("--min-secure") { Description = "Fail (exit 1) when Secure % of any model is below this." };
        var minJoint = new Option<double?>("--min-joint") { Description = "Fail (exit 1) when Joint % (secure-pass) of any model is below this." };
        var dockerHost = CommonOptions.DockerHost();
        var image = CommonOptions.Image();
        var judge = new Option<string?>("--judge") { Description = "Also ask this model to judge every test blind, from the task's prompt, the test's description and the trace of what the code did (never the oracles' verdict); the report shows the agreement (sends task prompts, test specs and traces to the endpoint)." };
        var agentic = new Option<string?>("--agentic") { Description = "When a sample fails for a reason of setup (missing entry point, include, import), let this model add harness glue, at most 3 tries; the candidate's code is kept verbatim (sends the sample and its load error to the endpoint)." };
        var endpoint = ModelOptions.Endpoint();
        var apiKey = ModelOptions.ApiKey();
        var requestTimeout = ModelOptions.Timeout();
        var maxSampleBytes = CommonOptions.MaxSampleBytes();
        var comparePaper = new Option<FileInfo?>("--compare-paper") { Description = "Put the paper's published per-model figures (a JSON file: {\"models\": [{\"model\", \"language\", \"pass@1\", \"secure@1\", \"secure-pass@1\", \"ours\"}]}, percentages) beside ours in the terminal and Markdown reports." };

        var command = new Command("bench", "Evaluate samples of AI-generated code against the benchmark's dual tests and write reports.")
        {
            tasks, suite, samples, models, taskIds, language, parallel, output, formats, ks, minFunctional, minSecure, minJoint, dockerHost, image, judge, agentic, endpoint, apiKey, requestTimeout, maxSampleBytes, comparePaper,
            ValidateCommand.Create(),
        };

        command.SetAction(async (parse, ct) =>
        {
            var (catalog, selected, error) = TaskSelection.Load(parse.GetValue(tasks)!, parse.GetValue(taskIds), parse.GetValue(language), parse.GetValue(suite));
            if (error is not null)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {error}");
                return ExitCodes.BadInput;
            }

            PaperFigures? paperFigures = null;
            if (parse.GetValue(comparePaper) is { } paperFile)
            {
                // Read before any sample runs: a mistyped figure file should not cost a benchmark run.
                var (figures, problems) = PaperFigures.Load(paperFile.FullName);
                foreach (var problem in problems)
                {
                    AnsiConsole.MarkupLineInterpolated($"[red]error:[/] --compare-paper {problem}");
                }

                if (figures is null)
                {
                    return ExitCodes.BadInput;
                }

                paperFigures = figures;
            }

            var maxBytes = parse.GetValue(maxSampleBytes);
            if (maxBytes <= 0)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]error:[/] --max-sample-bytes must be a positive number of bytes, not {maxBytes}");
                return ExitCodes.BadInput;
            }

            var selectedCatalog = catalog with { Tasks = selected };
            var samplesDir = parse.GetValue(samples);
            var modelFilter = parse.GetValue(models) ?? [];
            var sampleSet = samplesDir is null
                ? SampleLayout.FromReferences(selectedCatalog)
                : SampleLayout.Load(samplesDir.FullName, selectedCatalog, modelFilter, maxBytes);
            foreach (var problem in sampleSet.Errors)
            {
                if (problem.Kind == SampleProblemKind.InputError)
                {
                    AnsiConsole.MarkupLineInterpolated($"[red]input error[/] {problem}");
                }
                else
                {
                    AnsiConsole.MarkupLineInterpolated($"[yellow]skipped[/] {problem}");
                }
            }

            var inputErrors = sampleSet.InputErrors;
            if (inputErrors.Count > 0)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]{inputErrors.Count} sample file(s) not read (input errors, listed above and in the reports); the others are evaluated[/]");
            }

            var work = sampleSet.Samples.Where(s => modelFilter.Length == 0 || modelFilter.Contains(s.Model)).ToList();
            if (work.Count == 0)
            {
                AnsiConsole.MarkupLine("[red]error:[/] nothing to evaluate (no samples matched)");
                return ExitCodes.BadInput;
            }

            var renderers = ReportRenderers.Select(parse.GetValue(formats) ?? []);
            if (renderers.Error is not null)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {renderers.Error}");
                return ExitCodes.BadInput;
            }

            var jobs = parse.GetValue(parallel);
            ModelCaller? judgeCaller = null, agenticCaller = null;
            try
            {
                judgeCaller = parse.GetValue(judge) is { Length: > 0 } judgeModel ? ModelCaller.For(ModelOptions.Resolve(parse, endpoint, apiKey, requestTimeout, judgeModel)) : null;
                agenticCaller = parse.GetValue(agentic) is { Length: > 0 } agenticModel ? ModelCaller.For(ModelOptions.Resolve(parse, endpoint, apiKey, requestTimeout, agenticModel)) : null;
            }
            catch (ModelConfigurationException ex)
            {
                return ModelOptions.Fail(ex.Message);
            }

            AnsiConsole.MarkupLine(Markup.Escape($"DualGauge bench: {work.Count} samples of {work.Select(s => s.Task.Id).Distinct().Count()} tasks, {work.Select(s => s.Model).Distinct().Count()} model(s), --parallel {jobs}" + (samplesDir is null ? " (bundled default: the tasks' own references)" : "")));

            using var logging = CliLogging.Create(null);
            BenchRun? run = null;
            IReadOnlyList<SampleAdaptation> adaptations = [];
            var imageName = parse.GetValue(image) ?? "(not started)";
            var started = DateTimeOffset.UtcNow;
            try
            {
                await using var sandbox = await SandboxHost.StartAsync(parse.GetValue(dockerHost), parse.GetValue(image), jobs, logging, ct).ConfigureAwait(false);
                imageName = sandbox.Image;
                var runner = new BenchRunner(new SampleEvaluator(sandbox.Sandbox));
                run = await RunProgress.RunAsync("evaluating", work.Count, p => runner.RunAsync(work, jobs, p, ct)).ConfigureAwait(false);
                if (agenticCaller is not null && !ct.IsCancellationRequested)
                {
                    (run, adaptations) = await new AgenticEvaluator(new SampleEvaluator(sandbox.Sandbox), agenticCaller).AdaptRunAsync(work, run, jobs, ct).ConfigureAwait(false);
                    AnsiConsole.MarkupLineInterpolated($"agentic: {adaptations.Count} glue tries, {adaptations.Count(a => a.Adopted)} adopted");
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Cancelled while the sandbox started (or while adapting): keep whatever verdicts exist.
                run ??= BenchRun.CancelledBeforeStart(work, DateTimeOffset.UtcNow - started);
            }
            catch (SandboxUnavailableException ex)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]sandbox unavailable:[/] {ex.Message}");
                return ExitCodes.SandboxUnavailable;
            }
            catch (ModelCallException ex)
            {
                return ModelOptions.Fail(ex.Message);
            }

            var cancelled = ct.IsCancellationRequested || run.Cancelled;
            JudgeSection? judgeSection = null;
            if (judgeCaller is not null && !cancelled)
            {
                try
                {
                    judgeSection = await new LlmJudge(judgeCaller, Math.Max(1, jobs), taskPrompt: id => catalog.Find(id)?.Prompt).JudgeAsync(run.Verdicts, null, ct).ConfigureAwait(false);
                    if (run.Verdicts.Any(v => v.Tests.Any(t => t.Test.NeedsJudge)))
                    {
                        // Imported prose expectations no oracle decides: the judge's answer is their result.
                        var (decidedVerdicts, oracleSection, decided) = JudgeDecisions.Apply(run.Verdicts, judgeSection);
                        run = run with { Verdicts = decidedVerdicts };
                        judgeSection = oracleSection;
                        AnsiConsole.MarkupLineInterpolated($"judge {judgeSection.JudgeModel}: decided {decided} test(s) no oracle decides");
                    }

                    AnsiConsole.MarkupLineInterpolated($"judge {judgeSection.JudgeModel}: agreement with the oracles {judgeSection.Agreement.Describe()}, {judgeSection.Disagreements.Count} disagreement(s), {judgeSection.Malformed} malformed");
                }
                catch (ModelCallException ex)
                {
                    return ModelOptions.Fail(ex.Message);
                }
            }

            var metadata = new RunMetadata(started, run.Duration, catalog.Root, imageName, "dualgauge " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)), RunMetadata.CurrentVersion);
            // The paper tabulates k = 1: it is always computed when its figures are to be compared.
            var kList = parse.GetValue(ks) is { Length: > 0 } k ? (paperFigures is null ? k : k.Append(1).Distinct().ToArray()) : null;
            var summaryReport = BenchReport.Create(run.Verdicts, metadata, kList);
            var report = summaryReport with
            {
                Paper = paperFigures is null ? null : PaperComparison.Create(paperFigures, summaryReport.Summary),
                SampleSources = work.Where(s => s.Path is not null).GroupBy(s => s.Path!).ToDictionary(g => g.Key, g => g.First().Code),
                SourceNotes = work.Where(s => s.Path is not null && s.Source.DisplayNote is not null).GroupBy(s => s.Path!).ToDictionary(g => g.Key, g => g.First().Source.DisplayNote!),
                InputErrors = inputErrors,
                Partial = cancelled ? new PartialRun(CliInterrupt.Describe(), run.Verdicts.Count, run.NotRun.Count) : null,
                Judge = judgeSection,
                Adaptations = adaptations,
            };
            var outDir = parse.GetValue(output)!;
            outDir.Create();
            foreach (var renderer in renderers.Renderers)
            {
                // Not the command's token: a cancelled run still writes its partial report.
                var path = Path.Combine(outDir.FullName, $"report.{renderer.FileExtension}");
                await File.WriteAllTextAsync(path, renderer.Render(report), CancellationToken.None).ConfigureAwait(false);
                AnsiConsole.MarkupLineInterpolated($"wrote {path}");
            }

            ReportRenderers.PrintSummary(report);
            AnsiConsole.MarkupLineInterpolated($"{run.Verdicts.Count} samples in {run.Duration.TotalSeconds:0.0} s ({run.Verdicts.Count / Math.Max(0.001, run.Duration.TotalSeconds):0.0} samples/s)");
            if (inputErrors.Count > 0)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]{inputErrors.Count} input error(s):[/] those sample files were not read and are not in the numbers above");
            }

            if (run.SandboxError is not null)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]the sandbox became unreachable; unfinished samples are marked SandboxError in the reports:[/] {run.SandboxError}");
                return ExitCodes.SandboxUnavailable;
            }

            if (report.Partial is { } partial)
            {
                AnsiConsole.MarkupLineInterpolated($"[yellow]{partial.Describe()}; the reports above are marked partial[/]");
                return ExitCodes.Cancelled;
            }

            var gate = ReportGate.Evaluate(report.Summary, new GateThresholds(parse.GetValue(minFunctional), parse.GetValue(minSecure), parse.GetValue(minJoint)));
            foreach (var violation in gate.Violations)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]gate failed:[/] {violation.Message}");
            }

            return inputErrors.Count > 0 ? ExitCodes.BadInput : gate.Passed ? ExitCodes.Success : ExitCodes.GateFailed;
        });
        return command;
    }
}
