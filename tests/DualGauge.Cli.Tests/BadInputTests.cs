using System.Diagnostics;
using System.Text;
using System.Text.Json;
using DualGauge.TestUtilities.Cli;
using DualGauge.TestUtilities.Files;
using FluentAssertions;

namespace DualGauge.Cli.Tests;

/// <summary>The real CLI on host-side bad input: real symlinks, FIFOs, sockets, big files, latin-1 bytes and signals.</summary>
[TestClass]
public sealed class BadInputTests
{
    private const string SqlTask = "py-product-search-sort";
    private const string SecretMarker = "DG-SECRET-7f3a9c";

    [TestMethod]
    public async Task Bench_SymlinksOutFifoSocketAndOversizeSample_ReportsEachAsInputErrorAndEvaluatesTheRest()
    {
        var (tasks, root) = Setup();
        var dir = SampleDir(root, "model-a");
        File.Copy(SecureReference(tasks), Path.Combine(dir, "0.py"));
        var secret = Path.Combine(root, "outside", "secret.py");
        Directory.CreateDirectory(Path.GetDirectoryName(secret)!);
        await File.WriteAllTextAsync(secret, $"password = '{SecretMarker}'\n");
        File.CreateSymbolicLink(Path.Combine(dir, "1.py"), secret);
        SpecialFiles.MakeFifo(Path.Combine(dir, "2.py"));
        using var socket = SpecialFiles.MakeSocket(Path.Combine(dir, "3.py"));
        using (var big = File.Create(Path.Combine(dir, "4.py")))
        {
            big.SetLength(2 * 1024 * 1024);
        }

        Directory.CreateDirectory(Path.Combine(root, "samples", "model-b"));
        Directory.CreateSymbolicLink(Path.Combine(root, "samples", "model-b", SqlTask), Path.GetDirectoryName(secret)!);

        var stopwatch = Stopwatch.StartNew();
        var (exit, text) = await CliProcess.RunAsync(root, null, "bench", "--tasks", tasks, "--samples", Path.Combine(root, "samples"), "--out", "r", "--parallel", "1");

        exit.Should().Be(2, "input errors are bad input; output:\n" + text);
        stopwatch.Elapsed.Should().BeLessThan(TimeSpan.FromMinutes(2), "a FIFO must not block the run");
        var flat = Squash(text);
        flat.Should().Contain(Squash($"{Path.Combine(dir, "1.py")}: a symlink to a file outside the samples folder; not read"))
            .And.Contain(Squash($"{Path.Combine(dir, "2.py")}: not a regular file (a FIFO); not read"))
            .And.Contain(Squash($"{Path.Combine(dir, "3.py")}: not a regular file (a socket); not read"))
            .And.Contain(Squash($"{Path.Combine(dir, "4.py")}: 2 MiB (2,097,152 bytes), over the sample size limit of 1 MiB (1,048,576 bytes); not read"))
            .And.Contain(Squash($"{Path.Combine(root, "samples", "model-b", SqlTask)}: a symlink to a directory outside the samples folder; not read"))
            .And.Contain(Squash("5 input error(s)"));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(root, "r", "report.json")));
        json.RootElement.GetProperty("samples").EnumerateArray().Select(s => s.GetProperty("samplePath").GetString()).Should().Equal(Path.Combine(dir, "0.py"));
        json.RootElement.GetProperty("samples")[0].GetProperty("jointPass").GetBoolean().Should().BeTrue();
        json.RootElement.GetProperty("inputErrors").GetArrayLength().Should().Be(5);
        foreach (var report in Directory.EnumerateFiles(Path.Combine(root, "r")))
        {
            (await File.ReadAllTextAsync(report)).Should().NotContain(SecretMarker, $"{Path.GetFileName(report)} must not embed a file outside the samples folder");
        }

        (await File.ReadAllTextAsync(Path.Combine(root, "r", "report.md"))).Should().Contain("## Input errors");
    }

    [TestMethod]
    public async Task Bench_MaxSampleBytesBelowEverySample_ReportsTheLimitAndExitsTwo()
    {
        var (tasks, root) = Setup();
        File.Copy(SecureReference(tasks), Path.Combine(SampleDir(root, "model-a"), "0.py"));

        var (exit, text) = await CliProcess.RunAsync(root, null, "bench", "--tasks", tasks, "--samples", Path.Combine(root, "samples"), "--out", "r", "--max-sample-bytes", "100");

        exit.Should().Be(2, text);
        Squash(text).Should().Contain(Squash("over the sample size limit of 100 bytes; not read")).And.Contain(Squash("nothing to evaluate"));
    }

    [TestMethod]
    public async Task Eval_Fifo_ExitsTwoWithoutOpeningIt()
    {
        var (_, root) = Setup();
        var fifo = Path.Combine(root, "pipe.py");
        SpecialFiles.MakeFifo(fifo);

        var (exit, text) = await CliProcess.RunAsync(root, null, "eval", fifo, "--task", SqlTask);

        exit.Should().Be(2, text);
        Squash(text).Should().Contain(Squash($"{fifo}: not a regular file (a FIFO); not read"));
    }

    [TestMethod]
    public async Task Eval_Latin1PythonSample_ReachesTheSandboxByteForByte()
    {
        var (tasks, root) = Setup();
        var file = Path.Combine(root, "latin1.py");
        await File.WriteAllBytesAsync(file, await Latin1SecureAsync(tasks));

        var (exit, text) = await CliProcess.RunAsync(root, null, "eval", file, "--task", SqlTask, "--tasks", tasks);

        exit.Should().Be(0, "the sample loads only if its bytes arrive unchanged; output:\n" + text);
        Squash(text).Should().Contain(Squash("secure      yes")).And.Contain(Squash("encoding:   not UTF-8: shown decoded as latin-1, per its coding declaration"));
    }

    [TestMethod]
    public async Task Bench_Latin1PythonSample_IsJudgedOnItsBytesAndShownDecoded()
    {
        var (tasks, root) = Setup();
        var path = Path.Combine(SampleDir(root, "model-a"), "0.py");
        await File.WriteAllBytesAsync(path, await Latin1SecureAsync(tasks));

        var (exit, text) = await CliProcess.RunAsync(root, null, "bench", "--tasks", tasks, "--samples", Path.Combine(root, "samples"), "--out", "r", "--format", "json", "html");

        exit.Should().Be(0, text);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(root, "r", "report.json")));
        var sample = json.RootElement.GetProperty("samples")[0];
        sample.GetProperty("jointPass").GetBoolean().Should().BeTrue(sample.GetProperty("failureDetail").ToString());
        sample.GetProperty("source").GetString().Should().Contain("_MARK = \"\u00e9\"");
        sample.GetProperty("sourceNote").GetString().Should().Be("not UTF-8: shown decoded as latin-1, per its coding declaration");
        (await File.ReadAllTextAsync(Path.Combine(root, "r", "report.html"))).Should().Contain("not UTF-8: shown decoded as latin-1");
    }

    [TestMethod]
    [DataRow("TERM", "SIGTERM")]
    [DataRow("INT", "SIGINT")]
    public async Task Bench_SignalAfterTheFirstVerdict_WritesPartialReportsAndExits130(string signal, string name)
    {
        const int Samples = 12;
        var (tasks, root) = Setup();
        var dir = SampleDir(root, "model-a");
        for (var i = 0; i < Samples; i++)
        {
            File.Copy(SecureReference(tasks), Path.Combine(dir, $"{i}.py"));
        }

        using var process = Process.Start(CliProcess.StartInfo(root, "bench", "--tasks", tasks, "--samples", Path.Combine(root, "samples"), "--out", "r", "--parallel", "1"))!;
        process.StandardInput.Close();
        var output = new StringBuilder();
        var firstVerdict = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.StartsWith("evaluating: 1/", StringComparison.Ordinal) == true)
            {
                firstVerdict.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await firstVerdict.Task.WaitAsync(TimeSpan.FromMinutes(3));
        using (var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString()]))
        {
            await kill.WaitForExitAsync();
            kill.ExitCode.Should().Be(0);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        string text;
        lock (output)
        {
            text = output.ToString();
        }

        process.ExitCode.Should().Be(130, text);
        text.Should().Contain($"{name}: stopping");
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(root, "r", "report.json")));
        var partial = json.RootElement.GetProperty("partial");
        partial.GetProperty("reason").GetString().Should().Be($"cancelled by {name}");
        var evaluated = partial.GetProperty("evaluated").GetInt32();
        var notRun = partial.GetProperty("notRun").GetInt32();
        evaluated.Should().BeGreaterThanOrEqualTo(1);
        notRun.Should().BeGreaterThanOrEqualTo(1);
        (evaluated + notRun).Should().Be(Samples);
        var samples = json.RootElement.GetProperty("samples").EnumerateArray().ToList();
        samples.Should().HaveCount(evaluated).And.OnlyContain(s => s.GetProperty("jointPass").GetBoolean(), "every verdict so far is a real one");
        json.RootElement.GetProperty("summary").GetProperty("samples").GetInt32().Should().Be(evaluated);
        (await File.ReadAllTextAsync(Path.Combine(root, "r", "report.md"))).Should().Contain($"**Partial report.** The run was cancelled by {name} after {evaluated} of {Samples} samples; {notRun} were not run");
        (await File.ReadAllTextAsync(Path.Combine(root, "r", "report.html"))).Should().Contain("<p class=\"partial\">");
        using var sarif = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(root, "r", "report.sarif")));
        sarif.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean().Should().BeFalse();
        (await CliTests.ContainersOfPidAsync(process.Id.ToString())).Should().Be(0, "a cancelled run still removes its containers");
    }

    private static (string Tasks, string Root) Setup()
    {
        var tasks = CliProcess.CopyTasks(SqlTask);
        return (tasks, Path.GetDirectoryName(tasks)!);
    }

    private static string SampleDir(string root, string model)
    {
        var dir = Path.Combine(root, "samples", model, SqlTask);
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string SecureReference(string tasks) => Path.Combine(tasks, "python", SqlTask, "references", "secure.py");

    /// <summary>
    /// The secure reference behind a latin-1 declaration and a literal holding the single byte 0xE9: Python reads
    /// it as one character only if the bytes arrive unchanged (a UTF-8 "repair" makes it 3, a re-encoding 2).
    /// </summary>
    private static async Task<byte[]> Latin1SecureAsync(string tasks)
    {
        var secure = await File.ReadAllBytesAsync(SecureReference(tasks));
        byte[] prelude = [.. "# -*- coding: latin-1 -*-\n_MARK = \""u8, 0xE9, .. "\"\nif len(_MARK) != 1:\n    raise ImportError(\"the sample's bytes changed on the way: len(_MARK) is %d\" % len(_MARK))\n"u8];
        return [.. prelude, .. secure];
    }

    /// <summary>
    /// Without whitespace: the console wraps long lines at 80 columns when not on a terminal, sometimes dropping
    /// the space it breaks at, so console text is compared squashed.
    /// </summary>
    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
