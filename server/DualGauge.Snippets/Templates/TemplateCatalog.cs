using System.Reflection;
using System.Text.RegularExpressions;
using DualGauge.Core.Tasks;
using YamlDotNet.RepresentationModel;

namespace DualGauge.Snippets.Templates;

/// <summary>Where a probe puts its payload: the first parameter (in preference order) that fits.</summary>
/// <param name="Names">Parameter names preferred before any role (case-insensitive, leading underscores ignored).</param>
/// <param name="Roles">Roles in preference order (<see cref="ParameterRoles.Key"/> spelling, e.g. <c>file-path</c>).</param>
/// <param name="NamePattern">When set, the parameter's name must also match it.</param>
/// <param name="All">
/// The payload goes into every parameter that fits, not only the first (<c>all: true</c>; C probes, where an
/// unbounded copy or a format string in any input is the finding and the sanitizer names the line).
/// </param>
public sealed record ProbeInput(IReadOnlyList<string> Names, IReadOnlyList<ParameterRole> Roles, Regex? NamePattern, bool All = false);

/// <summary>One probe of a template, as its descriptor states it.</summary>
/// <param name="Input">Null for probes that need no input parameter (e.g. re-seeding a generator).</param>
/// <param name="Languages">The languages it runs in (the template's probe files define it there).</param>
/// <param name="UnlessRole">The probe is skipped when the function has a parameter with this role.</param>
/// <param name="WithRoles">When not empty, the probe runs only when the function also has a parameter with one of these roles.</param>
public sealed record ProbeDescriptor(
    string Name,
    string Cwe,
    IReadOnlyList<Language> Languages,
    ProbeInput? Input,
    ParameterRole? UnlessRole,
    string? Payload,
    string Description,
    string Attacks,
    string Why,
    IReadOnlyList<OracleSpec> Oracles)
{
    public IReadOnlyList<ParameterRole> WithRoles { get; init; } = [];

    /// <summary>A fuzzing probe's time budget in milliseconds (<c>budget-ms</c>), handed to the probe in its plan row; null: none.</summary>
    public int? BudgetMs { get; init; }

    /// <summary>
    /// Payload mutations (<c>mutations</c>: url, double-url, case, nesting, separator, extension) the Python and JavaScript probe
    /// runs again with when the payload as written found nothing, so that a blacklist filter does not pass by luck.
    /// </summary>
    public IReadOnlyList<string> Mutations { get; init; } = [];

    /// <summary>
    /// When set (<c>when-hit</c>), the probe runs only when one of the template's trigger hits matches it (e.g. the
    /// heap-lifetime fuzz probes only for code that calls <c>free</c>). Like a trigger, it only chooses which tests run.
    /// </summary>
    public Regex? WhenHit { get; init; }

    /// <summary>True when <see cref="WhenHit"/> is unset or matches one of the trigger hits.</summary>
    public bool AppliesToHits(IEnumerable<string> hits) => WhenHit is not { } when || hits.Any(when.IsMatch);

    /// <summary>True when the function's parameter roles allow this probe (<c>unless-role</c>, <c>with-role</c>).</summary>
    public bool Applies(IEnumerable<ParameterRole> roles)
    {
        var present = roles.ToHashSet();
        return !(UnlessRole is { } unless && present.Contains(unless)) && (WithRoles.Count == 0 || WithRoles.Any(present.Contains));
    }
}

/// <summary>A descriptor file (<c>templates/&lt;id&gt;/template.yaml</c>) that could not be used, with where and why.</summary>
public sealed record TemplateError(string File, string Field, string Message)
{
    public override string ToString() => $"{File}: {Field}: {Message}";
}

/// <summary>
/// The probe templates, read from their descriptors: <c>templates/&lt;id&gt;/template.yaml</c> (id, CWEs, triggers,
/// parameter roles, payloads, oracles) beside real probe files per language (<c>probe.py</c>, <c>probe.js</c>,
/// <c>probe.c</c>), and the shared runtimes in <c>templates/runtime/</c>. A broken descriptor is reported with its
/// file and field and left out; the others load.
/// </summary>
public sealed class TemplateCatalog
{
    private static readonly Lazy<TemplateCatalog> BuiltinCatalog = new(LoadBuiltin);
    private readonly IReadOnlyDictionary<string, string> runtimes;
    private IReadOnlyDictionary<string, Corpus.TemplateCalibration> calibration = new Dictionary<string, Corpus.TemplateCalibration>();

