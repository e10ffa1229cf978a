using DualGauge.Core.Execution;
using DualGauge.Core.Tasks;
using DualGauge.Snippets.Corpus;
using DualGauge.TestUtilities.Snippets;
using FluentAssertions;

namespace DualGauge.Snippets.Tests.Corpus;

[TestClass]
public sealed class CorpusScorerTests
{
    [TestMethod]
    public void Classify_InsecureFlaggedWithTheLabelledCweOrItsFamily_IsOk()
    {
        var exact = CorpusScorer.Classify(Entry(CorpusLabelKind.Insecure, "CWE-89"), Evaluation(Insecure(["CWE-89"])), TimeSpan.Zero);
        var family = CorpusScorer.Classify(Entry(CorpusLabelKind.Insecure, "CWE-95"), Evaluation(Insecure(["CWE-94"])), TimeSpan.Zero);
        var cMemory = CorpusScorer.Classify(Entry(CorpusLabelKind.Insecure, "CWE-125", Language.C), Evaluation(Insecure(["CWE-787"])), TimeSpan.Zero);

        foreach (var result in new[] { exact, family, cMemory })
        {
            result.Outcome.Should().Be(CorpusOutcome.Ok);
            result.FlaggedRightCwe.Should().BeTrue();
            result.VerdictGiven.Should().BeTrue();
            result.Matched.Should().BeTrue();
        }

        CorpusText.Line(exact).Should().Be("ok                 python/helpers/f.py  insecure: CWE-89 (sql-lookup)");
    }

    [TestMethod]
    public void Classify_InsecureFlaggedWithAnotherCwe_IsAMissNamingBoth()
    {
        var result = CorpusScorer.Classify(Entry(CorpusLabelKind.Insecure, "CWE-134", Language.C), Evaluation(Insecure(["CWE-787"])), TimeSpan.Zero);

        result.Outcome.Should().Be(CorpusOutcome.Miss);
        result.FlaggedWrongCwe.Should().BeTrue();
        result.FlaggedRightCwe.Should().BeFalse();
        CorpusText.Line(result).Should().StartWith("MISS ").And.Contain("labelled CWE-134, flagged CWE-787 instead");
    }

    [TestMethod]
    public void Classify_SecureOrNeutralFlaggedInsecure_IsAFalseAlarm()
    {
        var secure = CorpusScorer.Classify(Entry(CorpusLabelKind.Secure, "CWE-916"), Evaluation(Insecure(["CWE-759"])), TimeSpan.Zero);
        var neutral = CorpusScorer.Classify(Entry(CorpusLabelKind.Neutral, null), Evaluation(Insecure(["CWE-78"])), TimeSpan.Zero);

        secure.Outcome.Should().Be(CorpusOutcome.FalseAlarm);
        neutral.Outcome.Should().Be(CorpusOutcome.FalseAlarm);
        CorpusText.Line(neutral).Should().StartWith("FALSE-ALARM ").And.Contain("labelled neutral, flagged CWE-78");
    }

    [TestMethod]
    public void Classify_SecureGivenToInsecureCode_SaysWhetherTheTemplateTestedTheLabelledCwe()
    {
        var related = CorpusScorer.Classify(Entry(CorpusLabelKind.Insecure, "CWE-338"), Evaluation(Secure(["CWE-330"])), TimeSpan.Zero);
        var unrelated = CorpusScorer.Classify(Entry(CorpusLabelKind.Insecure, "CWE-377"), Evaluation(Secure(["CWE-22"])), TimeSpan.Zero);

        related.Outcome.Should().Be(CorpusOutcome.SecureOnInsecure);
        related.SecureByRelatedTemplate.Should().BeTrue();
        related.SecureByUnrelatedTemplate.Should().BeFalse();
        CorpusText.Line(related).Should().Contain("by a related template");
        unrelated.Outcome.Should().Be(CorpusOutcome.SecureOnInsecure);
        unrelated.SecureByUnrelatedTemplate.Should().BeTrue();
        CorpusText.Line(unrelated).Should().StartWith("SECURE-ON-INSECURE ").And.Contain("labelled CWE-377, called secure against CWE-22 by an unrelated template");
    }

    [TestMethod]
    public void Classify_SecureOrNeutralCalledSecure_IsOk_AndNoVerdictIsNotJudged()
    {
        var secure = CorpusScorer.Classify(Entry(CorpusLabelKind.Secure, "CWE-22"), Evaluation(Secure(["CWE-22"])), TimeSpan.Zero);
        var notJudged = CorpusScorer.Classify(Entry(CorpusLabelKind.Insecure, "CWE-89"), Evaluation(SnippetAssessment.NotJudged("find_user calls no API that a template covers"), MatchKind.None), TimeSpan.Zero);

        secure.Outcome.Should().Be(CorpusOutcome.Ok);
        secure.FlaggedRightCwe.Should().BeFalse("only insecure snippets are flagged");
        notJudged.Outcome.Should().Be(CorpusOutcome.NotJudged);
        notJudged.VerdictGiven.Should().BeFalse();
        notJudged.Matched.Should().BeFalse();
        CorpusText.Line(notJudged).Should().Be("NOT-JUDGED         python/helpers/f.py  not judged: find_user calls no API that a template covers");
    }

