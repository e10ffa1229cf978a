using System.Text.Json;
using DualGauge.Core.Evaluation;
using DualGauge.Core.Execution;
using DualGauge.Core.Tasks;
using DualGauge.Core.Verdicts;

namespace DualGauge.Ai.Tests.Infrastructure;

/// <summary>Verdicts judged by the real <see cref="VerdictJudge"/> from hand-written traces (no sandbox).</summary>
public static class Verdicts
{
    /// <summary>
    /// Every test of the task passes, except <paramref name="failingSecurityTest"/>, whose trace holds its oracle's payload in a SQL event,
    /// and <paramref name="failingFunctionalTest"/>, whose <c>test_end</c> says <c>fail</c> with <paramref name="functionalMessage"/>.
    /// </summary>
    public static SampleVerdict FromTrace(BenchTask task, string model, string sampleId, string? failingSecurityTest = null, string? loadError = null,
        string? failingFunctionalTest = null, string functionalMessage = "AssertionError: expected 2 rows, got 0")
    {
        var lines = new List<string>
        {
            Line(new { ev = "harness", t = 0, language = "python", version = "1", runtime = "Python 3.11" }),
            Line(loadError is null ? new { ev = "load", t = 1, ok = true, phase = "import" } : (object)new { ev = "load", t = 1, ok = false, phase = "import", error = loadError, diagnostics = "" }),
        };
        if (loadError is null)
        {
            foreach (var test in task.Tests)
            {
                lines.Add(Line(new { ev = "test_start", t = 2, test = test.Id, kind = test.Kind == TestKind.Security ? "security" : "functional", workdir = "/tmp/job/w", fixtures = "/tmp/job/fixtures" }));
                lines.Add(Line(new { ev = "call", t = 3, test = test.Id, function = task.EntryPoint, args = new[] { "<conn>", "'lamp'" }, result = "[]", ms = 1 }));
                if (test.Id == failingSecurityTest)
                {
                    var payload = test.Oracles[0].Argument("payload");
                    lines.Add(Line(new { ev = "sql", t = 4, test = test.Id, api = "sqlite3.execute", statement = $"SELECT * FROM products WHERE name LIKE '%{payload}%'", line = 7 }));
                }

                lines.Add(test.Id == failingFunctionalTest
                    ? Line(new { ev = "test_end", t = 5, test = test.Id, status = "fail", message = functionalMessage, ms = 2 })
                    : Line(new { ev = "test_end", t = 5, test = test.Id, status = "pass", message = "", ms = 2 }));
            }

            lines.Add(Line(new { ev = "end", t = 6 }));
        }

        var request = EvaluationRequest.ForTask(task, "def x(): pass\n", model, sampleId, $"/samples/{model}/{task.Id}/{sampleId}.py");
        return VerdictJudge.Judge(request, new SandboxRun(SandboxOutcome.Completed, 0, string.Join('\n', lines), "", TimeSpan.FromMilliseconds(5)), TimeSpan.FromMilliseconds(5));
    }

    private static string Line(object value) => JsonSerializer.Serialize(value);
}
