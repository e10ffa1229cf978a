using System.Text;
using DualGauge.Core.Execution;
using DualGauge.Sandbox.Tests.Infrastructure;
using FluentAssertions;

namespace DualGauge.Sandbox.Tests;

/// <summary>The locked-down container, probed from inside with real commands.</summary>
[TestClass]
public sealed class IsolationTests
{
    public TestContext TestContext { get; set; } = null!;

    private Task<SandboxRun> Sh(string script, int timeoutSeconds = 20, int maxOutputBytes = 1024 * 1024) =>
        SandboxFixture.Sandbox.ExecuteAsync(["sh", "-c", script], ReadOnlyMemory<byte>.Empty, TimeSpan.FromSeconds(timeoutSeconds), maxOutputBytes, TestContext.CancellationToken);

    private Task<SandboxRun> Python(string code, int timeoutSeconds = 20, int maxOutputBytes = 1024 * 1024) =>
        SandboxFixture.Sandbox.ExecuteAsync(["python3", "-c", code], ReadOnlyMemory<byte>.Empty, TimeSpan.FromSeconds(timeoutSeconds), maxOutputBytes, TestContext.CancellationToken);

    private async Task AssertSandboxStillWorksAsync()
    {
        var run = await Sh("echo alive");
        run.Outcome.Should().Be(SandboxOutcome.Completed, "the next job must run normally after a misbehaving one");
        run.Stdout.Trim().Should().Be("alive");
    }

    [TestMethod]
    public async Task Execute_NetworkProbe_OnlyLoopbackAndNoRoute()
    {
        // No packet can leave: a namespace with only "lo" and no route. The connect goes to a TEST-NET-1
        // (documentation) address and fails locally with ENETUNREACH before anything is sent.
        var run = await Python("""
            import socket, errno
            print("ifaces", ",".join(sorted(n for _, n in socket.if_nameindex())))
            routes = open("/proc/net/route").read().splitlines()[1:]
            print("routes", len(routes))
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.settimeout(2)
            try:
                s.connect(("192.0.2.1", 9))
                print("connect ok")
            except OSError as e:
                print("connect", errno.errorcode.get(e.errno, e.errno))
            """);

        run.Outcome.Should().Be(SandboxOutcome.Completed, run.Stderr);
        run.Stdout.Should().Contain("ifaces lo\n").And.Contain("routes 0\n").And.Contain("connect ENETUNREACH");
    }

    [TestMethod]
    public async Task Execute_WritesOutsideTmp_AreRefused()
    {
        var run = await Sh("""
            for p in /x /etc/x /usr/x /opt/dualgauge/x /var/tmp/x /home/x /root/x /dev/shm/x; do
              if (echo data > "$p") 2>/dev/null; then echo "WROTE $p"; else echo "refused $p"; fi
            done
            echo data > /tmp/ok && echo "tmp ok"
            """);

        run.Outcome.Should().Be(SandboxOutcome.Completed, run.Stderr);
        run.Stdout.Should().NotContain("WROTE", "the root filesystem is read-only and /dev/shm is closed");
        run.Stdout.Should().Contain("refused /etc/x").And.Contain("refused /dev/shm/x").And.Contain("tmp ok");
    }

    [TestMethod]
    public async Task Execute_RootFilesystem_IsMountedReadOnly()
    {
        var run = await Sh("awk '$2 == \"/\" {print \"root \" $4} $2 == \"/tmp\" {print \"tmp \" $3 \" \" $4}' /proc/mounts; ls -ld /var/tmp; touch /var/tmp/probe 2>&1 || true");

        run.Stdout.Should().MatchRegex(@"root ro[,\n]");
        run.Stdout.Should().MatchRegex(@"tmp tmpfs rw,nosuid,nodev,.*size=65536k");
        run.Stdout.Should().NotContain("noexec", "compiled C samples run from /tmp");
        run.Stdout.Should().Contain("Read-only file system");
    }

    [TestMethod]
    public async Task Execute_Tmp_IsWritableAndExecutable()
    {
        var run = await Sh("printf '#!/bin/sh\\necho ran-from-tmp\\n' > /tmp/s.sh && chmod +x /tmp/s.sh && /tmp/s.sh && echo \"home=$HOME cwd=$(pwd)\"");

        run.Stdout.Should().Contain("ran-from-tmp").And.Contain("home=/tmp cwd=/tmp");
    }

    [TestMethod]
    public async Task Execute_Identity_IsNobodyWithNoCapabilities()
    {
        var run = await Sh("id -u; id -g; grep -E '^(CapInh|CapPrm|CapEff|CapBnd|CapAmb|NoNewPrivs)' /proc/self/status");

        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines[0].Should().Be("65534");
        lines[1].Should().Be("65534");
        foreach (var cap in new[] { "CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb" })
        {
            lines.Should().Contain(l => l.StartsWith(cap + ":", StringComparison.Ordinal) && l.EndsWith("0000000000000000", StringComparison.Ordinal),
                $"{cap} must be empty (CapDrop ALL)");
        }

        lines.Should().Contain(l => l.StartsWith("NoNewPrivs:", StringComparison.Ordinal) && l.EndsWith('1'));
    }

