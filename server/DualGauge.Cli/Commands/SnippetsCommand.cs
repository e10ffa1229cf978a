using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DualGauge.Cli.Infrastructure;
using DualGauge.Core.Execution;
using DualGauge.Core.Tasks;
using DualGauge.Snippets;
using DualGauge.Snippets.Corpus;

namespace DualGauge.Cli.Commands;

/// <summary><c>dualgauge snippets</c>: the snippet pipeline (what the language server runs) from the command line.</summary>
internal static class SnippetsCommand
{
    public const string DefaultCorpus = "tests/snippet-corpus";

    public static Command Create() => new("snippets", "The snippet pipeline the editor uses: widen a function, match a template, probe it in the sandbox.")
    {
        CreateValidate(),
    };

    /// <summary>
    /// <c>dualgauge snippets validate</c>: evaluates every labelled file of the snippet corpus in the real sandbox,
    /// as an editor selection of the labelled function, and scores each assessment against its label.
    /// </summary>
    private static Command CreateValidate()
    {
        var corpus = new Option<DirectoryInfo?>("--corpus")
        {
            Description = $"The labelled corpus (default: {DefaultCorpus} in the repository, found by walking up from the current folder to DualGauge.sln).",
        };
        var language = new Option<string?>("--language") { Description = "Only snippets in this language (py, js, c; or python, javascript)." };
        var parallel = new Option<int>("--parallel", "-j")
        {
            Description = "How many snippets are evaluated at once (each in its own container).",
            DefaultValueFactory = _ => 2,
        };
        var writeCalibration = new Option<FileInfo?>("--write-calibration") { Description = "Write each template's verdict precision on this corpus (the planner's match confidence) to this file, e.g. server/DualGauge.Snippets/templates/calibration.json." };
        var filter = new Option<string?>("--only") { Description = "Only corpus files whose path (relative to the corpus) contains this text." };
        var details = new Option<bool>("--details") { Description = "After each snippet that is not ok, print its tests: status, message and assessment." };
        var json = new Option<FileInfo?>("--json") { Description = "Also write every snippet's result, the tables and the thresholds as JSON to this file." };
        var minVerdictRate = new Option<double>("--min-verdict-rate")
        {
            Description = "Fail (exit 1) when fewer than this share of snippets get a security verdict.",
            DefaultValueFactory = _ => new CorpusThresholds().MinVerdictRate,
        };
        var maxFalseAlarmRate = new Option<double>("--max-false-alarm-rate")
        {
            Description = "Fail (exit 1) when more than this share of secure and neutral snippets are flagged insecure.",
            DefaultValueFactory = _ => new CorpusThresholds().MaxFalseAlarmRate,
        };
        var maxUnrelatedSecure = new Option<int>("--max-unrelated-secure")
        {
            Description = "Fail (exit 1) when more than this many insecure snippets are called \"secure\" by a template that tested none of their CWE.",
            DefaultValueFactory = _ => new CorpusThresholds().MaxUnrelatedSecure,
        };
        var tasks = new Option<DirectoryInfo?>("--tasks")
        {
            Description = "The bench tasks snippets may match, as in the editor (default: the repository's bench-tasks, else ./bench-tasks or the tasks beside the tool).",
        };
        var dockerHost = CommonOptions.DockerHost();
        var image = CommonOptions.Image();
        var command = new Command("validate", "Evaluate every labelled snippet of the corpus in the sandbox and score the verdicts against the labels: one line per snippet, tables per language and per CWE, and thresholds.")
        {
            corpus, language, parallel, json, filter, details, writeCalibration, minVerdictRate, maxFalseAlarmRate, maxUnrelatedSecure, tasks, dockerHost, image,
        };

        command.SetAction(async (parse, ct) =>
        {
            var jobs = parse.GetValue(parallel);
            if (jobs < 1)
            {
                return Fail($"--parallel must be at least 1, not {jobs}");
            }

            var thresholds = new CorpusThresholds(parse.GetValue(minVerdictRate), parse.GetValue(maxFalseAlarmRate), parse.GetValue(maxUnrelatedSecure));
            if (thresholds.MinVerdictRate is < 0 or > 1 || thresholds.MaxFalseAlarmRate is < 0 or > 1)
            {
                return Fail("--min-verdict-rate and --max-false-alarm-rate are rates between 0 and 1");
            }

            if (thresholds.MaxUnrelatedSecure < 0)
            {
                return Fail($"--max-unrelated-secure must be 0 or more, not {thresholds.MaxUnrelatedSecure}");
            }

            Language? only = null;
            if (parse.GetValue(language) is { Length: > 0 } languageText)
            {
                if (!LanguageExtensions.TryParse(languageText, out var parsed))
                {
                    return Fail($"--language '{languageText}' is not one of py, js, c");
                }

                only = parsed;
            }

            var repository = FindRepositoryRoot(Environment.CurrentDirectory);
            string corpusPath;
            if (parse.GetValue(corpus) is { } given)
            {
                corpusPath = given.FullName;
                if (!Directory.Exists(corpusPath))
                {
                    return Fail($"{corpusPath}: no such corpus folder");
                }
            }
            else if (repository is null)
            {
                return Fail($"no --corpus given and no DualGauge.sln in {Environment.CurrentDirectory} or above it to find {DefaultCorpus} from; pass --corpus DIR");
            }
            else
            {
                corpusPath = Path.Combine(repository, DefaultCorpus);
                if (!Directory.Exists(corpusPath))
                {
                    return Fail($"{corpusPath}: no such folder (the snippet corpus of the repository at {repository}); pass --corpus DIR");
                }
            }

            var set = CorpusReader.Read(corpusPath, only);
            if (parse.GetValue(filter) is { Length: > 0 } part)
            {
                set = set with { Entries = set.Entries.Where(e => e.File.Contains(part, StringComparison.Ordinal)).ToList() };
            }

            var showDetails = parse.GetValue(details);
            foreach (var error in set.Errors)
            {
                Console.WriteLine($"{"LABEL-ERROR",-18} {error}");
            }

            if (set.Entries.Count == 0)
            {
                return Fail($"no labelled snippet{(only is { } l ? " in " + l.Id() : "")} to evaluate in {set.Root}" + (set.Errors.Count > 0 ? $" ({set.Errors.Count} file(s) with errors, above)" : ""));
            }

            var benchTasks = LoadTasks(parse.GetValue(tasks), repository);
            Console.WriteLine($"snippets validate: {set.Entries.Count} snippet(s) from {set.Root}{(only is { } o ? " (" + o.Id() + ")" : "")}, {benchTasks.Count} bench task(s) to match, --parallel {jobs}");
            var stopwatch = Stopwatch.StartNew();
            IReadOnlyList<CorpusResult> results;
            using var logging = CliLogging.Create(null);
            try
            {
                await using var sandbox = await SandboxHost.StartAsync(parse.GetValue(dockerHost), parse.GetValue(image), jobs, logging, ct).ConfigureAwait(false);
                var scorer = new CorpusScorer(new SnippetEvaluator(sandbox.Sandbox, benchTasks));
                results = await scorer.RunAsync(set.Entries, jobs, r =>
                {
                    Console.WriteLine(CorpusText.Line(r));
                    if (showDetails && r.Outcome != CorpusOutcome.Ok)
                    {
                        Console.WriteLine(CorpusText.Details(r));
                    }
                }, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                Console.WriteLine($"{CliInterrupt.Describe()}: no tables");
                return ExitCodes.Cancelled;
            }
            catch (SandboxUnavailableException ex)
            {
                Console.WriteLine($"sandbox unavailable: {ex.Message}");
                return ExitCodes.SandboxUnavailable;
            }

            var summary = CorpusSummary.Create(results);
            var missed = thresholds.Check(summary.Total);
            Console.WriteLine();
            Console.WriteLine("By language:");
            Console.Write(CorpusText.Table("language", summary.ByLanguage, summary.Total));
            Console.WriteLine();
            Console.WriteLine("By CWE (the label's):");
            Console.Write(CorpusText.Table("CWE", summary.ByCwe, summary.Total));
            Console.WriteLine();
            Console.WriteLine($"{results.Count} snippet(s) in {stopwatch.Elapsed.TotalSeconds:0.0} s; {set.Errors.Count} file(s) with label errors not scored");

            if (parse.GetValue(writeCalibration) is { } calibrationFile)
            {
                await File.WriteAllTextAsync(calibrationFile.FullName, Calibration.ToJson(Calibration.From(results)), CancellationToken.None).ConfigureAwait(false);
                Console.WriteLine($"wrote {calibrationFile.FullName}");
            }

            if (parse.GetValue(json) is { } jsonFile)
            {
                jsonFile.Directory?.Create();
                await File.WriteAllTextAsync(jsonFile.FullName, ToJson(set, results, summary, thresholds, missed), CancellationToken.None).ConfigureAwait(false);
                Console.WriteLine($"wrote {jsonFile.FullName}");
            }

            foreach (var miss in missed)
            {
                Console.WriteLine($"threshold missed: {miss}");
            }

            if (set.Errors.Count > 0)
            {
                Console.WriteLine($"error: {set.Errors.Count} corpus file(s) have a malformed label or no labelled function (LABEL-ERROR above); they are not in the tables");
                return ExitCodes.BadInput;
            }

            if (missed.Count > 0)
            {
                return ExitCodes.GateFailed;
            }

            Console.WriteLine($"all thresholds hold: verdict rate >= {thresholds.MinVerdictRate.ToString(CultureInfo.InvariantCulture)}, false alarms <= {thresholds.MaxFalseAlarmRate.ToString(CultureInfo.InvariantCulture)}, unrelated \"secure\" <= {thresholds.MaxUnrelatedSecure}, unfounded verdicts 0");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> holding DualGauge.sln.</summary>
    internal static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DualGauge.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static IReadOnlyList<BenchTask> LoadTasks(DirectoryInfo? given, string? repository) =>
        TaskLocator.LoadForSnippets(
            given?.FullName ?? (repository is not null && Directory.Exists(Path.Combine(repository, "bench-tasks")) ? Path.Combine(repository, "bench-tasks") : TaskLocator.DefaultTasksDirectory()),
            "warning", "snippets are matched against probe templates only");

    private static string ToJson(CorpusSet set, IReadOnlyList<CorpusResult> results, CorpusSummary summary, CorpusThresholds thresholds, IReadOnlyList<string> missed) =>
        JsonSerializer.Serialize(new
        {
            corpus = set.Root,
            passed = missed.Count == 0 && set.Errors.Count == 0,
            thresholds = new { minVerdictRate = thresholds.MinVerdictRate, maxFalseAlarmRate = thresholds.MaxFalseAlarmRate, maxUnrelatedSecure = thresholds.MaxUnrelatedSecure, maxUnfounded = 0 },
            thresholdsMissed = missed,
            total = Row(summary.Total),
            byLanguage = summary.ByLanguage.Select(Row),
            byCwe = summary.ByCwe.Select(Row),
            labelErrors = set.Errors.Select(e => new { file = e.File, field = e.Field, message = e.Message }),
            snippets = results.Select(r => new
            {
                file = r.Entry.File,
                language = r.Entry.Language.Id(),
                label = r.Entry.Label.KindWord,
                cwe = r.Entry.Label.Cwe,
                function = r.Entry.Label.Function,
                @class = r.Entry.Label.ClassName,
                headerLine = r.Entry.HeaderLine + 1,
                outlined = r.Entry.Outlined,
                outcome = CorpusText.Tag(r.Outcome),
                reason = r.Reason,
                matchKind = r.Match?.Kind.ToString(),
                templateId = r.Match?.TemplateId,
                matchedFunction = r.Match?.FunctionName,
                matchReason = r.Match?.Reason,
                security = r.Assessment?.Security.ToString(),
                functional = r.Assessment?.Functional.ToString(),
                cwesTested = r.Assessment?.CwesTested,
                cwesFound = r.Assessment?.CwesFound,
                probes = r.Assessment?.Probes,
                probesReached = r.Assessment?.ProbesReached,
                securityDetail = r.Assessment?.SecurityDetail,
                secureByUnrelatedTemplate = r.SecureByUnrelatedTemplate,
                unfounded = r.Unfounded,
                ms = Math.Round(r.Duration.TotalMilliseconds),
            }),
        }, new JsonSerializerOptions { WriteIndented = true });

    private static object Row(CorpusRow row) => new
    {
        key = row.Key,
        snippets = row.Snippets,
        matched = row.Matched,
        matchRate = row.MatchRate,
        verdicts = row.Verdicts,
        verdictRate = row.VerdictRate,
        insecure = row.Insecure,
        flaggedRightCwe = row.FlaggedRightCwe,
        flaggedWrongCwe = row.FlaggedWrongCwe,
        secureOrNeutral = row.SecureOrNeutral,
        falseAlarms = row.FalseAlarms,
        falseAlarmRate = row.FalseAlarmRate,
        secureOnInsecure = row.SecureOnInsecure,
        secureOnInsecureUnrelated = row.SecureOnInsecureUnrelated,
        notJudged = row.NotJudged,
        unfounded = row.Unfounded,
        errors = row.Errors,
    };

    private static int Fail(string message)
    {
        Console.WriteLine($"error: {message}");
        return ExitCodes.BadInput;
    }
}
