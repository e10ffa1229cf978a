using System.Diagnostics;
using DualGauge.Protocol;
using DualGauge.Protocol.Custom;

namespace DualGauge.LanguageServer.Tests.Evaluation;

[TestClass]
public sealed class SelectionLatencyTests : ServerTestBase
{
    [TestMethod]
    public async Task EvaluateSelection_LongDebounce_RunsAndPublishesWithoutWaitingForIt()
    {
        var evaluator = InsecureEvaluator();
        var server = await StartWithPythonFileAsync(evaluator, new DualGaugeSettings { DebounceMs = 10_000 });
        var watch = Stopwatch.StartNew();

        await server.Client.ExecuteCommandAsync<HistoryEntrySummary>(Commands.EvaluateSelection, PythonUri, Lines(3, 6));
        await server.Client.WaitForDiagnosticsAsync(PythonUri, d => d.Count > 0, TimeSpan.FromSeconds(9));

        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(9), "an explicit selection is never debounced");
        evaluator.CallCount.Should().Be(1);
    }
}
