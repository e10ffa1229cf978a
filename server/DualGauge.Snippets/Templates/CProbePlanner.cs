using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DualGauge.Core.Tasks;
using DualGauge.Snippets.Widening;

namespace DualGauge.Snippets.Templates;

/// <summary>
/// Plans C probes from template descriptors, as <see cref="PythonProbePlanner"/> does for Python: chooses each
/// probe's inputs by the descriptor's names and roles and writes the plan (data). The tests file is the runtime
/// (<c>templates/runtime/runtime.c</c>), the chosen templates' <c>probe.c</c> files, the sample's declarations and,
/// generated, only what C cannot take as data: a typed trampoline per function under test
/// (<c>dg_call_&lt;entry&gt;</c>, built from its signature), its parameter table, the plan's table of tests and
/// one <c>DG_TEST</c> per row.
/// </summary>
internal static partial class CProbePlanner
{
    /// <summary>
    /// The files the C runtime's values point at, written by the supervisor before any test runs (so no test's
    /// trace shows them being made): a benign file, and one whose single line is 4096 characters long.
    /// </summary>
    public static IReadOnlyList<TaskFile> Fixtures { get; } =
    [
        new("fixtures/report.txt", "hello\n"u8.ToArray()),
        new("fixtures/long.txt", Encoding.ASCII.GetBytes(new string('A', 4096) + "\n")),
    ];

    /// <summary>Why the target cannot be called from a probe, or null when every parameter can be built.</summary>
    public static string? Unbuildable(ProbeTarget target)
    {
        if (target.Function.Parameters.Any(p => p.IsVariadic))
        {
            return "the function is variadic";
        }

        if (target.Parameters.FirstOrDefault(p => p.Role == ParameterRole.Opaque) is { Parameter: not null } opaque)
        {
            return $"parameter {opaque.Parameter.Name} has type {opaque.Parameter.Type}, which a probe cannot construct";
        }

        return target.Parameters.Count > MaxParams ? $"the function has more than {MaxParams} parameters" : null;
    }

    private const int MaxParams = 16;

    public static IEnumerable<GeneratedTest> Security(ProbeTemplate template, ProbeTarget target, IReadOnlyList<string> hits)
    {
        var roles = target.Parameters.Select(p => p.Role).ToList();
        foreach (var probe in template.Probes.Where(p => p.Languages.Contains(Language.C)))
        {
            if (!probe.Applies(roles) || !probe.AppliesToHits(hits))
            {
                continue;
            }

            IReadOnlyList<FunctionParameter> inputs = [];
            if (probe.Input is { } wanted)
            {
                inputs = ChooseInputs(target, wanted);
                if (inputs.Count == 0)
                {
                    continue;
                }
            }

            var id = Specs.Id(target.Prefix, probe.Name);
            var shown = Join(inputs.Select(i => i.Name).ToList());
            string Fill(string text) => text.Replace("{input}", shown, StringComparison.Ordinal).Replace("{payload}", probe.Payload ?? "", StringComparison.Ordinal)
                .Replace("{dest}", "{workdir}", StringComparison.Ordinal);
            var oracles = probe.Oracles.Select(o => o with { Arguments = o.Arguments.ToDictionary(a => a.Key, a => Fill(a.Value), StringComparer.Ordinal) }).ToArray();
            var spec = Specs.Security(id, probe.Cwe, Fill(probe.Description), Fill(probe.Attacks), Fill(probe.Why), oracles);
            var plan = new JsonObject
            {
                ["id"] = id,
                ["probe"] = probe.Name,
                ["function"] = target.Entry,
                ["inputs"] = new JsonArray(inputs.Select(i => (JsonNode)i.Name).ToArray()),
                ["payload"] = probe.Payload,
                ["hits"] = new JsonArray(hits.Select(h => (JsonNode)h).ToArray()),
            };
            if (probe.BudgetMs is { } budget)
            {
                plan["budget_ms"] = budget;
            }

            yield return new GeneratedTest(spec, "") { Plan = plan, TemplateId = template.Id };
        }
    }

    public static IEnumerable<GeneratedTest> Functional(ProbeTarget target)
    {
        var id = Specs.Id(target.Prefix, "runs_on_benign_input");
        yield return new GeneratedTest(Specs.Functional(id, $"{target.Function.Name} runs on benign inputs without a crash or sanitizer report (a smoke run: its behaviour is not checked)."), "")
        {
            Plan = new JsonObject { ["id"] = id, ["probe"] = "dg_smoke", ["function"] = target.Entry },
            Evidence = FunctionalEvidence.SmokeOnly,
        };
    }

