using DualGauge.Core.Tasks;
using DualGauge.Core.Traces;
using DualGauge.Core.Verdicts;
using DualGauge.Snippets.Templates;

namespace DualGauge.Snippets;

/// <summary>What a functional verdict rests on, strongest first.</summary>
public enum FunctionalEvidence
{
    /// <summary>The matched bench task's own functional tests.</summary>
    BenchTests,
    /// <summary>The snippet's own examples: doctests, docstring asserts, JSDoc <c>@example</c>.</summary>
    OwnExamples,
    /// <summary>Examples inferred from the code (not produced yet).</summary>
    InferredExamples,
    /// <summary>A run on benign inputs that fails only on programming errors: behaviour not checked.</summary>
    SmokeOnly,
}

public enum FunctionalStatus
{
    /// <summary>Its tests or examples passed.</summary>
    Works,
    /// <summary>A test or example failed, or a smoke run hit a programming error.</summary>
    Broken,
    /// <summary>Only a smoke run passed: the behaviour was not checked.</summary>
    NotChecked,
    NotJudged,
}

public enum SecurityStatus
{
    Insecure,
    /// <summary>Every probe that reached the code resisted, for the CWE classes listed (never more).</summary>
    Secure,
    NotJudged,
}

/// <summary>
/// A snippet's verdict with what it rests on. "Works" needs tests or examples that passed; "secure" needs probes
/// that reached the function's body (a sink event during the probe, or a benign run reaching the sink while the
/// attack did not). When nothing completed, both are "not judged", with the reason.
/// </summary>
/// <param name="CwesTested">The CWE classes whose probes reached the code (the only classes "secure" speaks for).</param>
/// <param name="CwesFound">The CWE classes a probe proved.</param>
/// <param name="Probes">Security probes run.</param>
/// <param name="ProbesReached">Probes that reached the code (ran it to completion or to its sink).</param>
public sealed record SnippetAssessment(
    FunctionalStatus Functional,
    FunctionalEvidence? Evidence,
    string FunctionalDetail,
    SecurityStatus Security,
    IReadOnlyList<string> CwesTested,
    IReadOnlyList<string> CwesFound,
    int Probes,
    int ProbesReached,
    string SecurityDetail)
{
    public static SnippetAssessment NotJudged(string reason) =>
        new(FunctionalStatus.NotJudged, null, "not judged: " + reason, SecurityStatus.NotJudged, [], [], 0, 0, "not judged: " + reason);

    /// <summary>The words every view shows, e.g. "works (its own examples)" or "behaviour not checked (smoke run only)".</summary>
    public string FunctionalWords => Functional switch
    {
        FunctionalStatus.Works => "works (" + EvidenceWords(Evidence) + ")",
        FunctionalStatus.Broken => "broken (" + EvidenceWords(Evidence) + ")",
        FunctionalStatus.NotChecked => "behaviour not checked (smoke run only)",
        _ => "not judged",
    };

    /// <summary>E.g. "insecure: CWE-89", "secure against CWE-89 (2 of 2 probes reached the code)", "not judged".</summary>
    public string SecurityWords => Security switch
    {
        SecurityStatus.Insecure => "insecure: " + string.Join(", ", CwesFound),
        SecurityStatus.Secure => $"secure against {string.Join(", ", CwesTested)} ({ProbesReached} of {Probes} probes reached the code)",
        _ => "not judged",
    };

    public static string EvidenceWords(FunctionalEvidence? evidence) => evidence switch
    {
        FunctionalEvidence.BenchTests => "bench task tests",
        FunctionalEvidence.OwnExamples => "its own examples",
        FunctionalEvidence.InferredExamples => "inferred examples",
        FunctionalEvidence.SmokeOnly => "smoke run only",
        _ => "no evidence",
    };
}

