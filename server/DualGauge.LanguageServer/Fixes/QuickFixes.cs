using System.Text;
using System.Text.RegularExpressions;
using DualGauge.Core.Tasks;

namespace DualGauge.LanguageServer.Fixes;

/// <summary>A candidate rewrite of one function: never offered until <see cref="QuickFixVerifier"/> re-ran the same dual tests on it.</summary>
internal sealed record QuickFixCandidate(string Title, string Cwe, string NewFunctionText);

/// <summary>
/// Deterministic rewrites for the common classes: parameterised SQL, argv arrays instead of shell strings,
/// <c>yaml.safe_load</c>, a CSPRNG, HTML escaping, bounded copies and <c>snprintf</c> in C, a constant format string.
/// Each one only proposes text; whether it fixes anything is decided by running it, so a rewrite that does not apply
/// to the function's real shape is simply never verified (and never offered).
/// </summary>
internal static partial class QuickFixes
{
    public static IReadOnlyList<QuickFixCandidate> Propose(Language language, string function, string cwe)
    {
        var number = cwe.StartsWith("CWE-", StringComparison.OrdinalIgnoreCase) ? cwe[4..] : cwe;
        var candidates = new List<QuickFixCandidate>();
        void Try(string title, string? rewritten)
        {
            if (rewritten is not null && rewritten != function)
            {
                candidates.Add(new QuickFixCandidate($"DualGauge: {title} (verified)", cwe.ToUpperInvariant(), rewritten));
            }
        }

        switch (language, number)
        {
            case (Language.Python, "89"):
                Try("Use a parameterised query", PythonParameterise(function));
                break;
            case (Language.Python, "78" or "77"):
                Try("Pass an argument list instead of a shell string", PythonArgv(function));
                break;
            case (Language.Python, "22" or "23" or "36" or "73"):
                Try("Keep the path inside its base folder", PythonContain(function));
                break;
            case (Language.Python, "502" or "20"):
                Try("Use yaml.safe_load", PyYamlLoadFull().Replace(function, m => $"yaml.safe_load({m.Groups["arg"].Value.Trim()}"));
                break;
            case (Language.Python, "330" or "338" or "340"):
                Try("Use the secrets module", AddPythonImport(PyRandom().Replace(function, "secrets.SystemRandom().$1("), "secrets"));
                break;
            case (Language.Python, "79" or "80"):
                Try("Escape the HTML output", PythonEscapeHtml(function));
                break;
            case (Language.JavaScript, "89"):
                Try("Use a parameterised query", JavaScriptParameterise(function));
                break;
            case (Language.JavaScript, "78" or "77"):
                Try("Use execFile with an argument list", JavaScriptExecFile(function));
                break;
            case (Language.JavaScript, "22" or "23" or "36" or "73"):
                Try("Keep the path inside its base folder", JavaScriptContain(function));
                break;
            case (Language.JavaScript, "330" or "338" or "340"):
                Try("Use crypto.randomBytes", JsRandomToken().Replace(function, "require('crypto').randomBytes(16).toString('hex')"));
                Try("Use crypto.randomInt", JsMathRandom().Replace(function, "(require('crypto').randomInt(0, 2 ** 48) / 2 ** 48)"));
                break;
            case (Language.JavaScript, "79" or "80"):
                Try("Escape the HTML output", JavaScriptEscapeHtml(function));
                break;
            case (Language.C, "120" or "121" or "122" or "787" or "119" or "193"):
                Try("Use bounded copies (snprintf)", CBounded(function));
                break;
            case (Language.C, "134"):
                Try("Use a constant format string", CFormat().Replace(function, m => $"{m.Groups[1].Value}({m.Groups[2].Value}\"%s\", {m.Groups[3].Value})"));
                break;
        }

        return candidates;
    }

    // ---- Python ------------------------------------------------------------------------------

