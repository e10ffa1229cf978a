using System.Text.Json;
using System.Text.Json.Serialization;

namespace DualGauge.Snippets.Checking;

/// <summary>A finding as run, with lines relative to the function's first line (so moved code reuses it).</summary>
public sealed record RunFinding(string Kind, string RuleId, string TestId, string Message, int LineOffset, IReadOnlyList<RunStep> Steps, string? Expected, string? Actual);

public sealed record RunStep(int LineOffset, string Description);

/// <summary>
/// What running one function produced, before its place in the repository (path, lines, fingerprints, markers,
/// baseline) is applied: the part that depends only on the code, the tests and the image, and so can be cached.
/// </summary>
public sealed record FunctionRun(
    string Match,
    string? MatchedId,
    string MatchReason,
    string Functional,
    bool Broken,
    string FunctionalDetail,
    string Security,
    string SecurityStatus,
    string SecurityDetail,
    IReadOnlyList<string> CwesTested,
    IReadOnlyList<string> CwesFound,
    int Probes,
    int ProbesReached,
    string? Failure,
    IReadOnlyList<RunFinding> Findings,
    double Seconds);

/// <summary>
/// Results of earlier runs, keyed by a hash of everything a run depends on: the code evaluated (with its layout),
/// the generated or bench tests and fixtures, the sandbox image and the tool's version. A hit means no sandbox job.
/// Files are written whole (temporary file, then rename); an unreadable entry is a miss, never an error.
/// The folder must not be writable by the code under check (it never is from inside the sandbox).
/// </summary>
public sealed class CheckCache(string folder)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>The default folder: <c>$XDG_CACHE_HOME/dualgauge/check</c>, else <c>~/.cache/dualgauge/check</c>.</summary>
    public static string DefaultFolder()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = string.IsNullOrWhiteSpace(xdg) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache") : xdg;
        return Path.Combine(root, "dualgauge", "check");
    }

    public FunctionRun? TryGet(string key)
    {
        var path = PathOf(key);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<FunctionRun>(File.ReadAllText(path), Options) : null;
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    public void Put(string key, FunctionRun run)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(run, Options));
        File.Move(temporary, path, overwrite: true);
    }

    private string PathOf(string key) => Path.Combine(Folder, key[..2], key + ".json");
}