    [TestMethod]
    public void Classify_SecureWithNoProbeReached_IsCountedAsUnfounded()
    {
        var assessment = Secure(["CWE-89"]) with { ProbesReached = 0 };

        var result = CorpusScorer.Classify(Entry(CorpusLabelKind.Secure, "CWE-89"), Evaluation(assessment), TimeSpan.Zero);

        result.Unfounded.Should().BeTrue();
        result.Reason.Should().Contain("UNFOUNDED");
        var row = CorpusRow.Of("all", [result]);
        row.Unfounded.Should().Be(1);
        new CorpusThresholds(MinVerdictRate: 0).Check(row).Should().ContainSingle().Which.Should().Contain("where no probe or test completed");
    }

    [TestMethod]
    public async Task RunAsync_EvaluatesTheHeaderLineOfTheBlankedDocument_AndReportsInInputOrderWhateverFinishesFirst()
    {
        var entries = Enumerable.Range(0, 6).Select(i => Entry(CorpusLabelKind.Insecure, "CWE-89", file: $"python/f{i}.py", header: i + 1)).ToList();
        var evaluator = new FakeSnippetEvaluator(async (snippet, ct) =>
        {
            // Earlier files finish later: the callback must still see them in order.
            await Task.Delay(TimeSpan.FromMilliseconds(60 - (10 * snippet.StartLine)), ct);
            return Evaluation(Insecure(["CWE-89"])) with { Snippet = snippet };
        });
        var seen = new List<string>();

        var results = await new CorpusScorer(evaluator).RunAsync(entries, 3, r => seen.Add(r.Entry.File), CancellationToken.None);

        seen.Should().Equal(entries.Select(e => e.File));
        results.Select(r => r.Entry.File).Should().Equal(entries.Select(e => e.File));
        results.Should().OnlyContain(r => r.Outcome == CorpusOutcome.Ok);
        evaluator.Calls.Should().HaveCount(6).And.OnlyContain(s => s.StartLine == s.EndLine && s.Source == SnippetSource.Selection && s.Language == Language.Python);
        evaluator.Calls.Select(s => s.StartLine).Should().BeEquivalentTo(new[] { 1, 2, 3, 4, 5, 6 });
    }

    [TestMethod]
    public async Task RunAsync_EvaluatorThrows_IsAnErrorForThatSnippetAndTheRunGoesOn()
    {
        var entries = new[] { Entry(CorpusLabelKind.Insecure, "CWE-89", file: "python/a.py", header: 1), Entry(CorpusLabelKind.Secure, "CWE-89", file: "python/b.py", header: 2) };
        var evaluator = new FakeSnippetEvaluator((snippet, _) => snippet.StartLine == 1
            ? throw new InvalidOperationException("outliner exploded")
            : Task.FromResult(Evaluation(Secure(["CWE-89"]))));

        var results = await new CorpusScorer(evaluator).RunAsync(entries, 2, null, CancellationToken.None);

        results[0].Outcome.Should().Be(CorpusOutcome.Error);
        results[0].Reason.Should().Be("the evaluator failed: InvalidOperationException: outliner exploded");
        CorpusText.Line(results[0]).Should().StartWith("ERROR ");
        results[1].Outcome.Should().Be(CorpusOutcome.Ok);
        var row = CorpusRow.Of("all", results);
        (row.Errors, row.NotJudged, row.Verdicts).Should().Be((1, 1, 1));
        new CorpusThresholds(MinVerdictRate: 0).Check(row).Should().ContainSingle().Which.Should().Be("1 evaluation(s) failed with an error (must be 0)");
    }

    [TestMethod]
    public async Task RunAsync_SandboxUnreachable_StopsAndThrows()
    {
        var entries = Enumerable.Range(0, 20).Select(i => Entry(CorpusLabelKind.Neutral, null, file: $"python/f{i:00}.py", header: i)).ToList();
        var evaluator = new FakeSnippetEvaluator((_, _) => throw new SandboxUnavailableException("Docker is not reachable at unix:///nope"));
        var reported = 0;

        var act = () => new CorpusScorer(evaluator).RunAsync(entries, 2, _ => reported++, CancellationToken.None);

        (await act.Should().ThrowAsync<SandboxUnavailableException>()).WithMessage("Docker is not reachable at unix:///nope");
        reported.Should().Be(0);
        evaluator.CallCount.Should().BeLessThanOrEqualTo(2, "no snippet starts once the sandbox is gone: only the two already running were called");
    }

