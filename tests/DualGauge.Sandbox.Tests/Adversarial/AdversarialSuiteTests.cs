using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using DualGauge.Core.Evaluation;
using DualGauge.Core.Tasks;
using DualGauge.Core.Verdicts;
using DualGauge.Sandbox.Tests.Infrastructure;
using FluentAssertions;

namespace DualGauge.Sandbox.Tests.Adversarial;

/// <summary>
/// The adversarial suite (Adversarial/README.md): samples that are insecure implementations of real bench
/// tasks plus a trick that tries to forge a passing result or hide the evidence, and honest controls that
/// do similar-looking things. Each case runs through the real Docker sandbox and the same
/// <see cref="SampleEvaluator"/> the CLI uses; an evasion must never be judged secure.
/// </summary>
[TestClass]
public sealed class AdversarialSuiteTests
{
    /// <summary>Set to a file path to get the per-case baseline table (Markdown) written there after the run.</summary>
    public const string ReportVariable = "DG_ADVERSARIAL_REPORT";

    private const int Concurrency = 2;

    private static readonly Lazy<TaskCatalog> Catalog = new(() => TaskLoader.LoadAll(AdversarialCase.BenchTasksRoot));
    private static readonly ConcurrentDictionary<string, Lazy<Task<SampleVerdict>>> Verdicts = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, (AdversarialCase Case, SampleVerdict Verdict)> Judged = new(StringComparer.Ordinal);
    private static readonly SemaphoreSlim Slots = new(Concurrency);
    private static int prefetched;

    public TestContext TestContext { get; set; } = null!;

    public static IEnumerable<object[]> Cases => AdversarialCase.Keys().Select(k => new object[] { k });

    public static string DisplayName(MethodInfo method, object[] data) => (string)data[0];

    [TestMethod]
    [DynamicData(nameof(Cases), DynamicDataDisplayName = nameof(DisplayName))]
    public async Task EvaluateAsync_AdversarialCase_IsJudgedAsExpected(string key)
    {
        var known = KnownTasks();
        var subject = AdversarialCase.Load(key, known);
        var verdict = await VerdictAsync(subject);
        var describe = Describe(subject, verdict);
        TestContext.WriteLine(describe);

        if (!subject.Control)
        {
            verdict.Failure.Should().NotBe(SampleFailure.CompileError, "an evasion sample that does not even load proves nothing\n" + describe);
            verdict.SecurePass.Should().BeFalse("the sample is insecure; its trick must not make it look secure\n" + describe);
            verdict.JointPass.Should().BeFalse("the sample is insecure; its trick must not make it a joint pass\n" + describe);
            NamesEvidence(verdict).Should().BeTrue("the verdict must say why: a failed security test with a message or findings, or the sample-level failure detail\n" + describe);
        }

        switch (subject.Expect)
        {
            case AdversarialExpectation.Tampered:
                verdict.Failure.ToString().Should().Be("Tampered", "the harness must catch this trick as tampering\n" + describe);
                break;
            case AdversarialExpectation.Insecure:
                verdict.Failure.Should().Be(SampleFailure.None, "the hidden action must be recorded and judged as an ordinary insecure sample\n" + describe);
                verdict.Tests.Should().Contain(t => t.Kind == TestKind.Security && !t.Passed && (t.Findings.Count > 0 || t.Message.Length > 0),
                    "a security test must fail with the evidence\n" + describe);
                break;
            case AdversarialExpectation.NotSecure:
                verdict.Failure.ToString().Should().BeOneOf(["None", "Tampered"], "either outcome is fine, a crash or timeout is not evidence\n" + describe);
                break;
            case AdversarialExpectation.SecurePass:
                verdict.JointPass.Should().BeTrue("an honest secure sample must stay a joint pass\n" + describe);
                break;
            case AdversarialExpectation.Secure:
                verdict.SecurePass.Should().BeTrue("an honest secure sample must stay secure\n" + describe);
                break;
            case AdversarialExpectation.FunctionalOnly:
                verdict.Failure.Should().Be(SampleFailure.None, "an honest sample must not be flagged\n" + describe);
                verdict.FunctionalPass.Should().BeTrue("the honest insecure sample works\n" + describe);
                verdict.SecurePass.Should().BeFalse("the honest insecure sample is insecure\n" + describe);
                break;
            default:
                throw new UnreachableException(subject.Expect.ToString());
        }
    }

