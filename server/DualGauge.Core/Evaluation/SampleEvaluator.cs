using System.Diagnostics;
using System.Text;
using DualGauge.Core.Execution;
using DualGauge.Core.Samples;
using DualGauge.Core.Tasks;
using DualGauge.Core.Traces;
using DualGauge.Core.Verdicts;

namespace DualGauge.Core.Evaluation;

/// <summary>Runs a sample against its dual tests in the sandbox and judges the trace into a verdict.</summary>
public sealed class SampleEvaluator(ISandbox sandbox, EvaluationOptions? options = null)
{
    public EvaluationOptions Options { get; } = options ?? new EvaluationOptions();

    public Task<SampleVerdict> EvaluateAsync(BenchTask task, string code, string model, string sampleId, string? samplePath, CancellationToken cancellationToken) =>
        EvaluateAsync(EvaluationRequest.ForTask(task, code, model, sampleId, samplePath), cancellationToken);

    public Task<SampleVerdict> EvaluateAsync(BenchTask task, SampleSource source, string model, string sampleId, string? samplePath, CancellationToken cancellationToken) =>
        EvaluateAsync(EvaluationRequest.ForTask(task, source, model, sampleId, samplePath), cancellationToken);

    /// <exception cref="SandboxUnavailableException">The sandbox cannot be reached; nothing was judged.</exception>
    public async Task<SampleVerdict> EvaluateAsync(EvaluationRequest request, CancellationToken cancellationToken)
    {
        var job = BuildJob(request, Options);
        var stopwatch = Stopwatch.StartNew();
        var run = await sandbox.RunAsync(
            new SandboxJob(request.Language, job.ToUtf8Json(), Options.JobTimeout(request.Tests.Count), Options.MaxTraceBytes),
            cancellationToken).ConfigureAwait(false);
        return VerdictJudge.Judge(request, run, stopwatch.Elapsed, job.Nonce);
    }

    public static HarnessJob BuildJob(EvaluationRequest request, EvaluationOptions options) => new()
    {
        Nonce = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)),
        Language = request.Language.Id(),
        EntryPoint = request.EntryPoint,
        Sample = ToHarnessFile("solution." + request.Language.FileExtension(), request.Source),
        TestsFile = ToHarnessFile(request.TestsFile),
        Files = request.Fixtures.Select(ToHarnessFile).ToList(),
        Tests = request.Tests.Select(t => new HarnessTest(t.Id, t.Kind == TestKind.Security ? "security" : "functional")).ToList(),
        TestTimeoutMs = (int)options.TestTimeout.TotalMilliseconds,
        OutputCapBytes = options.CandidateOutputCapBytes,
    };

    /// <summary>UTF-8 code goes as text; anything else as base64, so the harness writes the very bytes that were read.</summary>
    private static HarnessFile ToHarnessFile(string path, SampleSource source) =>
        source.AsUtf8() is { } text
            ? new HarnessFile(path, Content: text)
            : new HarnessFile(path, Base64: Convert.ToBase64String(source.Span));

    private static HarnessFile ToHarnessFile(TaskFile file)
    {
        try
        {
            var text = new UTF8Encoding(false, true).GetString(file.Content);
            return new HarnessFile(file.RelativePath, Content: text);
        }
        catch (DecoderFallbackException)
        {
            return new HarnessFile(file.RelativePath, Base64: Convert.ToBase64String(file.Content));
        }
    }
}
