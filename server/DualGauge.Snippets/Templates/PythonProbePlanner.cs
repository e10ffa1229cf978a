using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DualGauge.Core.Tasks;
using DualGauge.Snippets.Widening;

namespace DualGauge.Snippets.Templates;

/// <summary>An input of the function under test and where the probe puts it.</summary>
/// <param name="Where">
/// <c>arg</c> (a parameter), <c>init</c> (its class's constructor), <c>path</c> (a route parameter), <c>query</c>,
/// <c>form</c>, <c>json</c>, <c>headers</c>, <c>cookies</c> (a request field the handler reads), <c>env</c>, <c>stdin</c>;
/// <c>prop</c> is a field of a destructured JavaScript parameter (<see cref="Of"/> names it).
/// </param>
public sealed record PlanInput(string Name, ParameterRole Role, string Where, bool HasDefault, string? Type)
{
    /// <summary>For <c>option</c> inputs: the options parameter (a dict) whose key this is.</summary>
    public string? Owner { get; init; }

    /// <summary>For a <c>prop</c>: the parameter whose object carries it.</summary>
    public string? Of { get; init; }
}

/// <summary>How a Python function is driven: its inputs, and the HTTP view description when it is a web handler.</summary>
public sealed record PythonEntry(IReadOnlyList<PlanInput> Inputs, JsonObject? Http);

/// <summary>
/// Plans Python probes from template descriptors: chooses each probe's input by the descriptor's names and roles,
/// and writes the probe plan (data). The tests file is the runtime, the chosen templates' probe files and the plan,
/// joined; no probe code is generated.
/// </summary>
internal static partial class PythonProbePlanner
{
    public static IEnumerable<GeneratedTest> Security(ProbeTemplate template, ProbeTarget target, IReadOnlyList<string> hits)
    {
        var entry = Describe(target);
        foreach (var probe in template.Probes.Where(p => p.Languages.Contains(Language.Python)))
        {
            if (!probe.Applies(entry.Inputs.Select(i => i.Role)) || !probe.AppliesToHits(hits))
            {
                continue;
            }

            PlanInput? input = null;
            if (probe.Input is { } wanted)
            {
                input = ProbePlans.Choose(entry.Inputs, wanted);
                if (input is null)
                {
                    continue;
                }
            }

            var dest = entry.Inputs.Any(i => i.Role == ParameterRole.Directory) ? "{workdir}/out" : "{workdir}";
            var (spec, plan) = ProbePlans.Security(template, target, probe, input, input is null ? "" : Shown(input), dest, hits);
            yield return new GeneratedTest(spec, "") { Plan = plan, TemplateId = template.Id };
        }
    }

    public static IEnumerable<GeneratedTest> Functional(ProbeTarget target)
    {
        var doc = target.Function.Doc ?? "";
        var n = 0;
        var tests = new List<GeneratedTest>();
        foreach (Match m in DoctestRegex().Matches(doc))
        {
            var expression = m.Groups["expr"].Value.Trim();
            var expected = m.Groups["out"].Value.Trim();
            if (expected.Length == 0 || expected.StartsWith("Traceback", StringComparison.Ordinal) || !expression.StartsWith(target.Function.Name + "(", StringComparison.Ordinal))
            {
                continue;
            }

            tests.Add(Example(target, ++n, expression, expected, $"Docstring example: {expression} returns {expected}."));
        }

        foreach (Match m in DocAssertRegex().Matches(doc))
        {
            var condition = m.Groups["cond"].Value.Trim();
            var eq = AssertEqualityRegex().Match(condition);
            if (!eq.Success || !eq.Groups["call"].Value.StartsWith(target.Function.Name + "(", StringComparison.Ordinal))
            {
                continue;
            }

            tests.Add(Example(target, ++n, eq.Groups["call"].Value.Trim(), eq.Groups["expected"].Value.Trim(), $"Docstring assertion: {condition}."));
        }

        if (tests.Count == 0)
        {
            var id = Specs.Id(target.Prefix, "runs_on_benign_input");
            tests.Add(new GeneratedTest(Specs.Functional(id, $"{target.Function.Name} runs on benign inputs without a programming error (a smoke run: its behaviour is not checked)."), "")
            {
                Plan = new JsonObject { ["id"] = id, ["probe"] = "smoke", ["function"] = target.Entry },
                Evidence = FunctionalEvidence.SmokeOnly,
            });
        }

        return tests;
    }