    [TestMethod]
    public void Load_EveryCase_IsWellFormedAndNamesAnExistingBenchTask()
    {
        var known = KnownTasks();
        var errors = new List<string>();
        foreach (var key in AdversarialCase.Keys())
        {
            errors.AddRange(AdversarialCase.TryLoad(Path.Combine(AdversarialCase.Root, key), known).Errors);
        }

        errors.Should().BeEmpty();
    }

    [TestMethod]
    public void Keys_Suite_HasEnoughEvasionsPerLanguageAndControls()
    {
        var known = KnownTasks();
        var cases = AdversarialCase.Keys().Select(k => AdversarialCase.Load(k, known)).ToList();
        var evasions = cases.Where(c => !c.Control).ToList();

        evasions.Should().HaveCountGreaterThanOrEqualTo(45);
        foreach (var language in new[] { Language.Python, Language.JavaScript, Language.C })
        {
            evasions.Count(c => c.Language == language).Should().BeGreaterThanOrEqualTo(15, $"the suite needs at least 15 {language.Id()} evasions");
        }

        cases.Count(c => c.Control).Should().BeGreaterThanOrEqualTo(10);
    }

    [TestMethod]
    [DataRow("task: py-no-such-task\ntrick: t\nexpect: tampered\n", "task", "no bench task 'py-no-such-task'")]
    [DataRow("trick: t\nexpect: tampered\n", "task", "missing")]
    [DataRow("task: py-sql-user-lookup\nexpect: insecure\n", "trick", "missing")]
    [DataRow("task: py-sql-user-lookup\ntrick: t\nexpect: secure-pass\n", "expect", "not allowed for an evasion case")]
    [DataRow("task: py-sql-user-lookup\ntrick: t\ncontrol: true\nexpect: tampered\n", "expect", "not allowed for a control")]
    [DataRow("task: js-ping-host\ntrick: t\nexpect: insecure\n", "task", "is not a python task")]
    [DataRow("task: py-sql-user-lookup\ntrick: t\nexpect: insecure\ncontrol: maybe\n", "control", "expected true or false")]
    [DataRow("task: py-sql-user-lookup\ntrick: t\nexpect: insecure\nexpected: tampered\n", "expected", "unknown field")]
    [DataRow("task: [py-sql-user-lookup\n", "(document)", "not valid YAML")]
    public void TryLoad_BrokenCaseYaml_ReportsFileAndField(string yaml, string field, string problem)
    {
        var folder = Path.Combine(Path.GetTempPath(), "dg-adv-" + Guid.NewGuid().ToString("N"), "python", "broken-case");
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, AdversarialCase.ManifestFileName), yaml);
            File.WriteAllText(Path.Combine(folder, "sample.py"), "def f():\n    return 1\n");

            var (loaded, errors) = AdversarialCase.TryLoad(folder, KnownTasks());

            loaded.Should().BeNull();
            errors.Should().Contain(e => e.Contains("broken-case/case.yaml: " + field + ": ", StringComparison.Ordinal)
                && e.Contains(problem, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(folder))!, recursive: true);
        }
    }

    [ClassCleanup]
    public static void WriteBaseline()
    {
        var path = Environment.GetEnvironmentVariable(ReportVariable);
        if (string.IsNullOrEmpty(path) || Judged.IsEmpty)
        {
            return;
        }

        var text = new StringBuilder("| case | task | expected | secure | joint | functional | failure | as expected |\n|---|---|---|---|---|---|---|---|\n");
        foreach (var (key, (subject, verdict)) in Judged.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append($"| {key} | {subject.TaskId} | {Expected(subject.Expect)} | {YesNo(verdict.SecurePass)} | {YesNo(verdict.JointPass)} | {YesNo(verdict.FunctionalPass)} | {verdict.Failure} | {YesNo(AsExpected(subject, verdict))} |\n");
        }

        File.WriteAllText(path, text.ToString());
    }

    private static IReadOnlySet<string> KnownTasks() => Catalog.Value.Tasks.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The verdict on one case. The first row to ask starts every case in the background, <see cref="Concurrency"/>
    /// at a time (like <c>bench --parallel 2</c>), so the rows after it mostly find their verdict ready.
    /// </summary>
    private async Task<SampleVerdict> VerdictAsync(AdversarialCase subject)
    {
        var sandbox = SandboxFixture.Sandbox;
        var evaluator = new SampleEvaluator(sandbox);
        if (Interlocked.Exchange(ref prefetched, 1) == 0)
        {
            var known = KnownTasks();
            foreach (var key in AdversarialCase.Keys())
            {
                var (other, _) = AdversarialCase.TryLoad(Path.Combine(AdversarialCase.Root, key), known);
                if (other is not null)
                {
                    _ = Pending(evaluator, other).Value;
                }
            }
        }

        var verdict = await Pending(evaluator, subject).Value;
        Judged[subject.Key] = (subject, verdict);
        return verdict;
    }

    private static Lazy<Task<SampleVerdict>> Pending(SampleEvaluator evaluator, AdversarialCase subject) =>
        Verdicts.GetOrAdd(subject.Key, _ => new Lazy<Task<SampleVerdict>>(() => Task.Run(async () =>
        {
            var task = Catalog.Value.Find(subject.TaskId) ?? throw new InvalidOperationException($"bench task {subject.TaskId} did not load");
            var code = await File.ReadAllTextAsync(subject.SamplePath);
            await Slots.WaitAsync();
            try
            {
                return await evaluator.EvaluateAsync(task, code, "adversarial", subject.Name, subject.SamplePath, CancellationToken.None);
            }
            finally
            {
                Slots.Release();
            }
        })));

    private static bool NamesEvidence(SampleVerdict verdict) =>
        verdict.Tests.Any(t => t.Kind == TestKind.Security && !t.Passed && (t.Findings.Count > 0 || !string.IsNullOrWhiteSpace(t.Message)))
        || !string.IsNullOrWhiteSpace(verdict.FailureDetail);

    private static bool AsExpected(AdversarialCase subject, SampleVerdict verdict)
    {
        var failure = verdict.Failure.ToString();
        var evasionHolds = subject.Control || (verdict.Failure != SampleFailure.CompileError && !verdict.SecurePass && !verdict.JointPass && NamesEvidence(verdict));
        return evasionHolds && subject.Expect switch
        {
            AdversarialExpectation.Tampered => failure == "Tampered",
            AdversarialExpectation.Insecure => verdict.Failure == SampleFailure.None
                && verdict.Tests.Any(t => t.Kind == TestKind.Security && !t.Passed && (t.Findings.Count > 0 || t.Message.Length > 0)),
            AdversarialExpectation.NotSecure => failure is "None" or "Tampered",
            AdversarialExpectation.SecurePass => verdict.JointPass,
            AdversarialExpectation.Secure => verdict.SecurePass,
            AdversarialExpectation.FunctionalOnly => verdict.Failure == SampleFailure.None && verdict.FunctionalPass && !verdict.SecurePass,
            _ => false,
        };
    }

    private static string Expected(AdversarialExpectation expect) => expect switch
    {
        AdversarialExpectation.Tampered => "tampered",
        AdversarialExpectation.Insecure => "insecure",
        AdversarialExpectation.NotSecure => "not-secure",
        AdversarialExpectation.SecurePass => "secure-pass",
        AdversarialExpectation.Secure => "secure",
        _ => "functional-only",
    };

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string Describe(AdversarialCase subject, SampleVerdict verdict)
    {
        var text = new StringBuilder()
            .Append($"{subject.Key} ({subject.TaskId}, expect {Expected(subject.Expect)}): {subject.Trick}\n")
            .Append($"verdict: functional={YesNo(verdict.FunctionalPass)} secure={YesNo(verdict.SecurePass)} joint={YesNo(verdict.JointPass)} failure={verdict.Failure}");
        if (!string.IsNullOrWhiteSpace(verdict.FailureDetail))
        {
            text.Append($" ({verdict.FailureDetail.Split('\n')[0]})");
        }

        foreach (var test in verdict.Tests)
        {
            text.Append($"\n  {(test.Passed ? "pass" : "FAIL")} {test.Kind.ToString().ToLowerInvariant()} {test.Test.Id}: {test.Status} {Clip(test.Message)}");
            foreach (var finding in test.Findings)
            {
                text.Append($"\n       finding {finding.Oracle}: {Clip(finding.Message)}");
            }
        }

        foreach (var line in verdict.Trace.Events.Take(40))
        {
            text.Append("\n  | ").Append(Clip(line.Data.GetRawText()));
        }

        if (verdict.Trace.StrayLines.Count > 0)
        {
            text.Append($"\n  {verdict.Trace.StrayLines.Count} stray trace line(s)");
        }

        if (!string.IsNullOrWhiteSpace(verdict.Stderr))
        {
            text.Append("\n  stderr: ").Append(Clip(verdict.Stderr));
        }

        return text.ToString();
    }

    private static string Clip(string text) => text.Length <= 300 ? text : text[..297] + "...";
}
