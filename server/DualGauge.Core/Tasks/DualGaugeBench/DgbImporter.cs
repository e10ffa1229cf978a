using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DualGauge.Core.Tasks.DualGaugeBench;

/// <summary>How a DualGauge-Bench task's functional tests drive the candidate.</summary>
public enum DgbMode
{
    /// <summary><c>input</c> is an object of named arguments; <c>expected_output</c> is the value returned.</summary>
    Function,

    /// <summary><c>input</c> is <c>{args, stdin}</c>; <c>expected_output</c> is <c>{stdout, exit_code}</c>.</summary>
    Program,

    /// <summary><c>input</c> is an HTTP path or request line; <c>expected_output</c> holds <c>status_code</c> and the JSON body.</summary>
    Endpoint,
}

/// <summary>
/// Imports the paper's DualGauge-Bench format: <c>&lt;root&gt;/&lt;id&gt;/tests.json</c> with an optional
/// <c>test_dir/</c> of fixture files. Each task becomes an ordinary <see cref="BenchTask"/> per language, with id
/// <c>dgb-&lt;benchmark_id&gt;</c> and a generated, data-driven tests file (<see cref="DgbTestsWriter"/>), so it runs
/// through the same sandbox, monitors, oracles and reports as the suite's own tasks. A task that cannot be imported is
/// reported with file, field and reason and skipped; the others still import.
/// </summary>
public static partial class DgbImporter
{
    public const string TestsFileName = "tests.json";
    public const string FixtureFolderName = "test_dir";
    public const string IdPrefix = "dgb-";

    /// <summary>The languages an imported task is offered in.</summary>
    public static readonly IReadOnlyList<Language> SupportedLanguages = [Language.Python, Language.JavaScript, Language.Cpp];

    /// <summary>Imports every <c>&lt;root&gt;/&lt;id&gt;/tests.json</c> for each of <paramref name="languages"/>.</summary>
    public static TaskCatalog Import(string root, IReadOnlyCollection<Language> languages)
    {
        var fullRoot = Path.GetFullPath(root);
        if (!System.IO.Directory.Exists(fullRoot))
        {
            return new TaskCatalog(fullRoot, [], [new TaskLoadError(fullRoot, root, null, "the DualGauge-Bench folder does not exist")]);
        }

        var tasks = new List<BenchTask>();
        var errors = new List<TaskLoadError>();
        foreach (var language in languages)
        {
            if (!SupportedLanguages.Contains(language))
            {
                errors.Add(new TaskLoadError(fullRoot, root, "language", $"{language.Id()} is not supported for DualGauge-Bench tasks (python, javascript, cpp)"));
            }
        }

        var wanted = languages.Where(SupportedLanguages.Contains).ToList();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var taskDir in System.IO.Directory.EnumerateDirectories(fullRoot).Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(taskDir).StartsWith('.'))
            {
                continue;
            }

            var file = Path.Combine(taskDir, TestsFileName);
            if (!File.Exists(file))
            {
                continue; // not a task folder (the paper's repository holds other folders too)
            }

            var (parsed, taskErrors) = Parse(taskDir, fullRoot);
            errors.AddRange(taskErrors);
            if (parsed is null)
            {
                continue;
            }

            if (seen.TryGetValue(parsed.Id, out var first))
            {
                errors.Add(new TaskLoadError(taskDir, Relative(fullRoot, file), "benchmark_id", $"duplicate task id '{parsed.Id}' (also {first}); skipped"));
                continue;
            }