    /// <summary>
    /// <c>execute(f"... '{x}' ...")</c>, or <c>q = f"..."</c> then <c>execute(q)</c>: each <c>{expr}</c> (with the quotes
    /// around it) becomes a placeholder and the expressions are passed as the parameters.
    /// </summary>
    private static string? PythonParameterise(string function)
    {
        var placeholder = function.Contains("psycopg", StringComparison.Ordinal) || function.Contains("pymysql", StringComparison.Ordinal) || function.Contains("%s", StringComparison.Ordinal) ? "%s" : "?";
        var inline = PyExecuteFString().Match(function);
        if (inline.Success)
        {
            var (sql, args) = Placeholders(inline.Groups["body"].Value, placeholder, PyInterpolation());
            return args.Count == 0 ? null : function[..inline.Index] + $"{inline.Groups["call"].Value}({inline.Groups["q"].Value}{sql}{inline.Groups["q"].Value}, ({string.Join(", ", args)},))" + function[(inline.Index + inline.Length)..];
        }

        var assigned = PyAssignFString().Match(function);
        if (!assigned.Success)
        {
            return null;
        }

        var name = assigned.Groups["name"].Value;
        var (text, parameters) = Placeholders(assigned.Groups["body"].Value, placeholder, PyInterpolation());
        if (parameters.Count == 0)
        {
            return null;
        }

        var call = new Regex(@"(\.execute(?:many)?)\(\s*" + Regex.Escape(name) + @"\s*\)");
        if (!call.IsMatch(function))
        {
            return null;
        }

        var rewritten = function[..assigned.Index] + $"{assigned.Groups["lhs"].Value}{assigned.Groups["q"].Value}{text}{assigned.Groups["q"].Value}" + function[(assigned.Index + assigned.Length)..];
        return call.Replace(rewritten, m => $"{m.Groups[1].Value}({name}, ({string.Join(", ", parameters)},))", 1);
    }

    /// <summary><c>subprocess.run(f"ping -c 1 {host}", shell=True)</c> / <c>os.system(f"...")</c> to an argument list without a shell.</summary>
    private static string? PythonArgv(string function)
    {
        var shell = PyShellCall().Match(function);
        if (shell.Success)
        {
            var argv = Argv(shell.Groups["body"].Value, PyInterpolation(), quote: "\"");
            if (argv is null)
            {
                return null;
            }

            var rest = PyShellTrue().Replace(shell.Groups["rest"].Value, "");
            return function[..shell.Index] + $"{shell.Groups["call"].Value}([{argv}]{rest})" + function[(shell.Index + shell.Length)..];
        }

        var system = PyOsSystem().Match(function);
        if (!system.Success)
        {
            return null;
        }

        var list = Argv(system.Groups["body"].Value, PyInterpolation(), quote: "\"");
        return list is null ? null : AddPythonImport(function[..system.Index] + $"subprocess.call([{list}])" + function[(system.Index + system.Length)..], "subprocess");
    }

    private static string? PythonEscapeHtml(string function)
    {
        var changed = false;
        var result = PyFStringLiteral().Replace(function, m =>
        {
            var body = m.Groups["body"].Value;
            if (!body.Contains('<'))
            {
                return m.Value;
            }

            changed = true;
            return m.Groups["prefix"].Value + m.Groups["q"].Value + PyInterpolation().Replace(body, e => e.Groups["expr"].Value.StartsWith("html.escape(", StringComparison.Ordinal) ? e.Value : $"{{html.escape(str({e.Groups["expr"].Value}))}}") + m.Groups["q"].Value;
        });
        return changed ? AddPythonImport(result, "html") : null;
    }

