using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DualGauge.Core.Metrics;
using DualGauge.Core.Tasks;
using DualGauge.Core.Verdicts;
using DualGauge.Snippets.Widening;

namespace DualGauge.Snippets.Checking;

/// <summary>A function a change added or modified, to be checked.</summary>
/// <param name="Outline">The file's outline (computed once per file).</param>
public sealed record CheckTarget(CheckFile File, SourceFunction Function, DocumentOutline Outline)
{
    public string QualifiedName => Function.ClassName is { } c ? $"{c}.{Function.Name}" : Function.Name;
}

/// <param name="Parallel">Functions evaluated at once, each in its own container.</param>
/// <param name="Cache">Earlier results, or null to run everything.</param>
/// <param name="Baseline">Accepted findings, or null.</param>
/// <param name="CacheScope">Everything outside the code and tests a result depends on (tool version, sandbox image).</param>
/// <param name="LineFilter">For <c>--ai-only</c>: keeps the changed lines that count (0-based), per file.</param>
public sealed record CheckOptions(int Parallel, CheckCache? Cache, Baseline? Baseline, string CacheScope)
{
    /// <summary>
    /// False (<c>--ignore-markers</c>, for code from authors who are not trusted): a bare <c>dualgauge-ignore</c>
    /// does not skip a function and a scoped <c>dualgauge-ignore[CWE-N]</c> accepts nothing; markers are still listed.
    /// </summary>
    public bool HonourMarkers { get; init; } = true;

    public Func<CheckFile, IReadOnlySet<int>?, IReadOnlySet<int>?>? LineFilter { get; init; }
}

/// <summary>
/// <c>dualgauge check</c>'s pipeline: each function a change touches goes through the editor's snippet pipeline
/// (bench-task contract match, else the probe templates) in the sandbox, unless an identical run is cached; then
/// its findings are placed in the repository (lines, fingerprints) and inline markers and the baseline are applied.
/// The sample never sees any of this: it runs in the sandbox, and everything here reads only its trace's verdict.
/// </summary>
public sealed class CheckRunner(SnippetEvaluator evaluator, CheckOptions options)
{
    /// <summary>The functions of the change set that a change touched (every function for whole files).</summary>
    public static IReadOnlyList<CheckTarget> Targets(ChangeSet changes, Func<CheckFile, IReadOnlySet<int>?, IReadOnlySet<int>?>? lineFilter = null)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var targets = new List<CheckTarget>();
        foreach (var file in changes.Files)
        {
            var lines = lineFilter is null ? file.ChangedLines : lineFilter(file, file.ChangedLines);
            if (lines is { Count: 0 })
            {
                continue;
            }

            var outline = SnippetWidener.Outline(file.Language, file.Text);
            foreach (var function in outline.Functions)
            {
                if (lines is null || lines.Any(l => l >= function.StartLine && l <= function.EndLine))
                {
                    if (function is { Name: "__init__", ClassName: { } owner } && file.Language == Language.Python
                        && outline.Functions.Where(f => f.ClassName == owner && f.Name != "__init__").ToList() is { Count: > 0 } methods)
                    {
                        // A constructor is never probed alone: it runs as part of every method's probe, so a change
                        // to it is checked through the class's methods.
                        targets.AddRange(methods.Select(m => new CheckTarget(file, m, outline)));
                        continue;
                    }

                    targets.Add(new CheckTarget(file, function, outline));
                }
            }
        }

