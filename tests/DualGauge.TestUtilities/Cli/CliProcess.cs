using System.Diagnostics;
using System.Text;

namespace DualGauge.TestUtilities.Cli;

/// <summary>
/// Runs the real <c>dualgauge</c> binary as a separate process. The test project must reference
/// DualGauge.Cli so that <c>dualgauge.dll</c> is built beside the tests.
/// </summary>
public static class CliProcess
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string BenchTasks => Path.Combine(RepositoryRoot, "bench-tasks");

    public static ProcessStartInfo StartInfo(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dualgauge.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["NO_COLOR"] = "1";
        return info;
    }

    /// <param name="environment">Variables to set; a null value removes the variable from the child's environment.</param>
    public static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var info = StartInfo(workingDirectory, args);
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        output.Append(await stdout).Append(await stderr);
        return (process.ExitCode, output.ToString());
    }

    /// <summary>A temporary bench-tasks folder holding copies of the named real tasks.</summary>
    public static string CopyTasks(params string[] ids)
    {
        var root = Path.Combine(Path.GetTempPath(), "dg-cli-" + Guid.NewGuid().ToString("N"), "bench-tasks");
        foreach (var id in ids)
        {
            var source = Directory.EnumerateDirectories(BenchTasks, id, SearchOption.AllDirectories).Single();
            var target = Path.Combine(root, Path.GetFileName(Path.GetDirectoryName(source)!), id);
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                var to = Path.Combine(target, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to);
            }
        }

        return root;
    }

    private static string FindRepositoryRoot()
    {
        var stamped = typeof(CliProcess).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (stamped is not null && File.Exists(Path.Combine(stamped, "DualGauge.sln")))
        {
            return stamped;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DualGauge.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("DualGauge.sln not found above " + AppContext.BaseDirectory);
    }
}