    /// <summary>
    /// <c>p = os.path.join(BASE, name)</c>: the joined path is resolved and must stay under the resolved base, else
    /// <c>ValueError</c> (symbolic links and <c>..</c> included, since both sides go through <c>realpath</c>).
    /// </summary>
    private static string? PythonContain(string function)
    {
        var match = PyPathJoin().Match(function);
        if (!match.Success)
        {
            return null;
        }

        var indent = match.Groups["indent"].Value;
        var name = match.Groups["name"].Value;
        var baseExpr = match.Groups["base"].Value.Trim();
        var check = $"\n{indent}{name} = os.path.realpath({name})\n" +
            $"{indent}if os.path.commonpath([{name}, os.path.realpath({baseExpr})]) != os.path.realpath({baseExpr}):\n" +
            $"{indent}    raise ValueError(\"the path leaves its base folder\")";
        return AddPythonImport(function.Insert(match.Index + match.Length, check), "os");
    }

    /// <summary><c>const p = path.join(BASE, name)</c>: resolved, and refused unless it stays under the resolved base.</summary>
    private static string? JavaScriptContain(string function)
    {
        var match = JsPathJoin().Match(function);
        if (!match.Success)
        {
            return null;
        }

        var indent = match.Groups["indent"].Value;
        var name = match.Groups["name"].Value;
        var baseExpr = match.Groups["base"].Value.Trim();
        var replaced = $"{indent}{match.Groups["decl"].Value} {name} = require('path').resolve({baseExpr}, {match.Groups["rest"].Value});\n" +
            $"{indent}if (!{name}.startsWith(require('path').resolve({baseExpr}) + require('path').sep)) throw new Error('the path leaves its base folder');";
        return function[..match.Index] + replaced + function[(match.Index + match.Length)..];
    }

    /// <summary>An <c>import</c> as the function's first statement (after a docstring), indented like the body.</summary>
    internal static string AddPythonImport(string function, string module)
    {
        if (Regex.IsMatch(function, @"^\s*import\s+" + Regex.Escape(module) + @"\b", RegexOptions.Multiline))
        {
            return function;
        }

        var lines = function.Split('\n').ToList();
        var header = lines.FindIndex(l => Regex.IsMatch(l, @"^\s*(async\s+)?def\s"));
        if (header < 0)
        {
            return $"import {module}\n" + function;
        }

        var colon = header;
        while (colon < lines.Count && !lines[colon].TrimEnd().EndsWith(':'))
        {
            colon++;
        }

        var body = colon + 1;
        if (body >= lines.Count)
        {
            return function;
        }

        var indent = new string(lines[body].TakeWhile(c => c is ' ' or '\t').ToArray());
        var at = body;
        var first = lines[body].TrimStart();
        if (first.StartsWith("\"\"\"", StringComparison.Ordinal) || first.StartsWith("'''", StringComparison.Ordinal))
        {
            var q = first[..3];
            at = first.Length > 3 && first[3..].Contains(q, StringComparison.Ordinal) ? body + 1 : lines.FindIndex(body + 1, l => l.Contains(q, StringComparison.Ordinal)) + 1;
        }

        lines.Insert(Math.Max(body, at), indent + "import " + module);
        return string.Join('\n', lines);
    }

    // ---- JavaScript --------------------------------------------------------------------------

    private static string? JavaScriptParameterise(string function)
    {
        var match = JsQueryTemplate().Match(function);
        if (!match.Success)
        {
            return null;
        }

        var (sql, args) = Placeholders(match.Groups["body"].Value, "?", JsInterpolation());
        if (args.Count == 0)
        {
            return null;
        }

        var rest = match.Groups["rest"].Value;
        var quoted = "'" + sql.Replace("'", "\\'", StringComparison.Ordinal) + "'";
        return function[..match.Index] + $"{match.Groups["call"].Value}({quoted}, [{string.Join(", ", args)}]{rest}" + function[(match.Index + match.Length)..];
    }

