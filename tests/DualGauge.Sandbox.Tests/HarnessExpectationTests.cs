using System.Text.Json;
using DualGauge.Core.Execution;
using DualGauge.Core.Traces;
using FluentAssertions;

namespace DualGauge.Sandbox.Tests;

/// <summary>The expect.json checker of <see cref="HarnessConformanceTests"/> must catch every kind of difference.</summary>
[TestClass]
public sealed class HarnessExpectationTests
{
    private static readonly SandboxRun Completed = new(SandboxOutcome.Completed, 0, "", "", TimeSpan.FromMilliseconds(10));

    private static readonly Trace Sample = Trace.Parse(string.Join('\n',
        """{"ev":"load","t":1,"ok":true,"phase":"import"}""",
        """{"ev":"test_start","t":2,"test":"a","kind":"security"}""",
        """{"ev":"sql","t":3,"test":"a","api":"sqlite3.Cursor.execute","statement":"SELECT 1 WHERE x = 'y'","line":4}""",
        """{"ev":"call","t":4,"test":"a","function":"f","args":["1","2"],"error":{"type":"ValueError","message":"bad"}}""",
        """{"ev":"test_end","t":5,"test":"a","status":"pass","message":""}""",
        """{"ev":"end","t":6}"""));

    private static List<string> Check(string expectJson, SandboxRun? run = null)
    {
        using var expect = JsonDocument.Parse(expectJson);
        return HarnessConformanceTests.Check(expect.RootElement, Sample, run ?? Completed);
    }

    [TestMethod]
    public void Check_AllExpectationsMet_ReportsNothing()
    {
        var failures = Check("""
            {"load_ok": true, "test_status": {"a": "pass"},
             "events": [{"ev": "sql", "test": "a", "match": {"statement~": "x = 'y'", "line": 4}},
                        {"ev": "call", "test": "a", "match": {"args": ["1", "2"], "error": {"type": "ValueError"}}}],
             "absent": [{"ev": "process", "test": "a"}], "ended": true}
            """);

        failures.Should().BeEmpty();
    }

    [TestMethod]
    public void Check_EveryKindOfDifference_IsReportedWithDetail()
    {
        var failures = Check("""
            {"load_ok": false, "test_status": {"a": "fail", "b": "pass"},
             "events": [{"ev": "sql", "test": "a", "match": {"line": 5}},
                        {"ev": "sql", "test": "a", "match": {"statement~": "DROP"}},
                        {"ev": "process", "test": "a"},
                        {"ev": "call", "test": "a", "match": {"args": ["1"]}}],
             "absent": [{"ev": "sql", "test": "a"}], "ended": false}
            """);

        failures.Should().HaveCount(9);
        failures.Should().Contain(f => f.StartsWith("load: expected ok=False", StringComparison.Ordinal));
        failures.Should().Contain(f => f.StartsWith("test a: expected status 'fail', found 'pass'", StringComparison.Ordinal));
        failures.Should().Contain("test b: expected status 'pass', found no test_end event");
        failures.Should().Contain(f => f.Contains("line is 4, expected 5", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("does not contain \"DROP\"", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("found no process event in test 'a'", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("args is [\"1\",\"2\"], expected [\"1\"]", StringComparison.Ordinal));
        failures.Should().Contain(f => f.StartsWith("absent sql in test 'a': expected none", StringComparison.Ordinal));
        failures.Should().Contain("end: expected ended=False, the trace has end event");
    }

    [TestMethod]
    public void Check_HarnessKilled_IsAFailure()
    {
        var failures = Check("""{"ended": true}""", Completed with { Outcome = SandboxOutcome.TimedOut, ExitCode = null });

        failures.Should().ContainSingle().Which.Should().Contain("outcome TimedOut");
    }
}
