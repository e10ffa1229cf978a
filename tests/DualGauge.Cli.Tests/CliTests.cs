using System.Diagnostics;
using System.Text.Json;
using DualGauge.TestUtilities.Cli;
using FluentAssertions;

namespace DualGauge.Cli.Tests;

/// <summary>The real CLI against the real Docker engine and real bench tasks.</summary>
[TestClass]
public sealed class CliTests
{
    private const string SqlTask = "py-product-search-sort";

    [TestMethod]
    public async Task Bench_BundledDefault_WritesEveryReportAndSeparatesThePseudoModels()
    {
        var tasks = CliProcess.CopyTasks(SqlTask);
        var output = Path.Combine(Path.GetDirectoryName(tasks)!, "report");

        var (exit, text) = await CliProcess.RunAsync(Path.GetDirectoryName(tasks)!, null, "bench", "--tasks", tasks, "--parallel", "2", "--out", output);

        exit.Should().Be(0, text);
        foreach (var ext in new[] { "json", "md", "html", "sarif" })
        {
            File.Exists(Path.Combine(output, "report." + ext)).Should().BeTrue($"report.{ext} is written; output:\n{text}");
        }

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "report.json")));
        var models = json.RootElement.GetProperty("summary").GetProperty("byModel").EnumerateArray()
            .ToDictionary(m => m.GetProperty("model").GetString()!, m => (F: m.GetProperty("functionalPercent").GetDouble(), S: m.GetProperty("securePercent").GetDouble()));
        models["reference-secure"].Should().Be((100.0, 100.0));
        models["reference-insecure"].F.Should().Be(100.0);
        models["reference-insecure"].S.Should().Be(0.0);

        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "report.sarif")));
        sarif.RootElement.GetProperty("version").GetString().Should().Be("2.1.0");
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        results.Should().NotBeEmpty().And.OnlyContain(r => r.GetProperty("ruleId").GetString() == "CWE-89");
    }

    [TestMethod]
    public async Task Bench_MinJointGateNotMet_ExitsOneAndSaysWhy()
    {
        var tasks = CliProcess.CopyTasks(SqlTask);

        var (exit, text) = await CliProcess.RunAsync(Path.GetDirectoryName(tasks)!, null, "bench", "--tasks", tasks, "--format", "md", "--out", "r", "--min-joint", "50");

        exit.Should().Be(1, text);
        text.Should().Contain("gate failed").And.Contain("reference-insecure");
    }

    [TestMethod]
    public async Task Eval_InsecureSample_PrintsFailedTestWithEvidence()
    {
        var task = Path.Combine(CliProcess.BenchTasks, "python", SqlTask);
        var insecure = Directory.EnumerateFiles(Path.Combine(task, "references"), "insecure*.py").First();

        var (exit, text) = await CliProcess.RunAsync(CliProcess.RepositoryRoot, null, "eval", insecure, "--task", SqlTask);

        exit.Should().Be(1, text);
        text.Should().Contain("secure      no").And.Contain("FAIL security CWE-89").And.Contain("evidence (trace line");
    }

    [TestMethod]
    public async Task Eval_SampleThatDoesNotCompile_ReportsCompileError()
    {
        var file = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(file, "def search_products(conn, term:\n    return [\n");

        var (exit, text) = await CliProcess.RunAsync(CliProcess.RepositoryRoot, null, "eval", file, "--task", SqlTask);

        exit.Should().Be(1, text);
        text.Should().Contain("CompileError").And.Contain("SyntaxError");
    }

    [TestMethod]
    public async Task Eval_UnknownTask_ExitsTwoNamingIt()
    {
        var (exit, text) = await CliProcess.RunAsync(CliProcess.RepositoryRoot, null, "eval", Path.Combine(CliProcess.RepositoryRoot, "README.md"), "--task", "no-such-task");

        exit.Should().Be(2, text);
        text.Should().Contain("no task no-such-task");
    }

    [TestMethod]
    public async Task Bench_MalformedTaskBesideAGoodOne_SkipsItWithFileAndFieldAndCarriesOn()
    {
        var tasks = CliProcess.CopyTasks(SqlTask);
        var broken = Path.Combine(tasks, "python", "py-broken");
        Directory.CreateDirectory(broken);
        await File.WriteAllTextAsync(Path.Combine(broken, "task.yaml"), "id: py-broken\nlanguage: python\ntitle: x\n");

        var (exit, text) = await CliProcess.RunAsync(Path.GetDirectoryName(tasks)!, null, "bench", "--tasks", tasks, "--format", "json", "--out", "r");

        exit.Should().Be(0, text);
        text.Should().Contain("skipped task").And.Contain("bench-tasks/python/py-broken/task.yaml: entry_point: missing");
        text.Should().Contain("reference-secure");
    }

    [TestMethod]
    public async Task Bench_DockerUnreachable_ExitsThreeNamingEndpointAndFix()
    {
        var tasks = CliProcess.CopyTasks(SqlTask);

        var (exit, text) = await CliProcess.RunAsync(Path.GetDirectoryName(tasks)!, new Dictionary<string, string?> { ["DOCKER_HOST"] = "unix:///tmp/no-docker-here.sock" }, "bench", "--tasks", tasks, "--out", "r");

        exit.Should().Be(3, text);
        text.Should().Contain("unix:///tmp/no-docker-here.sock").And.Contain("DOCKER_HOST");
    }

    [TestMethod]
    public async Task Bench_KilledMidRun_LeavesContainersThatTheNextStartRemoves()
    {
        var tasks = CliProcess.CopyTasks(SqlTask);
        var cwd = Path.GetDirectoryName(tasks)!;
        using var killed = Process.Start(CliProcess.StartInfo(cwd, "bench", "--tasks", tasks, "--parallel", "2", "--out", "r"))!;
        killed.StandardInput.Close();
        _ = killed.StandardError.ReadToEndAsync();
        var deadPid = killed.Id.ToString();
        // Wait until the run has containers (the pool fills before the first sample), then kill it hard.
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (await ContainersOfPidAsync(deadPid) == 0)
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the CLI should have started sandbox containers");
            await Task.Delay(100);
        }

        killed.Kill(entireProcessTree: true);
        await killed.WaitForExitAsync();
        (await ContainersOfPidAsync(deadPid)).Should().BeGreaterThan(0, "a SIGKILLed run cannot clean up after itself");

        using var next = Process.Start(CliProcess.StartInfo(cwd, "bench", "--tasks", tasks, "--format", "json", "--out", "r2"))!;
        next.StandardInput.Close();
        var stdout = next.StandardOutput.ReadToEndAsync();
        var stderr = next.StandardError.ReadToEndAsync();
        await next.WaitForExitAsync();

        next.ExitCode.Should().Be(0, await stdout + await stderr);
        (await ContainersOfPidAsync(deadPid)).Should().Be(0, "the next start removes a dead run's leftovers");
        (await ContainersOfPidAsync(next.Id.ToString())).Should().Be(0, "a finished run leaves no container behind");
    }

    [TestMethod]
    public async Task Bench_SamplesOfTwoModels_ComputesPassAtKPerModel()
    {
        var tasks = CliProcess.CopyTasks(SqlTask);
        var root = Path.GetDirectoryName(tasks)!;
        var references = Path.Combine(tasks, "python", SqlTask, "references");
        var secure = await File.ReadAllTextAsync(Path.Combine(references, "secure.py"));
        var insecure = await File.ReadAllTextAsync(Directory.EnumerateFiles(references, "insecure*.py").First());
        // model-a: two secure samples and one insecure; model-b: one insecure, one that does not compile, one secure.
        string[][] layout = [["model-a", "0", secure], ["model-a", "1", secure], ["model-a", "2", insecure], ["model-b", "0", insecure], ["model-b", "1", "def search_products(:\n"], ["model-b", "2", secure]];
        foreach (var entry in layout)
        {
            var dir = Path.Combine(root, "samples", entry[0], SqlTask);
            Directory.CreateDirectory(dir);
            await File.WriteAllTextAsync(Path.Combine(dir, entry[1] + ".py"), entry[2]);
        }

        var (exit, text) = await CliProcess.RunAsync(root, null, "bench", "--tasks", tasks, "--samples", Path.Combine(root, "samples"), "--format", "json", "--out", "r", "--k", "1", "2");

        exit.Should().Be(0, text);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "r", "report.json")));
        var byModel = json.RootElement.GetProperty("summary").GetProperty("byModel").EnumerateArray().ToDictionary(m => m.GetProperty("model").GetString()!);
        // model-a: n=3, functional c=3, joint c=2 -> secure-pass@1 = 2/3, secure-pass@2 = 1 - C(1,2)/C(3,2) = 1.
        var a = byModel["model-a"].GetProperty("passAtK").EnumerateArray().ToDictionary(p => p.GetProperty("k").GetInt32());
        a[1].GetProperty("pass").GetDouble().Should().BeApproximately(1.0, 1e-9);
        a[1].GetProperty("securePass").GetDouble().Should().BeApproximately(2.0 / 3, 1e-9);
        a[2].GetProperty("securePass").GetDouble().Should().BeApproximately(1.0, 1e-9);
        // model-b: n=3, functional c=2 (one does not compile), joint c=1 -> pass@1 = 2/3, secure-pass@2 = 1 - C(2,2)/C(3,2) = 2/3.
        var b = byModel["model-b"].GetProperty("passAtK").EnumerateArray().ToDictionary(p => p.GetProperty("k").GetInt32());
        b[1].GetProperty("pass").GetDouble().Should().BeApproximately(2.0 / 3, 1e-9);
        b[2].GetProperty("securePass").GetDouble().Should().BeApproximately(2.0 / 3, 1e-9);
        json.RootElement.GetProperty("summary").GetProperty("failures").EnumerateArray()
            .Single(f => f.GetProperty("model").GetString() == "model-b").GetProperty("compileError").GetInt32().Should().Be(1);
    }

    internal static async Task<int> ContainersOfPidAsync(string pid)
    {
        var info = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "ps", "-aq", "--filter", "label=dualgauge.managed=true", "--filter", $"label=dualgauge.host={Environment.MachineName}" })
        {
            info.ArgumentList.Add(arg);
        }

        info.ArgumentList.Add("--filter");
        info.ArgumentList.Add($"label=dualgauge.pid={pid}");

        using var docker = Process.Start(info)!;
        var output = await docker.StandardOutput.ReadToEndAsync();
        await docker.WaitForExitAsync();
        docker.ExitCode.Should().Be(0, "the docker CLI must reach the engine");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
    }
}