    private static string? JavaScriptExecFile(string function)
    {
        var match = JsExecTemplate().Match(function);
        if (!match.Success)
        {
            return null;
        }

        var argv = Argv(match.Groups["body"].Value, JsInterpolation(), quote: "'");
        if (argv is null)
        {
            return null;
        }

        var parts = argv.Split(", ", 2);
        var program = parts[0];
        var args = parts.Length > 1 ? parts[1] : "";
        var target = match.Groups["obj"].Success && match.Groups["obj"].Value.Length > 0 ? match.Groups["obj"].Value + "execFile" : "require('child_process').execFile";
        var sync = match.Groups["sync"].Value;
        return function[..match.Index] + $"{target}{sync}({program}, [{args}]{match.Groups["rest"].Value}" + function[(match.Index + match.Length)..];
    }

    private static string? JavaScriptEscapeHtml(string function)
    {
        var changed = false;
        var result = JsTemplateLiteral().Replace(function, m =>
        {
            var body = m.Groups["body"].Value;
            if (!body.Contains('<'))
            {
                return m.Value;
            }

            changed = true;
            return "`" + JsInterpolation().Replace(body, e => "${String(" + e.Groups["expr"].Value + ").replace(/[&<>\"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '\"': '&quot;', \"'\": '&#39;' })[c])}") + "`";
        });
        return changed ? result : null;
    }

    // ---- C -----------------------------------------------------------------------------------

    private static string? CBounded(string function)
    {
        var result = CStrcpy().Replace(function, m => $"snprintf({m.Groups[1].Value}, sizeof({m.Groups[1].Value}), \"%s\", {m.Groups[2].Value})");
        result = CStrcat().Replace(result, m => $"strncat({m.Groups[1].Value}, {m.Groups[2].Value}, sizeof({m.Groups[1].Value}) - strlen({m.Groups[1].Value}) - 1)");
        result = CSprintf().Replace(result, m => $"snprintf({m.Groups[1].Value}, sizeof({m.Groups[1].Value}), ");
        result = CGets().Replace(result, m => $"fgets({m.Groups[1].Value}, sizeof({m.Groups[1].Value}), stdin)");
        return result == function ? null : result;
    }

    // ---- shared ------------------------------------------------------------------------------

    /// <summary>Each interpolation, with the SQL quotes around it, becomes a placeholder; returns the text and the expressions in order.</summary>
    private static (string Text, List<string> Args) Placeholders(string body, string placeholder, Regex interpolation)
    {
        var args = new List<string>();
        var text = Regex.Replace(body, @"(['""]?)" + interpolation + @"\1", m =>
        {
            args.Add(m.Groups["expr"].Value.Trim());
            return placeholder;
        });
        return (text, args);
    }

    /// <summary>A command template split on spaces: literal words quoted, interpolations as expressions; null when a word mixes both.</summary>
    private static string? Argv(string body, Regex interpolation, string quote)
    {
        var words = body.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var argv = new StringBuilder();
        foreach (var word in words)
        {
            var m = interpolation.Match(word);
            string item;
            if (m.Success && m.Index == 0 && m.Length == word.Length)
            {
                item = m.Groups["expr"].Value.Trim();
            }
            else if (!m.Success && !word.Any(c => c is '|' or ';' or '&' or '>' or '<' or '$' or '`'))
            {
                item = quote + word.Replace(quote, "\\" + quote, StringComparison.Ordinal) + quote;
            }
            else
            {
                return null;
            }

            argv.Append(argv.Length > 0 ? ", " : "").Append(item);
        }

        return argv.Length == 0 ? null : argv.ToString();
    }

    [GeneratedRegex(@"\{(?<expr>[^{}:!]+)(?:![rsa])?\}")]
    private static partial Regex PyInterpolation();

    [GeneratedRegex(@"\$\{(?<expr>[^{}]+)\}")]
    private static partial Regex JsInterpolation();

    [GeneratedRegex(@"(?<call>\.execute(?:many)?)\(\s*f(?<q>[""'])(?<body>(?:(?!\k<q>).)*)\k<q>\s*\)")]
    private static partial Regex PyExecuteFString();