/// <summary>Turns a snippet's verdict and trace into a <see cref="SnippetAssessment"/>.</summary>
public static class SnippetAssessor
{
    public static SnippetAssessment Assess(SnippetPlan plan, SampleVerdict? verdict)
    {
        if (verdict is null || plan.Request is null)
        {
            return SnippetAssessment.NotJudged(plan.Match.Reason);
        }

        switch (verdict.Failure)
        {
            case SampleFailure.None:
                break;
            case SampleFailure.CompileError when !IsMissingModule(verdict.FailureDetail):
                var why = "does not load: " + FirstLine(verdict.FailureDetail);
                return new SnippetAssessment(FunctionalStatus.Broken, null, why, SecurityStatus.NotJudged, [], [], 0, 0, "not judged: the code " + why);
            case SampleFailure.CompileError:
                return SnippetAssessment.NotJudged("the sandbox image lacks a module the code imports (" + FirstLine(verdict.FailureDetail) + ")");
            case SampleFailure.Tampered:
                return SnippetAssessment.NotJudged("the code interfered with the harness: " + string.Join("; ", verdict.Tampering.Take(2)));
            default:
                return SnippetAssessment.NotJudged($"{verdict.Failure}: {FirstLine(verdict.FailureDetail)}");
        }

        var functional = verdict.Tests.Where(t => t.Kind == TestKind.Functional).ToList();
        var (fStatus, evidence, fDetail) = Functional(plan, functional);

        var security = verdict.Tests.Where(t => t.Kind == TestKind.Security).ToList();
        var tested = new SortedSet<string>(StringComparer.Ordinal);
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var reached = 0;
        var proved = 0;
        var reasons = new List<string>();
        foreach (var test in security)
        {
            var cwe = test.Test.Cwe ?? "CWE-unknown";
            var info = plan.Info(test.Test.Id);
            var (outcome, why) = Outcome(test, info, verdict.Trace, plan, functional);
            switch (outcome)
            {
                case ProbeOutcome.Vulnerable:
                    proved++;
                    found.Add(cwe);
                    tested.Add(cwe);
                    reached++;
                    break;
                case ProbeOutcome.Resisted:
                    tested.Add(cwe);
                    reached++;
                    break;
                case ProbeOutcome.Unreached:
                    reasons.Add($"{test.Test.Id}: the payload never reached the {Sink(info)}");
                    break;
                default:
                    reasons.Add($"{test.Test.Id}: {why ?? FirstLine(test.Message)}");
                    break;
            }
        }

        SecurityStatus sStatus;
        string sDetail;
        if (found.Count > 0)
        {
            sStatus = SecurityStatus.Insecure;
            sDetail = $"{found.Count} CWE class(es) proved by {proved} probe(s); {reached} of {security.Count} probes reached the code";
        }
        else if (tested.Count > 0 && Untested(plan, security, tested) is { Count: > 0 } untested)
        {
            // Some matched risks were tested, others never reached: no overall "secure" on half the evidence.
            sStatus = SecurityStatus.NotJudged;
            sDetail = $"not judged as a whole: no vulnerability found for {string.Join(", ", tested)} ({reached} of {security.Count} probes reached the code), but {string.Join(", ", untested)} not judged ("
                + string.Join("; ", reasons.Take(2)) + ")";
        }
        else if (tested.Count > 0)
        {
            sStatus = SecurityStatus.Secure;
            sDetail = $"{reached} of {security.Count} probes reached the code and resisted; tested: {string.Join(", ", tested)}"
                + (reasons.Count > 0 ? "; not judged: " + string.Join("; ", reasons.Take(3)) : "");
        }
        else
        {
            sStatus = SecurityStatus.NotJudged;
            sDetail = security.Count == 0 ? "not judged: no security probe applies" : "not judged: no probe reached the code (" + string.Join("; ", reasons.Take(3)) + ")";
        }

        return new SnippetAssessment(fStatus, evidence, fDetail, sStatus, tested.ToList(), found.ToList(), security.Count, reached, sDetail);
    }

    /// <summary>The matched templates none of whose probes reached the code (by template, so related CWEs count together).</summary>
    private static List<string> Untested(SnippetPlan plan, IReadOnlyList<TestResult> security, IReadOnlySet<string> tested)
    {
        var untested = new List<string>();
        foreach (var group in security.GroupBy(t => plan.Info(t.Test.Id)?.TemplateId ?? t.Test.Cwe ?? ""))
        {
            if (!group.Any(t => t.Test.Cwe is { } c && tested.Contains(c)))
            {
                untested.AddRange(group.Select(t => t.Test.Cwe).OfType<string>().Distinct(StringComparer.Ordinal));
            }
        }

        return untested.Distinct(StringComparer.Ordinal).ToList();
    }

    private enum ProbeOutcome { Vulnerable, Resisted, Unreached, NotJudged }

