using System.CommandLine;
using System.Diagnostics;
using System.Reflection;
using DualGauge.Cli.Infrastructure;
using DualGauge.Core.Execution;
using DualGauge.Core.Reports;
using DualGauge.Core.Tasks;
using DualGauge.Snippets;
using DualGauge.Snippets.Checking;
using Spectre.Console;

namespace DualGauge.Cli.Commands;

/// <summary>
/// <c>dualgauge check</c>: the editor's verdicts as a gate on the functions a change adds or modifies, with outputs
/// CI systems read (SARIF, GitHub workflow commands and job summary, JUnit, JSON) and exit codes.
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files or folders to check (default: the current folder). With --diff or --staged, only changes under these paths.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var diff = new Option<string?>("--diff") { Description = "Check the functions a change adds or modifies: BASE, BASE..HEAD or BASE...HEAD (HEAD against where it forked from BASE, read from the commits, not the working tree)." };
        var staged = new Option<bool>("--staged") { Description = "Check the functions the index (staged changes) adds or modifies." };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "What fails the check (exit 1): insecure, broken, not-judged (matched, but nothing decided: setup errors, unreached probes, crashes, hangs), not-matched (no test fits, or skipped by a marker), any, or a comma-separated list. Tampering always fails.",
            DefaultValueFactory = _ => "insecure",
        };
        var sarif = new Option<FileInfo?>("--sarif") { Description = "Write SARIF 2.1.0 (for code scanning) to this file." };
        var junit = new Option<FileInfo?>("--junit") { Description = "Write JUnit XML to this file." };
        var json = new Option<FileInfo?>("--json") { Description = "Write every function's verdict and evidence as JSON to this file." };
        var summary = new Option<FileInfo?>("--summary") { Description = "Write the Markdown summary to this file (it is appended to $GITHUB_STEP_SUMMARY when that is set)." };
        var github = new Option<bool>("--github") { Description = "Print GitHub Actions workflow commands (::error file=...,line=...::...); on by default when GITHUB_ACTIONS=true." };
        var baseline = new Option<FileInfo?>("--baseline") { Description = "Accept the findings listed in this baseline file (by fingerprint)." };
        var writeBaseline = new Option<FileInfo?>("--write-baseline") { Description = "Write every open finding of this run to a baseline file, to accept them from now on." };
        var cacheDir = new Option<DirectoryInfo?>("--cache-dir") { Description = "Where results are cached by code, test and image hash (default: $XDG_CACHE_HOME/dualgauge/check or ~/.cache/dualgauge/check)." };
        var noCache = new Option<bool>("--no-cache") { Description = "Run every function, and do not store results." };
        var parallel = new Option<int>("--parallel", "-j") { Description = "Functions evaluated at once, each in its own container.", DefaultValueFactory = _ => 2 };
        var ignoreMarkers = new Option<bool>("--ignore-markers") { Description = "Do not honour dualgauge-ignore markers in the code (for authors who are not trusted): every function is run, no finding is accepted inline. Markers are still listed." };
        var aiOnly = new Option<bool>("--ai-only") { Description = "Only code an assistant wrote: lines from commits of the change with an assistant trailer (Co-authored-by: ...Copilot/Claude/...), and files matching --ai-paths." };
        var aiPaths = new Option<FileInfo?>("--ai-paths") { Description = "A file of globs (one per line) naming AI-written paths, for --ai-only." };
        var tasks = new Option<DirectoryInfo?>("--tasks") { Description = "Bench tasks a function may match by contract (default: ./bench-tasks, else the tasks beside the tool)." };
        var dockerHost = CommonOptions.DockerHost();
        var image = CommonOptions.Image();
        var command = new Command("check", "Evaluate the functions in files, or the ones a change adds or modifies, in the sandbox: exit 1 when one fails the gate, 2 on bad input, 3 when the sandbox is unreachable.")
        {
            paths, diff, staged, failOn, sarif, junit, json, summary, github, baseline, writeBaseline, cacheDir, noCache, parallel, ignoreMarkers, aiOnly, aiPaths, tasks, dockerHost, image,
        };

        command.SetAction(async (parse, ct) =>
        {
            var started = DateTimeOffset.UtcNow;
            var stopwatch = Stopwatch.StartNew();
            if (!CheckGate.TryParse(parse.GetValue(failOn) ?? "insecure", out var gate, out var gateError))
            {
                return Fail(gateError!);
            }

            var jobs = parse.GetValue(parallel);
            if (jobs < 1)
            {
                return Fail($"--parallel must be at least 1, not {jobs}");
            }

            var range = parse.GetValue(diff);
            var index = parse.GetValue(staged);
            if (range is not null && index)
            {
                return Fail("--diff and --staged cannot be combined: check either a change between commits or the index");
            }

            if (parse.GetValue(aiOnly) && range is null && parse.GetValue(aiPaths) is null)
            {
                return Fail("--ai-only needs --diff (to read commit trailers) or --ai-paths FILE");
            }

            var given = parse.GetValue(paths) ?? [];
            var cwd = Environment.CurrentDirectory;
            ChangeSet changes;
            AiAuthorship? ai = null;
            Baseline? accepted = null;
            try
            {
                if (parse.GetValue(baseline) is { } baselineFile)
                {
                    accepted = Baseline.Read(baselineFile.FullName);
                }

                if (range is not null || index)
                {
                    var git = GitRepository.Open(cwd);
                    changes = range is not null ? ChangeSet.FromDiff(git, range) : ChangeSet.FromIndex(git);
                    changes = Restrict(changes, git.Root, cwd, given);
                    if (parse.GetValue(aiOnly))
                    {
                        ai = AiAuthorship.Create(git, changes, parse.GetValue(aiPaths)?.FullName);
                    }
                }
                else
                {
                    GitRepository? git = null;
                    try
                    {
                        git = GitRepository.Open(cwd);
                    }
                    catch (CheckInputException)
                    {
                        // Outside a repository: plain folders, without .gitignore.
                    }

                    changes = ChangeSet.FromPaths(cwd, given, git);
                    if (parse.GetValue(aiOnly) && git is not null)
                    {
                        ai = AiAuthorship.Create(git, changes, parse.GetValue(aiPaths)?.FullName);
                    }
                }
            }
            catch (CheckInputException ex)
            {
                return Fail(ex.Message);
            }

            var targets = CheckRunner.Targets(changes, ai is null ? null : ai.Filter);
            Console.WriteLine($"dualgauge check: {changes.Description}: {targets.Count} function(s) in {changes.Files.Count} file(s){(ai is not null ? $" (--ai-only: {ai.Commits.Count} assistant commit(s))" : "")}");
            foreach (var skipped in changes.Skipped)
            {
                Console.WriteLine($"{"skipped",-12} {skipped.Path}: {skipped.Reason}");
            }

            var benchTasks = TaskLocator.LoadForSnippets(parse.GetValue(tasks)?.FullName ?? TaskLocator.DefaultTasksDirectory(), "note", "functions are matched against the probe templates only");
            using var logging = CliLogging.Create(null);
            IReadOnlyList<CheckedFunction> results;
            LazySandbox? sandbox = null;
            var runner = default(CheckRunner);
            try
            {
                sandbox = new LazySandbox(parse.GetValue(dockerHost), parse.GetValue(image), jobs, logging);
                // The build of the code that plans and judges (deterministic builds: same source, same ids), so any change to
                // templates, planners or oracles misses the cache.
                var version = string.Join('/', new[] { typeof(CheckRunner), typeof(RunMetadata) }.Select(t =>
                    (t.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown") + "#" + t.Assembly.ManifestModule.ModuleVersionId.ToString("N")));
                var cache = parse.GetValue(noCache) ? null : new CheckCache(parse.GetValue(cacheDir)?.FullName ?? CheckCache.DefaultFolder());
                runner = new CheckRunner(new SnippetEvaluator(sandbox, benchTasks), new CheckOptions(jobs, cache, accepted, $"{version}|{sandbox.ImageTag}") { HonourMarkers = !parse.GetValue(ignoreMarkers) });
                results = await RunWithProgressAsync(runner, targets, ct).ConfigureAwait(false);
            }
            catch (SandboxUnavailableException ex)
            {
                Console.WriteLine($"error: the sandbox is unreachable, so nothing was judged and the check did not pass: {ex.Message}");
                Console.WriteLine("Start the Docker engine (or pass --docker-host), then run the check again; `dualgauge sandbox status` diagnoses it.");
                return ExitCodes.SandboxUnavailable;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                Console.WriteLine($"{CliInterrupt.Describe()}: the check did not finish and did not pass");
                return ExitCodes.Cancelled;
            }
            finally
            {
                if (sandbox is not null)
                {
                    await sandbox.DisposeAsync().ConfigureAwait(false);
                }
            }

            var report = new CheckReport("DualGauge", RunMetadata.CurrentVersion, changes.Root, changes.Description, changes.Revision, sandbox.ImageTag,
                started, stopwatch.Elapsed.TotalSeconds, results, changes.Skipped, sandbox.Jobs, runner.CacheHits);
            var failing = CheckGate.Failing(report, gate);
            try
            {
                await WriteAsync(parse.GetValue(sarif), CheckSarif.Render(report)).ConfigureAwait(false);
                await WriteAsync(parse.GetValue(junit), CheckText.JUnit(report, gate)).ConfigureAwait(false);
                await WriteAsync(parse.GetValue(json), CheckText.ToJson(report, gate)).ConfigureAwait(false);
                var markdown = CheckText.Summary(report, gate);
                await WriteAsync(parse.GetValue(summary), markdown).ConfigureAwait(false);
                if (Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } stepSummary)
                {
                    await File.AppendAllTextAsync(stepSummary, markdown + "\n", CancellationToken.None).ConfigureAwait(false);
                }

                if (parse.GetValue(writeBaseline) is { } baselineOut)
                {
                    var written = Baseline.From(report, DateTimeOffset.UtcNow);
                    await WriteAsync(baselineOut, written.ToJson()).ConfigureAwait(false);
                    Console.WriteLine($"wrote {baselineOut.FullName}: {written.Findings.Count} finding(s) accepted from now on");
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return Fail($"an output could not be written: {ex.Message}");
            }

            if (parse.GetValue(github) || string.Equals(Environment.GetEnvironmentVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var line in CheckText.GitHubCommands(report, gate))
                {
                    Console.WriteLine(line);
                }
            }

            var counts = string.Join(", ", Enum.GetValues<CheckVerdict>().Where(v => report.Count(v) > 0).Select(v => $"{report.Count(v)} {CheckGate.Words(v)}"));
            Console.WriteLine($"{report.Functions.Count} function(s) in {report.Seconds:0.0} s ({report.CacheHits} cached, {report.SandboxJobs} sandbox job(s)): {(counts.Length > 0 ? counts : "nothing to check")}");
            if (failing.Count > 0)
            {
                Console.WriteLine($"check failed (--fail-on {parse.GetValue(failOn)}): {failing.Count} function(s): {string.Join(", ", failing.Take(10).Select(f => $"{f.Path}:{f.Line} {f.Function} ({CheckGate.Words(f.Verdict)})"))}{(failing.Count > 10 ? $" and {failing.Count - 10} more" : "")}");
                return ExitCodes.GateFailed;
            }

            Console.WriteLine("check passed");
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<IReadOnlyList<CheckedFunction>> RunWithProgressAsync(CheckRunner runner, IReadOnlyList<CheckTarget> targets, CancellationToken ct)
    {
        if (targets.Count > 0 && AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected)
        {
            IReadOnlyList<CheckedFunction> results = [];
            await AnsiConsole.Progress().AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async ctx =>
                {
                    var bar = ctx.AddTask("checking functions", maxValue: targets.Count);
                    results = await runner.RunAsync(targets, _ => bar.Increment(1), ct).ConfigureAwait(false);
                }).ConfigureAwait(false);
            foreach (var result in results)
            {
                Console.WriteLine(CheckText.Line(result));
            }

            return results;
        }

        var gate = new object();
        return await runner.RunAsync(targets, r =>
        {
            lock (gate)
            {
                Console.WriteLine(CheckText.Line(r));
            }
        }, ct).ConfigureAwait(false);
    }

    /// <summary>With --diff/--staged, PATH arguments narrow the change to files under them.</summary>
    private static ChangeSet Restrict(ChangeSet changes, string root, string cwd, IReadOnlyList<string> paths)
    {
        if (paths.Count == 0)
        {
            return changes;
        }

        var prefixes = paths.Select(p => Path.GetRelativePath(root, Path.GetFullPath(Path.Combine(cwd, p))).Replace('\\', '/').TrimEnd('/')).ToList();
        bool Under(string path) => prefixes.Any(p => p == "." || path == p || path.StartsWith(p + "/", StringComparison.Ordinal));
        return changes with { Files = changes.Files.Where(f => Under(f.Path)).ToList(), Skipped = changes.Skipped.Where(s => Under(s.Path)).ToList() };
    }

    private static async Task WriteAsync(FileInfo? file, string text)
    {
        if (file is null)
        {
            return;
        }

        file.Directory?.Create();
        await File.WriteAllTextAsync(file.FullName, text, CancellationToken.None).ConfigureAwait(false);
    }

    private static int Fail(string message)
    {
        Console.WriteLine($"error: {message}");
        return ExitCodes.BadInput;
    }
}
