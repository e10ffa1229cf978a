using System.Diagnostics;
using DualGauge.TestUtilities.Lsp;

namespace DualGauge.LanguageServer.Tests.EndToEnd;

/// <summary>
/// A third-party client: headless Neovim (0.7 API: vim.lsp.start_client + buf_attach_client) starts the real
/// server binary, opens an injectable Python file, runs dualgauge.evaluateSelection and waits for CWE-89.
/// This runs the real evaluator in the real Docker sandbox.
/// </summary>
[TestClass]
public sealed class NeovimEndToEndTests
{
    private const string Config = """
        local out = assert(io.open(os.getenv("DG_OUT"), "w"))
        local function log(line)
          out:write(line .. "\n")
          out:flush()
        end
        local finished = false
        local function finish(code)
          if finished then return end
          finished = true
          log("EXIT " .. code)
          out:close()
          vim.cmd("qall!")
        end
        vim.defer_fn(function() log("TIMEOUT"); finish(1) end, tonumber(os.getenv("DG_TIMEOUT_MS")))

        local client_id = vim.lsp.start_client({
          name = "dualgauge",
          cmd = { "dotnet", os.getenv("DG_SERVER"), "--stdio" },
          root_dir = os.getenv("DG_ROOT"),
          init_options = { storagePath = os.getenv("DG_STORAGE"), settings = { debounceMs = 100 } },
          handlers = {
            ["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
              log("PUBLISH " .. #result.diagnostics)
              for _, d in ipairs(result.diagnostics) do
                log("DIAG " .. vim.fn.json_encode(d))
                if d.code == "CWE-89" then finish(0) end
                if d.code == "evaluation-failed" then finish(4) end
              end
            end,
            ["dualgauge/status"] = function(err, result) log("STATUS " .. vim.fn.json_encode(result)) end,
            ["dualgauge/historyChanged"] = function(err, result) log("HISTORY " .. vim.fn.json_encode(result)) end,
            ["window/logMessage"] = function(err, result) log("LOG " .. result.message) end,
          },
          on_init = function(client)
            log("INIT " .. client.server_capabilities.executeCommandProvider.commands[1])
            -- on_init runs before the client counts as initialized; attach on the next tick so didOpen goes out first.
            vim.schedule(function()
              vim.lsp.buf_attach_client(0, client.id)
              local range = { start = { line = 3, character = 0 }, ["end"] = { line = 6, character = 0 } }
              client.request("workspace/executeCommand",
                { command = "dualgauge.evaluateSelection", arguments = { vim.uri_from_bufnr(0), range } },
                function(err, result)
                  if err then log("CMDERR " .. vim.fn.json_encode(err)); finish(2)
                  else log("CMD " .. vim.fn.json_encode(result)) end
                end, 0)
            end)
          end,
          on_exit = function(code) log("SERVER_EXIT " .. code) end,
        })
        if not client_id then log("START_FAILED"); finish(3) end
        """;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task Neovim_EvaluateSelectionOnInjectableQuery_ShowsCwe89Diagnostic()
    {
        var nvim = RequiredServices.FindOnPath("nvim");
        RequiredServices.Require(nvim is not null, "nvim is not on PATH (Debian package neovim)");
        RequiredServices.Require(RequiredServices.DockerAnswers(), "the Docker engine does not answer (`docker version` failed)");
        var root = Path.Combine(Path.GetTempPath(), "dualgauge-nvim-e2e", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var file = Path.Combine(root, "users.py");
        await File.WriteAllTextAsync(file, Samples.InjectablePython);
        var config = Path.Combine(root, "config.lua");
        await File.WriteAllTextAsync(config, Config);
        var output = Path.Combine(root, "out.txt");
        var info = new ProcessStartInfo(nvim!)
        {
            ArgumentList = { "--headless", "-n", "-i", "NONE", "-u", config, file },
            WorkingDirectory = root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["DG_OUT"] = output;
        info.Environment["DG_SERVER"] = ServerBinary.Locate();
        info.Environment["DG_ROOT"] = root;
        info.Environment["DG_STORAGE"] = Path.Combine(root, "storage");
        info.Environment["DG_TIMEOUT_MS"] = "240000";
        info.Environment["HOME"] = root;
        info.Environment["XDG_CONFIG_HOME"] = Path.Combine(root, "xdg-config");
        info.Environment["XDG_DATA_HOME"] = Path.Combine(root, "xdg-data");
        info.Environment["XDG_STATE_HOME"] = Path.Combine(root, "xdg-state");
        info.Environment["XDG_CACHE_HOME"] = Path.Combine(root, "xdg-cache");

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync(TestContext.CancellationToken).WaitAsync(TimeSpan.FromSeconds(280));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        var lines = File.Exists(output) ? await File.ReadAllLinesAsync(output) : [];
        TestContext.WriteLine($"Neovim finished in {stopwatch.Elapsed.TotalSeconds:0.0} s");
        TestContext.WriteLine(string.Join(Environment.NewLine, lines));
        TestContext.WriteLine("nvim stderr: " + await stderr);
        lines.Should().Contain("INIT dualgauge.evaluateSelection");
        // Neovim's json_encode writes `"key": value`; compare without whitespace.
        var cwe = lines.Select(l => l.Replace(" ", "")).Should().Contain(l => l.StartsWith("DIAG") && l.Contains("\"code\":\"CWE-89\"")).Which;
        cwe.Should().Contain("cwe.mitre.org/data/definitions/89.html").And.Contain("\"source\":\"DualGauge\"").And.Contain("\"historyId\":");
        lines.Should().Contain("EXIT 0");
    }
}