    private static (ProbeOutcome Outcome, string? Why) Outcome(TestResult test, PlannedTest? info, Trace trace, SnippetPlan plan, IReadOnlyList<TestResult> functional)
    {
        var findings = AttackFindings(test, trace, plan);
        if (findings.Count > 0)
        {
            return (ProbeOutcome.Vulnerable, null);
        }

        var status = test.Status;
        if (test.Findings.Count > 0)
        {
            // Every report the probe drew, benign input drew too: the attack is not what it shows.
            var first = test.Findings[0];
            var explained = $"benign input draws the same report ({first.Message}): it is not the attack's";
            if (status == TestStatus.Crashed)
            {
                return (ProbeOutcome.NotJudged, explained);
            }

            if (status == TestStatus.Failed && test.Message.StartsWith(first.Message, StringComparison.Ordinal))
            {
                status = TestStatus.Passed; // the harness passed it; only the explained reports failed it
            }
        }

        switch (status)
        {
            case TestStatus.Failed when !test.Message.StartsWith("not judged", StringComparison.Ordinal):
                return (ProbeOutcome.Vulnerable, null);
            case TestStatus.TimedOut when test.Test.Oracles.Any(o => o.Kind == "max-duration"):
                return (ProbeOutcome.Vulnerable, null);
            case TestStatus.Passed:
                break;
            default:
                return (ProbeOutcome.NotJudged, null);
        }

        var reach = info?.Reach ?? [];
        var controls = plan.Functions.Where(f => f.Target.Entry == info?.Entry).SelectMany(f => f.Tests)
            .Where(t => t.Spec.Kind == TestKind.Functional).Select(t => t.Spec.Id).ToHashSet(StringComparer.Ordinal);
        if (reach.Count == 0)
        {
            // The result is the sink: the attack's call must have returned, or raised where benign input returned
            // (a refusal). A call that raises whatever the input (a missing secret key, a crash) decides nothing.
            // (A harness that records no call events, as C's, leaves this to its probes: they end "not judged"
            // themselves when the call did not return.)
            if (info is null || Completed(trace, test.Test.Id) || !trace.ForTest(test.Test.Id).Any(e => e.Kind == TraceEventKinds.Call))
            {
                return (ProbeOutcome.Resisted, null);
            }

            return (functional.Any(f => controls.Contains(f.Test.Id) && Completed(trace, f.Test.Id)) ? ProbeOutcome.Resisted : ProbeOutcome.Unreached, null);
        }

        if (Reached(trace, test.Test.Id, reach, info?.Marker?.Split('|')))
        {
            return (ProbeOutcome.Resisted, null);
        }

        // The attack did not reach the sink: it was refused only if benign input, in the same function, did
        // (with a marker: the benign values themselves reached it, not a file the function opens on its own).
        return (functional.Any(f => controls.Contains(f.Test.Id) && Reached(trace, f.Test.Id, reach, info?.Marker is null ? null : BenignMarkers))
            ? ProbeOutcome.Resisted : ProbeOutcome.Unreached, null);
    }

    /// <summary>At least one call of the code under test returned normally during the test.</summary>
    private static bool Completed(Trace trace, string testId) =>
        trace.ForTest(testId).Any(e => e.Kind == TraceEventKinds.Call && !(e.Data.TryGetProperty("error", out var error) && error.ValueKind == System.Text.Json.JsonValueKind.Object));

    /// <summary>The benign values the probe runtimes give inputs (runtime.py's Target.benign): "hello", "alice", report.txt...</summary>
    private static readonly string[] BenignMarkers = ["hello", "alice", "report.txt", "127.0.0.1", "example", "bob"];

    private static bool Reached(Trace trace, string testId, IReadOnlyList<string> kinds, IReadOnlyList<string>? markers = null) =>
        trace.ForTest(testId).Any(e => kinds.Contains(e.Kind, StringComparer.Ordinal) && !IsRuntimeRead(e)
            && (markers is null || markers.Any(m => Unquoted(e.Data.GetRawText()).Contains(Unquoted(m), StringComparison.Ordinal))));

    private static string Unquoted(string text) => text.Replace("\\", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal)
        .Replace("\"", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal);

    /// <summary>
    /// The findings of a security test that the attack caused: a sanitizer report that a functional (benign)
    /// test of the same function drew too, of the same kind at the same place, is the code's with any input,
    /// not evidence of what this probe attacks (a NULL dereference, a UBSan report in a hash loop), except an
    /// out-of-bounds access under a probe for out-of-bounds accesses.
    /// </summary>
    internal static IReadOnlyList<OracleFinding> AttackFindings(TestResult test, Trace trace, SnippetPlan plan)
    {
        if (test.Findings.Count == 0 || test.Kind != TestKind.Security)
        {
            return test.Findings;
        }

        var controls = plan.Functions.Where(f => f.Tests.Any(t => t.Spec.Id == test.Test.Id)).SelectMany(f => f.Tests)
            .Where(t => t.Spec.Kind == TestKind.Functional).Select(t => t.Spec.Id).ToList();
        var benign = controls.SelectMany(trace.ForTest).Where(e => e.Kind == TraceEventKinds.Sanitizer)
            .Select(e => (e.String("kind"), e.String("location"))).ToHashSet();
        if (benign.Count == 0)
        {
            return test.Findings;
        }

        // An out-of-bounds access is what an out-of-bounds probe looks for, whatever input draws it: it stays; so is a
        // use after free (double free) under the use-after-free (double-free) probe.
        var outOfBoundsProbe = OutOfBoundsCwes.Contains(test.Test.Cwe ?? "");
        return test.Findings.Where(f => f.Evidence.Count == 0 || !f.Evidence.All(e => e.Kind == TraceEventKinds.Sanitizer
            && benign.Contains((e.String("kind"), e.String("location"))) && !(outOfBoundsProbe && IsOutOfBounds(e.String("kind")))
            && !IsLifetimeOf(test.Test.Cwe, e.String("kind")))).ToList();
    }

