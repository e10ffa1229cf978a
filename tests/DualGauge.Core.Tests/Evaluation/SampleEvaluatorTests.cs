using DualGauge.Core.Evaluation;
using DualGauge.Core.Samples;
using DualGauge.Core.Tasks;
using FluentAssertions;

namespace DualGauge.Core.Tests.Evaluation;

[TestClass]
public sealed class SampleEvaluatorTests
{
    [TestMethod]
    public void BuildJob_NonUtf8Sample_ShipsTheExactBytesAsBase64()
    {
        byte[] bytes = [.. "# -*- coding: latin-1 -*-\ndef f(c, n):\n    return len(\"caf"u8, 0xE9, .. "\")\n"u8];
        var task = BenchRunnerTests.Sample("0").Task;

        var job = SampleEvaluator.BuildJob(EvaluationRequest.ForTask(task, SampleSource.FromBytes(bytes, Language.Python), "m", "0"), new EvaluationOptions());

        job.Sample.Content.Should().BeNull();
        Convert.FromBase64String(job.Sample.Base64!).Should().Equal(bytes);
    }

    [TestMethod]
    public void BuildJob_Utf8Sample_ShipsItAsText()
    {
        var task = BenchRunnerTests.Sample("0").Task;

        var job = SampleEvaluator.BuildJob(EvaluationRequest.ForTask(task, SampleSource.FromBytes("x = 'é'\n"u8.ToArray(), Language.Python), "m", "0"), new EvaluationOptions());

        job.Sample.Content.Should().Be("x = 'é'\n");
        job.Sample.Base64.Should().BeNull();
    }
}