    private static GeneratedTest Example(ProbeTarget target, int n, string expression, string expected, string description)
    {
        var id = Specs.Id(target.Prefix, $"example_{n}");
        return new GeneratedTest(Specs.Functional(id, description), "")
        {
            Plan = new JsonObject
            {
                ["id"] = id, ["probe"] = "example", ["function"] = target.Entry,
                ["args"] = new JsonObject { ["expression"] = expression, ["expected"] = expected },
            },
            Evidence = FunctionalEvidence.OwnExamples,
        };
    }

    /// <summary>The tests file: the runtime, the probe files of the templates used, then the plan and its registration.</summary>
    public static string TestsFile(IReadOnlyList<FunctionMatch> matched, TemplateCatalog catalog)
    {
        var runtime = catalog.Runtime("runtime.py") ?? throw new InvalidOperationException("templates/runtime/runtime.py is missing");
        var builder = new StringBuilder(runtime).Append('\n');
        foreach (var template in matched.SelectMany(m => m.Templates).DistinctBy(t => t.Id))
        {
            if (template.ProbeFiles.TryGetValue(Language.Python, out var probes))
            {
                builder.Append("\n# ---- templates/").Append(template.Id).Append("/probe.py ----\n").Append(probes).Append('\n');
            }
        }

        var functions = new JsonObject();
        foreach (var m in matched)
        {
            functions[m.Target.Entry] = FunctionSpec(m.Target);
        }

        var plan = new JsonObject
        {
            ["functions"] = functions,
            ["tests"] = new JsonArray(matched.SelectMany(m => m.Tests).Select(t => t.Plan?.DeepClone()).Where(p => p is not null).ToArray()),
        };
        var json = plan.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
        // The plan is data: a JSON document inside a Python string literal, read with json.loads.
        builder.Append("\n# ---- the plan (data written by the planner) ----\nPLAN = json.loads(").Append(PythonString(json)).Append(")\nregister(globals())\n");
        return builder.ToString();
    }

    /// <summary>Code appended to the sample so a web handler runs inside a real framework request.</summary>
    public static string SampleSuffix(IReadOnlyList<FunctionMatch> matched, TemplateCatalog catalog) =>
        matched.Any(m => Describe(m.Target).Http is not null) ? catalog.Runtime("entry_http.py") ?? "" : "";

    /// <summary>
    /// DB-API drivers for servers the sandbox does not run, each with the package files its stand-in takes
    /// (templates/runtime/standins/dbapi_sqlite.py: a real SQLite connection to the probe database). The job
    /// folder is the last entry of the sample's import path, so an installed driver always wins over its stand-in.
    /// </summary>
    private static readonly (string Module, string Template, string Runtime, string[] Files)[] DriverModules =
    [
        ("psycopg2", "sql", "standins/dbapi_sqlite.py", ["psycopg2/__init__.py", "psycopg2/extensions.py", "psycopg2/errors.py"]),
        ("pymysql", "sql", "standins/dbapi_sqlite.py", ["pymysql/__init__.py"]),
        ("MySQLdb", "sql", "standins/dbapi_sqlite.py", ["MySQLdb/__init__.py"]),
        ("mysql.connector", "sql", "standins/dbapi_sqlite.py", ["mysql/connector/__init__.py"]),
        // aiosqlite and aiofiles are sqlite3 and open() behind coroutines: the code's own paths stay.
        ("aiosqlite", "sql", "standins/aiosqlite.py", ["aiosqlite/__init__.py"]),
        ("aiofiles", "path", "standins/aiofiles.py", ["aiofiles/__init__.py"]),
        ("aiofiles", "path", "standins/aiofiles_os.py", ["aiofiles/os.py"]),
    ];

