using System.Text.RegularExpressions;
using DualGauge.Core.Oracles;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace DualGauge.Core.Tasks;

/// <summary>
/// Loads <c>&lt;root&gt;/&lt;language&gt;/&lt;task-id&gt;/task.yaml</c> task folders. A malformed task is
/// reported with the file, the field and the problem, and skipped; it never aborts the load.
/// </summary>
public static partial class TaskLoader
{
    public const string ManifestFileName = "task.yaml";
    public const int MinFunctionalTests = 3;
    public const int MinSecurityTests = 2;

    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

    public static TaskCatalog LoadAll(string root)
    {
        var fullRoot = Path.GetFullPath(root);
        if (!System.IO.Directory.Exists(fullRoot))
        {
            return new TaskCatalog(fullRoot, [], [new TaskLoadError(fullRoot, root, null, "the tasks folder does not exist")]);
        }

        var tasks = new List<BenchTask>();
        var errors = new List<TaskLoadError>();
        foreach (var languageDir in System.IO.Directory.EnumerateDirectories(fullRoot).Order(StringComparer.Ordinal))
        {
            var languageName = Path.GetFileName(languageDir);
            if (languageName.StartsWith('.') || !LanguageExtensions.TryParse(languageName, out _))
            {
                continue;
            }

            foreach (var taskDir in System.IO.Directory.EnumerateDirectories(languageDir).Order(StringComparer.Ordinal))
            {
                var result = Load(taskDir, fullRoot);
                if (result.Task is not null)
                {
                    tasks.Add(result.Task);
                }

                errors.AddRange(result.Errors);
            }
        }

        foreach (var duplicate in tasks.GroupBy(t => t.Id).Where(g => g.Count() > 1))
        {
            foreach (var task in duplicate.Skip(1))
            {
                errors.Add(new TaskLoadError(task.Directory, Relative(fullRoot, Path.Combine(task.Directory, ManifestFileName)), "id", $"duplicate task id '{task.Id}'"));
                tasks.Remove(task);
            }
        }

        return new TaskCatalog(fullRoot, tasks, errors);
    }

