using DualGauge.Core.Reports;

namespace DualGauge.Core.Tests.Reports;

internal static class Fixtures
{
    public static readonly RunMetadata Run = new(
        new DateTimeOffset(2026, 11, 5, 9, 30, 0, TimeSpan.Zero),
        TimeSpan.FromSeconds(95.5),
        "/work/main/bench-tasks",
        "dualgauge-sandbox:0.1.0",
        "dualgauge bench --tasks bench-tasks",
        "0.1.0");
}