    private static IEnumerable<(string Module, string Template, string Runtime, string[] Files)> DriverStandIns(string context) =>
        DriverModules.Where(d => Regex.IsMatch(context, $@"^\s*(?:import|from)\s+{Regex.Escape(d.Module)}\b", RegexOptions.Multiline));

    /// <summary>The DB-API driver (a server's) the code imports, whose stand-in connects to the probe database; or null.</summary>
    private static string? ServerDriver(string context) =>
        DriverStandIns(context).Where(d => d.Runtime == "standins/dbapi_sqlite.py").Select(d => d.Module).FirstOrDefault();

    /// <summary>The driver the code imports that runs as a stand-in (shown in the match reason), or null.</summary>
    public static string? StandInDriver(string context) => DriverStandIns(context).Where(d => d.Template == "sql").Select(d => d.Module).FirstOrDefault();

    /// <summary>The stand-ins the matched functions' probes need (a driver for a SQL probe, aiofiles for a path probe), as job files.</summary>
    public static IReadOnlyList<TaskFile> Fixtures(IReadOnlyList<FunctionMatch> matched)
    {
        var files = new Dictionary<string, TaskFile>(StringComparer.Ordinal);
        foreach (var m in matched)
        {
            foreach (var (module, template, runtime, paths) in DriverStandIns(m.Target.Context))
            {
                if (m.Templates.All(t => t.Id != template) || TemplateCatalog.Builtin.Runtime(runtime) is not { } driver)
                {
                    continue;
                }

                foreach (var path in paths)
                {
                    var content = path.EndsWith("/__init__.py", StringComparison.Ordinal) || template != "sql" ? driver : "from . import *  # noqa: F401,F403\nfrom . import Error, OperationalError  # noqa: F401\n";
                    files.TryAdd(path, new TaskFile(path, Encoding.UTF8.GetBytes(content)));
                }

                if (module == "psycopg2")
                {
                    files.TryAdd("psycopg2/extras.py", new TaskFile("psycopg2/extras.py", Encoding.UTF8.GetBytes(
                        "RealDictCursor = DictCursor = NamedTupleCursor = 'dict'  # the stand-in's cursors give dicts for any of them\n")));
                    files.TryAdd("psycopg2/pool.py", new TaskFile("psycopg2/pool.py", Encoding.UTF8.GetBytes(
                        "from psycopg2 import connect\n\n\nclass SimpleConnectionPool:\n    def __init__(self, *args, **kwargs):\n        pass\n\n    def getconn(self):\n        return connect()\n\n    def putconn(self, conn):\n        conn.commit()\n\n\nThreadedConnectionPool = SimpleConnectionPool\n")));
                }

                if (module == "pymysql")
                {
                    files.TryAdd("pymysql/cursors.py", new TaskFile("pymysql/cursors.py", Encoding.UTF8.GetBytes("DictCursor = 'dict'\nCursor = None\n")));
                }

                if (module == "mysql.connector")
                {
                    files.TryAdd("mysql/__init__.py", new TaskFile("mysql/__init__.py", []));
                }
            }
        }

        return files.Values.ToList();
    }

    private static JsonObject FunctionSpec(ProbeTarget target)
    {
        var entry = Describe(target);
        var constants = ConstantRegex().Matches(target.Context).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
        var dbs = constants.Where(c => c.Contains("DB", StringComparison.Ordinal) || c.Contains("DATABASE", StringComparison.Ordinal)).ToList();
        var tables = new JsonObject();
        foreach (var (table, cols) in SqlSchema.Tables(target.Context))
        {
            tables[table] = new JsonArray(cols.Select(c => (JsonNode)c).ToArray());
        }

        return new JsonObject
        {
            ["entry"] = target.Entry,
            ["name"] = target.Function.Name,
            ["params"] = new JsonArray(entry.Inputs.Select(i => (JsonNode)new JsonObject
            {
                ["name"] = i.Name, ["role"] = ParameterRoles.Key(i.Role), ["where"] = i.Where, ["default"] = i.HasDefault, ["type"] = i.Type, ["owner"] = i.Owner,
            }).ToArray()),
            ["dirs"] = new JsonArray(constants.Except(dbs).Select(c => (JsonNode)c).ToArray()),
            ["dbs"] = new JsonArray(dbs.Select(c => (JsonNode)c).ToArray()),
            ["sqlTables"] = tables,
            ["standInDb"] = ServerDriver(target.Context),
            ["code"] = target.Code,
            ["context"] = target.Context,
            ["hosts"] = new JsonArray(HostRegex().Matches(target.Context).Select(m => m.Groups["host"].Value).Where(h => !h.EndsWith(".py", StringComparison.Ordinal) && !h.EndsWith(".txt", StringComparison.Ordinal))
                .Distinct(StringComparer.Ordinal).Take(3).Select(h => (JsonNode)h).ToArray()),
            ["http"] = entry.Http?.DeepClone(),
        };
    }

