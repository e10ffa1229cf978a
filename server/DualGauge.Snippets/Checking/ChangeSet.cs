using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DualGauge.Core.Samples;
using DualGauge.Core.Tasks;

namespace DualGauge.Snippets.Checking;

/// <summary>A source file to check, with the lines a change touched (null: every line counts).</summary>
/// <param name="Path">Repository-relative, with forward slashes.</param>
/// <param name="ChangedLines">0-based lines of <paramref name="Text"/> the change added or modified, or null when the whole file is checked.</param>
/// <param name="Note">How the file came in (e.g. "renamed from a.py"), for the report.</param>
public sealed record CheckFile(string Path, Language Language, string Text, IReadOnlySet<int>? ChangedLines, string? Note = null);

/// <summary>A file the check looked at and did not evaluate, with why (deleted, binary, a symlink, not a language it knows).</summary>
public sealed record SkippedFile(string Path, string Reason);

/// <summary>What <c>dualgauge check</c> evaluates: files and, for a diff, which of their lines changed.</summary>
/// <param name="Description">E.g. "changes on HEAD (1a2b3c4) since main (5d6e7f8)".</param>
/// <param name="Revision">The commit the code was read from, or null for the working tree or the index.</param>
public sealed partial record ChangeSet(string Root, string Description, string? Revision, IReadOnlyList<CheckFile> Files, IReadOnlyList<SkippedFile> Skipped)
{
    /// <summary>For a diff: the commit the change is measured from (the merge base).</summary>
    public string? BaseCommit { get; init; }

    /// <summary>The largest file read (as for bench samples).</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>
    /// The change a pull request makes: HEAD against the commit it forked from <paramref name="base"/> at (the merge
    /// base, as code review shows it), reading every file at HEAD, never from the working tree.
    /// </summary>
    /// <param name="range"><c>BASE</c>, <c>BASE..HEAD</c> or <c>BASE...HEAD</c>.</param>
    public static ChangeSet FromDiff(GitRepository git, string range)
    {
        ArgumentNullException.ThrowIfNull(git);
        var (baseRev, headRev) = SplitRange(range);
        var head = git.ResolveCommit(headRev);
        var baseCommit = git.ResolveCommit(baseRev);
        var forkPoint = git.MergeBase(baseCommit, head) ?? baseCommit;
        var description = $"changes on {headRev} ({head[..7]}) since {baseRev} ({forkPoint[..7]}{(forkPoint != baseCommit ? ", where it forked" : "")})";
        if (git.ParentCount(head) > 1)
        {
            description += $"; {headRev} is a merge commit, so the change is everything it brings in since the fork";
        }

        return Read(git, description, head, ["diff", "--raw", "-z", "--no-ext-diff", "--find-renames", "--no-abbrev", forkPoint, head], forkPoint, head) with { BaseCommit = forkPoint };
    }

    /// <summary>The functions the index (what <c>git commit</c> would record) adds or modifies against HEAD.</summary>
    public static ChangeSet FromIndex(GitRepository git)
    {
        ArgumentNullException.ThrowIfNull(git);
        var baseTree = git.HasCommits() ? "HEAD" : GitRepository.EmptyTree;
        return Read(git, "staged changes (the index) against " + (baseTree == "HEAD" ? "HEAD" : "an empty repository"), null,
            ["diff", "--cached", "--raw", "-z", "--no-ext-diff", "--find-renames", "--no-abbrev", baseTree], baseTree, null);
    }

    /// <summary>Every function of the given files and folders, as they are in the working tree.</summary>
    /// <param name="git">The repository the paths are in, for .gitignore; null outside one.</param>
    public static ChangeSet FromPaths(string workingFolder, IReadOnlyList<string> paths, GitRepository? git)
    {
        var root = git?.Root ?? Path.GetFullPath(workingFolder);
        var files = new List<CheckFile>();
        var skipped = new List<SkippedFile>();
        foreach (var given in paths.Count == 0 ? ["."] : paths)
        {
            var full = Path.GetFullPath(Path.Combine(workingFolder, given));
            var kind = SampleFileReader.Inspect(full, followSymlink: false).Kind;
            if (kind == SampleFileReader.EntryKind.Missing)
            {
                throw new CheckInputException($"{given}: no such file or folder");
            }

            IEnumerable<string> candidates = kind == SampleFileReader.EntryKind.Directory ? ListFolder(full, git) : [full];
            foreach (var file in candidates.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var relative = Relative(root, file);
                if (!LanguageExtensions.TryFromExtension(Path.GetExtension(file), out var language))
                {
                    if (kind != SampleFileReader.EntryKind.Directory)
                    {
                        skipped.Add(new SkippedFile(relative, "not a Python, JavaScript or C file"));
                    }

                    continue;
                }

                var entry = SampleFileReader.Inspect(file, followSymlink: false).Kind;
                if (entry != SampleFileReader.EntryKind.RegularFile)
                {
                    skipped.Add(new SkippedFile(relative, entry == SampleFileReader.EntryKind.Symlink
                        ? "a symbolic link: not followed, not checked"
                        : SampleFileReader.NotRegular(entry)));
                    continue;
                }

                var read = SampleFileReader.Read(file, null, MaxFileBytes);
                if (read.Bytes is null)
                {
                    skipped.Add(new SkippedFile(relative, read.Problem ?? "could not be read"));
                    continue;
                }

                if (Text(read.Bytes) is not { } text)
                {
                    skipped.Add(new SkippedFile(relative, "binary content (NUL bytes or not UTF-8); not checked"));
                    continue;
                }

                files.Add(new CheckFile(relative, language, text, null));
            }
        }

        var description = paths.Count == 0 ? "every function under " + root : "every function in " + string.Join(", ", paths);
        return new ChangeSet(root, description, null, files, skipped);
    }

