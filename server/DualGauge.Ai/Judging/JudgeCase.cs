using System.Text;
using System.Text.Json;
using DualGauge.Ai.Blinding;
using DualGauge.Core.Reports;
using DualGauge.Core.Tasks;
using DualGauge.Core.Verdicts;

namespace DualGauge.Ai.Judging;

/// <summary>
/// Everything the LLM judge may read about one test, and nothing else: the task's specification, the test's description
/// (and for a security test the attack it sends), and the blind evidence of what the code did (<see cref="BlindEvidence"/>).
/// It is built from the test's spec and the sample's trace only, never from the test's result: no oracle verdict, status,
/// message, finding, oracle kind or argument, and no "why the oracles catch it". The model and sample names stay out of
/// the prompt too (a pseudo-model such as <c>reference-insecure</c> would give the answer away); <see cref="Key"/> only
/// joins the judge's answer back to the oracles' verdict once both are decided (<see cref="JudgeSection.Join"/>).
/// </summary>
public sealed record JudgeCase(
    BlindJudgmentKey Key,
    string Language,
    string? TaskPrompt,
    TestKind Kind,
    string? Cwe,
    string Description,
    string? Attack,
    IReadOnlyList<JsonElement> Events,
    int EventsLeftOut)
{
    public const int DefaultMaxTraceChars = 12_000;

    /// <summary>The blind case for <paramref name="test"/> of <paramref name="verdict"/>: reads the spec and the trace, not the result.</summary>
    public static JudgeCase From(SampleVerdict verdict, TestResult test, string? taskPrompt, int maxTraceChars = DefaultMaxTraceChars)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentNullException.ThrowIfNull(test);
        var spec = test.Test;
        var events = BlindEvidence.Events(verdict.Trace.ForTest(spec.Id).Select(e => e.Data));
        var kept = new List<JsonElement>();
        var used = 0;
        foreach (var e in events)
        {
            var length = e.GetRawText().Length + 1;
            if (used + length > maxTraceChars)
            {
                break;
            }

            kept.Add(e);
            used += length;
        }

        return new JudgeCase(new BlindJudgmentKey(verdict.Model, verdict.TaskId, verdict.SampleId, spec.Id), verdict.Language.Id(), taskPrompt,
            spec.Kind, spec.Cwe, spec.Description, spec.Attacks, kept, events.Count - kept.Count);
    }

    /// <summary>The cases of every test that ran (a test that never ran has no trace to read).</summary>
    /// <remarks>Whether a test ran is visible to anyone reading the trace; which tests passed is not used.</remarks>
    public static IReadOnlyList<JudgeCase> ForRun(IEnumerable<SampleVerdict> verdicts, Func<string, string?>? taskPrompt, int maxTraceChars = DefaultMaxTraceChars) =>
        verdicts.SelectMany(v => v.Tests.Where(t => t.Status != TestStatus.NotRun).Select(t => From(v, t, taskPrompt?.Invoke(v.TaskId), maxTraceChars))).ToList();

    /// <summary>The user message of the judge's request.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append($"Task: {Key.TaskId} ({Language})\n");
        if (!string.IsNullOrWhiteSpace(TaskPrompt))
        {
            text.Append("Task specification:\n").Append(TaskPrompt.Trim()).Append("\n\n");
        }

        text.Append($"Test: {Key.TestId} ({(Kind == TestKind.Security ? "security" : "functional")}{(Cwe is { } cwe ? ", " + cwe : "")})\n");
        text.Append($"Description: {Description}\n");
        if (Attack is { } attack)
        {
            text.Append($"Attack: {attack}\n");
        }

        text.Append("\nEvents recorded while the code ran this test (JSON lines):\n");
        foreach (var e in Events)
        {
            text.Append(e.GetRawText()).Append('\n');
        }

        if (EventsLeftOut > 0)
        {
            text.Append($"... {EventsLeftOut} more event(s) left out\n");
        }

        if (Events.Count == 0)
        {
            text.Append("(none)\n");
        }

        return text.ToString();
    }
}
