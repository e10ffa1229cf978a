using System.Diagnostics;
using Nerdbank.Streams;

namespace DualGauge.TestUtilities.Lsp;

/// <summary>The real server binary, started over stdio the way an editor starts it.</summary>
public sealed class ServerBinary : IAsyncDisposable
{
    /// <summary>Overrides which server dll end-to-end tests run.</summary>
    public const string PathVariable = "DUALGAUGE_SERVER_PATH";

    private ServerBinary(Process process, LspTestClient client)
    {
        Process = process;
        Client = client;
    }

    public Process Process { get; }

    public LspTestClient Client { get; }

    /// <summary>DUALGAUGE_SERVER_PATH, else the copy the test project's build places beside the tests.</summary>
    public static string Locate()
    {
        var path = Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "dualgauge-languageserver.dll");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The language server binary is not at {path}; build the test project or set {PathVariable}.", path);
        }

        if (!File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json")))
        {
            throw new FileNotFoundException($"{path} has no runtimeconfig.json beside it, so `dotnet {Path.GetFileName(path)}` cannot start it.");
        }

        return path;
    }

    public static ServerBinary Start(IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Locate(), "--stdio" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var duplex = FullDuplexStream.Splice(process.StandardOutput.BaseStream, process.StandardInput.BaseStream);
        return new ServerBinary(process, new LspTestClient(duplex));
    }

    /// <summary>Resident set size of the server process, from /proc (Linux).</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{Process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kb = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                return kb * 1024;
            }
        }

        throw new InvalidOperationException("VmRSS not found in /proc status");
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            try
            {
                await Client.ShutdownAndExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
                await Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception ex) when (ex is TimeoutException or StreamJsonRpc.ConnectionLostException or IOException or ObjectDisposedException)
            {
            }
        }

        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        await Client.DisposeAsync();
        Process.Dispose();
    }
}