    private static ChangeSet Read(GitRepository git, string description, string? revision, IReadOnlyList<string> rawDiff, string from, string? to)
    {
        var files = new List<CheckFile>();
        var skipped = new List<SkippedFile>();
        var candidates = new List<(RawEntry Entry, string Shown, Language Language)>();
        foreach (var entry in ParseRaw(git.RunChecked(rawDiff)))
        {
            var shown = entry.OldPath is { } old && old != entry.Path ? $"{entry.Path} (renamed from {old})" : entry.Path;
            if (entry.Status == 'D')
            {
                skipped.Add(new SkippedFile(entry.Path, "deleted: no code left to check"));
                continue;
            }

            if (!LanguageExtensions.TryFromExtension(Path.GetExtension(entry.Path), out var language))
            {
                continue;
            }

            if (entry.NewMode == "120000")
            {
                skipped.Add(new SkippedFile(shown, "a symbolic link, not a file: not followed, not checked"));
                continue;
            }

            if (entry.NewMode == "160000")
            {
                skipped.Add(new SkippedFile(shown, "a submodule: its code is not part of this change"));
                continue;
            }

            if (entry.Status == 'R' && entry.Score == 100)
            {
                skipped.Add(new SkippedFile(shown, "renamed with its content unchanged: no new code to check"));
                continue;
            }

            candidates.Add((entry, shown, language));
        }

        if (candidates.Count == 0)
        {
            return new ChangeSet(git.Root, description, revision, files, skipped);
        }

        // Two git processes for the whole change, whatever its size: one diff, one batch read of the new blobs.
        var blobs = git.ReadBlobs(candidates.Select(c => c.Entry.NewBlob).Distinct(StringComparer.Ordinal).ToList(), MaxFileBytes, out var sizes);
        var arguments = new List<string> { "diff", "-U0", "--no-color", "--no-ext-diff", "--no-textconv", "--find-renames", "--src-prefix=a/", "--dst-prefix=b/", from };
        if (to is null)
        {
            arguments.Insert(1, "--cached");
        }
        else
        {
            arguments.Add(to);
        }

        var hunks = HunksByPath(git.Run(arguments));
        foreach (var (entry, shown, language) in candidates)
        {
            if (blobs.GetValueOrDefault(entry.NewBlob) is not { } bytes)
            {
                skipped.Add(new SkippedFile(shown, sizes.TryGetValue(entry.NewBlob, out var size) ? SampleFileReader.TooLarge(size, MaxFileBytes) : "its content could not be read from git"));
                continue;
            }

            if (Text(bytes) is not { } text)
            {
                skipped.Add(new SkippedFile(shown, "binary content (NUL bytes or not UTF-8); not checked"));
                continue;
            }

            var changed = ChangedLines(hunks.GetValueOrDefault(entry.Path) ?? "");
            var note = entry.Status switch
            {
                'A' => "added",
                'R' => $"renamed from {entry.OldPath} ({entry.Score}% similar)",
                'C' => $"copied from {entry.OldPath}",
                'T' => "type changed",
                _ => "modified",
            };
            files.Add(new CheckFile(entry.Path, language, text, changed, note));
        }

        return new ChangeSet(git.Root, description, revision, files, skipped);
    }

    /// <summary>Splits a whole-change unified diff into each new path's hunk headers.</summary>
    internal static Dictionary<string, string> HunksByPath(string unifiedDiff)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        var text = new StringBuilder();
        void Flush()
        {
            if (current is not null)
            {
                result[current] = text.ToString();
            }

            text.Clear();
        }

        foreach (var line in unifiedDiff.Split('\n'))
        {
            if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                Flush();
                current = null;
                continue;
            }

            if (current is null && line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                var path = Unquote(line[4..]);
                current = path == "/dev/null" ? null : path.StartsWith("b/", StringComparison.Ordinal) ? path[2..] : path;
                continue;
            }

