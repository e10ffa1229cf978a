using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DualGauge.Core.Tasks;
using DualGauge.Snippets.Widening;

namespace DualGauge.Snippets.Templates;

/// <summary>How a JavaScript function is driven: its inputs, the HTTP view when it is a web handler, and its database.</summary>
/// <param name="Database"><c>sqlite3</c> when a database parameter gets a real node-sqlite3 Database, else <c>stand-in</c>.</param>
public sealed record JavaScriptEntry(IReadOnlyList<PlanInput> Inputs, JsonObject? Http, string Database)
{
    /// <summary>The function is handed a stand-in database: no SQL event can show that a probe reached it.</summary>
    public bool UsesStandIn => Database == "stand-in" && Inputs.Any(i => i.Role is ParameterRole.Connection or ParameterRole.Cursor);
}

/// <summary>
/// Plans JavaScript probes from template descriptors, like <see cref="PythonProbePlanner"/>: chooses each probe's input
/// by the descriptor's names and roles and writes the probe plan (data). The tests file is the runtime
/// (<c>templates/runtime/runtime.js</c>), the chosen templates' <c>probe.js</c> files and the plan, joined; no probe
/// code is generated. Web handlers (Express routes and handlers, plain Node handlers) run through
/// <c>templates/runtime/entry_http.js</c>, appended to the sample.
/// </summary>
internal static partial class JavaScriptProbePlanner
{
    public static IEnumerable<GeneratedTest> Security(ProbeTemplate template, ProbeTarget target, IReadOnlyList<string> hits)
    {
        var entry = Describe(target);
        foreach (var probe in template.Probes.Where(p => p.Languages.Contains(Language.JavaScript)))
        {
            if (probe.UnlessRole is { } unless && entry.Inputs.Any(i => i.Role == unless))
            {
                continue;
            }

            PlanInput? input = null;
            if (probe.Input is { } wanted)
            {
                input = ChooseInput(entry.Inputs, wanted);
                if (input is null)
                {
                    continue;
                }
            }

            var id = Specs.Id(target.Prefix, probe.Name);
            var shownInput = input is null ? "" : Shown(input);
            string Fill(string text) => text.Replace("{input}", shownInput, StringComparison.Ordinal).Replace("{payload}", probe.Payload ?? "", StringComparison.Ordinal)
                .Replace("{dest}", "{workdir}", StringComparison.Ordinal);
            var oracles = probe.Oracles.Select(o => o with { Arguments = o.Arguments.ToDictionary(a => a.Key, a => Fill(a.Value), StringComparer.Ordinal) }).ToArray();
            var attacks = Fill(probe.Attacks);
            if (entry.UsesStandIn && template.StandInProbeJudgesReach)
            {
                attacks += " (to a stand-in database that records the statements it is given)";
            }

            var spec = Specs.Security(id, probe.Cwe, Fill(probe.Description), attacks, Fill(probe.Why), oracles);
            var plan = new JsonObject
            {
                ["id"] = id,
                ["probe"] = probe.Name,
                ["function"] = target.Entry,
                ["input"] = input?.Name,
                ["payload"] = probe.Payload,
                ["hits"] = new JsonArray(hits.Select(h => (JsonNode)h).ToArray()),
                ["network"] = template.Network,
            };
            yield return new GeneratedTest(spec, "")
            {
                Plan = plan,
                TemplateId = template.Id,
                // A stand-in database produces no SQL event: the probe itself says "not judged" when it saw no statement.
                Reach = entry.UsesStandIn && template.StandInProbeJudgesReach ? [] : null,
            };
        }
    }