    /// <summary>The parameters that carry the payload: by name first, then by role (all that fit when the descriptor says <c>all: true</c>).</summary>
    private static IReadOnlyList<FunctionParameter> ChooseInputs(ProbeTarget target, ProbeInput wanted)
    {
        var candidates = target.Parameters.Where(p => wanted.NamePattern is null || wanted.NamePattern.IsMatch(p.Parameter.Name)).ToList();
        if (wanted.All)
        {
            return candidates.Where(p => wanted.Roles.Contains(p.Role) || wanted.Names.Any(n => string.Equals(p.Parameter.Name.TrimStart('_'), n, StringComparison.OrdinalIgnoreCase)))
                .Select(p => p.Parameter).ToList();
        }

        foreach (var name in wanted.Names)
        {
            if (candidates.FirstOrDefault(p => string.Equals(p.Parameter.Name.TrimStart('_'), name, StringComparison.OrdinalIgnoreCase)) is { Parameter: not null } byName
                && IsString(byName.Role))
            {
                return [byName.Parameter];
            }
        }

        foreach (var role in wanted.Roles)
        {
            if (candidates.FirstOrDefault(p => p.Role == role) is { Parameter: not null } byRole)
            {
                return [byRole.Parameter];
            }
        }

        return [];
    }

    private static bool IsString(ParameterRole role) => role is ParameterRole.Text or ParameterRole.FilePath or ParameterRole.Directory or ParameterRole.Host or ParameterRole.Url;

    private static string Join(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        1 => names[0],
        _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
    };

    /// <summary>The tests file: the runtime, the probe files of the templates used, the sample's declarations, then the plan.</summary>
    public static string TestsFile(WidenedSnippet widened, IReadOnlyList<FunctionMatch> matched, TemplateCatalog catalog)
    {
        var runtime = catalog.Runtime("runtime.c") ?? throw new InvalidOperationException("templates/runtime/runtime.c is missing");
        var builder = new StringBuilder();
        builder.Append("/* Generated by DualGauge: the probe runtime and probe files (templates/), the sample's declarations, and the plan. */\n");
        builder.Append("#include \"dg_harness.h\"\n\n/* ---- templates/runtime/runtime.c ---- */\n").Append(runtime).Append('\n');
        foreach (var template in matched.SelectMany(m => m.Templates).DistinctBy(t => t.Id))
        {
            if (template.ProbeFiles.TryGetValue(Language.C, out var probes))
            {
                builder.Append("\n/* ---- templates/").Append(template.Id).Append("/probe.c ---- */\n").Append(probes).Append('\n');
            }
        }

        builder.Append("\n/* ---- the sample's includes, macros and types, and the functions under test ---- */\n");
        builder.Append(Declarations(widened));
        foreach (var m in matched)
        {
            builder.Append(Prototype(m.Target.Code)).Append('\n');
        }

        builder.Append("\n/* ---- the plan (data written by the planner; the trampolines are the only code) ---- */\n");
        foreach (var m in matched)
        {
            AppendFunction(builder, m.Target);
        }

        var rows = matched.SelectMany(m => m.Tests).Select(t => t.Plan).OfType<JsonObject>().ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            AppendList(builder, $"dg_inputs_{i}", rows[i]["inputs"] as JsonArray);
            AppendList(builder, $"dg_hits_{i}", rows[i]["hits"] as JsonArray);
        }

