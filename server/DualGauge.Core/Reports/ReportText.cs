using System.Globalization;
using DualGauge.Core.Metrics;
using DualGauge.Core.Verdicts;

namespace DualGauge.Core.Reports;

/// <summary>Wording and number formats shared by the human-readable reports, so they never disagree.</summary>
public static class ReportText
{
    public static string FailureLabel(SampleFailure failure) => failure switch
    {
        SampleFailure.None => "none",
        SampleFailure.CompileError => "compile error",
        SampleFailure.Timeout => "timeout",
        SampleFailure.Crash => "crash",
        SampleFailure.OutputFlood => "output flood",
        SampleFailure.OutOfMemory => "out of memory",
        SampleFailure.SandboxError => "sandbox error",
        SampleFailure.Tampered => "tampered",
        SampleFailure.DiskFull => "disk full",
        _ => failure.ToString(),
    };

    public static string StatusLabel(TestStatus status) => status switch
    {
        TestStatus.Passed => "passed",
        TestStatus.Failed => "failed",
        TestStatus.TimedOut => "timed out",
        TestStatus.Crashed => "crashed",
        TestStatus.NotRun => "not run",
        TestStatus.NotJudged => "not judged",
        _ => status.ToString(),
    };

    /// <summary>A share in percent with one decimal, e.g. <c>66.7</c>.</summary>
    public static string Percent(double percent) => percent.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>A probability with three decimals, e.g. <c>0.733</c>.</summary>
    public static string Probability(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan duration) =>
        duration.TotalSeconds < 1 ? $"{duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms"
        : duration.TotalMinutes < 1 ? $"{duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s"
        : duration.TotalHours < 1 ? $"{duration.Minutes}m {duration.Seconds:00}s"
        : $"{(int)duration.TotalHours}h {duration.Minutes:00}m {duration.Seconds:00}s";

    public static string Timestamp(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm:ss 'UTC'zzz", CultureInfo.InvariantCulture);

    /// <summary>model/task/sample, the name a sample goes by in every report.</summary>
    public static string SampleName(SampleVerdict verdict) => $"{verdict.Model}/{verdict.TaskId}/{verdict.SampleId}";

    /// <summary>The mark of a sample whose verdict was reached with accepted agentic harness glue around its code.</summary>
    public const string GlueAdapted = "glue-adapted";

    /// <summary><see cref="SampleName"/>, followed by "(glue-adapted)" when the sample ran with accepted glue.</summary>
    public static string SampleLabel(BenchReport report, SampleVerdict verdict) =>
        report.IsGlueAdapted(verdict) ? $"{SampleName(verdict)} ({GlueAdapted})" : SampleName(verdict);

    /// <summary>"N sample(s) (model: n, ...)" of the glue-adapted samples, or null when there are none.</summary>
    public static string? GlueAdaptedSummary(BenchReport report)
    {
        var adapted = report.Verdicts.Where(report.IsGlueAdapted).ToList();
        if (adapted.Count == 0)
        {
            return null;
        }

        var byModel = string.Join(", ", adapted.GroupBy(v => v.Model, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}"));
        return $"{adapted.Count} sample{(adapted.Count == 1 ? "" : "s")} ({byModel}) ran with harness glue the agentic executor added ({GlueAdapted}); their verdicts count in these metrics";
    }

    /// <summary>The CWE a failed security test is filed under: its own, else the task's first.</summary>
    public static string? CweOf(SampleVerdict verdict, TestResult test) =>
        test.Test.Cwe is { } own ? Cwe.Normalize(own) : verdict.Cwes.Select(Cwe.Normalize).FirstOrDefault();

    /// <summary>What went wrong in a failed test, in one line: its findings, else its message, else its status.</summary>
    public static string FailureMessage(TestResult test)
    {
        if (test.Findings.Count > 0)
        {
            return string.Join("; ", test.Findings.Select(f => f.Message));
        }

        return string.IsNullOrWhiteSpace(test.Message) ? StatusLabel(test.Status) : test.Message;
    }

    /// <summary>The first line of a possibly multi-line text, capped.</summary>
    public static string FirstLine(string? text, int max = 300)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var line = text.Split('\n')[0].TrimEnd('\r');
        return line.Length <= max ? line : string.Concat(line.AsSpan(0, max), "…");
    }
}