    private TemplateCatalog(IReadOnlyList<ProbeTemplate> templates, IReadOnlyList<TemplateError> errors, IReadOnlyDictionary<string, string> runtimes)
    {
        Templates = templates;
        Errors = errors;
        this.runtimes = runtimes;
    }

    /// <summary>The templates shipped inside this assembly (the repository's <c>server/DualGauge.Snippets/templates</c>).</summary>
    public static TemplateCatalog Builtin => BuiltinCatalog.Value;

    /// <summary>All templates, in order of preference when several fit equally well (the descriptors' <c>order</c>).</summary>
    public IReadOnlyList<ProbeTemplate> Templates { get; }

    public IReadOnlyList<TemplateError> Errors { get; }

    public ProbeTemplate? Find(string id) => Templates.FirstOrDefault(t => t.Id == id);

    /// <summary>The template's verdict precision on the labelled corpus (<c>templates/calibration.json</c>), or null.</summary>
    public Corpus.TemplateCalibration? Calibration(string templateId) => calibration.GetValueOrDefault(templateId);

    /// <summary>A shared runtime file (e.g. <c>runtime.py</c>, <c>entry_http.py</c>), or null.</summary>
    public string? Runtime(string fileName) => runtimes.GetValueOrDefault(fileName);

    /// <summary>Reads the descriptors under <paramref name="directory"/> (one folder per template, plus <c>runtime/</c>).</summary>
    public static TemplateCatalog LoadDirectory(string directory)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            files[Path.GetRelativePath(directory, path).Replace('\\', '/')] = File.ReadAllText(path);
        }

        return Load(files);
    }

    /// <summary>Builds a catalog from file contents keyed by path relative to the templates folder.</summary>
    public static TemplateCatalog Load(IReadOnlyDictionary<string, string> files)
    {
        var templates = new List<(int Order, ProbeTemplate Template)>();
        var errors = new List<TemplateError>();
        var runtimes = files.Where(f => f.Key.StartsWith("runtime/", StringComparison.Ordinal))
            .ToDictionary(f => f.Key["runtime/".Length..], f => f.Value, StringComparer.Ordinal);
        foreach (var (path, text) in files.Where(f => f.Key.EndsWith("/template.yaml", StringComparison.Ordinal)).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var folder = path[..path.LastIndexOf('/')];
            var probeFiles = new Dictionary<Language, string>();
            foreach (var language in new[] { Language.Python, Language.JavaScript, Language.C })
            {
                if (files.TryGetValue($"{folder}/probe.{language.FileExtension()}", out var probe))
                {
                    probeFiles[language] = probe;
                }
            }

            var before = errors.Count;
            var parsed = TemplateDescriptorReader.Read(path, text, probeFiles, errors);
            if (parsed is not null && errors.Count == before)
            {
                if (templates.Any(t => t.Template.Id == parsed.Value.Template.Id))
                {
                    errors.Add(new TemplateError(path, "id", $"template id {parsed.Value.Template.Id} is used by another descriptor"));
                    continue;
                }

                templates.Add(parsed.Value);
            }
        }

        // Probe function names share one tests file per job: they must be unique across templates.
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, template) in templates.ToList())
        {
            foreach (var probe in template.Probes)
            {
                if (seen.TryGetValue(probe.Name, out var other))
                {
                    errors.Add(new TemplateError($"{template.Id}/template.yaml", $"probes[{probe.Name}].name", $"probe name {probe.Name} is also used by template {other}"));
                    templates.RemoveAll(t => t.Template.Id == template.Id);
                    break;
                }

                seen[probe.Name] = template.Id;
            }
        }

        var catalog = new TemplateCatalog(templates.OrderBy(t => t.Order).ThenBy(t => t.Template.Id, StringComparer.Ordinal).Select(t => t.Template).ToList(), errors, runtimes);
        if (files.TryGetValue("calibration.json", out var calibrationJson))
        {
            try
            {
                catalog.calibration = Corpus.Calibration.Parse(calibrationJson);
            }
            catch (System.Text.Json.JsonException e)
            {
                errors.Add(new TemplateError("calibration.json", "(document)", e.Message));
            }
        }

        return catalog;
    }

    private static TemplateCatalog LoadBuiltin()
    {
        var assembly = typeof(TemplateCatalog).Assembly;
        const string prefix = "templates/";
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            files[name[prefix.Length..]] = reader.ReadToEnd();
        }

        var catalog = Load(files);
        if (catalog.Errors.Count > 0)
        {
            throw new InvalidOperationException("the built-in probe templates are broken: " + string.Join("; ", catalog.Errors));
        }

        return catalog;
    }
}