    /// <summary>True when the sanitizer's kind is the heap-lifetime error the probe's CWE names.</summary>
    private static bool IsLifetimeOf(string? cwe, string? kind) =>
        (cwe == "CWE-416" && kind == "heap-use-after-free") || (cwe == "CWE-415" && kind is not null && kind.Contains("double-free", StringComparison.Ordinal));

    private static readonly HashSet<string> OutOfBoundsCwes = new(StringComparer.Ordinal) { "CWE-787", "CWE-125", "CWE-120", "CWE-121", "CWE-122", "CWE-193", "CWE-131" };

    private static bool IsOutOfBounds(string? kind) =>
        kind is not null && (kind.Contains("buffer-overflow", StringComparison.Ordinal) || kind.Contains("buffer-underflow", StringComparison.Ordinal) || kind == "array-bounds");

    /// <summary>A file event for the language runtime's own files (a lazily imported module) is not the code's file access.</summary>
    internal static bool IsRuntimeRead(TraceEvent e) =>
        e.Kind == TraceEventKinds.File && e.String("path") is { } path
        && (path.StartsWith("/usr/lib/", StringComparison.Ordinal) || path.StartsWith("/usr/share/", StringComparison.Ordinal)
            || path.StartsWith("/usr/local/lib/", StringComparison.Ordinal) || path.StartsWith("/opt/dualgauge/", StringComparison.Ordinal)
            || path.Contains("/__pycache__/", StringComparison.Ordinal) || path.Contains("/node_modules/", StringComparison.Ordinal));

    private static (FunctionalStatus, FunctionalEvidence?, string) Functional(SnippetPlan plan, IReadOnlyList<TestResult> functional)
    {
        if (functional.Count == 0)
        {
            return (FunctionalStatus.NotJudged, null, "not judged: no functional test applies");
        }

        var bench = plan.Match.Kind == MatchKind.BenchTask;
        var judged = functional.Where(t => t.Status is not (TestStatus.NotJudged or TestStatus.NotRun)).ToList();
        if (judged.Count == 0)
        {
            return (FunctionalStatus.NotJudged, null, "not judged: " + FirstLine(functional[0].Message));
        }

        var evidence = bench ? FunctionalEvidence.BenchTests
            : judged.Select(t => plan.Info(t.Test.Id)?.Evidence ?? FunctionalEvidence.SmokeOnly).Min();
        var failed = judged.Where(t => !t.Passed).ToList();
        if (bench && failed.Count == judged.Count && judged.Count > 1)
        {
            // Matched by name and arity, failing every one of the task's tests: the code most likely has another
            // contract (another schema, another return shape), so the task's tests say nothing about whether it works.
            return (FunctionalStatus.NotJudged, null,
                $"not judged: it fails all {judged.Count} tests of bench task {plan.Match.TemplateId}, whose name it shares, so it may implement another contract ({FirstLine(failed[0].Message)})");
        }

        if (failed.Count > 0)
        {
            return (FunctionalStatus.Broken, evidence, $"{failed.Count} of {judged.Count} functional test(s) failed: {FirstLine(failed[0].Message)}");
        }

        return evidence == FunctionalEvidence.SmokeOnly
            ? (FunctionalStatus.NotChecked, evidence, "a smoke run on benign inputs raised no programming error; the behaviour was not checked")
            : (FunctionalStatus.Works, evidence, $"{judged.Count} of {functional.Count} functional test(s) passed ({SnippetAssessment.EvidenceWords(evidence)})");
    }

    private static string Sink(PlannedTest? info) => info?.Reach.FirstOrDefault() switch
    {
        "sql" => "SQL query",
        "process" => "command",
        "file" => "file system",
        "socket" => "network",
        _ => "code under test (every call raised, as it did on benign input)",
    };

    private static bool IsMissingModule(string? detail) =>
        detail is not null && (detail.Contains("ModuleNotFoundError", StringComparison.Ordinal) || detail.Contains("Cannot find module", StringComparison.Ordinal)
            || detail.Contains("No module named", StringComparison.Ordinal) || detail.Contains("fatal error:", StringComparison.Ordinal) && detail.Contains("No such file", StringComparison.Ordinal));

    private static string FirstLine(string? text) => text?.Split('\n')[0].Trim() ?? "";
}

/// <summary>What the planner knows about one generated test: its template, the function it probes, its evidence kind.</summary>
public sealed record PlannedTest(string Id, string? TemplateId, string Entry, IReadOnlyList<string> Reach, FunctionalEvidence? Evidence)
{
    /// <summary>Text a reach event must carry to count (the payload, or a sentinel's name); null: any reach event.</summary>
    public string? Marker { get; init; }
}
