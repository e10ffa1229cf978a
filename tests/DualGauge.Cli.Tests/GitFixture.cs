using System.Diagnostics;

namespace DualGauge.Cli.Tests;

/// <summary>A real git repository in a temporary folder, with commits made by the real git program.</summary>
internal sealed class GitFixture : IDisposable
{
    public GitFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "dg-check-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Root);
        Git("init", "-q", "-b", "main");
        Git("config", "user.email", "dev@example.invalid");
        Git("config", "user.name", "Dev");
        Git("config", "commit.gpgsign", "false");
        // Each fixture has its own result cache, so runs of different tests never serve each other.
        Cache = Path.Combine(Root + "-cache");
        EmptyTasks = Path.Combine(Root + "-tasks");
        Directory.CreateDirectory(EmptyTasks);
    }

    public string Root { get; }

    public string Cache { get; }

    /// <summary>An empty bench-tasks folder: functions are matched by the probe templates only.</summary>
    public string EmptyTasks { get; }

    public void Write(string path, string text)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text.ReplaceLineEndings("\n"));
    }

    public void WriteBytes(string path, byte[] bytes)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    public string Commit(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "--allow-empty", "-m", message);
        return Git("rev-parse", "HEAD").Trim();
    }

    public string Git(params string[] args)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {error}");
        }

        return output;
    }

    public void Dispose()
    {
        foreach (var folder in new[] { Root, Cache, EmptyTasks })
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
