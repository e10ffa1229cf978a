using System.Text.RegularExpressions;
using DualGauge.Core.Execution;
using DualGauge.Core.Tasks;

namespace DualGauge.Snippets.Templates;

/// <summary>
/// A family of generated dual tests keyed on what code does (runs shell commands, builds SQL...), read from
/// its descriptor (<c>templates/&lt;id&gt;/template.yaml</c>). Triggers only CHOOSE the template; the verdict
/// comes from executing its probes.
/// </summary>
/// <param name="Triggers">Per language, the API references that make the template applicable.</param>
public sealed record ProbeTemplate(string Id, string Title, IReadOnlyList<string> Cwes, IReadOnlyDictionary<Language, Regex> Triggers)
{
    /// <summary>Part of the cache key of a result: a changed probe changes the verdict.</summary>
    public int Version { get; init; } = 1;

    /// <summary>
    /// Trace event kinds that show a probe reached the template's sink (an SQL statement ran, a process
    /// started). Empty when the sink is the function's result itself (HTML, a redirect, a hash).
    /// </summary>
    public IReadOnlyList<string> Reach { get; init; } = [];

    /// <summary>
    /// When set, a reach event counts only if it carries this text (<c>payload</c>: the probe's payload, quotes
    /// aside), so a file the function opens for itself is not the attacker's input reaching the file system.
    /// </summary>
    public string? ReachMarker { get; init; }

    /// <summary>Without <see cref="Reach"/>: what shows a probe exercised the code (the descriptor's <c>evidence</c>), or null for "the result is the sink".</summary>
    public string? Evidence { get; init; }

    /// <summary>
    /// When the function is given a stand-in for the sink (a JavaScript stand-in database), no trace event can show
    /// the reach: the probe judges it from what the stand-in saw, and says "not judged" when it saw nothing.
    /// </summary>
    public bool StandInProbeJudgesReach { get; init; }

    /// <summary>Network errors are the probe's evidence (SSRF), not a setup error.</summary>
    public bool Network { get; init; }

    public IReadOnlyList<ProbeDescriptor> Probes { get; init; } = [];

    /// <summary>The probe source per language (probe.py, probe.js, probe.c).</summary>
    public IReadOnlyDictionary<Language, string> ProbeFiles { get; init; } = new Dictionary<Language, string>();

    /// <summary>The distinct API references in <paramref name="code"/> that select this template.</summary>
    public IReadOnlyList<string> Hits(Language language, string code) =>
        Triggers.TryGetValue(language, out var regex)
            ? regex.Matches(code).Select(m => System.Text.RegularExpressions.Regex.Replace(m.Value.Trim(), @"\s+", " ")).Distinct(StringComparer.Ordinal).ToList()
            : [];
}

/// <summary>A generated tests file and the test specs the oracles judge.</summary>
public sealed record GeneratedProbes(string TestsFileName, string TestsFile, IReadOnlyList<TestSpec> Tests, IReadOnlyList<HarnessFile> Files);

public static class ProbeTemplates
{
    /// <summary>All built-in templates, in order of preference when several fit equally well.</summary>
    public static IReadOnlyList<ProbeTemplate> All => TemplateCatalog.Builtin.Templates;

    public static ProbeTemplate? Find(string id) => TemplateCatalog.Builtin.Find(id);
}
