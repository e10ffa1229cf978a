using DualGauge.TestUtilities.Snippets;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using DualGauge.Snippets;
using DualGauge.Snippets.Widening;
using DualGauge.Core.Tasks;
using FluentAssertions;

namespace DualGauge.Snippets.Tests;

/// <summary>The generated sample and tests files compile with the real host toolchains (python3, node, gcc).</summary>
[TestClass]
public sealed class ProbeCompileTests
{
    [TestMethod]
    [DynamicData(nameof(VulnerableSnippets.Rows), typeof(VulnerableSnippets))]
    public async Task Plan_RepresentativeSnippet_GeneratesCodeThatCompiles(VulnerableSnippets.Case snippet)
    {
        var widened = SnippetWidener.Widen(snippet.Language, snippet.Code, 0, snippet.Code.Split('\n').Length - 1, out _)!;
        var plan = SnippetPlanner.Plan(widened, [], snippet.Language);
        var dir = Directory.CreateTempSubdirectory("dg-probes-");
        try
        {
            var request = plan.Request!;
            var extension = snippet.Language.FileExtension();
            var sample = Path.Combine(dir.FullName, "solution." + extension);
            var tests = Path.Combine(dir.FullName, request.TestsFile.RelativePath);
            await File.WriteAllTextAsync(sample, request.Code);
            await File.WriteAllBytesAsync(tests, request.TestsFile.Content);

            foreach (var file in new[] { sample, tests })
            {
                var (exit, output) = snippet.Language switch
                {
                    Language.Python => await RunAsync("python3", "-m", "py_compile", file),
                    Language.JavaScript => await RunAsync("node", "--check", file),
                    _ => await RunAsync("gcc", "-fsyntax-only", "-Wall", "-Wno-format-security", "-I", HarnessC(), file),
                };
                exit.Should().Be(0, $"{Path.GetFileName(file)} must compile:\n{output}\n--- {Path.GetFileName(file)} ---\n{await File.ReadAllTextAsync(file)}");
            }

            // Every listed test exists in the tests file under the name the harness looks for.
            var text = System.Text.Encoding.UTF8.GetString(request.TestsFile.Content);
            if (snippet.Language == Language.Python)
            {
                // Python tests are registered from the plan at import: import the file and list what it defines.
                var (code, listed) = await RunAsync("python3", "-c", "import runpy,sys; ns=runpy.run_path(sys.argv[1]); print('\\n'.join(k[5:] for k in ns if k.startswith('test_')))", tests);
                code.Should().Be(0, listed);
                listed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Should().BeEquivalentTo(request.Tests.Select(t => t.Id));
                return;
            }

            if (snippet.Language == Language.C)
            {
                // tests.c is the runtime, the probe files and the plan: link it with the sample and the harness and
                // list what it registers (constructors only: no probe runs on the host).
                var exe = Path.Combine(dir.FullName, "dg_tests");
                var (linked, linkOutput) = await RunAsync("gcc", "-std=gnu11", "-I", HarnessC(), "-Dmain=dg_candidate_main", "-c", sample, "-o", exe + "-s.o");
                linked.Should().Be(0, linkOutput);
                (linked, linkOutput) = await RunAsync("gcc", "-std=gnu11", "-Wall", "-Wextra", "-Werror", "-Wno-unused-parameter", "-I", HarnessC(), "-c", tests, "-o", exe + "-t.o");
                linked.Should().Be(0, $"the generated tests.c must compile without warnings:\n{linkOutput}");
                (linked, linkOutput) = await RunAsync("gcc", "-std=gnu11", "-I", HarnessC(), exe + "-s.o", exe + "-t.o", Path.Combine(HarnessC(), "dg_harness.c"), "-o", exe, "-ldl", "-lm");
                linked.Should().Be(0, linkOutput);
                var (code, listed) = await RunAsync(exe, "--list");
                code.Should().Be(0, listed);
                listed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Should().BeEquivalentTo(request.Tests.Select(t => t.Id));
            }

            if (snippet.Language == Language.JavaScript)
            {
                // JavaScript tests are registered from the plan when the file loads: load it as the runner does (a CommonJS
                // module whose require has stand-ins for the sandbox's modules) and list what it exports.
                var (code, listed) = await RunAsync("node", "-e", JsLister, tests);
                code.Should().Be(0, listed);
                listed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Should().BeEquivalentTo(request.Tests.Select(t => t.Id));
                foreach (var test in request.Tests)
                {
                    text.Should().NotContain($"module.exports[\"{test.Id}\"] = async", "no probe code is generated: the runtime registers the plan's tests");
                }

                return;
            }

            foreach (var test in request.Tests)
            {
                text.Should().Contain($"DG_TEST({test.Id})");
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Compiles tests.js as a module (modules the host lacks, like sqlite3, resolve to a stub) and prints its exports, one a line.</summary>
    private const string JsLister = """
        const Module = require('module');
        const fs = require('fs');
        const file = process.argv[1];
        const load = Module._load;
        Module._load = function (request, parent, isMain) {
          try { return load.call(this, request, parent, isMain); } catch (e) { if (e.code === 'MODULE_NOT_FOUND') return {}; throw e; }
        };
        const m = new Module(file, null);
        m.filename = file;
        m.paths = Module._nodeModulePaths(require('path').dirname(file));
        m._compile(fs.readFileSync(file, 'utf8'), file);
        for (const [id, fn] of Object.entries(m.exports)) {
          if (typeof fn !== 'function') throw new Error(`${id} is not a test function`);
          console.log(id);
        }
        """;

    private static string HarnessC([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "..", "server", "DualGauge.Sandbox", "harness", "c"));

    private static async Task<(int Exit, string Output)> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
