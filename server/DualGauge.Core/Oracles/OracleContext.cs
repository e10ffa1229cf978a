using DualGauge.Core.Tasks;
using DualGauge.Core.Traces;

namespace DualGauge.Core.Oracles;

/// <summary>What an oracle sees: the trace events of one test and the paths the harness gave it.</summary>
public sealed record OracleContext(TestSpec Test, IReadOnlyList<TraceEvent> Events)
{
    public TraceEvent? Start => Events.FirstOrDefault(e => e.Kind == TraceEventKinds.TestStart);

    public TraceEvent? End => Events.LastOrDefault(e => e.Kind == TraceEventKinds.TestEnd);

    public IEnumerable<TraceEvent> OfKind(string kind) => Events.Where(e => e.Kind == kind);

    /// <summary>Expands <c>{workdir}</c> and <c>{fixtures}</c> with the paths from the test's <c>test_start</c> event.</summary>
    public string Expand(string text) => text
        .Replace("{workdir}", Start?.String("workdir") ?? "{workdir}", StringComparison.Ordinal)
        .Replace("{fixtures}", Start?.String("fixtures") ?? "{fixtures}", StringComparison.Ordinal);
}
