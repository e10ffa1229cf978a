using System.Diagnostics;
using System.Text;

namespace DualGauge.Snippets.Checking;

/// <summary>Bad input to <c>dualgauge check</c>: not a repository, an unknown revision, a missing path.</summary>
public sealed class CheckInputException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// A git repository read through the <c>git</c> program (argument lists, never a shell), with its configuration's
/// external diff drivers, colours and pagers switched off so the output is always the plain machine format.
/// </summary>
public sealed class GitRepository
{
    /// <summary>The empty tree: the base of a repository with no commit yet.</summary>
    public const string EmptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

    private GitRepository(string root) => Root = root;

    /// <summary>The working tree's top folder.</summary>
    public string Root { get; }

    /// <exception cref="CheckInputException">Not inside a git working tree, or git is missing.</exception>
    public static GitRepository Open(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new CheckInputException($"{folder}: no such folder");
        }

        var (code, output, error) = RunRaw(folder, ["rev-parse", "--show-toplevel"]);
        if (code != 0)
        {
            throw new CheckInputException($"{folder}: not inside a git repository ({FirstLine(error)})");
        }

        return new GitRepository(Encoding.UTF8.GetString(output).TrimEnd('\n', '\r'));
    }

    /// <summary>The full commit id of a revision.</summary>
    /// <exception cref="CheckInputException">The revision does not name a commit.</exception>
    public string ResolveCommit(string revision)
    {
        var (code, output, error) = RunRaw(Root, ["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"]);
        if (code != 0)
        {
            throw new CheckInputException($"'{revision}' is not a commit of {Root}{(error.Length > 0 ? " (" + FirstLine(error) + ")" : "")}");
        }

        return Encoding.UTF8.GetString(output).Trim();
    }

    /// <summary>The commit HEAD forked from <paramref name="base"/> at, or null when they share no history.</summary>
    public string? MergeBase(string @base, string head)
    {
        var (code, output, _) = RunRaw(Root, ["merge-base", @base, head]);
        return code == 0 ? Encoding.UTF8.GetString(output).Trim() : null;
    }

    public bool HasCommits() => RunRaw(Root, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]).Code == 0;

    /// <summary>The number of parents of a commit (2 or more for a merge).</summary>
    public int ParentCount(string commit) =>
        Run(["rev-list", "--parents", "-n", "1", commit]).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length - 1;

    /// <summary>
    /// Reads many blobs with one <c>git cat-file --batch</c>: each blob's bytes, or null when it is larger than
    /// <paramref name="maxBytes"/> (its size is then in <paramref name="sizes"/>) or missing.
    /// </summary>
    public IReadOnlyDictionary<string, byte[]?> ReadBlobs(IReadOnlyCollection<string> blobs, long maxBytes, out IReadOnlyDictionary<string, long> sizes)
    {
        var contents = new Dictionary<string, byte[]?>(StringComparer.Ordinal);
        var sizeOf = new Dictionary<string, long>(StringComparer.Ordinal);
        sizes = sizeOf;
        if (blobs.Count == 0)
        {
            return contents;
        }

        // --batch-check first (sizes only), so an oversized blob is never read into memory.
        var check = Encoding.UTF8.GetString(RunChecked(["cat-file", "--batch-check"], string.Join('\n', blobs) + "\n"));
        var wanted = new List<string>();
        foreach (var line in check.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            if (parts.Length == 3 && long.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size))
            {
                sizeOf[parts[0]] = size;
                if (size <= maxBytes)
                {
                    wanted.Add(parts[0]);
                }
            }
        }

        var batch = RunChecked(["cat-file", "--batch"], string.Join('\n', wanted) + "\n");
        var at = 0;
        while (at < batch.Length)
        {
            var newline = Array.IndexOf(batch, (byte)'\n', at);
            if (newline < 0)
            {
                break;
            }

            var header = Encoding.UTF8.GetString(batch, at, newline - at).Split(' ');
            at = newline + 1;
            if (header.Length != 3 || !int.TryParse(header[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length))
            {
                continue;
            }

            contents[header[0]] = batch.AsSpan(at, length).ToArray();
            at += length + 1;
        }

        foreach (var blob in blobs.Where(b => !contents.ContainsKey(b)))
        {
            contents[blob] = null;
        }

        return contents;
    }

    /// <summary>Runs git and returns stdout as UTF-8 text.</summary>
    /// <exception cref="CheckInputException">git failed; the message has its error.</exception>
    public string Run(IReadOnlyList<string> arguments) => Encoding.UTF8.GetString(RunChecked(arguments));

    public byte[] RunChecked(IReadOnlyList<string> arguments, string? input = null)
    {
        var (code, output, error) = RunRaw(Root, arguments, input);
        if (code != 0)
        {
            throw new CheckInputException($"git {string.Join(' ', arguments)} failed in {Root}: {FirstLine(error)}");
        }

        return output;
    }

    private static (int Code, byte[] Output, string Error) RunRaw(string folder, IReadOnlyList<string> arguments, string? input = null)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardInputEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
        };
        foreach (var option in new[] { "-c", "core.quotePath=false", "-c", "color.ui=never", "--no-pager" })
        {
            start.ArgumentList.Add(option);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["LC_ALL"] = "C";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new CheckInputException("git could not be started");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new CheckInputException($"git is not installed or not on PATH ({ex.Message}); dualgauge check reads changes with git", ex);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new CheckInputException($"{folder}: no such folder", ex);
        }

        using (process)
        {
            var inputTask = Task.Run(() =>
            {
                if (input is not null)
                {
                    process.StandardInput.Write(input);
                }

                process.StandardInput.Close();
            });
            var errorTask = process.StandardError.ReadToEndAsync();
            using var buffer = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(buffer);
            process.WaitForExit();
            inputTask.GetAwaiter().GetResult();
            return (process.ExitCode, buffer.ToArray(), errorTask.GetAwaiter().GetResult());
        }
    }

    private static string FirstLine(string text)
    {
        var line = text.Trim().Split('\n', 2)[0].Trim();
        return line.Length == 0 ? "no message" : line;
    }
}