    [TestMethod]
    public async Task Execute_ForkBomb_IsStoppedByPidsLimit()
    {
        var run = await Python("""
            import os, time
            children = []
            try:
                for _ in range(1000):
                    pid = os.fork()
                    if pid == 0:
                        time.sleep(30)
                        os._exit(0)
                    children.append(pid)
                print("forked", len(children), "no limit")
            except OSError as e:
                print("stopped after", len(children), type(e).__name__)
            for pid in children:
                os.kill(pid, 9)
            """);

        run.Outcome.Should().Be(SandboxOutcome.Completed, run.Stderr);
        run.Stdout.Should().MatchRegex(@"stopped after \d+ BlockingIOError");
        var forked = int.Parse(run.Stdout.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
        forked.Should().BeLessThan((int)SandboxFixture.Sandbox.Options.PidsLimit);
        await AssertSandboxStillWorksAsync();
    }

    [TestMethod]
    public async Task Execute_MemoryHog_IsOutOfMemory()
    {
        var run = await Python("""
            chunks = []
            while True:
                chunks.append(bytearray(16 * 1024 * 1024))
            """, timeoutSeconds: 30);

        run.Outcome.Should().Be(SandboxOutcome.OutOfMemory, $"exit {run.ExitCode}, stderr {run.Stderr}");
        run.ExitCode.Should().Be(137);
        await AssertSandboxStillWorksAsync();
    }

    [TestMethod]
    public async Task Execute_ChildMemoryHog_CompletesWithOomDetail()
    {
        // The harness shape: a parent that isolates work in a child survives the child's OOM kill.
        var run = await Python("""
            import os, signal
            pid = os.fork()
            if pid == 0:
                chunks = []
                while True:
                    chunks.append(bytearray(16 * 1024 * 1024))
            _, status = os.waitpid(pid, 0)
            print("child signal", os.WTERMSIG(status) if os.WIFSIGNALED(status) else None)
            """, timeoutSeconds: 30);

        run.Outcome.Should().Be(SandboxOutcome.Completed, run.Stderr);
        run.ExitCode.Should().Be(0);
        run.Stdout.Trim().Should().Be("child signal 9");
        run.Detail.Should().Contain("OOM killer");
    }

    [TestMethod]
    public async Task Execute_InfiniteLoop_TimesOut()
    {
        var run = await Sh("while :; do :; done", timeoutSeconds: 2);

        run.Outcome.Should().Be(SandboxOutcome.TimedOut);
        run.ExitCode.Should().BeNull();
        run.Duration.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1.9)).And.BeLessThan(TimeSpan.FromSeconds(6));
        await AssertSandboxStillWorksAsync();
    }

    [TestMethod]
    public async Task Execute_OutputFlood_IsCutAtTheCap()
    {
        const int cap = 1024 * 1024;
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var run = await Sh("head -c 100000000 /dev/zero | tr '\\0' 'x'; echo finished-flood", maxOutputBytes: cap);

        run.Outcome.Should().Be(SandboxOutcome.OutputLimitExceeded);
        (run.Stdout.Length + run.Stderr.Length).Should().Be(cap, "exactly the cap is kept");
        run.Stdout.Should().NotContain("finished-flood");
        run.Duration.Should().BeLessThan(TimeSpan.FromSeconds(10));
        (GC.GetTotalMemory(forceFullCollection: true) - before).Should().BeLessThan(20L * 1024 * 1024, "the host keeps no more than the cap");
        await AssertSandboxStillWorksAsync();
    }

    [TestMethod]
    public async Task Execute_Stdin_ReachesTheCommandAndIsClosed()
    {
        var payload = Encoding.UTF8.GetBytes("{\"hello\": \"wörld\"}");
        var run = await SandboxFixture.Sandbox.ExecuteAsync(["sh", "-c", "cat; echo; echo eof-seen >&2"], payload, TimeSpan.FromSeconds(10), 4096, TestContext.CancellationToken);

        run.Outcome.Should().Be(SandboxOutcome.Completed);
        run.ExitCode.Should().Be(0);
        run.Stdout.Trim().Should().Be("{\"hello\": \"wörld\"}");
        run.Stderr.Trim().Should().Be("eof-seen", "stdout and stderr are demultiplexed");
    }

    [TestMethod]
    public async Task Execute_NonZeroExit_IsReportedAsCompleted()
    {
        var run = await Sh("exit 7");

        run.Outcome.Should().Be(SandboxOutcome.Completed);
        run.ExitCode.Should().Be(7);
    }

    [TestMethod]
    public async Task Execute_TwoJobs_NeverShareFiles()
    {
        var first = await Sh("echo secret > /tmp/left-behind; hostname");
        var second = await Sh("ls /tmp; cat /tmp/left-behind 2>&1; hostname");

        first.Outcome.Should().Be(SandboxOutcome.Completed);
        second.Stdout.Should().NotContain("secret").And.Contain("No such file");
        var firstHost = first.Stdout.Trim();
        second.Stdout.Trim().Split('\n')[^1].Should().NotBe(firstHost, "every job gets its own container");
    }

    [TestMethod]
    public async Task Execute_ConcurrentCallers_EachGetTheirOwnContainer()
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Sh($"echo {i} > /tmp/id; sleep 0.3; echo $(cat /tmp/id) $(hostname)")));

        runs.Should().OnlyContain(r => r.Outcome == SandboxOutcome.Completed);
        var lines = runs.Select(r => r.Stdout.Trim()).ToList();
        lines.Select(l => l.Split(' ')[0]).Should().BeEquivalentTo(["0", "1", "2", "3", "4", "5"], "no job saw another's file");
        lines.Select(l => l.Split(' ')[1]).Should().OnlyHaveUniqueItems("no container served two jobs");
    }

    [TestMethod]
    public async Task Execute_Cancelled_ThrowsAndKills()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(800));
        var act = () => SandboxFixture.Sandbox.ExecuteAsync(["sleep", "30"], ReadOnlyMemory<byte>.Empty, TimeSpan.FromSeconds(60), 4096, cancel.Token);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await act.Should().ThrowAsync<OperationCanceledException>();
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        await AssertSandboxStillWorksAsync();
    }
}