            if (line.StartsWith("@@ ", StringComparison.Ordinal))
            {
                text.Append(line).Append('\n');
            }
        }

        Flush();
        return result;
    }

    /// <summary>Git's C-style quoting of unusual paths (<c>"b/a\tb.py"</c>, octal escapes for bytes).</summary>
    internal static string Unquote(string path)
    {
        if (path.Length < 2 || path[0] != '"' || path[^1] != '"')
        {
            return path;
        }

        var bytes = new List<byte>();
        for (var i = 1; i < path.Length - 1; i++)
        {
            var c = path[i];
            if (c != '\\' || i + 1 >= path.Length - 1)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                continue;
            }

            var next = path[++i];
            if (next is >= '0' and <= '7' && i + 2 < path.Length - 1)
            {
                bytes.Add(Convert.ToByte(path.Substring(i, 3), 8));
                i += 2;
                continue;
            }

            bytes.Add(next switch { 'n' => (byte)'\n', 't' => (byte)'\t', 'r' => (byte)'\r', 'a' => 7, 'b' => 8, 'f' => 12, 'v' => 11, _ => (byte)next });
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>The 0-based new-side lines of a <c>-U0</c> diff's hunks; a pure deletion marks the lines around it.</summary>
    internal static IReadOnlySet<int> ChangedLines(string unifiedDiff)
    {
        var lines = new HashSet<int>();
        foreach (Match m in HunkRegex().Matches(unifiedDiff))
        {
            var start = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var count = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 1;
            if (count == 0)
            {
                // Lines removed after new line `start` (1-based): the code on both sides of the gap changed.
                lines.Add(Math.Max(0, start - 1));
                lines.Add(start);
                continue;
            }

            for (var i = 0; i < count; i++)
            {
                lines.Add(start - 1 + i);
            }
        }

        return lines;
    }

    internal sealed record RawEntry(char Status, int? Score, string NewMode, string NewBlob, string Path, string? OldPath);

    /// <summary>Parses <c>git diff --raw -z</c>: <c>:oldmode newmode oldsha newsha status\0path\0[newpath\0]</c>.</summary>
    internal static IEnumerable<RawEntry> ParseRaw(byte[] raw)
    {
        var parts = Encoding.UTF8.GetString(raw).Split('\0');
        for (var i = 0; i < parts.Length; i++)
        {
            if (!parts[i].StartsWith(':'))
            {
                continue;
            }

            var fields = parts[i][1..].Split(' ');
            if (fields.Length < 5 || fields[4].Length == 0)
            {
                throw new CheckInputException($"unexpected git diff --raw line '{parts[i]}'");
            }

            var status = fields[4][0];
            int? score = fields[4].Length > 1 && int.TryParse(fields[4].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null;
            if (status is 'R' or 'C')
            {
                yield return new RawEntry(status, score, fields[1], fields[3], parts[i + 2], parts[i + 1]);
                i += 2;
            }
            else
            {
                yield return new RawEntry(status, score, fields[1], fields[3], parts[i + 1], null);
                i += 1;
            }
        }
    }

    internal static (string Base, string Head) SplitRange(string range)
    {
        if (string.IsNullOrWhiteSpace(range))
        {
            throw new CheckInputException("--diff needs a base revision (BASE, BASE..HEAD or BASE...HEAD)");
        }

        var separator = range.Contains("...", StringComparison.Ordinal) ? "..." : range.Contains("..", StringComparison.Ordinal) ? ".." : null;
        if (separator is null)
        {
            return (range, "HEAD");
        }

        var index = range.IndexOf(separator, StringComparison.Ordinal);
        var left = range[..index];
        var right = range[(index + separator.Length)..];
        return (left.Length == 0 ? "HEAD" : left, right.Length == 0 ? "HEAD" : right);
    }

    /// <summary>The text of a source file, or null when it is binary (a NUL byte, or not valid UTF-8).</summary>
    internal static string? Text(byte[] bytes)
    {
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            return null;
        }

        try
        {
            var text = new UTF8Encoding(false, true).GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static IEnumerable<string> ListFolder(string folder, GitRepository? git)
    {
        if (git is not null)
        {
            // Tracked and untracked-but-not-ignored files: what the repository means by its code.
            var listed = git.RunChecked(["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", folder]);
            return Encoding.UTF8.GetString(listed).Split('\0', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => Path.GetFullPath(Path.Combine(git.Root, p)));
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        return Directory.EnumerateFiles(folder, "*", options)
            .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(part => part is "node_modules" or ".git" or "__pycache__" or ".venv" or "venv"));
    }

    private static string Relative(string root, string file) => Path.GetRelativePath(root, file).Replace('\\', '/');

    [GeneratedRegex(@"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", RegexOptions.Multiline)]
    private static partial Regex HunkRegex();
}