        // Keep each function once (a changed constructor and a changed method both name the method).
        return targets.DistinctBy(t => (t.File.Path, t.Function.StartLine, t.Function.Name)).OrderBy(t => t.File.Path, StringComparer.Ordinal).ThenBy(t => t.Function.StartLine).ToList();
    }

    /// <exception cref="Core.Execution.SandboxUnavailableException">The sandbox cannot be reached: nothing is reported as passed.</exception>
    public async Task<IReadOnlyList<CheckedFunction>> RunAsync(IReadOnlyList<CheckTarget> targets, Action<CheckedFunction>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        using var gate = new SemaphoreSlim(Math.Max(1, options.Parallel));
        var results = new CheckedFunction[targets.Count];
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = targets.Select(async (target, index) =>
        {
            await gate.WaitAsync(failed.Token).ConfigureAwait(false);
            try
            {
                var result = await CheckAsync(target, failed.Token).ConfigureAwait(false);
                results[index] = result;
                progress?.Invoke(result);
            }
            catch
            {
                // One unreachable sandbox stops the whole check: the remaining functions would only fail the same way.
                await failed.CancelAsync().ConfigureAwait(false);
                throw;
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Cancelled because another function failed: surface that failure, not the cancellation.
            var first = tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).FirstOrDefault(e => e is not OperationCanceledException);
            if (first is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
            }

            throw;
        }

        return results.OrderBy(r => r.Path, StringComparer.Ordinal).ThenBy(r => r.Line).ToList();
    }

    public int CacheHits => cacheHits;

    private int cacheHits;

    private async Task<CheckedFunction> CheckAsync(CheckTarget target, CancellationToken cancellationToken)
    {
        var function = target.Function;
        if (options.HonourMarkers && SnippetWidener.IsIgnored(target.Outline, function))
        {
            var marker = function.StartLine > 0 && Suppressions.IsBareMarker(target.Outline.Lines[function.StartLine - 1]) ? function.StartLine : function.StartLine + 1;
            var skipped = new FunctionRun("none", null, $"skipped by the {SnippetWidener.IgnoreMarker} marker on line {marker} (check --ignore-markers evaluates it anyway)",
                "not judged", false, "not run", "not judged", nameof(SecurityStatus.NotJudged), "not run", [], [], 0, 0, null, [], 0);
            return Place(target, skipped, cached: false) with { Verdict = CheckVerdict.Ignored };
        }

        var snippet = new Snippet(target.File.Path, target.File.Language, target.File.Text, function.StartLine, function.EndLine, SnippetSource.Selection)
        {
            HonourIgnoreMarker = options.HonourMarkers,
        };
        var prepared = evaluator.Prepare(snippet);
        var key = prepared.Widened is { } widened && prepared.Plan.Request is not null ? CacheKey(prepared, widened, function) : null;
        if (key is not null && options.Cache?.TryGet(key) is { } hit)
        {
            Interlocked.Increment(ref cacheHits);
            return Place(target, hit, cached: true);
        }

        var stopwatch = Stopwatch.StartNew();
        var evaluation = await evaluator.EvaluateAsync(snippet, cancellationToken).ConfigureAwait(false);
        var run = ToRun(evaluation, function, stopwatch.Elapsed.TotalSeconds);
        if (key is not null && options.Cache is { } cache && run.Failure is not (nameof(SampleFailure.SandboxError) or nameof(SampleFailure.Timeout)))
        {
            // A sandbox fault or a timeout may not happen again: those are run again next time, never served.
            cache.Put(key, run);
        }

        return Place(target, run, cached: false);
    }

    private string CacheKey(SnippetPreparation prepared, WidenedSnippet widened, SourceFunction function)
    {
        var request = prepared.Plan.Request!;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(text));
            hash.AppendData([0]);
        }

        Add("dualgauge-check/1");
        Add(options.CacheScope);
        Add(request.Language.Id());
        Add(widened.Code);
        // The layout of the evaluated code relative to the function, so a cached finding's lines land right after a move.
        Add(string.Join(',', widened.LineMap.Select(l => l < 0 ? "g" : (l - function.StartLine).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Add(prepared.Plan.Match.Kind + "/" + prepared.Plan.Match.TemplateId);
        Add(request.TaskId);
        Add(request.EntryPoint);
        Add(string.Join(',', request.Cwes));
        Add(request.TestsFile.RelativePath);
        hash.AppendData(request.TestsFile.Content);
        Add(JsonSerializer.Serialize(request.Tests));
        foreach (var fixture in request.Fixtures)
        {
            Add(fixture.RelativePath);
            hash.AppendData(fixture.Content);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    internal static FunctionRun ToRun(SnippetEvaluation evaluation, SourceFunction function, double seconds)
    {
        var assessment = evaluation.Assessment;
        var header = function.HeaderLine - function.StartLine;
        var findings = new List<RunFinding>();
        var verdict = evaluation.Verdict;
        if (verdict?.Failure == SampleFailure.Tampered)
        {
            findings.Add(new RunFinding("tampered", "sample/tampered", "sample",
                "The code interfered with the harness (forged, hid or suppressed evidence): " + (verdict.FailureDetail ?? "tampering detected"),
                header, [], null, null));
        }

        var broken = assessment.Functional == FunctionalStatus.Broken;
        foreach (var f in evaluation.Findings)
        {
            if (f.Kind == TestKind.Functional && !broken)
            {
                continue;
            }

            var steps = f.Steps.Select(s => new RunStep(s.Line - function.StartLine, s.Description)).ToList();
            // A security finding sits at its sink (the last step of its path), as code scanning expects; the path's
            // other steps (where the input is read, where the value is built) are its related locations.
            var line = (f.Kind == TestKind.Security && steps.Count > 0 ? steps[^1].LineOffset + function.StartLine : f.Line ?? f.RelatedLine ?? function.HeaderLine) - function.StartLine;
            if (steps.Count == 0 && f.RelatedLine is { } related && related != f.Line)
            {
                steps.Add(new RunStep(related - function.StartLine, "sink"));
            }

            findings.Add(f.Kind == TestKind.Security
                ? new RunFinding("security", f.Cwe is { } cwe ? Cwe.Normalize(cwe) : "security/unclassified", f.TestId, f.Message, line, steps, f.Expected, f.Actual)
                : new RunFinding("functional", "functional/failed", f.TestId, f.Message, line, steps, f.Expected, f.Actual));
        }

        // One finding per rule per line: three payloads proving the same injection at the same sink are one problem.
        findings = findings.GroupBy(f => (f.Kind, f.RuleId, f.Kind == "functional" ? 0 : f.LineOffset))
            .Select(g => g.Count() == 1 ? g.First() : g.First() with
            {
                Message = g.Key.Kind == "functional"
                    ? $"{g.Count()} functional tests failed; the first: {g.First().Message}"
                    : $"{g.First().Message} ({g.Count()} probes proved it here)",
            })
            .ToList();

        if (assessment.Security == SecurityStatus.Insecure)
        {
            foreach (var cwe in assessment.CwesFound.Where(c => !findings.Any(x => x.Kind == "security" && x.RuleId == Cwe.Normalize(c))))
            {
                findings.Add(new RunFinding("security", Cwe.Normalize(cwe), "security", assessment.SecurityDetail, header, [], null, null));
            }
        }

        return new FunctionRun(
            evaluation.Match.Kind switch { MatchKind.BenchTask => "bench task", MatchKind.Template => "template", _ => "none" },
            evaluation.Match.TemplateId,
            evaluation.Match.Reason,
            assessment.FunctionalWords,
            broken,
            assessment.FunctionalDetail,
            assessment.SecurityWords,
            assessment.Security.ToString(),
            assessment.SecurityDetail,
            assessment.CwesTested,
            assessment.CwesFound,
            assessment.Probes,
            assessment.ProbesReached,
            verdict is { Failure: not SampleFailure.None } v ? v.Failure.ToString() : null,
            findings,
            seconds);
    }

    /// <summary>Puts a run at its place: document lines, fingerprints, inline markers, the baseline, the verdict.</summary>
    internal CheckedFunction Place(CheckTarget target, FunctionRun run, bool cached)
    {
        var function = target.Function;
        var lines = SourceMask.Lines(target.File.Text);
        var markers = Suppressions.Find(target.File.Language, target.File.Text, function.StartLine, function.EndLine);
        int Doc(int offset) => Math.Clamp(function.StartLine + offset, 0, Math.Max(0, lines.Length - 1));
        var raw = run.Findings.Select(f => Fingerprints.Of(target.File.Path, target.QualifiedName, f.RuleId, lines.Length == 0 ? "" : lines[Doc(f.LineOffset)])).ToList();
        var prints = Fingerprints.Disambiguate(raw);
        var findings = run.Findings.Select((f, i) =>
        {
            FindingSuppression? suppression = null;
            if (f.Kind == "security" && options.HonourMarkers && Suppressions.Accepting(markers, f.RuleId) is { } marker)
            {
                suppression = new FindingSuppression("inline", $"{marker.Reason} (line {marker.Line})");
            }
            else if (f.Kind != "functional" && options.Baseline?.Accepts(prints[i]) == true)
            {
                suppression = new FindingSuppression("baseline", "accepted by the baseline");
            }

            return new CheckFinding(f.Kind, f.RuleId, f.TestId, f.Message, Doc(f.LineOffset) + 1,
                f.Steps.Select(s => new CheckStep(Doc(s.LineOffset) + 1, s.Description)).ToList(), f.Expected, f.Actual, prints[i])
            {
                Suppression = suppression,
            };
        }).ToList();

        var open = findings.Where(f => f.Suppression is null).ToList();
        var verdict =
            open.Any(f => f.Kind == "tampered") ? CheckVerdict.Tampered
            : open.Any(f => f.Kind == "security") ? CheckVerdict.Insecure
            : run.Broken ? CheckVerdict.Broken
            : findings.Any(f => f.Suppression is not null) ? CheckVerdict.Accepted
            : run.Match == "none" ? CheckVerdict.NotMatched
            : run.SecurityStatus == nameof(SecurityStatus.Secure) ? CheckVerdict.Secure
            : CheckVerdict.NotJudged;
        return new CheckedFunction(target.File.Path, target.File.Language.Id(), target.QualifiedName, function.HeaderLine + 1, function.EndLine + 1,
            verdict, run.Match, run.MatchedId, run.MatchReason, run.Functional, run.FunctionalDetail, run.Security, run.SecurityDetail,
            run.CwesTested, run.CwesFound, run.Probes, run.ProbesReached, run.Failure, findings, markers, cached, run.Seconds);
    }
}