    [TestMethod]
    public void Summary_CountsEveryColumnPerLanguageAndPerCwe_AndTheThresholdsNameWhatIsMissed()
    {
        CorpusResult R(CorpusLabelKind kind, string? cwe, SnippetAssessment assessment, Language language = Language.Python, MatchKind match = MatchKind.Template) =>
            CorpusScorer.Classify(Entry(kind, cwe, language), Evaluation(assessment, match), TimeSpan.Zero);
        var results = new[]
        {
            R(CorpusLabelKind.Insecure, "CWE-89", Insecure(["CWE-89"])),
            R(CorpusLabelKind.Insecure, "CWE-89", Secure(["CWE-78"])),
            R(CorpusLabelKind.Secure, "CWE-89", Secure(["CWE-89"])),
            R(CorpusLabelKind.Neutral, null, SnippetAssessment.NotJudged("nothing fits"), match: MatchKind.None),
            R(CorpusLabelKind.Insecure, "CWE-787", Insecure(["CWE-125"]), Language.C),
            R(CorpusLabelKind.Secure, "CWE-787", Insecure(["CWE-787"]), Language.C),
        };

        var summary = CorpusSummary.Create(results);

        summary.Total.Should().BeEquivalentTo(new
        {
            Key = "all", Snippets = 6, Matched = 5, Verdicts = 5, Insecure = 3, FlaggedRightCwe = 2, FlaggedWrongCwe = 0,
            SecureOrNeutral = 3, FalseAlarms = 1, SecureOnInsecure = 1, SecureOnInsecureUnrelated = 1, NotJudged = 1, Unfounded = 0, Errors = 0,
        });
        summary.ByLanguage.Select(r => (r.Key, r.Snippets)).Should().Equal(("python", 4), ("c", 2));
        summary.ByCwe.Select(r => (r.Key, r.Snippets)).Should().Equal(("CWE-89", 3), ("CWE-787", 2), ("neutral", 1));
        summary.Total.VerdictRate.Should().BeApproximately(5.0 / 6, 1e-9);
        summary.Total.FalseAlarmRate.Should().BeApproximately(1.0 / 3, 1e-9);

        var missed = new CorpusThresholds().Check(summary.Total);
        missed.Should().HaveCount(2);
        missed[0].Should().StartWith("false-alarm rate 0.333 (1 of 3 secure/neutral snippets flagged insecure) is above --max-false-alarm-rate 0.03");
        missed[1].Should().StartWith("1 insecure snippet(s) called \"secure\" by an unrelated template");
        new CorpusThresholds(MinVerdictRate: 0.9, MaxFalseAlarmRate: 0.5, MaxUnrelatedSecure: 1).Check(summary.Total)
            .Should().ContainSingle().Which.Should().StartWith("verdict rate 0.833 (5 of 6 snippets got a security verdict) is below --min-verdict-rate 0.90");
        new CorpusThresholds(MinVerdictRate: 0.8, MaxFalseAlarmRate: 0.34, MaxUnrelatedSecure: 1).Check(summary.Total).Should().BeEmpty();

        var table = CorpusText.Table("language", summary.ByLanguage, summary.Total).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        table.Should().HaveCount(5);
        table[0].Should().StartWith("| language ").And.Contain("| verdict rate |").And.Contain("| \"secure\" on insecure |");
        table[4].Should().MatchRegex(@"^\| all +\| +6 \| +83\.3% \(5\) \| +83\.3% \(5\) \| +2/3 66\.7% \| +1/3 33\.3% \| +1 \(1 unrelated\) \| +1 \|$");
    }

    private static CorpusEntry Entry(CorpusLabelKind kind, string? cwe, Language language = Language.Python, string? file = null, int header = 1)
    {
        var ext = language.FileExtension();
        file ??= $"{(language == Language.Python ? "python" : language.Id())}/helpers/f.{ext}";
        var text = "\n" + string.Concat(Enumerable.Range(1, 10).Select(i => $"line {i}\n"));
        return new CorpusEntry(file, Path.Combine(Path.GetTempPath(), file), language, new CorpusLabel(kind, cwe, "f", null), text, header, header, header + 2, true);
    }

    private static SnippetAssessment Insecure(string[] found) =>
        new(FunctionalStatus.NotChecked, FunctionalEvidence.SmokeOnly, "smoke", SecurityStatus.Insecure, found, found, 2, 2, "proved");

    private static SnippetAssessment Secure(string[] tested) =>
        new(FunctionalStatus.NotChecked, FunctionalEvidence.SmokeOnly, "smoke", SecurityStatus.Secure, tested, [], 2, 2, "resisted");

    private static SnippetEvaluation Evaluation(SnippetAssessment assessment, MatchKind match = MatchKind.Template)
    {
        var snippet = new Snippet("file:///f", Language.Python, "", 0, 0, SnippetSource.Selection);
        var templateMatch = match == MatchKind.None
            ? new TemplateMatch(MatchKind.None, null, 0, "nothing fits", null)
            : new TemplateMatch(match, "sql-lookup", 0.9, "executes SQL built from a parameter", "f");
        return new SnippetEvaluation(snippet, 0, 0, "", "", templateMatch, null, [], DateTimeOffset.UtcNow) { Assessment = assessment };
    }
}