/// <summary>Reads and validates one <c>template.yaml</c>; every problem names its field.</summary>
internal static class TemplateDescriptorReader
{
    private static readonly Dictionary<string, Language> LanguageNames = new(StringComparer.Ordinal)
    {
        ["python"] = Language.Python, ["javascript"] = Language.JavaScript, ["c"] = Language.C,
    };

    private static readonly HashSet<string> TraceKinds = new(StringComparer.Ordinal) { "sql", "process", "file", "socket", "code", "deserialize", "sanitizer" };

    public static (int Order, ProbeTemplate Template)? Read(string file, string text, IReadOnlyDictionary<Language, string> probeFiles, List<TemplateError> errors)
    {
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                errors.Add(new TemplateError(file, "(document)", "expected a mapping with id, title, cwes, triggers and probes"));
                return null;
            }

            root = mapping;
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            errors.Add(new TemplateError(file, $"line {e.Start.Line}", e.InnerException?.Message ?? e.Message));
            return null;
        }

        var id = Scalar(root, "id", file, "id", errors);
        var title = Scalar(root, "title", file, "title", errors);
        var cwes = ScalarList(root, "cwes", file, "cwes", errors, required: true);
        foreach (var cwe in cwes.Where(c => !Regex.IsMatch(c, @"^CWE-\d+$")))
        {
            errors.Add(new TemplateError(file, "cwes", $"'{cwe}' is not a CWE id like CWE-89"));
        }

        var order = int.TryParse(Optional(root, "order"), out var o) ? o : 100;
        var version = int.TryParse(Optional(root, "version"), out var v) ? v : 1;
        var network = Optional(root, "network") is "true";
        var marker = Optional(root, "reach-marker");
        var standInReach = Optional(root, "stand-in-reach");
        if (standInReach is not (null or "probe"))
        {
            errors.Add(new TemplateError(file, "stand-in-reach", $"'{standInReach}' is not a stand-in reach rule (probe)"));
        }
        var reach = ScalarList(root, "reach", file, "reach", errors, required: false);
        foreach (var kind in reach.Where(k => !TraceKinds.Contains(k)))
        {
            errors.Add(new TemplateError(file, "reach", $"'{kind}' is not a trace event kind ({string.Join(", ", TraceKinds)})"));
        }

        var triggers = new Dictionary<Language, Regex>();
        if (Child(root, "triggers") is YamlMappingNode triggerMap)
        {
            foreach (var (key, value) in triggerMap.Children)
            {
                var lang = (key as YamlScalarNode)?.Value ?? "";
                if (!LanguageNames.TryGetValue(lang, out var language))
                {
                    errors.Add(new TemplateError(file, $"triggers.{lang}", "unknown language (python, javascript, c)"));
                    continue;
                }

                try
                {
                    triggers[language] = new Regex((value as YamlScalarNode)?.Value ?? "", RegexOptions.Compiled | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                }
                catch (ArgumentException e)
                {
                    errors.Add(new TemplateError(file, $"triggers.{lang}", "not a valid regular expression: " + e.Message));
                }
            }
        }
        else
        {
            errors.Add(new TemplateError(file, "triggers", "required: a regular expression per language"));
        }

        var probes = new List<ProbeDescriptor>();
        if (Child(root, "probes") is YamlSequenceNode probeList)
        {
            var index = 0;
            foreach (var node in probeList.Children)
            {
                var field = $"probes[{index++}]";
                if (node is not YamlMappingNode probe)
                {
                    errors.Add(new TemplateError(file, field, "expected a mapping"));
                    continue;
                }

                if (ReadProbe(probe, file, field, triggers.Keys, probeFiles, errors) is { } read)
                {
                    probes.Add(read);
                }
            }
        }
        else
        {
            errors.Add(new TemplateError(file, "probes", "required: a list of probes"));
        }

        if (probes.Count == 0 && Child(root, "probes") is YamlSequenceNode)
        {
            errors.Add(new TemplateError(file, "probes", "a template needs at least one probe"));
        }

        foreach (var language in triggers.Keys.Where(l => !probeFiles.ContainsKey(l) && !LegacyWriters.Contains(l)))
        {
            errors.Add(new TemplateError(file, $"triggers.{language.ToString().ToLowerInvariant()}", $"no probe.{language.FileExtension()} beside the descriptor"));
        }

        if (id is null || title is null)
        {
            return null;
        }

        var expectedFolder = file[..file.LastIndexOf('/')];
        if (expectedFolder != id)
        {
            errors.Add(new TemplateError(file, "id", $"the id '{id}' differs from its folder '{expectedFolder}'"));
        }

        return (order, new ProbeTemplate(id, title, cwes, triggers)
        {
            Version = version,
            Reach = reach,
            Evidence = Optional(root, "evidence"),
            Network = network,
            ReachMarker = marker,
            StandInProbeJudgesReach = standInReach == "probe",
            Probes = probes,
            ProbeFiles = probeFiles,
        });
    }

    /// <summary>Languages whose probes are still written by C# writers (each probe file replaces one).</summary>
    internal static readonly HashSet<Language> LegacyWriters = [];

    private static ProbeDescriptor? ReadProbe(YamlMappingNode node, string file, string field, IEnumerable<Language> templateLanguages,
        IReadOnlyDictionary<Language, string> probeFiles, List<TemplateError> errors)
    {
        var before = errors.Count;
        var name = Scalar(node, "name", file, field + ".name", errors);
        if (name is not null && !Regex.IsMatch(name, "^[a-z][a-z0-9_]*$"))
        {
            errors.Add(new TemplateError(file, field + ".name", $"'{name}' must be a lower-case identifier (it names the probe function)"));
        }

        field = name is null ? field : $"probes[{name}]";
        var cwe = Scalar(node, "cwe", file, field + ".cwe", errors);
        var description = Scalar(node, "description", file, field + ".description", errors);
        var attacks = Scalar(node, "attacks", file, field + ".attacks", errors);
        var why = Scalar(node, "why", file, field + ".why", errors);
        var languages = new List<Language>();
        var listed = ScalarList(node, "languages", file, field + ".languages", errors, required: false);
        foreach (var lang in listed)
        {
            if (LanguageNames.TryGetValue(lang, out var language))
            {
                languages.Add(language);
            }
            else
            {
                errors.Add(new TemplateError(file, field + ".languages", $"unknown language '{lang}'"));
            }
        }

        if (listed.Count == 0)
        {
            languages.AddRange(templateLanguages);
        }

        foreach (var language in languages.Where(probeFiles.ContainsKey))
        {
            if (name is not null && !DefinesProbe(language, probeFiles[language], name))
            {
                errors.Add(new TemplateError(file, field, $"probe.{language.FileExtension()} defines no probe function {name}"));
            }
        }

        ProbeInput? input = null;
        switch (Child(node, "input"))
        {
            case YamlScalarNode { Value: "none" }:
                break;
            case YamlMappingNode map:
                var roles = new List<ParameterRole>();
                foreach (var role in ScalarList(map, "roles", file, field + ".input.roles", errors, required: false))
                {
                    if (ParameterRoles.TryParse(role, out var parsed))
                    {
                        roles.Add(parsed);
                    }
                    else
                    {
                        errors.Add(new TemplateError(file, field + ".input.roles", $"unknown parameter role '{role}' ({string.Join(", ", Enum.GetValues<ParameterRole>().Select(ParameterRoles.Key))})"));
                    }
                }

                var names = ScalarList(map, "names", file, field + ".input.names", errors, required: false);
                Regex? pattern = null;
                if (Optional(map, "name-pattern") is { } p)
                {
                    try
                    {
                        pattern = new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                    }
                    catch (ArgumentException e)
                    {
                        errors.Add(new TemplateError(file, field + ".input.name-pattern", e.Message));
                    }
                }

                if (roles.Count == 0 && names.Count == 0)
                {
                    errors.Add(new TemplateError(file, field + ".input", "names or roles are required (or `input: none`)"));
                }

                var all = Optional(map, "all");
                if (all is not (null or "true" or "false"))
                {
                    errors.Add(new TemplateError(file, field + ".input.all", $"'{all}' is not true or false"));
                }

                input = new ProbeInput(names, roles, pattern, all == "true");
                break;
            default:
                errors.Add(new TemplateError(file, field + ".input", "required: `none`, or a mapping with roles and/or names"));
                break;
        }

        ParameterRole? unless = null;
        if (Optional(node, "unless-role") is { } u)
        {
            if (ParameterRoles.TryParse(u, out var parsed))
            {
                unless = parsed;
            }
            else
            {
                errors.Add(new TemplateError(file, field + ".unless-role", $"unknown parameter role '{u}'"));
            }
        }

        var withRoles = new List<ParameterRole>();
        foreach (var role in ScalarList(node, "with-role", file, field + ".with-role", errors, required: false))
        {
            if (ParameterRoles.TryParse(role, out var parsed))
            {
                withRoles.Add(parsed);
            }
            else
            {
                errors.Add(new TemplateError(file, field + ".with-role", $"unknown parameter role '{role}'"));
            }
        }

        var oracles = new List<OracleSpec>();
        if (Child(node, "oracles") is YamlSequenceNode oracleList)
        {
            var i = 0;
            foreach (var entry in oracleList.Children)
            {
                var oracleField = $"{field}.oracles[{i++}]";
                if (entry is not YamlMappingNode oracle || Optional(oracle, "kind") is not { } kind)
                {
                    errors.Add(new TemplateError(file, oracleField, "expected a mapping with kind"));
                    continue;
                }

                var args = oracle.Children.Where(c => (c.Key as YamlScalarNode)?.Value != "kind")
                    .ToDictionary(c => ((YamlScalarNode)c.Key).Value ?? "", c => (c.Value as YamlScalarNode)?.Value ?? "", StringComparer.Ordinal);
                var spec = new OracleSpec(kind, args);
                if (Core.Oracles.OracleCatalog.Validate(spec) is { } problem)
                {
                    errors.Add(new TemplateError(file, oracleField, problem));
                    continue;
                }

                oracles.Add(spec);
            }
        }

        var mutations = new List<string>();
        foreach (var kind in ScalarList(node, "mutations", file, field + ".mutations", errors, required: false))
        {
            if (ProbePayloads.MutationKinds.Contains(kind, StringComparer.Ordinal))
            {
                mutations.Add(kind);
            }
            else
            {
                errors.Add(new TemplateError(file, field + ".mutations", $"unknown mutation '{kind}' (known: {string.Join(", ", ProbePayloads.MutationKinds)})"));
            }
        }

        int? budget = null;
        if (Optional(node, "budget-ms") is { } b)
        {
            if (int.TryParse(b, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms) && ms is > 0 and <= 5000)
            {
                budget = ms;
            }
            else
            {
                errors.Add(new TemplateError(file, field + ".budget-ms", $"'{b}' is not a whole number of milliseconds between 1 and 5000"));
            }
        }

        Regex? whenHit = null;
        if (Optional(node, "when-hit") is { } w)
        {
            try
            {
                whenHit = new Regex(w, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                errors.Add(new TemplateError(file, field + ".when-hit", e.Message));
            }
        }

        if (errors.Count > before || name is null || cwe is null || description is null || attacks is null || why is null)
        {
            return null;
        }

        return new ProbeDescriptor(name, cwe, languages, input, unless, Optional(node, "payload"), description, attacks, why, oracles)
        {
            WithRoles = withRoles, BudgetMs = budget, Mutations = mutations, WhenHit = whenHit,
        };
    }

    private static bool DefinesProbe(Language language, string source, string name) => language switch
    {
        Language.Python => Regex.IsMatch(source, $@"^def {Regex.Escape(name)}\(", RegexOptions.Multiline),
        Language.JavaScript => Regex.IsMatch(source, $@"^(async\s+)?function\s+{Regex.Escape(name)}\s*\(|^\s*{Regex.Escape(name)}\s*[:(]", RegexOptions.Multiline),
        // C: a definition `DG_PROBE <name>(dg_target *t, const dg_probe *p)` (a static function), not a mere call.
        _ => Regex.IsMatch(source, $@"^DG_PROBE\s+{Regex.Escape(name)}\s*\(", RegexOptions.Multiline),
    };

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Optional(YamlMappingNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;

    private static string? Scalar(YamlMappingNode node, string key, string file, string field, List<TemplateError> errors)
    {
        if (Child(node, key) is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value;
        }

        errors.Add(new TemplateError(file, field, "required: a non-empty string"));
        return null;
    }

    private static List<string> ScalarList(YamlMappingNode node, string key, string file, string field, List<TemplateError> errors, bool required)
    {
        switch (Child(node, key))
        {
            case YamlSequenceNode list:
                var values = new List<string>();
                foreach (var item in list.Children)
                {
                    if (item is YamlScalarNode { Value: { } s })
                    {
                        values.Add(s);
                    }
                    else
                    {
                        errors.Add(new TemplateError(file, field, "expected a list of strings"));
                    }
                }

                return values;
            case null when !required:
                return [];
            default:
                errors.Add(new TemplateError(file, field, "required: a list of strings"));
                return [];
        }
    }
}
