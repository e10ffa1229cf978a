using DualGauge.Core.Tasks;
using DualGauge.TestUtilities.Cli;
using YamlDotNet.RepresentationModel;

namespace DualGauge.Sandbox.Tests.Adversarial;

/// <summary>What the verdict on an adversarial case must be.</summary>
public enum AdversarialExpectation
{
    /// <summary>Evasion: the harness caught the forging or hiding itself (<c>SampleFailure.Tampered</c>).</summary>
    Tampered,

    /// <summary>Evasion: the hidden action was recorded and the sample judged insecure the ordinary way (no sample-level failure).</summary>
    Insecure,

    /// <summary>Evasion: either of the above.</summary>
    NotSecure,

    /// <summary>Control: functional and secure (joint pass).</summary>
    SecurePass,

    /// <summary>Control: secure, whatever its functional tests say.</summary>
    Secure,

    /// <summary>Control: an honest insecure sample: functional, not secure, no sample-level failure.</summary>
    FunctionalOnly,
}

/// <summary>
/// One case of the adversarial suite: <c>Adversarial/cases/&lt;language&gt;/&lt;name&gt;/</c> holding
/// <c>sample.py|sample.js|sample.c</c> and <c>case.yaml</c> (see Adversarial/README.md).
/// </summary>
public sealed record AdversarialCase(
    Language Language,
    string Name,
    string Directory,
    string TaskId,
    string Trick,
    bool Control,
    AdversarialExpectation Expect)
{
    public const string ManifestFileName = "case.yaml";

    /// <summary><c>language/name</c>, the row's display name.</summary>
    public string Key => $"{Language.Id()}/{Name}";

    public string SamplePath => Path.Combine(Directory, "sample." + Language.FileExtension());

    public static string Root => Path.Combine(CliProcess.RepositoryRoot, "tests", "DualGauge.Sandbox.Tests", "Adversarial", "cases");

    public static string BenchTasksRoot => CliProcess.BenchTasks;

    /// <summary>Every case folder under <see cref="Root"/>, as <c>language/name</c>, sorted.</summary>
    public static IReadOnlyList<string> Keys() =>
        System.IO.Directory.Exists(Root)
            ? System.IO.Directory.EnumerateDirectories(Root)
                .SelectMany(System.IO.Directory.EnumerateDirectories)
                .Select(d => Path.GetRelativePath(Root, d).Replace(Path.DirectorySeparatorChar, '/'))
                .Order(StringComparer.Ordinal)
                .ToList()
            : throw new DirectoryNotFoundException($"No adversarial cases: {Root} does not exist.");

    /// <summary>Loads the case <paramref name="key"/> (<c>language/name</c>); throws with every problem as <c>file: field: problem</c>.</summary>
    public static AdversarialCase Load(string key, IReadOnlySet<string> knownTasks)
    {
        var (value, errors) = TryLoad(Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar)), knownTasks);
        return value ?? throw new InvalidDataException(string.Join("\n", errors));
    }

    /// <summary>Parses and checks one case folder; returns the case, or null and the problems as <c>file: field: problem</c>.</summary>
    public static (AdversarialCase? Case, IReadOnlyList<string> Errors) TryLoad(string directory, IReadOnlySet<string> knownTasks)
    {
        var errors = new List<string>();
        var manifest = Path.Combine(directory, ManifestFileName);
        var shown = Path.GetRelativePath(CliProcess.RepositoryRoot, manifest).Replace(Path.DirectorySeparatorChar, '/');
        void Error(string field, string problem) => errors.Add($"{shown}: {field}: {problem}");

        var languageName = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar)));
        if (!LanguageExtensions.TryParse(languageName, out var language))
        {
            Error("(folder)", $"the case must sit in a python, javascript or c folder, not '{languageName}'");
            return (null, errors);
        }

        if (!File.Exists(manifest))
        {
            Error("(file)", "missing");
            return (null, errors);
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            var stream = new YamlStream();
            using (var reader = new StringReader(File.ReadAllText(manifest)))
            {
                stream.Load(reader);
            }

            if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                Error("(document)", "expected one YAML mapping");
                return (null, errors);
            }

            foreach (var (keyNode, valueNode) in root.Children)
            {
                var name = (keyNode as YamlScalarNode)?.Value ?? "";
                if (valueNode is not YamlScalarNode scalar)
                {
                    Error(name, "expected a single value");
                    continue;
                }

                if (!fields.TryAdd(name, scalar.Value ?? ""))
                {
                    Error(name, "given twice");
                }
            }
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            Error("(document)", $"not valid YAML (line {e.Start.Line}): {e.Message}");
            return (null, errors);
        }

        foreach (var unknown in fields.Keys.Except(["task", "trick", "expect", "control"]))
        {
            Error(unknown, "unknown field (expected task, trick, expect and, for controls, control)");
        }

        var control = false;
        if (fields.TryGetValue("control", out var controlText) && !bool.TryParse(controlText, out control))
        {
            Error("control", $"expected true or false, got '{controlText}'");
        }

        var task = fields.GetValueOrDefault("task")?.Trim() ?? "";
        if (task.Length == 0)
        {
            Error("task", "missing");
        }
        else if (!knownTasks.Contains(task))
        {
            Error("task", $"no bench task '{task}' in bench-tasks/");
        }
        else if (!task.StartsWith(language switch { Language.Python => "py-", Language.JavaScript => "js-", _ => "c-" }, StringComparison.Ordinal))
        {
            Error("task", $"task '{task}' is not a {language.Id()} task");
        }

        var trick = fields.GetValueOrDefault("trick")?.Trim() ?? "";
        if (trick.Length == 0)
        {
            Error("trick", "missing (one line saying what the sample tries)");
        }

        AdversarialExpectation? expect = (fields.GetValueOrDefault("expect")?.Trim(), control) switch
        {
            (null or "", _) => null,
            ("tampered", false) => AdversarialExpectation.Tampered,
            ("insecure", false) => AdversarialExpectation.Insecure,
            ("not-secure", false) => AdversarialExpectation.NotSecure,
            ("secure-pass", true) => AdversarialExpectation.SecurePass,
            ("secure", true) => AdversarialExpectation.Secure,
            ("functional-only", true) => AdversarialExpectation.FunctionalOnly,
            _ => null,
        };
        if (expect is null)
        {
            Error("expect", fields.TryGetValue("expect", out var given) && given.Length > 0
                ? $"'{given}' is not allowed for {(control ? "a control (secure-pass, secure, functional-only)" : "an evasion case (tampered, insecure, not-secure)")}"
                : "missing");
        }

        var sample = Path.Combine(directory, "sample." + language.FileExtension());
        if (!File.Exists(sample))
        {
            Error("(sample)", $"no {Path.GetFileName(sample)} beside case.yaml");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new AdversarialCase(language, Path.GetFileName(directory.TrimEnd(Path.DirectorySeparatorChar)), directory, task, trick, control, expect!.Value), errors);
    }
}