    /// <summary>Loads one task folder. Returns the task, or null with the reasons.</summary>
    public static (BenchTask? Task, IReadOnlyList<TaskLoadError> Errors) Load(string taskDir, string? root = null)
    {
        taskDir = Path.GetFullPath(taskDir);
        root ??= Path.GetDirectoryName(Path.GetDirectoryName(taskDir)) ?? taskDir;
        var manifestPath = Path.Combine(taskDir, ManifestFileName);
        var manifestRel = Relative(root, manifestPath);
        var errors = new List<TaskLoadError>();
        void Error(string? field, string problem, string? file = null) =>
            errors.Add(new TaskLoadError(taskDir, file ?? manifestRel, field, problem));

        if (!File.Exists(manifestPath))
        {
            Error(null, $"missing {ManifestFileName}");
            return (null, errors);
        }

        TaskManifest? manifest;
        try
        {
            manifest = Yaml.Deserialize<TaskManifest>(File.ReadAllText(manifestPath));
        }
        catch (YamlException ex)
        {
            var where = ex.Start.Line > 0 ? $" (line {ex.Start.Line}, column {ex.Start.Column})" : "";
            Error(null, $"not valid YAML{where}: {(ex.InnerException ?? ex).Message}");
            return (null, errors);
        }

        if (manifest is null)
        {
            Error(null, "the manifest is empty");
            return (null, errors);
        }

        var folderName = Path.GetFileName(taskDir);
        var id = Required(manifest.Id, "id");
        if (id is not null)
        {
            if (!TaskIdPattern().IsMatch(id))
            {
                Error("id", $"'{id}' must be lowercase letters, digits and dashes");
            }
            else if (id != folderName)
            {
                Error("id", $"'{id}' must equal the folder name '{folderName}'");
            }
        }

        Language language = default;
        var languageText = Required(manifest.Language, "language");
        if (languageText is not null)
        {
            if (!LanguageExtensions.TryParse(languageText, out language))
            {
                Error("language", $"'{languageText}' is not one of {LanguageExtensions.AllIds}");
                languageText = null;
            }
            else if (LanguageExtensions.TryParse(Path.GetFileName(Path.GetDirectoryName(taskDir)), out var folderLanguage) && folderLanguage != language)
            {
                Error("language", $"'{languageText}' does not match the language folder '{folderLanguage.Id()}'");
            }
        }

        var title = Required(manifest.Title, "title");
        var prompt = Required(manifest.Prompt, "prompt");
        var entryPoint = Required(manifest.EntryPoint, "entry_point");
        if (entryPoint is not null && !IdentifierPattern().IsMatch(entryPoint))
        {
            Error("entry_point", $"'{entryPoint}' is not a valid function name");
        }

        var signature = Required(manifest.Signature, "signature");

        var cwes = new List<string>();
        if (manifest.Cwe is null || manifest.Cwe.Count == 0)
        {
            Error("cwe", "missing: list every CWE the security tests probe, e.g. [CWE-89]");
        }
        else
        {
            for (var i = 0; i < manifest.Cwe.Count; i++)
            {
                var cwe = manifest.Cwe[i]?.Trim() ?? "";
                if (!CwePattern().IsMatch(cwe))
                {
                    Error($"cwe[{i}]", $"'{cwe}' is not a CWE id like CWE-89");
                }
                else
                {
                    cwes.Add(cwe);
                }
            }
        }

        var tests = LoadTests(manifest.Tests, cwes, Error);
        var variants = languageText is null ? [] : LoadVariants(manifest.References, taskDir, language, Error);

        TaskFile? testsFile = null;
        if (languageText is not null)
        {
            var testsName = "tests." + language.FileExtension();
            var testsPath = Path.Combine(taskDir, testsName);
            if (!File.Exists(testsPath))
            {
                Error(null, $"missing tests file {testsName}", Relative(root, testsPath));
            }
            else
            {
                testsFile = new TaskFile(testsName, File.ReadAllBytes(testsPath));
            }
        }

        var fixtures = new List<TaskFile>();
        var fixturesDir = Path.Combine(taskDir, "fixtures");
        if (System.IO.Directory.Exists(fixturesDir))
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(fixturesDir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                fixtures.Add(new TaskFile(Path.GetRelativePath(taskDir, file).Replace('\\', '/'), File.ReadAllBytes(file)));
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new BenchTask
        {
            Id = id!,
            Language = language,
            Title = title!,
            Cwes = cwes,
            Prompt = prompt!,
            EntryPoint = entryPoint!,
            Signature = signature!,
            Directory = taskDir,
            TestsFile = testsFile!,
            Tests = tests,
            Variants = variants,
            Fixtures = fixtures,
            Tags = manifest.Tags?.Where(t => !string.IsNullOrWhiteSpace(t)).ToList() ?? [],
        }, errors);

        string? Required(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Error(field, "missing");
                return null;
            }

            return value.Trim();
        }
    }

    private static List<TestSpec> LoadTests(List<TestManifest>? manifests, List<string> taskCwes, Action<string?, string, string?> error)
    {
        var tests = new List<TestSpec>();
        if (manifests is null || manifests.Count == 0)
        {
            error("tests", $"missing: at least {MinFunctionalTests} functional and {MinSecurityTests} security tests", null);
            return tests;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < manifests.Count; i++)
        {
            var m = manifests[i];
            var field = $"tests[{i}]";
            if (m is null)
            {
                error(field, "empty entry", null);
                continue;
            }

            var ok = true;
            if (string.IsNullOrWhiteSpace(m.Id) || !TestIdPattern().IsMatch(m.Id))
            {
                error($"{field}.id", string.IsNullOrWhiteSpace(m.Id) ? "missing" : $"'{m.Id}' must be lowercase letters, digits and underscores", null);
                ok = false;
            }
            else if (!seen.Add(m.Id))
            {
                error($"{field}.id", $"duplicate test id '{m.Id}'", null);
                ok = false;
            }

            field = m.Id is { Length: > 0 } ? $"tests[{i}] ({m.Id})" : field;
            TestKind kind = default;
            switch (m.Kind?.Trim().ToLowerInvariant())
            {
                case "functional":
                    kind = TestKind.Functional;
                    break;
                case "security":
                    kind = TestKind.Security;
                    break;
                default:
                    error($"{field}.kind", m.Kind is null ? "missing: functional or security" : $"'{m.Kind}' is not functional or security", null);
                    ok = false;
                    break;
            }

            if (string.IsNullOrWhiteSpace(m.Description))
            {
                error($"{field}.description", "missing", null);
                ok = false;
            }

            var oracles = new List<OracleSpec>();
            if (kind == TestKind.Security)
            {
                if (string.IsNullOrWhiteSpace(m.Cwe) || !CwePattern().IsMatch(m.Cwe.Trim()))
                {
                    error($"{field}.cwe", string.IsNullOrWhiteSpace(m.Cwe) ? "missing: a security test names the CWE it probes" : $"'{m.Cwe}' is not a CWE id like CWE-89", null);
                    ok = false;
                }
                else if (!taskCwes.Contains(m.Cwe.Trim()))
                {
                    error($"{field}.cwe", $"'{m.Cwe.Trim()}' is not in the task's cwe list [{string.Join(", ", taskCwes)}]", null);
                    ok = false;
                }

                if (string.IsNullOrWhiteSpace(m.Attacks))
                {
                    error($"{field}.attacks", "missing: say what input the test sends and what it tries to do", null);
                    ok = false;
                }

                if (string.IsNullOrWhiteSpace(m.Why))
                {
                    error($"{field}.why", "missing: say why the oracle catches a vulnerable implementation", null);
                    ok = false;
                }
            }

            for (var j = 0; j < (m.Oracles?.Count ?? 0); j++)
            {
                var raw = m.Oracles![j];
                var args = raw?.Where(kv => kv.Key != "kind").ToDictionary(kv => kv.Key, kv => Convert.ToString(kv.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "") ?? [];
                var oracleKind = raw is not null && raw.TryGetValue("kind", out var k) ? Convert.ToString(k, System.Globalization.CultureInfo.InvariantCulture) : null;
                var spec = new OracleSpec(oracleKind ?? "", args);
                if (OracleCatalog.Validate(spec) is { } problem)
                {
                    error($"{field}.oracles[{j}]", problem, null);
                    ok = false;
                }
                else
                {
                    oracles.Add(spec);
                }
            }

            if (ok)
            {
                tests.Add(new TestSpec(m.Id!, kind, m.Description!.Trim(), kind == TestKind.Security ? m.Cwe!.Trim() : m.Cwe?.Trim(), m.Attacks?.Trim(), m.Why?.Trim(), oracles));
            }
        }

        var functional = manifests.Count(t => string.Equals(t?.Kind?.Trim(), "functional", StringComparison.OrdinalIgnoreCase));
        var security = manifests.Count(t => string.Equals(t?.Kind?.Trim(), "security", StringComparison.OrdinalIgnoreCase));
        if (functional < MinFunctionalTests)
        {
            error("tests", $"{functional} functional test(s); a task needs at least {MinFunctionalTests}", null);
        }

        if (security < MinSecurityTests)
        {
            error("tests", $"{security} security test(s); a task needs at least {MinSecurityTests}", null);
        }

        return tests;
    }

    private static List<TaskVariant> LoadVariants(List<ReferenceManifest>? manifests, string taskDir, Language language, Action<string?, string, string?> error)
    {
        var variants = new List<TaskVariant>();
        if (manifests is null || manifests.Count == 0)
        {
            error("references", "missing: a secure reference, at least one insecure and one wrong variant", null);
            return variants;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < manifests.Count; i++)
        {
            var m = manifests[i];
            var field = $"references[{i}]";
            if (m is null || string.IsNullOrWhiteSpace(m.File))
            {
                error($"{field}.file", "missing", null);
                continue;
            }

            VariantKind kind;
            switch (m.Kind?.Trim().ToLowerInvariant())
            {
                case "secure": kind = VariantKind.Secure; break;
                case "insecure": kind = VariantKind.Insecure; break;
                case "wrong": kind = VariantKind.Wrong; break;
                default:
                    error($"{field}.kind", m.Kind is null ? "missing: secure, insecure or wrong" : $"'{m.Kind}' is not secure, insecure or wrong", null);
                    continue;
            }

            var relative = m.File.Trim().Replace('\\', '/');
            var full = Path.GetFullPath(Path.Combine(taskDir, relative));
            if (!full.StartsWith(taskDir + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                error($"{field}.file", $"'{relative}' is outside the task folder", null);
                continue;
            }

            if (!File.Exists(full))
            {
                error($"{field}.file", $"'{relative}' does not exist", null);
                continue;
            }

            if (!string.Equals(Path.GetExtension(full).TrimStart('.'), language.FileExtension(), StringComparison.Ordinal))
            {
                error($"{field}.file", $"'{relative}' should end in .{language.FileExtension()}", null);
                continue;
            }

            var name = Path.GetFileNameWithoutExtension(full);
            if (!names.Add(name))
            {
                error($"{field}.file", $"two references are named '{name}'", null);
                continue;
            }

            variants.Add(new TaskVariant(name, kind, relative, m.Note?.Trim()));
        }

        var secure = variants.Count(v => v.Kind == VariantKind.Secure);
        if (secure != 1)
        {
            error("references", $"{secure} secure references; a task needs exactly one", null);
        }

        if (!variants.Any(v => v.Kind == VariantKind.Insecure))
        {
            error("references", "no insecure variant; a task needs at least one (passes the functional tests, fails a security test)", null);
        }

        if (!variants.Any(v => v.Kind == VariantKind.Wrong))
        {
            error("references", "no wrong variant; a task needs at least one (fails a functional test)", null);
        }

        return variants;
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(Path.GetDirectoryName(root) ?? root, path).Replace('\\', '/');

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex TaskIdPattern();

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex TestIdPattern();

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex("^CWE-[0-9]+$")]
    private static partial Regex CwePattern();
}