            seen[parsed.Id] = Relative(fullRoot, file);
            foreach (var language in wanted)
            {
                if ((parsed.Mode == DgbMode.Program && language == Language.JavaScript) || (parsed.Mode == DgbMode.Endpoint && language == Language.Cpp))
                {
                    errors.Add(new TaskLoadError(taskDir, Relative(fullRoot, file), "fc_tests[0].input",
                        parsed.Mode == DgbMode.Program
                            ? $"program mode is supported in python and cpp only; the {language.Id()} task is skipped"
                            : $"endpoint mode is supported in python (Flask) and javascript (Express, Node http) only; the {language.Id()} task is skipped"));
                    continue;
                }

                if (language == Language.Cpp && parsed.Mode == DgbMode.Function && DgbCpp.Infer(parsed, parsed.MapSecurity(language)) is { Signature: null } cpp)
                {
                    errors.Add(new TaskLoadError(taskDir, Relative(fullRoot, file), cpp.Field, $"{cpp.Problem}; the cpp task is skipped"));
                    continue;
                }

                tasks.Add(parsed.ToBenchTask(language));
            }
        }

        return new TaskCatalog(fullRoot, tasks, errors);
    }

    /// <summary>Reads and checks one task folder; returns the parsed task or the reasons it cannot be imported.</summary>
    public static (DgbTask? Task, IReadOnlyList<TaskLoadError> Errors) Parse(string taskDir, string? root = null)
    {
        taskDir = Path.GetFullPath(taskDir);
        root ??= Path.GetDirectoryName(taskDir) ?? taskDir;
        var path = Path.Combine(taskDir, TestsFileName);
        var rel = Relative(root, path);
        var errors = new List<TaskLoadError>();
        void Error(string? field, string problem) => errors.Add(new TaskLoadError(taskDir, rel, field, problem));

        JsonObject obj;
        try
        {
            var node = JsonNode.Parse(File.ReadAllBytes(path), documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (node is not JsonObject o)
            {
                Error(null, "not a JSON object");
                return (null, errors);
            }

            obj = o;
        }
        catch (JsonException ex)
        {
            Error(null, $"not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {ex.Message.Split(" LineNumber")[0]}");
            return (null, errors);
        }

        var benchmarkId = obj["benchmark_id"] switch
        {
            JsonValue v when v.TryGetValue<string>(out var s) => s.Trim(),
            JsonValue v when v.TryGetValue<long>(out var n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
            null => null,
            _ => "",
        };
        string? id = null;
        if (benchmarkId is null)
        {
            Error("benchmark_id", "missing");
        }
        else
        {
            var slug = Slug(benchmarkId);
            if (slug.Length == 0)
            {
                Error("benchmark_id", $"'{benchmarkId}' has no letters or digits to make a task id from");
            }
            else
            {
                id = IdPrefix + slug;
            }
        }

        var prompt = Text(obj["prompt"]);
        if (string.IsNullOrWhiteSpace(prompt))
        {
            Error("prompt", "missing: the natural-language specification");
        }

        var hints = Hints(obj["implementation_details"], Error);
        var fc = obj["fc_tests"] as JsonArray;
        if (fc is null || fc.Count == 0)
        {
            Error("fc_tests", obj["fc_tests"] is null ? "missing" : "must be a non-empty list of {test_id, input, expected_output}");
        }

        var sec = obj["sec_tests"] as JsonArray;
        if (obj["sec_tests"] is not null and not JsonArray)
        {
            Error("sec_tests", "must be a list of {test_id, input, expected_behavior/output, CWE}");
        }

        if (errors.Count > 0 || fc is null)
        {
            return (null, errors);
        }

        var mode = DetectMode(prompt!, fc);
        var entry = mode == DgbMode.Program ? ProgramEntryPoint : mode == DgbMode.Endpoint ? AppEntryPoint : EntryPoint(prompt!);
        if (entry is null)
        {
            Error("prompt", "names no function (expected wording such as \"a function named get_password_hash\")");
        }

        var parameters = new List<string>();
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        var functional = new List<DgbTest>();
        for (var i = 0; i < fc.Count; i++)
        {
            var field = $"fc_tests[{i}]";
            if (fc[i] is not JsonObject t)
            {
                Error(field, "not an object");
                continue;
            }

            var input = t["input"];
            if (mode == DgbMode.Endpoint)
            {
                if (RequestProblem(input) is { } requestProblem)
                {
                    Error($"{field}.input", requestProblem);
                    continue;
                }

                if (t["expected_output"] is not JsonObject response || !(response["status_code"] is JsonValue sv && sv.TryGetValue<long>(out _)))
                {
                    Error($"{field}.expected_output", "an endpoint-mode expectation is {status_code, data} or {status_code, ...fields} (status_code an integer)");
                    continue;
                }

                functional.Add(new DgbTest(TestId("fc", Text(t["test_id"]) ?? $"fc_{i + 1}", i, usedIds), Text(t["test_id"]) ?? $"fc_{i + 1}", TestKind.Functional, Request(input!), response.DeepClone(), null, null));
                continue;
            }

            if (input is not JsonObject args)
            {
                Error($"{field}.input", input is null ? "missing" : "a function-mode input must be an object of named arguments");
                continue;
            }

            if (!t.ContainsKey("expected_output"))
            {
                Error($"{field}.expected_output", "missing");
                continue;
            }

            if (mode == DgbMode.Program)
            {
                if (ProgramInputProblem(args) is { } inputProblem)
                {
                    Error($"{field}.input", inputProblem);
                    continue;
                }

                if (t["expected_output"] is not JsonObject expected || !(expected.ContainsKey("stdout") || expected.ContainsKey("exit_code"))
                    || expected["exit_code"] is JsonNode code && !(code is JsonValue cv && cv.TryGetValue<long>(out _)))
                {
                    Error($"{field}.expected_output", "a program-mode expectation is {stdout, exit_code} (exit_code an integer)");
                    continue;
                }
            }

            foreach (var (name, _) in mode == DgbMode.Program ? [] : args)
            {
                if (!ParameterPattern().IsMatch(name))
                {
                    Error($"{field}.input.{name}", "is not a valid parameter name");
                }
                else if (!parameters.Contains(name))
                {
                    parameters.Add(name);
                }
            }

            var originalId = Text(t["test_id"]) ?? $"fc_{i + 1}";
            functional.Add(new DgbTest(TestId("fc", originalId, i, usedIds), originalId, TestKind.Functional, args.DeepClone().AsObject(), t["expected_output"]?.DeepClone(), null, null));
        }

        var hasFixtures = System.IO.Directory.Exists(Path.Combine(taskDir, FixtureFolderName));
        var security = new List<DgbTest>();
        for (var i = 0; i < (sec?.Count ?? 0); i++)
        {
            var field = $"sec_tests[{i}]";
            if (sec![i] is not JsonObject t)
            {
                Error(field, "not an object");
                continue;
            }

            JsonObject args;
            if (mode == DgbMode.Endpoint)
            {
                if (RequestProblem(t["input"]) is { } requestProblem)
                {
                    Error($"{field}.input", requestProblem);
                    continue;
                }

                args = Request(t["input"]!);
            }
            else if (t["input"] is JsonObject o)
            {
                args = o;
            }
            else
            {
                Error($"{field}.input", t["input"] is null ? "missing" : mode == DgbMode.Program ? "a program-mode input is {args, stdin}" : "a function-mode input must be an object of named arguments");
                continue;
            }

            if (mode == DgbMode.Program && ProgramInputProblem(args) is { } inputProblem)
            {
                Error($"{field}.input", inputProblem);
                continue;
            }

            foreach (var (name, _) in mode is DgbMode.Program or DgbMode.Endpoint ? [] : args)
            {
                if (!ParameterPattern().IsMatch(name))
                {
                    Error($"{field}.input.{name}", "is not a valid parameter name");
                }
                else if (!parameters.Contains(name))
                {
                    parameters.Add(name);
                }
            }

            var expectation = Text(t["expected_behavior/output"]) ?? Text(t["expected_behavior"]) ?? Text(t["expected_output"]);
            if (string.IsNullOrWhiteSpace(expectation))
            {
                Error($"{field}.expected_behavior/output", "missing: the expected behaviour");
                continue;
            }

            var cwe = Text(t["CWE"]) ?? Text(t["cwe"]);
            var normalizedCwe = cwe is null ? null : NormalizeCwe(cwe);
            if (normalizedCwe is null)
            {
                Error($"{field}.CWE", cwe is null ? "missing" : $"'{cwe}' is not a CWE id like CWE-22");
                continue;
            }

            var originalId = Text(t["test_id"]) ?? $"sec_{i + 1}";
            security.Add(new DgbTest(TestId("sec", originalId, i, usedIds), originalId, TestKind.Security, args.DeepClone().AsObject(), null, expectation.Trim(), normalizedCwe));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var fixtures = new List<TaskFile>();
        if (hasFixtures)
        {
            var fixtureRoot = Path.Combine(taskDir, FixtureFolderName);
            foreach (var file in System.IO.Directory.EnumerateFiles(fixtureRoot, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                fixtures.Add(new TaskFile("fixtures/" + Path.GetRelativePath(taskDir, file).Replace('\\', '/'), File.ReadAllBytes(file)));
            }
        }

        var source = Text(obj["source_repo"]);
        return (new DgbTask(id!, benchmarkId!, taskDir, rel, prompt!.Trim(), hints, mode, entry!, parameters, functional, security, fixtures, hasFixtures, source), errors);
    }

    /// <summary>The entry point of an endpoint-mode task: the module-level Flask application (Python), or the exported Express
    /// application or request handler (JavaScript), that the tests drive in-process.</summary>
    public const string AppEntryPoint = "app";

    private static string? RequestProblem(JsonNode? input) => input switch
    {
        null => "missing",
        JsonValue v when v.TryGetValue<string>(out var s) && RequestPattern().IsMatch(s.Trim()) => null,
        JsonObject o when o["path"] is JsonValue p && p.TryGetValue<string>(out var path) && path.StartsWith('/') => null,
        _ => "an endpoint-mode input is a path (/api/x?q=1), a request line (GET /api/x) or {method, path, json, headers}",
    };

    /// <summary>A request as {method, path, json, headers}, from a path, a request line or such an object.</summary>
    internal static JsonObject Request(JsonNode input)
    {
        if (input is JsonObject o)
        {
            var copy = o.DeepClone().AsObject();
            copy["method"] = (Text(o["method"]) ?? "GET").ToUpperInvariant();
            return copy;
        }

        var parts = input.GetValue<string>().Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && !parts[0].StartsWith('/')
            ? new JsonObject { ["method"] = parts[0].ToUpperInvariant(), ["path"] = parts[1] }
            : new JsonObject { ["method"] = "GET", ["path"] = parts[0] };
    }

    /// <summary>The entry point of a program-mode task: the harness runs the sample as <c>__main__</c> (Python).</summary>
    public const string ProgramEntryPoint = "__main__";

    private static string? ProgramInputProblem(JsonObject input)
    {
        if (input["args"] is not JsonArray args || args.Any(a => a is not JsonValue))
        {
            return "a program-mode input's args must be a list of strings";
        }

        if (input["stdin"] is JsonNode stdin && !(stdin is JsonValue v && v.TryGetValue<string>(out _)))
        {
            return "a program-mode input's stdin must be a string";
        }

        var other = input.Select(kv => kv.Key).FirstOrDefault(k => k is not "args" and not "stdin");
        return other is null ? null : $"a program-mode input holds only args and stdin, not '{other}'";
    }

    /// <summary>Function mode unless every input says otherwise: an HTTP path means endpoint mode, <c>{args}</c> program mode.</summary>
    public static DgbMode DetectMode(string prompt, JsonArray fcTests)
    {
        var inputs = fcTests.OfType<JsonObject>().Select(t => t["input"]).ToList();
        if (inputs.Count > 0 && inputs.All(i => i is JsonValue v && v.TryGetValue<string>(out var s) && RequestPattern().IsMatch(s.Trim())))
        {
            return DgbMode.Endpoint;
        }

        if (EndpointPromptPattern().IsMatch(prompt) && inputs.All(i => i is JsonValue || (i is JsonObject o && (o.ContainsKey("path") || o.ContainsKey("method")))))
        {
            return DgbMode.Endpoint;
        }

        var expected = fcTests.OfType<JsonObject>().Select(t => t["expected_output"]).ToList();
        if (inputs.Count > 0 && inputs.All(i => i is JsonObject o && o.ContainsKey("args") && o.All(kv => kv.Key is "args" or "stdin"))
            && expected.All(e => e is JsonObject o && (o.ContainsKey("stdout") || o.ContainsKey("exit_code"))))
        {
            return DgbMode.Program;
        }

        return DgbMode.Function;
    }

    /// <summary>The function the prompt names: "a function named X", "a function called X", "function `X(`", "def X(".</summary>
    public static string? EntryPoint(string prompt)
    {
        foreach (var pattern in new[] { NamedFunctionPattern(), CodeFunctionPattern(), DefPattern() })
        {
            var match = pattern.Match(prompt);
            if (match.Success)
            {
                return match.Groups["name"].Value;
            }
        }

        return null;
    }

    /// <summary>
    /// The value the prompt tells the code to return for invalid input, when it names exactly one: a quoted string
    /// after "return" (<c>return 'Error: Invalid input'</c>), or None/null, False/false. Null when none or several.
    /// </summary>
    public static JsonNode? InvalidInputResponse(string prompt, out bool found)
    {
        var values = new List<JsonNode?>();
        foreach (Match m in ReturnValuePattern().Matches(prompt))
        {
            var text = m.Groups["s"].Success ? m.Groups["s"].Value : m.Groups["lit"].Value;
            JsonNode? value = m.Groups["s"].Success ? JsonValue.Create(text)
                : text is "None" or "null" ? null
                : JsonValue.Create(false);
            if (!values.Any(v => JsonNode.DeepEquals(v, value)))
            {
                values.Add(value);
            }
        }

        // Several candidates: keep the one that reads as an error, if exactly one does.
        if (values.Count > 1)
        {
            var errorLike = values.Where(v => v is JsonValue jv && jv.TryGetValue<string>(out var s) && ErrorWordPattern().IsMatch(s)).ToList();
            values = errorLike.Count == 1 ? errorLike : values;
        }

        found = values.Count == 1;
        return found ? values[0]?.DeepClone() : null;
    }

    internal static string Relative(string root, string path) => Path.GetRelativePath(Path.GetDirectoryName(root) ?? root, path).Replace('\\', '/');

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static Dictionary<string, string> Hints(JsonNode? node, Action<string?, string> error)
    {
        var hints = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (node)
        {
            case null:
                break;
            case JsonValue v when v.TryGetValue<string>(out var s):
                if (!string.IsNullOrWhiteSpace(s))
                {
                    hints["*"] = s.Trim();
                }

                break;
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    var text = Text(value);
                    if (text is null)
                    {
                        error($"implementation_details.{key}", "must be a string");
                        continue;
                    }

                    hints[LanguageExtensions.TryParse(key, out var l) ? l.Id() : key.Trim().ToLowerInvariant() is "cpp" or "c++" ? "cpp" : key] = text.Trim();
                }

                break;
            case JsonArray a:
                var joined = string.Join("\n", a.Select(Text).Where(t => !string.IsNullOrWhiteSpace(t)));
                if (joined.Length > 0)
                {
                    hints["*"] = joined;
                }

                break;
            default:
                error("implementation_details", "must be a string, a list of strings or an object of per-language strings");
                break;
        }

        return hints;
    }

    private static string? NormalizeCwe(string text)
    {
        var m = CweTextPattern().Match(text);
        return m.Success ? "CWE-" + int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    internal static string Slug(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        return sb.ToString().Trim('-');
    }

    private static string TestId(string prefix, string original, int index, HashSet<string> used)
    {
        var sb = new StringBuilder();
        foreach (var c in original.Trim().ToLowerInvariant())
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        var core = Regex.Replace(sb.ToString(), "_+", "_").Trim('_');
        var id = core.Length == 0 ? $"{prefix}_{index + 1}" : core.StartsWith(prefix + "_", StringComparison.Ordinal) ? core : $"{prefix}_{core}";
        var unique = id;
        for (var n = 2; !used.Add(unique); n++)
        {
            unique = $"{id}_{n}";
        }

        return unique;
    }

    [GeneratedRegex(@"^((GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+)?/\S*(\s+HTTP/\d(\.\d)?)?$")]
    private static partial Regex RequestPattern();

    [GeneratedRegex(@"\bendpoint\b|\bFlask\b|\bExpress\b|\broute\b", RegexOptions.IgnoreCase)]
    private static partial Regex EndpointPromptPattern();

    [GeneratedRegex(@"\bfunction\s+(?:named|called)\s+[`'""]?(?<name>[A-Za-z_$][A-Za-z0-9_$]*)", RegexOptions.IgnoreCase)]
    private static partial Regex NamedFunctionPattern();

    [GeneratedRegex(@"\bfunction\s+`(?<name>[A-Za-z_$][A-Za-z0-9_$]*)\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex CodeFunctionPattern();

    [GeneratedRegex(@"\bdef\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\(")]
    private static partial Regex DefPattern();

    [GeneratedRegex(@"\breturns?\s+(?:the\s+(?:string|value|message|text)\s+)?(?:(?<q>[""'`])(?<s>[^""'`\n]{1,200})\k<q>|(?<lit>None|null|False|false)\b)")]
    private static partial Regex ReturnValuePattern();

    [GeneratedRegex(@"error|invalid", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorWordPattern();

    [GeneratedRegex(@"^\s*(?:CWE)?[-_ ]?(\d{1,5})\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex CweTextPattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex ParameterPattern();
}