    private static string Shown(PlanInput input) => input.Where switch
    {
        "arg" or "path" => input.Name,
        "query" => $"the query parameter {input.Name}",
        "form" => $"the form field {input.Name}",
        "json" => $"the JSON field {input.Name}",
        "body" => "the request body",
        "headers" => $"the header {input.Name}",
        "cookies" => $"the cookie {input.Name}",
        "files" => $"the file name of the upload {input.Name}",
        "env" => $"the environment variable {input.Name}",
        "option" => $"the option {input.Owner}[\"{input.Name}\"]",
        "init" => $"the constructor argument {input.Name}",
        "stdin" => "standard input",
        _ => input.Name,
    };

    /// <summary>The function's inputs: its parameters, its class's constructor parameters, and what a web handler reads from its request.</summary>
    public static PythonEntry Describe(ProbeTarget target)
    {
        var code = target.Code;
        var inputs = new List<PlanInput>();
        var route = RouteRegex().Match(code);
        var flask = route.Success || (FlaskRequestRegex().IsMatch(code) && Regex.IsMatch(target.Context, @"\bfrom\s+flask\s+import\b[^\n]*\brequest\b|\bflask\.request\b"));
        var django = !flask && target.Function.Parameters.FirstOrDefault()?.Name == "request" && DjangoRequestRegex().IsMatch(code);
        foreach (var p in target.Function.Parameters.Where(p => !p.IsVariadic))
        {
            if (django && p == target.Function.Parameters[0])
            {
                continue;
            }

            inputs.Add(new PlanInput(p.Name, ParameterRoles.Classify(p, Language.Python), flask || django ? "path" : "arg", p.Default is not null, p.Type));
        }

        // An options object: each key the function reads is an input of its own.
        foreach (var owner in inputs.Where(i => i.Role == ParameterRole.Map && i.Where is "arg" or "init").ToList())
        {
            foreach (Match m in Regex.Matches(code, $@"\b{Regex.Escape(owner.Name)}(?:\.get\(\s*|\[\s*)['""](?<key>[A-Za-z_][\w-]*)['""]"))
            {
                var key = m.Groups["key"].Value;
                if (inputs.All(i => !(i.Name == key && i.Owner == owner.Name)))
                {
                    inputs.Add(new PlanInput(key, ParameterRoles.Classify(new FunctionParameter(key, null), Language.Python), "option", true, null) { Owner = owner.Name });
                }
            }
        }

        foreach (var init in target.Constructor?.Parameters.Where(p => !p.IsVariadic) ?? [])
        {
            if (inputs.All(i => i.Name != init.Name))
            {
                inputs.Add(new PlanInput(init.Name, ParameterRoles.Classify(init, Language.Python), "init", init.Default is not null, init.Type));
            }
        }

        JsonObject? http = null;
        if (flask || django)
        {
            foreach (var (name, where) in RequestFields(code, django))
            {
                if (inputs.All(i => i.Name != name))
                {
                    // An upload's attacker-controlled part is its file name: a path.
                    var role = where == "files" ? ParameterRole.FilePath : ParameterRoles.Classify(new FunctionParameter(name, null), Language.Python);
                    inputs.Add(new PlanInput(name, role, where, false, null));
                }
            }

            var path = route.Success ? ConverterRegex().Replace(route.Groups["path"].Value, m => m.Groups["name"].Value) : "/";
            var method = route.Success && (route.Groups["verb"].Value is "post" or "put" or "patch" or "delete") ? route.Groups["verb"].Value.ToUpperInvariant()
                : route.Success && MethodsRegex().Match(route.Value) is { Success: true } mm ? mm.Groups[1].Value.ToUpperInvariant()
                : "GET";
            http = new JsonObject
            {
                ["framework"] = flask ? "flask" : "django",
                ["name"] = target.Function.Name,
                ["app"] = route.Success ? route.Groups["app"].Value : null,
                ["path"] = path.Length == 0 ? "/" : path,
                ["method"] = method,
            };
            if (flask && SessionKeys(code) is { Count: > 0 } session)
            {
                http["session"] = session;
            }
        }
        else
        {
            foreach (Match m in EnvRegex().Matches(code))
            {
                var name = m.Groups["name"].Value;
                if (inputs.All(i => i.Name != name))
                {
                    inputs.Add(new PlanInput(name, ParameterRoles.Classify(new FunctionParameter(name.ToLowerInvariant(), null), Language.Python), "env", false, null));
                }
            }

            if (StdinRegex().IsMatch(code) && inputs.All(i => i.Where != "stdin"))
            {
                inputs.Add(new PlanInput("stdin", ParameterRole.Text, "stdin", false, null));
            }
        }

        return new PythonEntry(inputs, http);
    }