    public static IEnumerable<GeneratedTest> Functional(ProbeTarget target)
    {
        var tests = new List<GeneratedTest>();
        var n = 0;
        foreach (Match m in ExampleRegex().Matches(target.Function.Doc ?? ""))
        {
            var call = m.Groups["call"].Value.Trim();
            var expected = m.Groups["out"].Value.Trim().TrimEnd(';');
            if (!call.StartsWith(target.Function.Name + "(", StringComparison.Ordinal))
            {
                continue;
            }

            var id = Specs.Id(target.Prefix, $"example_{++n}");
            tests.Add(new GeneratedTest(Specs.Functional(id, $"JSDoc example: {call} returns {expected}."), "")
            {
                Plan = new JsonObject
                {
                    ["id"] = id, ["probe"] = "example", ["function"] = target.Entry,
                    ["args"] = new JsonObject { ["expression"] = call, ["expected"] = expected },
                },
                Evidence = FunctionalEvidence.OwnExamples,
            });
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

    /// <summary>The tests file: the runtime, the probe files of the templates used (each in its own scope), then the plan and its registration.</summary>
    public static string TestsFile(IReadOnlyList<FunctionMatch> matched, TemplateCatalog catalog, string entryPoint)
    {
        var runtime = catalog.Runtime("runtime.js") ?? throw new InvalidOperationException("templates/runtime/runtime.js is missing");
        var builder = new StringBuilder("// Generated by DualGauge: the probe runtime, the templates' probe files and the plan (data).\n").Append(runtime).Append('\n');
        foreach (var template in matched.SelectMany(m => m.Templates).DistinctBy(t => t.Id))
        {
            if (!template.ProbeFiles.TryGetValue(Language.JavaScript, out var probes))
            {
                continue;
            }

            // A function scope per probe file: helpers of one template never meet another's.
            var names = template.Probes.Where(p => p.Languages.Contains(Language.JavaScript)).Select(p => p.Name).ToList();
            builder.Append("\n// ---- templates/").Append(template.Id).Append("/probe.js ----\nObject.assign(PROBES, (function () {\n")
                .Append(probes).Append("\nreturn { ").Append(string.Join(", ", names)).Append(" };\n})());\n");
        }

        var functions = new JsonObject();
        foreach (var m in matched)
        {
            functions[m.Target.Entry] = FunctionSpec(m.Target);
        }

        var plan = new JsonObject
        {
            ["entry"] = entryPoint,
            ["functions"] = functions,
            ["tests"] = new JsonArray(matched.SelectMany(m => m.Tests).Select(t => t.Plan?.DeepClone()).Where(p => p is not null).ToArray()),
        };
        var json = plan.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
        // The plan is data: a JSON document inside a string literal, read with JSON.parse.
        builder.Append("\n// ---- the plan (data written by the planner) ----\nregister(module.exports, PROBES, JSON.parse(")
            .Append(PythonProbePlanner.PythonString(json)).Append("));\n");
        return builder.ToString();
    }

    /// <summary>
    /// Code appended to the sample: exports of the other probed functions (the sample may export nothing), and, for web
    /// handlers, the HTTP entry with the names it dispatches to (a handler, or the app a route is registered on).
    /// </summary>
    public static string SampleSuffix(IReadOnlyList<FunctionMatch> matched, TemplateCatalog catalog)
    {
        var suffix = new StringBuilder();
        var others = matched.Skip(1).Select(m => m.Target.Entry).Where(n => IdentifierRegex().IsMatch(n)).ToList();
        if (others.Count > 0)
        {
            // Lets ctx.function reach the other probed functions when the sample exports nothing (CommonJS only).
            suffix.Append("\n;try { if (typeof module !== 'undefined' && module.exports) { ")
                .Append(string.Join(" ", others.Select(n => $"if (typeof module.exports.{n} !== 'function') module.exports.{n} = {n};")))
                .Append(" } } catch (_dg) {}\n");
        }

        var names = matched.Select(m => Describe(m.Target).Http).OfType<JsonObject>()
            .Select(h => (string?)(h["kind"]?.GetValue<string>() == "route" ? h["app"] : h["name"]))
            .OfType<string>().Where(n => IdentifierRegex().IsMatch(n)).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count > 0)
        {
            suffix.Append(catalog.Runtime("entry_http.js") ?? throw new InvalidOperationException("templates/runtime/entry_http.js is missing"));
            foreach (var name in names)
            {
                // A local binding, or a property of the CommonJS exports (exports.handler = (req, res) => ...).
                suffix.Append($";try {{ __dg_http_bind__('{name}', () => (typeof {name} !== 'undefined' ? {name} : typeof module !== 'undefined' && module.exports ? module.exports.{name} : undefined)); }} catch (_dg) {{}}\n");
            }

            if (EsModuleRegex().IsMatch(matched[0].Target.Context))
            {
                // An ES module has no module.exports: the harness reaches the HTTP entry as a named export.
                suffix.Append("export { __dg_http__ };\n");
            }
        }

        return suffix.ToString();
    }

    /// <summary>Folders the module's constants and databases name, created before the sample loads (a relative path resolves in the job folder).</summary>
    public static IReadOnlyList<TaskFile> Fixtures(IReadOnlyList<FunctionMatch> matched)
    {
        var files = new Dictionary<string, TaskFile>(StringComparer.Ordinal)
        {
            ["report.txt"] = new("report.txt", "hello\n"u8.ToArray()),
        };
        foreach (var m in matched)
        {
            foreach (var dir in Directories(m.Target.Context))
            {
                files.TryAdd(dir + "/report.txt", new TaskFile(dir + "/report.txt", "hello\n"u8.ToArray()));
            }

            foreach (var db in DatabaseFiles(m.Target.Context).Select(f => Path.GetDirectoryName(f)?.Replace('\\', '/')).Where(d => !string.IsNullOrEmpty(d)))
            {
                files.TryAdd(db + "/.dualgauge", new TaskFile(db + "/.dualgauge", []));
            }
        }

        return files.Values.ToList();
    }

    private static JsonObject FunctionSpec(ProbeTarget target)
    {
        var entry = Describe(target);
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
                ["name"] = i.Name, ["role"] = ParameterRoles.Key(i.Role), ["where"] = i.Where, ["default"] = i.HasDefault, ["type"] = i.Type, ["of"] = i.Of,
            }).ToArray()),
            ["dirs"] = new JsonArray(Directories(target.Context).Select(d => (JsonNode)d).ToArray()),
            ["dbFiles"] = new JsonArray(DatabaseFiles(target.Context).Select(d => (JsonNode)d).ToArray()),
            ["database"] = entry.Database,
            ["sqlTables"] = tables,
            ["code"] = target.Code,
            ["hosts"] = new JsonArray(HostRegex().Matches(target.Context).Select(m => m.Groups["host"].Value).Where(h => !h.EndsWith(".js", StringComparison.Ordinal) && !h.EndsWith(".txt", StringComparison.Ordinal))
                .Distinct(StringComparer.Ordinal).Take(3).Select(h => (JsonNode)h).ToArray()),
            ["http"] = entry.Http?.DeepClone(),
        };
    }

    private static PlanInput? ChooseInput(IReadOnlyList<PlanInput> inputs, ProbeInput wanted)
    {
        var candidates = inputs.Where(i => i.CarriesPayload && !(i.Where == "arg" && inputs.Any(f => f.Of == i.Name))
            && (wanted.NamePattern is null || wanted.NamePattern.IsMatch(i.Name))).ToList();
        foreach (var name in wanted.Names)
        {
            if (candidates.FirstOrDefault(i => string.Equals(i.Name.TrimStart('_'), name, StringComparison.OrdinalIgnoreCase)) is { } byName)
            {
                return byName;
            }
        }

        foreach (var role in wanted.Roles)
        {
            if (candidates.FirstOrDefault(i => i.Role == role) is { } byRole)
            {
                return byRole;
            }
        }

        return null;
    }

    private static string Shown(PlanInput input) => input.Where switch
    {
        "arg" or "path" => input.Name,
        "prop" => $"the option {input.Name}",
        "query" => $"the query parameter {input.Name}",
        "form" => $"the form field {input.Name}",
        "json" => $"the body field {input.Name}",
        "headers" => $"the header {input.Name}",
        "cookies" => $"the cookie {input.Name}",
        "env" => $"the environment variable {input.Name}",
        "url" => "the request path",
        _ => input.Name,
    };

    /// <summary>The function's inputs: its parameters (and the fields of destructured ones), and what a web handler reads from its request.</summary>
    public static JavaScriptEntry Describe(ProbeTarget target)
    {
        var code = target.Code;
        var function = target.Function;
        var parameters = function.Parameters.Where(p => !p.IsVariadic).Select(p => (Parameter: p, Role: Refine(p, ParameterRoles.Classify(p, Language.JavaScript), target, false))).ToList();
        var request = parameters.FirstOrDefault(p => p.Role == ParameterRole.Request).Parameter;
        var isHttp = function.Route is not null || parameters.Any(p => p.Role is ParameterRole.Request or ParameterRole.Response);
        var inputs = new List<PlanInput>();
        var handlerArgs = new JsonArray();
        foreach (var (p, role) in parameters)
        {
            if (isHttp && role is ParameterRole.Request or ParameterRole.Response)
            {
                handlerArgs.Add(role == ParameterRole.Request ? "req" : "res");
                continue;
            }

            if (isHttp && p.Name is "next" or "done" or "callback" or "cb")
            {
                handlerArgs.Add("next");
                continue;
            }

            handlerArgs.Add("arg");
            inputs.Add(new PlanInput(p.Name, role, "arg", p.Default is not null, p.Type));
            // A destructured parameter's fields, or the fields the code reads from an object parameter (comment.body):
            // the probe puts its payload in one field. When the whole parameter has a default, its fields are optional.
            foreach (var field in p.Fields ?? ObjectFields(p, role, code))
            {
                if (inputs.All(i => i.Name != field.Name))
                {
                    var fieldRole = Refine(field, ParameterRoles.Classify(field, Language.JavaScript), target, false);
                    inputs.Add(new PlanInput(field.Name, fieldRole, "prop", field.Default is not null || p.Default is not null, field.Type) { Of = p.Name });
                }
            }
        }

        // A method's instance is built with benign values for its constructor's parameters.
        foreach (var init in target.Constructor?.Parameters.Where(p => !p.IsVariadic) ?? [])
        {
            if (inputs.All(i => i.Name != init.Name))
            {
                inputs.Add(new PlanInput(init.Name, Refine(init, ParameterRoles.Classify(init, Language.JavaScript), target, true), "init", init.Default is not null, init.Type));
            }
        }

        JsonObject? http = null;
        if (isHttp)
        {
            var route = function.Route;
            var express = route is not null || ExpressRequireRegex().IsMatch(target.Context) || ExpressApiRegex().IsMatch(code);
            foreach (var (name, where) in RequestFields(code, request?.Name ?? "req", route?.Path))
            {
                if (inputs.All(i => i.Name != name))
                {
                    inputs.Add(new PlanInput(name, ParameterRoles.Classify(new FunctionParameter(name, null), Language.JavaScript), where, false, null));
                }
            }

            // A plain handler that reads the request path itself (decodeURIComponent(req.url), req.url.split('?')) gets
            // the payload as the path.
            var reqName = Regex.Escape(request?.Name ?? "req");
            if (route is null && Regex.IsMatch(code, $@"decodeURI(?:Component)?\(\s*{reqName}\.url|\b{reqName}\.url\s*\.\s*(?:split|slice|substring|replace)\b|\b{reqName}\.path\b|\b{reqName}\.originalUrl\b|\bpath\.\w+\([^)]*\b{reqName}\.url\b") && inputs.All(i => i.Where != "url"))
            {
                inputs.Add(new PlanInput(inputs.Any(i => i.Name == "path") ? "request_path" : "path", ParameterRole.Text, "url", false, null));
            }

            var pathInputs = inputs.Where(i => i.Where == "path").Select(i => i.Name).ToList();
            // A handler that answers one path only (url.pathname !== '/go') is asked for that path.
            var fixedPath = PathnameRegex().Match(code) is { Success: true } pm ? pm.Groups["path"].Value : null;
            http = new JsonObject
            {
                ["framework"] = express ? "express" : "node",
                ["kind"] = route is null ? "handler" : "route",
                ["name"] = route is null ? target.Entry : null,
                ["app"] = route?.Receiver,
                ["method"] = route is null || route.Method is "all" or "use" ? "GET" : route.Method.ToUpperInvariant(),
                ["path"] = route?.Path ?? fixedPath ?? (pathInputs.Count == 0 ? "/dg" : "/dg/" + string.Join("/", pathInputs.Select(n => ":" + n))),
                ["args"] = handlerArgs,
            };
        }
        else
        {
            foreach (Match m in EnvRegex().Matches(code))
            {
                var name = m.Groups["name"].Value;
                if (inputs.All(i => i.Name != name))
                {
                    inputs.Add(new PlanInput(name, ParameterRoles.Classify(new FunctionParameter(name.ToLowerInvariant(), null), Language.JavaScript), "env", false, null));
                }
            }
        }

        return new JavaScriptEntry(inputs, http, DatabaseKind(target));
    }

    /// <summary>JavaScript refinements of a role: a <c>Date</c>, and an object the code calls methods on (a dependency).</summary>
    private static ParameterRole Refine(FunctionParameter p, ParameterRole role, ProbeTarget target, bool constructor)
    {
        if (role is not (ParameterRole.Text or ParameterRole.Map))
        {
            return role;
        }

        var type = (p.Type ?? "").Trim();
        if (type == "Date" || (role == ParameterRole.Text && type.Length == 0 && DateNameRegex().IsMatch(p.Name)))
        {
            return ParameterRole.Date;
        }

        var name = Regex.Escape(p.Name);
        var owners = new List<string> { $@"\b(?<![.$]){name}" };
        if (constructor)
        {
            // constructor(repo) { this.users = repo; }: the methods call this.users.find(...).
            owners.AddRange(Regex.Matches(target.Context, $@"\bthis\.(?<prop>[A-Za-z_$][\w$]*)\s*=\s*{name}\s*[;\n|?]").Select(m => $@"\bthis\.{Regex.Escape(m.Groups["prop"].Value)}"));
        }

        foreach (var owner in owners)
        {
            var methods = Regex.Matches(target.Code, owner + @"\s*\??\.\s*(?<m>[A-Za-z_$][\w$]*)\s*\(").Select(m => m.Groups["m"].Value).ToList();
            if (methods.Count > 0 && methods.All(m => !ValueMethods.Contains(m)))
            {
                return ParameterRole.Dependency;
            }
        }

        return role;
    }

    /// <summary>Methods of strings, arrays, numbers and dates: a parameter they are called on is a value, not a dependency or an object of fields.</summary>
    private static readonly HashSet<string> ValueMethods = new(StringComparer.Ordinal)
    {
        "trim", "trimStart", "trimEnd", "split", "toLowerCase", "toUpperCase", "toLocaleLowerCase", "toLocaleUpperCase", "replace", "replaceAll",
        "startsWith", "endsWith", "includes", "indexOf", "lastIndexOf", "match", "matchAll", "slice", "substring", "substr", "charAt", "charCodeAt",
        "codePointAt", "padStart", "padEnd", "normalize", "concat", "localeCompare", "repeat", "search", "at", "map", "filter", "reduce", "forEach",
        "some", "every", "find", "findIndex", "join", "push", "pop", "shift", "unshift", "sort", "reverse", "flat", "flatMap", "keys", "values",
        "entries", "toString", "toFixed", "toISOString", "getTime", "hasOwnProperty", "valueOf", "toJSON", "then", "catch", "finally", "test", "exec",
    };

    /// <summary>The fields of an object parameter: from a JSDoc object type (<c>{ author: string, postedAt: Date }</c>), else the ones the code reads.</summary>
    private static IReadOnlyList<FunctionParameter> ObjectFields(FunctionParameter p, ParameterRole role, string code)
    {
        if (role is not (ParameterRole.Text or ParameterRole.Map))
        {
            return [];
        }

        var type = (p.Type ?? "").Trim();
        if (type.StartsWith('{'))
        {
            var fields = new List<FunctionParameter>();
            foreach (Match m in JsDocFieldRegex().Matches(type.Trim('{', '}', ' ')))
            {
                fields.Add(new FunctionParameter(m.Groups["name"].Value, m.Groups["type"].Value.Trim(), m.Groups["optional"].Success ? "undefined" : null));
            }

            return fields;
        }

        var name = Regex.Escape(p.Name);
        if (Regex.Matches(code, $@"\b(?<![.$]){name}\s*\??\.\s*(?<m>[A-Za-z_$][\w$]*)\s*\(").Any(m => ValueMethods.Contains(m.Groups["m"].Value)))
        {
            return [];
        }

        return Regex.Matches(code, $@"\b(?<![.$]){name}\s*\??\.\s*(?<f>[A-Za-z_$][\w$]*)\b(?!\s*\()").Select(m => m.Groups["f"].Value)
            .Where(f => f is not ("length" or "constructor" or "prototype" or "__proto__")).Distinct(StringComparer.Ordinal)
            .Select(f => new FunctionParameter(f, null)).ToList();
    }

    /// <summary>
    /// A real node-sqlite3 Database for a module that uses sqlite3 (or its callback API: all, get, run, each); a
    /// stand-in for clients the sandbox has no server for (pg, mysql, a <c>db.query</c> helper, better-sqlite3).
    /// </summary>
    private static string DatabaseKind(ProbeTarget target)
    {
        if (target.Context.Contains("better-sqlite3", StringComparison.Ordinal))
        {
            return "stand-in";
        }

        if (Sqlite3Regex().IsMatch(target.Context))
        {
            return "sqlite3";
        }

        if (QueryApiRegex().IsMatch(target.Code))
        {
            return "stand-in";
        }

        return SqliteApiRegex().IsMatch(target.Code) ? "sqlite3" : "stand-in";
    }

    /// <summary>The request fields a handler reads: query, body (JSON), route parameters, headers and cookies.</summary>
    private static IEnumerable<(string Name, string Where)> RequestFields(string code, string req, string? routePath)
    {
        // In the order the code reads them (route parameters first): the first that fits a probe carries its payload.
        var fields = new List<(int At, string Name, string Where)>();
        void Add(string name, string where, int at)
        {
            name = where == "headers" ? name.ToLowerInvariant() : name;
            if (name.Length > 0 && !Builtins.Contains(name))
            {
                fields.Add((at, name, where));
            }
        }

        static string Where(string source) => source switch
        {
            "query" => "query",
            "body" => "json",
            "params" => "path",
            "cookies" or "signedCookies" => "cookies",
            _ => "headers",
        };

        foreach (Match m in RouteParamRegex().Matches(routePath ?? ""))
        {
            Add(m.Groups["name"].Value, "path", -1);
        }

        var r = Regex.Escape(req);
        // Aliases of a request part: const q = req.query; const { query } = url.parse(req.url, true).
        var owners = new List<(string Pattern, string Where)> { ($@"\b{r}\s*\.\s*(?<src>query|body|params|cookies|signedCookies|headers)\b", "") };
        foreach (Match m in Regex.Matches(code, $@"(?:const|let|var)\s+(?<alias>[A-Za-z_$][\w$]*)\s*=\s*{r}\.(?<src>query|body|params|cookies|headers)\s*(?:;|\n|\|\||\?\?)"))
        {
            owners.Add(($@"\b{Regex.Escape(m.Groups["alias"].Value)}\b", Where(m.Groups["src"].Value)));
        }

        foreach (Match m in Regex.Matches(code, $@"(?:const|let|var)\s+(?<alias>[A-Za-z_$][\w$]*)\s*=\s*(?:url\.)?parse\(\s*{r}\.url\s*,\s*true\s*\)\.query"))
        {
            owners.Add(($@"\b{Regex.Escape(m.Groups["alias"].Value)}\b", "query"));
        }

        if (Regex.IsMatch(code, $@"parse\(\s*{r}\.url\s*,\s*true\s*\)"))
        {
            owners.Add((@"\bparse\(\s*" + r + @"\.url\s*,\s*true\s*\)\.query\b", "query"));
        }

        foreach (var (pattern, fixedWhere) in owners)
        {
            foreach (Match m in Regex.Matches(code, pattern + @"\s*\??\.\s*(?<name>[A-Za-z_$][\w$]*)\b(?!\s*\()"))
            {
                Add(m.Groups["name"].Value, fixedWhere.Length > 0 ? fixedWhere : Where(m.Groups["src"].Value), m.Index);
            }

            foreach (Match m in Regex.Matches(code, pattern + @"\s*(?:\?\.)?\[\s*['""`](?<name>[^'""`]+)['""`]\s*\]"))
            {
                Add(m.Groups["name"].Value, fixedWhere.Length > 0 ? fixedWhere : Where(m.Groups["src"].Value), m.Index);
            }

            foreach (Match m in Regex.Matches(code, @"\{(?<names>[^{}]*)\}\s*=\s*" + pattern + @"(?!\s*\.)"))
            {
                foreach (var field in JavaScriptOutliner.DestructuredFields(m.Groups["names"].Value))
                {
                    Add(field.Name, fixedWhere.Length > 0 ? fixedWhere : Where(m.Groups["src"].Value), m.Index);
                }
            }
        }

        foreach (Match m in Regex.Matches(code, $@"\b{r}\.(?:get|header)\(\s*['""](?<name>[^'""]+)['""]"))
        {
            Add(m.Groups["name"].Value, "headers", m.Index);
        }

        foreach (Match m in SearchParamsRegex().Matches(code))
        {
            Add(m.Groups["name"].Value, "query", m.Index);
        }

        return fields.OrderBy(f => f.At).DistinctBy(f => f.Name).Select(f => (f.Name, f.Where)).ToList();
    }

    private static readonly HashSet<string> Builtins = new(StringComparer.Ordinal)
    {
        "hasOwnProperty", "toString", "valueOf", "length", "constructor", "__proto__", "prototype",
    };

    /// <summary>Relative folders named by the module's DIR/ROOT/PATH constants (e.g. <c>path.join(__dirname, 'uploads')</c>).</summary>
    private static IEnumerable<string> Directories(string context)
    {
        foreach (Match m in DirConstantRegex().Matches(context))
        {
            var name = m.Groups["name"].Value;
            if (name.Contains("DB", StringComparison.Ordinal) || name.Contains("DATABASE", StringComparison.Ordinal))
            {
                continue;
            }

            if (RelativePath(m.Groups["value"].Value) is { } dir && Path.GetExtension(dir).Length == 0)
            {
                yield return dir;
            }
        }
    }

    /// <summary>Relative SQLite files the module opens itself (<c>new sqlite3.Database('app.db')</c>, a DB_PATH constant).</summary>
    private static IEnumerable<string> DatabaseFiles(string context)
    {
        var found = new List<string>();
        foreach (Match m in DatabaseOpenRegex().Matches(context))
        {
            var open = m.Index + m.Length - 1;
            var close = ParameterText.MatchingClose(context, open);
            if (close > open && RelativePath(context[(open + 1)..close]) is { } file)
            {
                found.Add(file);
            }
        }

        foreach (Match m in DirConstantRegex().Matches(context))
        {
            var name = m.Groups["name"].Value;
            if ((name.Contains("DB", StringComparison.Ordinal) || name.Contains("DATABASE", StringComparison.Ordinal)) && RelativePath(m.Groups["value"].Value) is { } file)
            {
                found.Add(file);
            }
        }

        return found.Distinct(StringComparer.Ordinal);
    }

    /// <summary>The relative path an expression names with its string literals (<c>path.join(__dirname, 'data', 'app.db')</c> is <c>data/app.db</c>).</summary>
    private static string? RelativePath(string expression)
    {
        var literals = LiteralRegex().Matches(expression).Select(m => m.Groups["s"].Value).Where(s => s.Length > 0 && s != ":memory:").ToList();
        if (literals.Count == 0 || literals.Any(s => s.StartsWith('/') || s.Contains("..", StringComparison.Ordinal) || s.Contains("${", StringComparison.Ordinal)))
        {
            return null;
        }

        // process.env.DB_PATH || './app.db': the fallback is what runs in the sandbox.
        var parts = expression.Contains("||", StringComparison.Ordinal) || expression.Contains("??", StringComparison.Ordinal) ? [literals[^1]] : literals;
        var joined = string.Join('/', parts.Select(p => p.Trim('/'))).Replace("\\", "/", StringComparison.Ordinal);
        while (joined.StartsWith("./", StringComparison.Ordinal))
        {
            joined = joined[2..];
        }

        return joined.Length == 0 || joined == "." || !SafePathRegex().IsMatch(joined) ? null : joined;
    }

    [GeneratedRegex(@"@example\s*(?:\n\s*\*\s*)?(?<call>[A-Za-z_$][\w$]*\s*\(.*\))\s*//\s*(?:=>|->|returns?:?)\s*(?<out>.+)$", RegexOptions.Multiline)]
    private static partial Regex ExampleRegex();

    [GeneratedRegex(@"['""](?:https?://)?(?<host>(?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|example|internal|local|co|gov|edu))(?:[/:'""])")]
    private static partial Regex HostRegex();

    [GeneratedRegex(@"^[A-Za-z_$][\w$]*$")]
    private static partial Regex IdentifierRegex();

    [GeneratedRegex(@"\brequire\(\s*['""]express['""]\s*\)|\bfrom\s+['""]express['""]")]
    private static partial Regex ExpressRequireRegex();

    [GeneratedRegex(@"\breq\.(query|params|body|cookies|signedCookies|get\s*\(|ip\b|originalUrl)|\bres\.(json|send|status|redirect|render|sendFile|sendStatus|set|type|locals|cookie|download)\b")]
    private static partial Regex ExpressApiRegex();

    [GeneratedRegex(@"\bprocess\.env(?:\.(?<name>[A-Za-z_]\w*)|\[\s*['""](?<name>[A-Za-z_]\w*)['""]\s*\])")]
    private static partial Regex EnvRegex();

    [GeneratedRegex(@"\brequire\(\s*['""]sqlite3['""]\s*\)|\bfrom\s+['""]sqlite3['""]|import\(['""]sqlite3['""]\)")]
    private static partial Regex Sqlite3Regex();

    [GeneratedRegex(@"\.(query|execute)\s*\(")]
    private static partial Regex QueryApiRegex();

    [GeneratedRegex(@"\.(all|get|run|each|serialize)\s*\(")]
    private static partial Regex SqliteApiRegex();

    [GeneratedRegex(@"\bpathname\s*[!=]==?\s*['""](?<path>/[\w./-]*)['""]|['""](?<path>/[\w./-]*)['""]\s*[!=]==?\s*[\w.]*pathname\b")]
    private static partial Regex PathnameRegex();

    [GeneratedRegex(@"^(import\s+[\w{*'""]|export\s+(default|const|let|var|function|async|class|\{))", RegexOptions.Multiline)]
    private static partial Regex EsModuleRegex();

    [GeneratedRegex(@"([a-z0-9]At|_at|[a-z0-9]Date|^date)$")]
    private static partial Regex DateNameRegex();

    [GeneratedRegex(@"(?<name>[A-Za-z_$][\w$]*)\s*(?<optional>\?)?\s*:\s*(?<type>[^,;]+)")]
    private static partial Regex JsDocFieldRegex();

    [GeneratedRegex(@":(?<name>[A-Za-z_]\w*)")]
    private static partial Regex RouteParamRegex();

    [GeneratedRegex(@"\.searchParams\.get\(\s*['""](?<name>[^'""]+)['""]")]
    private static partial Regex SearchParamsRegex();

    [GeneratedRegex(@"^(?:export\s+)?(?:const|let|var)\s+(?<name>[A-Z][A-Z0-9_]*(?:DIR|DIRECTORY|ROOT|FOLDER|BASE|PATH|DB|DATABASE|FILE)[A-Z0-9_]*)\s*=\s*(?<value>[^;\n]+)", RegexOptions.Multiline)]
    private static partial Regex DirConstantRegex();

    [GeneratedRegex(@"\bnew\s+(?:[\w$]+\.)*Database\s*\(")]
    private static partial Regex DatabaseOpenRegex();

    [GeneratedRegex(@"(?<q>['""`])(?<s>(?:(?!\k<q>)[^\n])*)\k<q>")]
    private static partial Regex LiteralRegex();

    [GeneratedRegex(@"^[\w.\-/]+$")]
    private static partial Regex SafePathRegex();
}