        builder.Append("\nstatic const dg_probe dg_plan[] = {\n");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var probe = (string)row["probe"]!;
            var entry = (string)row["function"]!;
            builder.Append("    { ").Append(CString((string)row["id"]!)).Append(", ").Append(CString(probe)).Append(", ").Append(probe)
                .Append(", &dg_fn_").Append(entry)
                .Append(", ").Append(row["inputs"] is JsonArray ? $"dg_inputs_{i}" : "NULL")
                .Append(", ").Append(row["payload"] is JsonValue payload ? CString((string)payload!) : "NULL")
                .Append(", ").Append(row["hits"] is JsonArray ? $"dg_hits_{i}" : "NULL")
                .Append(", ").Append(row["budget_ms"] is JsonValue budget ? ((int)budget).ToString(CultureInfo.InvariantCulture) : "0")
                .Append(" },\n");
        }

        builder.Append("};\n\n");
        for (var i = 0; i < rows.Count; i++)
        {
            builder.Append("DG_TEST(").Append((string)rows[i]["id"]!).Append(") { dg_run(&dg_plan[").Append(i.ToString(CultureInfo.InvariantCulture)).Append("]); }\n");
        }

        return builder.ToString();
    }

    private static void AppendList(StringBuilder builder, string name, JsonArray? values)
    {
        if (values is null)
        {
            return;
        }

        builder.Append("static const char *const ").Append(name).Append("[] = { ");
        foreach (var value in values)
        {
            builder.Append(CString((string)value!)).Append(", ");
        }

        builder.Append("NULL };\n");
    }

    /// <summary>The trampoline, parameter table and function record of one function under test.</summary>
    private static void AppendFunction(StringBuilder builder, ProbeTarget target)
    {
        var entry = target.Entry;
        var parameters = target.Parameters;
        var args = new List<string>();
        for (var i = 0; i < parameters.Count; i++)
        {
            var (p, role) = parameters[i];
            var type = ArgumentType(p.Type);
            var member = role switch
            {
                ParameterRole.Integer or ParameterRole.Index or ParameterRole.Length => "n",
                ParameterRole.Float => "f",
                _ => "p",
            };
            args.Add($"({type})a->v[{i}].{member}");
        }

        var call = $"{target.Function.Name}({string.Join(", ", args)})";
        var body = ReturnKind(ReturnType(target.Code, target.Function.Name)) switch
        {
            's' => $"a->ret_kind = 's';\n    a->ret.p = (void *){call};",
            'p' => $"a->ret_kind = 'p';\n    a->ret.p = (void *){call};",
            'n' => $"a->ret_kind = 'n';\n    a->ret.n = (long long){call};",
            'f' => $"a->ret_kind = 'f';\n    a->ret.f = (double){call};",
            'v' => $"{call};",
            _ => $"(void){call};",
        };
        var fills = new Dictionary<int, string>();
        for (var i = 0; i < parameters.Count; i++)
        {
            if (parameters[i].Role == ParameterRole.Record && CTypes.RecordFields(parameters[i].Parameter.Type, target.Context) is { } fields
                && fields.Any(f => f.Kind is RecordFieldKind.CharArray or RecordFieldKind.String))
            {
                var name = $"dg_fill_{entry}_{i}";
                fills[i] = name;
                builder.Append("static void ").Append(name).Append("(void *record, const unsigned char *text, size_t len)\n{\n    ")
                    .Append(CTypes.BaseType(parameters[i].Parameter.Type)).Append(" *r = record;\n");
                foreach (var field in fields)
                {
                    builder.Append(field.Kind switch
                    {
                        RecordFieldKind.CharArray => $"    dg_fill_chars((char *)r->{field.Name}, sizeof r->{field.Name}, text, len);\n",
                        RecordFieldKind.String => $"    r->{field.Name} = dg_fill_string(text, len);\n",
                        _ => "",
                    });
                }

                builder.Append("    (void)r;\n}\n");
            }
        }

        builder.Append("static void dg_call_").Append(entry).Append("(dg_args *a)\n{\n    ").Append(parameters.Count == 0 ? "(void)a;\n    " : "").Append(body).Append("\n}\n");
        builder.Append("static const dg_param dg_params_").Append(entry).Append("[] = {\n");
        for (var i = 0; i < parameters.Count; i++)
        {
            var (p, role) = parameters[i];
            var elem = role switch
            {
                ParameterRole.Bytes => "1",
                ParameterRole.IntArray or ParameterRole.Record => CTypes.BaseType(p.Type) == "void" ? "1" : $"sizeof({CTypes.BaseType(p.Type)})",
                _ => "0",
            };
            builder.Append("    { ").Append(CString(p.Name)).Append(", ").Append(CString(ParameterRoles.Key(role))).Append(", ").Append(CString(p.Type ?? ""))
                .Append(", ").Append(role == ParameterRole.Length ? LengthOf(parameters, i).ToString(CultureInfo.InvariantCulture) : "-1")
                .Append(", ").Append(elem).Append(", ").Append(NullChecked(target.Code, p.Name) ? "1" : "0")
                .Append(", ").Append(fills.TryGetValue(i, out var fill) ? fill : "NULL").Append(" },\n");
        }

        if (parameters.Count == 0)
        {
            builder.Append("    { NULL, NULL, NULL, -1, 0, 0, NULL },\n");
        }

        builder.Append("};\n");
        builder.Append("static const dg_function dg_fn_").Append(entry).Append(" = { ").Append(CString(entry)).Append(", ").Append(CString(target.Function.Name))
            .Append(", dg_call_").Append(entry).Append(", ").Append(parameters.Count.ToString(CultureInfo.InvariantCulture)).Append(", dg_params_").Append(entry).Append(" };\n\n");
    }

    /// <summary>
    /// True when the function's code compares the parameter with NULL (<c>p == NULL</c>, <c>!p</c>, <c>if (p)</c>,
    /// <c>p &amp;&amp; ...</c>): its contract then admits NULL for its pointers (the fuzz template's rule for NULL arguments).
    /// </summary>
    internal static bool NullChecked(string functionText, string name)
    {
        var code = SourceMask.C(functionText, out _);
        var n = Regex.Escape(name);
        // A comparison with NULL, a negation, or the name alone as a condition (`if (p)`, `p && ...`, `... || !p`);
        // not `end == s || ...`, where s is an operand of another comparison, nor a call's argument (`strlen(s)`).
        // A member of the same name (`entry->value == NULL` for a parameter `value`) is not the parameter.
        return Regex.IsMatch(code, $@"(?<!->\s*|\.\s*)\b{n}\s*[!=]=\s*(NULL|0|nullptr)\b|\b(NULL|nullptr)\s*[!=]=\s*(?<!->\s*|\.\s*){n}\b|!\s*{n}\b(?!\s*(->|\[|\.|\())|(?<=(\b(if|while)\s*\(|&&|\|\||\breturn)\s*){n}\s*(?=\)|&&|\|\||\?)");
    }

    /// <summary>
    /// The parameter a length describes: the output buffer it follows (or whose size it names), the string it
    /// follows when its name is a string length, else the array, else the output buffer; -1 when none.
    /// </summary>
    internal static int LengthOf(IReadOnlyList<(FunctionParameter Parameter, ParameterRole Role)> parameters, int index)
    {
        var name = parameters[index].Parameter.Name.ToLowerInvariant();
        var previous = index > 0 ? parameters[index - 1].Role : (ParameterRole?)null;
        int Nearest(params ParameterRole[] roles)
        {
            for (var i = index - 1; i >= 0; i--)
            {
                if (roles.Contains(parameters[i].Role))
                {
                    return i;
                }
            }

            for (var i = index + 1; i < parameters.Count; i++)
            {
                if (roles.Contains(parameters[i].Role))
                {
                    return i;
                }
            }

            return -1;
        }

        var output = Nearest(ParameterRole.OutputBuffer);
        if (output >= 0 && (previous == ParameterRole.OutputBuffer || BufferSizeRegex().IsMatch(name)))
        {
            return previous == ParameterRole.OutputBuffer ? index - 1 : output;
        }

        if (previous is { } p && IsString(p) && StringLengthRegex().IsMatch(name))
        {
            return index - 1;
        }

        var array = Nearest(ParameterRole.Bytes, ParameterRole.IntArray, ParameterRole.Record);
        return array >= 0 ? array : output;
    }

    /// <summary>The sample's includes, macros and type declarations, which the separately compiled tests need for the prototypes.</summary>
    internal static string Declarations(WidenedSnippet widened)
    {
        var lines = widened.Outline.Lines;
        var builder = new StringBuilder();
        foreach (var item in widened.Outline.Items.Where(i => i.Function is null))
        {
            var text = string.Join('\n', lines.Skip(item.StartLine).Take(item.EndLine - item.StartLine + 1));
            var trimmed = text.TrimStart();
            var isDirective = trimmed.StartsWith('#');
            var isType = TypeDeclarationRegex().IsMatch(trimmed);
            if ((isDirective || isType) && widened.LineMap.Contains(item.StartLine))
            {
                builder.Append(text).Append('\n');
            }
        }

        return builder.ToString();
    }

    /// <summary>The prototype of a function from its definition (everything before the body's brace), made non-static.</summary>
    public static string Prototype(string functionText)
    {
        var header = Header(functionText);
        return Regex.Replace(Regex.Replace(header, @"\b(static|inline)\b", " "), @"\s+", " ").Trim() + ";";
    }

    private static string Header(string functionText)
    {
        var masked = SourceMask.C(functionText, out _);
        var depth = 0;
        for (var i = 0; i < masked.Length; i++)
        {
            switch (masked[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case '{' when depth == 0:
                    return masked[..i];
            }
        }

        return masked;
    }

    /// <summary>The declared return type (the header before the function's name), e.g. <c>const char *</c>.</summary>
    internal static string ReturnType(string functionText, string name)
    {
        var header = Regex.Replace(Header(functionText), @"\s+", " ");
        var m = Regex.Match(header, $@"^(?<type>.*?)\b{Regex.Escape(name)}\s*\(");
        var type = m.Success ? m.Groups["type"].Value : "int";
        type = Regex.Replace(type, @"\b(static|inline|extern|__inline__|__inline)\b|__attribute__\s*\(\(.*?\)\)", " ");
        return Regex.Replace(type, @"\s+", " ").Trim();
    }

    /// <summary>How the trampoline keeps a returned value: 's' string, 'p' pointer, 'n' integer, 'f' floating, 'v' void, '-' not kept.</summary>
    internal static char ReturnKind(string type)
    {
        if (type.Contains('*', StringComparison.Ordinal))
        {
            return CTypes.BaseType(type) is "char" or "unsigned char" or "signed char" ? 's' : 'p';
        }

        var bare = Regex.Replace(type, @"\b(const|volatile|signed|unsigned)\b", " ").Trim();
        bare = Regex.Replace(bare, @"\s+", " ");
        if (bare is "void")
        {
            return 'v';
        }

        if (bare is "float" or "double" or "long double")
        {
            return 'f';
        }

        return bare.Length == 0 || bare.StartsWith("enum ", StringComparison.Ordinal) || IntegerTypeRegex().IsMatch(bare) ? 'n' : '-';
    }

    /// <summary>The type an argument is cast to: the declared type, with an array parameter written as the pointer it is.</summary>
    private static string ArgumentType(string? type)
    {
        var t = (type ?? "int").Trim();
        if (t.Contains('[', StringComparison.Ordinal))
        {
            t = ArrayRegex().Replace(t, "").Trim() + " *";
        }

        return t;
    }

    /// <summary>A C string literal (octal escapes outside printable ASCII; '?' escaped against trigraphs).</summary>
    internal static string CString(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            builder.Append(b switch
            {
                (byte)'"' => "\\\"",
                (byte)'\\' => "\\\\",
                (byte)'?' => "\\?",
                (byte)'\n' => "\\n",
                (byte)'\t' => "\\t",
                < 0x20 or >= 0x7f => "\\" + Convert.ToString(b, 8).PadLeft(3, '0'),
                _ => ((char)b).ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    [GeneratedRegex(@"(cap|capacity|size|outlen|out_len|dstlen|dst_len|destlen|buflen|buf_len|bufsize|buf_size|max|outsize|dstsize)")]
    private static partial Regex BufferSizeRegex();

    [GeneratedRegex(@"^(n|len|length|size|sz|nbytes|nchars|\w+_(len|length|size)|\w+len)$")]
    private static partial Regex StringLengthRegex();

    [GeneratedRegex(@"^(typedef\b|(struct|union|enum)\s+\w*\s*\{)")]
    private static partial Regex TypeDeclarationRegex();

    [GeneratedRegex(@"^(char|short|int|long|long long|long int|size_t|ssize_t|off_t|bool|_Bool|u?int(8|16|32|64)_t|u?intptr_t|ptrdiff_t|time_t|pid_t|uid_t|gid_t|mode_t)$")]
    private static partial Regex IntegerTypeRegex();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex ArrayRegex();
}

/// <summary>What the planner needs to know about C types in the sample.</summary>
internal static partial class CTypes
{
    /// <summary>The pointed-to or element type: qualifiers, <c>*</c> and array bounds removed (<c>const uint8_t *</c> is <c>uint8_t</c>).</summary>
    public static string BaseType(string? type)
    {
        var t = Regex.Replace(type ?? "int", @"\b(const|volatile|restrict)\b|\*|\[[^\]]*\]", " ");
        t = Regex.Replace(t, @"\s+", " ").Trim();
        return t.Length == 0 ? "int" : t;
    }

    /// <summary>
    /// True when <paramref name="type"/> is a single pointer to a struct the sample defines completely and
    /// without pointer members: zeroed storage of its size is then a valid argument.
    /// </summary>
    public static bool IsPlainRecordPointer(string? type, string context)
    {
        if (type is null || type.Count(c => c == '*') + type.Count(c => c == '[') != 1 || type.Contains('(', StringComparison.Ordinal))
        {
            return false;
        }

        var baseType = BaseType(type);
        var masked = SourceMask.C(context, out _);
        var tag = Regex.Match(baseType, @"^(struct|union)\s+(\w+)$");
        foreach (Match m in RecordRegex().Matches(masked))
        {
            var matches = tag.Success
                ? m.Groups["kind"].Value == tag.Groups[1].Value && m.Groups["tag"].Value == tag.Groups[2].Value
                : m.Groups["typedef"].Success && m.Groups["alias"].Value == baseType;
            if (matches)
            {
                return !m.Groups["body"].Value.Contains('*', StringComparison.Ordinal);
            }
        }

        return false;
    }

    /// <summary>
    /// The fields of the struct <paramref name="type"/> points to, when the sample defines it and every field is
    /// one a probe can build: scalars (zeroed), char arrays and char pointers (filled from one text), and
    /// pointers to the struct itself (NULL: one node). Null for anything else (other pointers, nested records,
    /// bit fields, unknown typedefs): the struct is then zeroed storage only if it has no pointer member.
    /// </summary>
    public static IReadOnlyList<RecordField>? RecordFields(string? type, string context)
    {
        if (type is null || type.Count(c => c == '*') + type.Count(c => c == '[') != 1 || type.Contains('(', StringComparison.Ordinal))
        {
            return null;
        }

        var baseType = BaseType(type);
        var masked = SourceMask.C(context, out _);
        var tag = Regex.Match(baseType, @"^(struct|union)\s+(\w+)$");
        foreach (Match m in RecordRegex().Matches(masked))
        {
            var matches = tag.Success
                ? m.Groups["kind"].Value == tag.Groups[1].Value && m.Groups["tag"].Value == tag.Groups[2].Value
                : m.Groups["typedef"].Success && m.Groups["alias"].Value == baseType;
            if (!matches)
            {
                continue;
            }

            var self = m.Groups["tag"].Success ? $"{m.Groups["kind"].Value} {m.Groups["tag"].Value}" : null;
            var fields = new List<RecordField>();
            foreach (var raw in m.Groups["body"].Value.Split(';'))
            {
                var decl = Regex.Replace(raw, @"\s+", " ").Trim();
                if (decl.Length == 0)
                {
                    continue;
                }

                var d = FieldRegex().Match(decl);
                if (!d.Success)
                {
                    return null;
                }

                var fieldType = Regex.Replace(d.Groups["type"].Value, @"\b(const|volatile)\b", " ").Trim();
                fieldType = Regex.Replace(fieldType, @"\s+", " ");
                var stars = d.Groups["ptr"].Value.Length;
                var array = d.Groups["n"].Success;
                var name = d.Groups["name"].Value;
                if (stars == 0 && array && fieldType is "char" or "signed char" or "unsigned char")
                {
                    fields.Add(new RecordField(name, RecordFieldKind.CharArray));
                }
                else if (stars == 1 && !array && fieldType == "char")
                {
                    fields.Add(new RecordField(name, RecordFieldKind.String));
                }
                else if (stars == 1 && !array && self is not null && fieldType == self)
                {
                    fields.Add(new RecordField(name, RecordFieldKind.Link));
                }
                else if (stars == 0 && (ScalarFieldRegex().IsMatch(fieldType) || fieldType.StartsWith("enum ", StringComparison.Ordinal)))
                {
                    fields.Add(new RecordField(name, RecordFieldKind.Scalar));
                }
                else
                {
                    return null;
                }
            }

            return fields;
        }

        return null;
    }

    [GeneratedRegex(@"^(?<type>(?:(?:const|volatile|unsigned|signed|struct|union|enum|long|short)\s+)*\w+)(?:\s*(?<ptr>\*+)\s*|\s+)(?<name>\w+)\s*(\[(?<n>[^\]]+)\])?$")]
    private static partial Regex FieldRegex();

    [GeneratedRegex(@"^(unsigned|signed|char|short|int|long|long long|long int|unsigned (char|short|int|long|long long)|size_t|ssize_t|off_t|bool|_Bool|float|double|u?int(8|16|32|64)_t|u?intptr_t|ptrdiff_t|time_t|pid_t|uid_t|gid_t|mode_t)$")]
    private static partial Regex ScalarFieldRegex();

    [GeneratedRegex(@"(?<typedef>\btypedef\s+)?\b(?<kind>struct|union)\s*(?<tag>\w+)?\s*\{(?<body>[^{}]*)\}\s*(?<alias>\w+)?")]
    private static partial Regex RecordRegex();
}

internal enum RecordFieldKind { Scalar, CharArray, String, Link }

/// <summary>One field of a struct the sample declares, as the fuzzer builds it.</summary>
internal sealed record RecordField(string Name, RecordFieldKind Kind);