    private static IEnumerable<(string Name, string Where)> RequestFields(string code, bool django)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (django)
        {
            foreach (Match m in DjangoFieldRegex().Matches(code))
            {
                var where = m.Groups["src"].Value switch { "GET" => "query", "POST" => "form", "COOKIES" => "cookies", _ => "headers" };
                var name = m.Groups["name"].Value;
                if (where == "headers")
                {
                    name = name.StartsWith("HTTP_", StringComparison.Ordinal) ? name[5..].Replace('_', '-') : name;
                }

                if (seen.Add(name))
                {
                    yield return (name, where);
                }
            }

            yield break;
        }

        foreach (Match m in FlaskFieldRegex().Matches(code))
        {
            var where = m.Groups["src"].Value switch { "args" or "values" => "query", "form" => "form", "cookies" => "cookies", "files" => "files", _ => "headers" };
            if (seen.Add(m.Groups["name"].Value))
            {
                yield return (m.Groups["name"].Value, where);
            }
        }

        if (RawBodyRegex().IsMatch(code) && seen.Add("body"))
        {
            yield return ("body", "body");
        }

        var jsonVars = JsonVarRegex().Matches(code).Select(m => m.Groups["var"].Value).ToHashSet(StringComparer.Ordinal);
        foreach (Match m in JsonFieldRegex().Matches(code))
        {
            var owner = m.Groups["owner"].Value;
            if ((owner.StartsWith("request.", StringComparison.Ordinal) || jsonVars.Contains(owner)) && seen.Add(m.Groups["name"].Value))
            {
                yield return (m.Groups["name"].Value, "json");
            }
        }
    }

    internal static string PythonString(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    [GeneratedRegex(@"['""](?:https?://)?(?<host>(?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|example|internal|local|co|gov|edu))(?:[/:'""])")]
    private static partial Regex HostRegex();

    [GeneratedRegex(@"^[ \t]*>>>[ \t]?(?<expr>.+)\n(?<out>(?:[ \t]*(?!>>>)\S.*(?:\n|$))*)", RegexOptions.Multiline)]
    private static partial Regex DoctestRegex();

    [GeneratedRegex(@"^[ \t]*assert[ \t]+(?<cond>.+)$", RegexOptions.Multiline)]
    private static partial Regex DocAssertRegex();

    [GeneratedRegex(@"^(?<call>\w+\(.*\))\s*==\s*(?<expected>.+)$")]
    private static partial Regex AssertEqualityRegex();

    [GeneratedRegex(@"^((?:[A-Z][A-Z0-9_]*)?(?:DIR|DIRECTORY|ROOT|FOLDER|BASE|PATH|DB|DATABASE)[A-Z0-9_]*)\s*(?::[^=\n]+)?=\s*(?:[rfbu]?['""]|os\.|Path\()", RegexOptions.Multiline)]
    private static partial Regex ConstantRegex();

    [GeneratedRegex(@"^\s*@(?<app>\w+)\.(?<verb>route|get|post|put|patch|delete)\(\s*[rfbu]?['""](?<path>[^'""]*)['""][^\n]*", RegexOptions.Multiline)]
    private static partial Regex RouteRegex();

    [GeneratedRegex(@"methods\s*=\s*[\[(]\s*['""](\w+)['""]")]
    private static partial Regex MethodsRegex();

    [GeneratedRegex(@"<(?:\w+:)?(?<name>\w+)>")]
    private static partial Regex ConverterRegex();

    /// <summary>
    /// The session a view behind a login reads (<c>session.get("user_id")</c>, <c>session["role"]</c>): a signed-in
    /// ordinary user's values, so the view runs past its login check the way it does for a real user. They are
    /// not payloads: a session is signed by the server, a client cannot choose its values.
    /// </summary>
    internal static JsonObject SessionKeys(string code)
    {
        var session = new JsonObject();
        foreach (Match m in SessionRegex().Matches(code))
        {
            var key = m.Groups["name"].Value;
            if (session.ContainsKey(key))
            {
                continue;
            }

            var k = key.ToLowerInvariant();
            session[key] = k.EndsWith("id", StringComparison.Ordinal) ? JsonValue.Create(1)
                : k.StartsWith("is_admin", StringComparison.Ordinal) || k.Contains("admin", StringComparison.Ordinal) ? JsonValue.Create(false)
                : k.Contains("logged", StringComparison.Ordinal) || k.Contains("auth", StringComparison.Ordinal) || k.StartsWith("is_", StringComparison.Ordinal) ? JsonValue.Create(true)
                : k.Contains("role", StringComparison.Ordinal) ? JsonValue.Create("user")
                : k.Contains("mail", StringComparison.Ordinal) ? JsonValue.Create("alice@example.com")
                : JsonValue.Create("alice");
        }

        return session;
    }

    /// <summary>The raw request body: <c>request.get_data()</c>, <c>request.data</c>, <c>request.stream.read()</c>.</summary>
    [GeneratedRegex(@"\brequest\.(?:get_data\s*\(|data\b|stream\b)")]
    private static partial Regex RawBodyRegex();

    [GeneratedRegex(@"\bsession(?:\.get\(\s*|\[\s*)['""](?<name>[^'""]+)['""]")]
    private static partial Regex SessionRegex();

    [GeneratedRegex(@"\brequest\.(args|form|values|json|get_json|cookies|headers|files|data)\b")]
    private static partial Regex FlaskRequestRegex();

    [GeneratedRegex(@"\brequest\.(GET|POST|COOKIES|META|body|headers)\b")]
    private static partial Regex DjangoRequestRegex();

    [GeneratedRegex(@"\brequest\.(?<src>args|form|values|cookies|headers|files)(?:\.get\(\s*|\[\s*)['""](?<name>[^'""]+)['""]")]
    private static partial Regex FlaskFieldRegex();

    [GeneratedRegex(@"\brequest\.(?<src>GET|POST|COOKIES|META|headers)(?:\.get\(\s*|\[\s*)['""](?<name>[^'""]+)['""]")]
    private static partial Regex DjangoFieldRegex();

    [GeneratedRegex(@"\b(?<var>\w+)\s*=\s*(?:request\.get_json\([^)]*\)|request\.json)")]
    private static partial Regex JsonVarRegex();

    [GeneratedRegex(@"(?<owner>request\.get_json\([^)]*\)|request\.json|\b\w+)(?:\.get\(\s*|\[\s*)['""](?<name>[^'""]+)['""]")]
    private static partial Regex JsonFieldRegex();

    [GeneratedRegex(@"\bos\.(?:environ\.get\(\s*|getenv\(\s*|environ\[\s*)['""](?<name>[A-Za-z_]\w*)['""]")]
    private static partial Regex EnvRegex();

    [GeneratedRegex(@"(?<![\w.])input\s*\(|\bsys\.stdin\b")]
    private static partial Regex StdinRegex();
}
