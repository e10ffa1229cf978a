using System.Text.RegularExpressions;
using Microsoft.Extensions.FileSystemGlobbing;

namespace DualGauge.Snippets.Checking;

/// <summary>
/// <c>--ai-only</c>: which changed lines an assistant wrote. A line counts when <c>git blame</c> at HEAD gives it to
/// a commit of the change whose message has an assistant trailer (<c>Co-authored-by: GitHub Copilot ...</c>,
/// <c>Generated-by:</c>, <c>Assisted-by:</c>...), or when its file matches a path list (glob per line, # comments).
/// </summary>
public sealed partial class AiAuthorship
{
    private readonly GitRepository git;
    private readonly string? head;
    private readonly HashSet<string> commits;
    private readonly Matcher? paths;

    private AiAuthorship(GitRepository git, string? head, HashSet<string> commits, Matcher? paths)
    {
        this.git = git;
        this.head = head;
        this.commits = commits;
        this.paths = paths;
    }

    /// <summary>The commits of the change marked as written with an assistant.</summary>
    public IReadOnlyCollection<string> Commits => commits;

    /// <param name="changes">A diff (for trailers) or any change set (path list only).</param>
    /// <param name="pathList">A file of globs, or null.</param>
    public static AiAuthorship Create(GitRepository git, ChangeSet changes, string? pathList)
    {
        ArgumentNullException.ThrowIfNull(git);
        ArgumentNullException.ThrowIfNull(changes);
        var marked = new HashSet<string>(StringComparer.Ordinal);
        if (changes.BaseCommit is { } from && changes.Revision is { } to)
        {
            var log = git.Run(["log", "--format=%H%x00%B%x1e", $"{from}..{to}"]);
            foreach (var record in log.Split('\x1e', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = record.Trim('\n').Split('\0', 2);
                if (parts.Length == 2 && IsAssistantMessage(parts[1]))
                {
                    marked.Add(parts[0].Trim());
                }
            }
        }

        Matcher? matcher = null;
        if (pathList is not null)
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(pathList);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CheckInputException($"{pathList}: the AI path list cannot be read ({ex.Message})", ex);
            }

            matcher = new Matcher(StringComparison.Ordinal);
            foreach (var line in lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
            {
                matcher.AddInclude(line);
            }
        }

        return new AiAuthorship(git, changes.Revision, marked, matcher);
    }

    /// <summary>True when a commit message carries an assistant trailer.</summary>
    public static bool IsAssistantMessage(string message) => TrailerRegex().IsMatch(message);

    /// <summary>The changed lines (0-based) an assistant wrote; all of them for a listed path.</summary>
    public IReadOnlySet<int>? Filter(CheckFile file, IReadOnlySet<int>? changed)
    {
        if (paths is not null && paths.Match(file.Path).HasMatches)
        {
            return changed;
        }

        if (commits.Count == 0 || head is null)
        {
            return new HashSet<int>();
        }

        var kept = new HashSet<int>();
        var porcelain = git.Run(["blame", "--porcelain", head, "--", file.Path]);
        foreach (Match m in BlameHeaderRegex().Matches(porcelain))
        {
            var line = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) - 1;
            if (commits.Contains(m.Groups[1].Value) && (changed is null || changed.Contains(line)))
            {
                kept.Add(line);
            }
        }

        return kept;
    }

    // Trailers that tools and teams use for assistant-written commits.
    [GeneratedRegex(@"^(?:Co-authored-by|Generated-by|Assisted-by|AI-assisted|Made-with)\s*:.*\b(?:copilot|claude|chatgpt|openai|gpt-?\d|codex|gemini|cursor|devin|aider|codewhisperer|amazon q|tabnine|codeium|windsurf|assistant)",
        RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex TrailerRegex();

    // A porcelain header line: <40-hex commit> <orig line> <final line>[ <group size>]
    [GeneratedRegex(@"^([0-9a-f]{40}) \d+ (\d+)(?: \d+)?$", RegexOptions.Multiline)]
    private static partial Regex BlameHeaderRegex();
}