    [GeneratedRegex(@"(?<lhs>(?<name>[A-Za-z_]\w*)\s*=\s*)f(?<q>[""'])(?<body>(?:(?!\k<q>).)*)\k<q>")]
    private static partial Regex PyAssignFString();

    [GeneratedRegex(@"(?<call>subprocess\.(?:run|call|check_call|check_output|Popen))\(\s*f(?<q>[""'])(?<body>(?:(?!\k<q>).)*)\k<q>(?<rest>[^)\n]*)\)")]
    private static partial Regex PyShellCall();

    [GeneratedRegex(@",\s*shell\s*=\s*True")]
    private static partial Regex PyShellTrue();

    [GeneratedRegex(@"os\.system\(\s*f(?<q>[""'])(?<body>(?:(?!\k<q>).)*)\k<q>\s*\)")]
    private static partial Regex PyOsSystem();

    [GeneratedRegex(@"yaml\.(?:unsafe_load|load)\((?<arg>[^,()]+)(?:,\s*Loader\s*=\s*[\w.]+)?(?=\))")]
    private static partial Regex PyYamlLoadFull();

    [GeneratedRegex(@"\brandom\.(choice|choices|randint|randrange|random|sample|getrandbits|shuffle|uniform)\(")]
    private static partial Regex PyRandom();

    [GeneratedRegex(@"^(?<indent>[ \t]+)(?<name>[A-Za-z_]\w*)\s*=\s*os\.path\.join\((?<base>[^,()]+),\s*(?<rest>[^\n]+)\)[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex PyPathJoin();

    [GeneratedRegex(@"^(?<indent>[ \t]+)(?<decl>const|let|var)\s+(?<name>[A-Za-z_$][\w$]*)\s*=\s*path\.(?:join|resolve)\((?<base>[^,()]+),\s*(?<rest>[^\n;]+)\);?[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex JsPathJoin();

    [GeneratedRegex(@"(?<prefix>\b[fF])(?<q>[""'])(?<body>(?:(?!\k<q>).)*)\k<q>")]
    private static partial Regex PyFStringLiteral();

    [GeneratedRegex(@"(?<call>\.(?:all|get|run|each|query|exec|prepare|execute))\(\s*`(?<body>[^`]*)`(?<rest>[,)])")]
    private static partial Regex JsQueryTemplate();

    [GeneratedRegex(@"(?<obj>\b(?:child_process|cp|childProcess)\.)?\bexec(?<sync>Sync)?\(\s*`(?<body>[^`]*)`(?<rest>[,)])")]
    private static partial Regex JsExecTemplate();

    [GeneratedRegex(@"Math\.random\(\)\.toString\(36\)(?:\.(?:slice|substring|substr)\([^)]*\))?")]
    private static partial Regex JsRandomToken();

    [GeneratedRegex(@"Math\.random\(\)")]
    private static partial Regex JsMathRandom();

    [GeneratedRegex(@"`(?<body>[^`]*)`")]
    private static partial Regex JsTemplateLiteral();

    [GeneratedRegex(@"\bstrcpy\(\s*([A-Za-z_]\w*)\s*,\s*([^;]+?)\)(?=\s*;)")]
    private static partial Regex CStrcpy();

    [GeneratedRegex(@"\bstrcat\(\s*([A-Za-z_]\w*)\s*,\s*([^;]+?)\)(?=\s*;)")]
    private static partial Regex CStrcat();

    [GeneratedRegex(@"\bsprintf\(\s*([A-Za-z_]\w*)\s*,\s*")]
    private static partial Regex CSprintf();

    [GeneratedRegex(@"\bgets\(\s*([A-Za-z_]\w*)\s*\)")]
    private static partial Regex CGets();

    [GeneratedRegex(@"\b(printf|syslog|fprintf|dprintf)\(((?:[^,()]+,\s*)?)([A-Za-z_][\w\->.\[\]]*)\s*\)(?=\s*;)")]
    private static partial Regex CFormat();
}
