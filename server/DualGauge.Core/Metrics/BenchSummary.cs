namespace DualGauge.Core.Metrics;

/// <summary>pass@k, secure@k and secure-pass@k for one k, each averaged over the tasks of a group.</summary>
/// <param name="K">Samples drawn per task.</param>
/// <param name="Pass">pass@k: at least one of k samples passes every functional test.</param>
/// <param name="Secure">secure@k: at least one of k samples passes every security test.</param>
/// <param name="SecurePass">secure-pass@k: at least one of k samples passes every test.</param>
public sealed record PassAtKValues(int K, double Pass, double Secure, double SecurePass);

/// <summary>Metrics of one group of samples: a model, a model and a language, or a model and a CWE.</summary>
/// <param name="Model">The model.</param>
/// <param name="Language">The language id (python, javascript, c, cpp) when grouped by language, else null.</param>
/// <param name="Cwe">The CWE (e.g. CWE-89) when grouped by CWE, else null.</param>
/// <param name="Tasks">Distinct tasks in the group.</param>
/// <param name="Samples">Samples in the group.</param>
/// <param name="FunctionalPasses">Samples that passed every functional test.</param>
/// <param name="SecurePasses">Samples that passed every security test.</param>
/// <param name="JointPasses">Samples that passed every test.</param>
/// <param name="FunctionalPercent">Share of samples that passed every functional test, 0..100.</param>
/// <param name="SecurePercent">Share of samples that passed every security test, 0..100.</param>
/// <param name="JointPercent">Share of samples that passed every test, 0..100.</param>
/// <param name="PassAtK">One entry per k that is at most the smallest sample count of any task in the group.</param>
public sealed record GroupMetrics(
    string Model,
    string? Language,
    string? Cwe,
    int Tasks,
    int Samples,
    int FunctionalPasses,
    int SecurePasses,
    int JointPasses,
    double FunctionalPercent,
    double SecurePercent,
    double JointPercent,
    IReadOnlyList<PassAtKValues> PassAtK)
{
    public PassAtKValues? AtK(int k) => PassAtK.FirstOrDefault(p => p.K == k);
}

/// <summary>Why samples of one model failed as a whole, and how many tests timed out or crashed.</summary>
/// <param name="Model">The model.</param>
/// <param name="CompileError">Samples that did not compile or load.</param>
/// <param name="Timeout">Samples whose whole job hit the wall-clock limit.</param>
/// <param name="Crash">Samples whose harness died before finishing its trace.</param>
/// <param name="OutputFlood">Samples that wrote more output than the sandbox captures.</param>
/// <param name="OutOfMemory">Samples killed for exceeding the memory limit.</param>
/// <param name="SandboxError">Samples the sandbox failed to run (not the sample's fault).</param>
/// <param name="TestTimeouts">Single tests that timed out inside samples that otherwise ran.</param>
/// <param name="TestCrashes">Single tests whose process died inside samples that otherwise ran.</param>
public sealed record FailureCounts(
    string Model,
    int CompileError,
    int Timeout,
    int Crash,
    int OutputFlood,
    int OutOfMemory,
    int SandboxError,
    int TestTimeouts,
    int TestCrashes)
{
    /// <summary>Samples that failed as a whole, for any reason.</summary>
    public int Samples => CompileError + Timeout + Crash + OutputFlood + OutOfMemory + SandboxError;
}

/// <summary>How often one test of one task failed.</summary>
/// <param name="Cwe">The CWE the test probes (security tests), else null.</param>
/// <param name="TaskId">The task.</param>
/// <param name="TestId">The test.</param>
/// <param name="Kind">functional or security.</param>
/// <param name="Runs">Samples the test actually ran on (a test that never ran because its sample did not load is not counted).</param>
/// <param name="Failures">Samples that failed it.</param>
/// <param name="FailuresByModel">Failures per model (models with none are left out).</param>
public sealed record TestFailureStats(
    string? Cwe,
    string TaskId,
    string TestId,
    string Kind,
    int Runs,
    int Failures,
    IReadOnlyDictionary<string, int> FailuresByModel);

/// <summary>Everything a report states about a benchmark run, computed from the sample verdicts alone.</summary>
/// <param name="Ks">The ks requested (each group reports those at most its smallest per-task sample count).</param>
/// <param name="Models">Models in order of first appearance.</param>
/// <param name="Tasks">Distinct tasks over all models.</param>
/// <param name="Samples">All samples.</param>
/// <param name="ByModel">One entry per model.</param>
/// <param name="ByModelLanguage">One entry per model and language.</param>
/// <param name="ByModelCwe">One entry per model and CWE; a task counts under each of its CWEs.</param>
/// <param name="Failures">Failure reasons per model.</param>
/// <param name="TestFailures">Every test judged at least once, ordered by CWE (security tests first), task and test.</param>
public sealed record BenchSummary(
    IReadOnlyList<int> Ks,
    IReadOnlyList<string> Models,
    int Tasks,
    int Samples,
    IReadOnlyList<GroupMetrics> ByModel,
    IReadOnlyList<GroupMetrics> ByModelLanguage,
    IReadOnlyList<GroupMetrics> ByModelCwe,
    IReadOnlyList<FailureCounts> Failures,
    IReadOnlyList<TestFailureStats> TestFailures)
{
    public GroupMetrics? Model(string model) => ByModel.FirstOrDefault(m => m.Model == model);
}
