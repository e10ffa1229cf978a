using System.Text.RegularExpressions;
using DualGauge.Snippets.Widening;
using DualGauge.Core.Tasks;
using static DualGauge.Ai.Agentic.Glue.GlueInspector;

namespace DualGauge.Ai.Agentic.Glue;

internal enum CTokenKind
{
    Identifier,
    Number,
    String,
    Punct,
    Directive,
}

internal sealed record CToken(CTokenKind Kind, string Text, int Line);

internal sealed class CSyntaxException(string message) : Exception(message);

/// <summary>
/// The glue rule for C. C glue may: include system headers (<c>#include &lt;x.h&gt;</c>), define a feature-test macro
/// (<c>_GNU_SOURCE</c>...), declare prototypes, and define the entry point as a wrapper whose body only returns the
/// candidate's function called with the wrapper's parameters. No other macro (a <c>#define</c> rewrites the candidate's code
/// and <c>#if 0</c> would remove it), no other function or variable definition (the linker would let it interpose a
/// library function or one of the candidate's), no type the candidate uses (a typedef or struct could change its buffer
/// sizes), no attribute, asm, pragma or loop.
/// </summary>
internal sealed partial class CGlueRules(CandidateSymbols symbols, string entryPoint)
{
    private const string Rule = "glue may not define, redefine, wrap or shadow a symbol the candidate defines";

    private static readonly HashSet<string> FeatureMacros = new(StringComparer.Ordinal)
    {
        "_GNU_SOURCE", "_POSIX_C_SOURCE", "_XOPEN_SOURCE", "_DEFAULT_SOURCE", "_BSD_SOURCE", "_SVID_SOURCE", "_ISOC99_SOURCE", "_ISOC11_SOURCE",
        "_FILE_OFFSET_BITS", "_LARGEFILE64_SOURCE", "_XOPEN_SOURCE_EXTENDED",
    };

    private static readonly HashSet<string> BannedWords = new(StringComparer.Ordinal)
    {
        "asm", "__asm", "__asm__", "__attribute", "__attribute__", "_Pragma", "__declspec", "goto", "for", "while", "do", "typeof", "__typeof__",
        "_Generic", "setjmp", "longjmp", "main",
    };

    public string? Check(string? prepend, string? append)
    {
        foreach (var (name, part) in new[] { ("prepend", prepend), ("append", append) })
        {
            if (string.IsNullOrWhiteSpace(part))
            {
                continue;
            }

            try
            {
                if (Items(Tokenize(part, strict: true)) is { } violation)
                {
                    return $"the {name} glue {violation}";
                }
            }
            catch (CSyntaxException ex)
            {
                return $"the {name} glue cannot be vouched for: {ex.Message}";
            }
        }

        return null;
    }

    private string? Items(IReadOnlyList<CToken> tokens)
    {
        var i = 0;
        while (i < tokens.Count)
        {
            var t = tokens[i];
            if (t.Kind == CTokenKind.Directive)
            {
                if (Directive(t) is { } bad)
                {
                    return $"(line {t.Line}) {bad}";
                }

                i++;
                continue;
            }

            // One top-level item: up to a ';' at depth 0, or a function body's closing '}'.
            var start = i;
            var depth = 0;
            var end = -1;
            var isFunction = false;
            for (; i < tokens.Count; i++)
            {
                var x = tokens[i];
                if (x.Kind == CTokenKind.Directive)
                {
                    return $"(line {x.Line}) puts a preprocessor line inside a declaration";
                }

                if (x.Kind == CTokenKind.Identifier && BannedWords.Contains(x.Text))
                {
                    return $"(line {x.Line}) uses `{x.Text}`, which is not glue";
                }

                if (x.Text is "(" or "[")
                {
                    depth++;
                }
                else if (x.Text is ")" or "]")
                {
                    depth--;
                }
                else if (x.Text == "{")
                {
                    if (depth == 0 && i > start && tokens[i - 1].Text == ")" && !tokens.Skip(start).Take(i - start).Any(y => y.Text == "="))
                    {
                        isFunction = true;
                    }

                    depth++;
                }
                else if (x.Text == "}")
                {
                    depth--;
                    if (depth == 0 && isFunction)
                    {
                        end = i;
                        i++;
                        break;
                    }
                }
                else if (x.Text == ";" && depth == 0)
                {
                    end = i;
                    i++;
                    break;
                }
            }

            if (end < 0)
            {
                return $"(line {t.Line}) leaves a declaration open at its end, which would take in the code next to it";
            }

            var item = tokens.Skip(start).Take(end - start + 1).ToList();
            if ((isFunction ? Function(item) : Declaration(item)) is { } violation)
            {
                return $"(line {t.Line}) {violation}";
            }
        }

        return null;
    }

    private string? Directive(CToken directive)
    {
        var text = Regex.Replace(directive.Text, @"\s+", " ").Trim();
        var include = IncludeRegex().Match(text);
        if (include.Success)
        {
            var path = include.Groups["path"].Value;
            return path.Contains("..", StringComparison.Ordinal) || path.StartsWith('/') ? "includes a path outside the system headers"
                : IsHarnessName(Path.GetFileName(path)) ? $"includes the harness's own header {path}"
                : null;
        }

        if (text.StartsWith("#include", StringComparison.Ordinal) || text.StartsWith("# include", StringComparison.Ordinal))
        {
            return $"includes something other than a system header ({text}): a quoted include could pull in the harness's or the tests' files";
        }

        var define = DefineRegex().Match(text);
        if (define.Success)
        {
            var name = define.Groups["name"].Value;
            if (FeatureMacros.Contains(name) && (define.Groups["value"].Value.Trim() is "" || NumberRegex().IsMatch(define.Groups["value"].Value.Trim())))
            {
                return null;
            }

            if (symbols.Defined.Contains(name))
            {
                return $"redefines the candidate's {Quote(name)} with a macro: {Rule}";
            }

            return symbols.Used.Contains(name)
                ? $"defines the macro {Quote(name)}, which rewrites the candidate's use of it"
                : $"defines the macro {Quote(name)}: a macro rewrites code, and glue only includes, declares and forwards";
        }

        return $"uses the directive `{text.Split(' ')[0]}`{(text.StartsWith("#if", StringComparison.Ordinal) ? ", which could leave the candidate's code out" : "")}: glue only includes headers and feature macros";
    }

    private string? Function(List<CToken> item)
    {
        var open = item.FindIndex(t => t.Text == "(");
        if (open <= 0 || item[open - 1].Kind != CTokenKind.Identifier)
        {
            return "defines a function it does not name plainly";
        }

        var name = item[open - 1].Text;
        if (symbols.Defined.Contains(name))
        {
            return $"redefines the candidate's {Quote(name)}: {Rule}";
        }

        if (name != entryPoint)
        {
            return $"defines the function {Quote(name)}: the only function glue may define is the entry point {Quote(entryPoint)} as a wrapper (any other definition could interpose a library function at link time)";
        }

        var close = Matching(item, open);
        var parameters = new List<string>();
        foreach (var part in Split(item, open + 1, close))
        {
            if (part is [{ Text: "void" }])
            {
                continue;
            }

            if (part.Any(p => p.Text is "(" or ")" or "..."))
            {
                return $"gives the wrapper {Quote(name)} a parameter it cannot forward plainly";
            }

            var last = part.LastOrDefault(p => p.Kind == CTokenKind.Identifier);
            if (last is null)
            {
                return $"gives the wrapper {Quote(name)} an unnamed parameter";
            }

            parameters.Add(last.Text);
        }

        // { return callee ( a , b ) ; }  or  { callee ( a , b ) ; }
        var body = item.Skip(close + 1).ToList();
        var k = 1;
        if (body.Count > 1 && body[1].Text == "return")
        {
            k = 2;
        }

        if (body.Count < k + 4 || body[0].Text != "{" || body[k].Kind != CTokenKind.Identifier || body[k + 1].Text != "(" || body[^1].Text != "}" || body[^2].Text != ";" || body[^3].Text != ")")
        {
            return $"gives the wrapper {Quote(name)} a body that does more than `return candidate(parameters);`";
        }

        var callee = body[k].Text;
        if (!symbols.Own.Contains(callee))
        {
            return $"makes the wrapper {Quote(name)} call {Quote(callee)}, which is not the candidate's function";
        }

        foreach (var arg in Split(body, k + 2, body.Count - 3))
        {
            if (arg is not [{ Kind: CTokenKind.Identifier } only] || !parameters.Contains(only.Text))
            {
                return $"makes the wrapper {Quote(name)} pass `{string.Join(' ', arg.Select(a => a.Text))}` instead of its own parameters unchanged";
            }
        }

        return null;
    }

    private string? Declaration(List<CToken> item)
    {
        var words = item.Where(t => t.Kind == CTokenKind.Identifier).Select(t => t.Text).ToList();
        var isTypedef = words.FirstOrDefault() == "typedef";
        var hasBody = item.Any(t => t.Text == "{");
        var open = item.FindIndex(t => t.Text == "(");
        var isPrototype = !isTypedef && !hasBody && open > 0 && item[open - 1].Kind == CTokenKind.Identifier && !item.Any(t => t.Text == "=")
            && Matching(item, open) == item.Count - 2;
        if (isPrototype)
        {
            return null; // a declaration: the definition stays the candidate's or the library's
        }

        if (isTypedef || hasBody || words.FirstOrDefault() is "struct" or "union" or "enum")
        {
            foreach (var word in item.Where(t => t.Kind == CTokenKind.Identifier).Select(t => t.Text).Distinct())
            {
                if (symbols.Defined.Contains(word))
                {
                    return $"redefines the candidate's {Quote(word)} as a type: {Rule}";
                }
            }

            var declared = isTypedef ? item.LastOrDefault(t => t.Kind == CTokenKind.Identifier)?.Text : TagOf(item);
            if (declared is not null && symbols.Used.Contains(declared))
            {
                return $"supplies the type {Quote(declared)}, which the candidate uses: include the header that declares it instead";
            }

            return hasBody ? "defines a struct, union or enum: glue only includes headers and declares functions" : null;
        }

        var names = words.Where(w => symbols.Defined.Contains(w)).ToList();
        return names.Count > 0
            ? $"declares the candidate's {Quote(names[0])} again: {Rule}"
            : "defines a variable: glue only includes headers, declares functions and forwards (a global could interpose a library one)";
    }

    private static string? TagOf(IReadOnlyList<CToken> item)
    {
        for (var k = 0; k + 1 < item.Count; k++)
        {
            if (item[k].Text is "struct" or "union" or "enum" && item[k + 1].Kind == CTokenKind.Identifier)
            {
                return item[k + 1].Text;
            }
        }

        return null;
    }

    private static int Matching(IReadOnlyList<CToken> tokens, int open)
    {
        var depth = 0;
        for (var k = open; k < tokens.Count; k++)
        {
            if (tokens[k].Text is "(" or "[" or "{")
            {
                depth++;
            }
            else if (tokens[k].Text is ")" or "]" or "}" && --depth == 0)
            {
                return k;
            }
        }

        return tokens.Count - 1;
    }

    /// <summary>Comma-separated parts of tokens[from..to) at depth 0; empty when the range is empty.</summary>
    private static List<List<CToken>> Split(IReadOnlyList<CToken> tokens, int from, int to)
    {
        var parts = new List<List<CToken>>();
        if (to <= from)
        {
            return parts;
        }

        var current = new List<CToken>();
        var depth = 0;
        for (var k = from; k < to; k++)
        {
            var t = tokens[k];
            depth += t.Text switch { "(" or "[" or "{" => 1, ")" or "]" or "}" => -1, _ => 0 };
            if (t.Text == "," && depth == 0)
            {
                parts.Add(current);
                current = [];
                continue;
            }

            current.Add(t);
        }

        parts.Add(current);
        return parts;
    }

    /// <summary>C tokens: comments dropped, preprocessor lines as one token each (continuations joined).</summary>
    internal static IReadOnlyList<CToken> Tokenize(string source, bool strict)
    {
        var text = source.Replace("\r\n", "\n", StringComparison.Ordinal);
        var tokens = new List<CToken>();
        var line = 1;
        var lineStart = true;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                lineStart = true;
                i++;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                var end = text.IndexOf('\n', i);
                if (strict && end > 0 && text[end - 1] == '\\')
                {
                    throw new CSyntaxException($"line {line}: a // comment continued onto the next line");
                }

                i = end < 0 ? text.Length : end;
                continue;
            }

            if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    if (strict)
                    {
                        throw new CSyntaxException($"line {line}: a comment is not closed, which would swallow the code after it");
                    }

                    break;
                }

                line += text[i..end].Count(ch => ch == '\n');
                i = end + 2;
                continue;
            }

            if (c == '#' && lineStart)
            {
                var j = i;
                while (j < text.Length && text[j] != '\n')
                {
                    if (text[j] == '\\' && j + 1 < text.Length && text[j + 1] == '\n')
                    {
                        if (strict)
                        {
                            throw new CSyntaxException($"line {line}: a preprocessor line continued with a backslash");
                        }

                        j += 2;
                        line++;
                        continue;
                    }

                    if (text[j] == '/' && j + 1 < text.Length && text[j + 1] == '*')
                    {
                        if (strict)
                        {
                            throw new CSyntaxException($"line {line}: a comment inside a preprocessor line");
                        }
                    }

                    j++;
                }

                tokens.Add(new CToken(CTokenKind.Directive, text[i..j].Trim(), line));
                i = j;
                continue;
            }

            lineStart = false;
            if (c is '"' or '\'')
            {
                var j = i + 1;
                while (j < text.Length && text[j] != c && text[j] != '\n')
                {
                    j += text[j] == '\\' ? 2 : 1;
                }

                if (j >= text.Length || text[j] != c)
                {
                    if (strict)
                    {
                        throw new CSyntaxException($"line {line}: a string or character literal is not closed");
                    }

                    i = j;
                    continue;
                }

                tokens.Add(new CToken(CTokenKind.String, text[i..(j + 1)], line));
                i = j + 1;
                continue;
            }

            if (char.IsLetter(c) || c == '_')
            {
                var j = i;
                while (j < text.Length && (char.IsLetterOrDigit(text[j]) || text[j] == '_'))
                {
                    j++;
                }

                if (strict && j < text.Length && text[j] is '"' or '\'' && text[i..j] is "L" or "u" or "U" or "u8")
                {
                    i = j;
                    continue;
                }

                tokens.Add(new CToken(CTokenKind.Identifier, text[i..j], line));
                i = j;
                continue;
            }

            if (char.IsDigit(c))
            {
                var j = i;
                while (j < text.Length && (char.IsLetterOrDigit(text[j]) || text[j] is '.' or '_'))
                {
                    j++;
                }

                tokens.Add(new CToken(CTokenKind.Number, text[i..j], line));
                i = j;
                continue;
            }

            if (c == '\\' && strict)
            {
                throw new CSyntaxException($"line {line}: a backslash outside a string");
            }

            tokens.Add(new CToken(CTokenKind.Punct, c.ToString(), line));
            i++;
        }

        return tokens;
    }

    /// <summary>What the candidate's C code defines (functions, globals, types, tags, macros) and mentions.</summary>
    public static CandidateSymbols CandidateSymbols(string code)
    {
        var outline = SnippetWidener.Outline(Language.C, code);
        var defined = new HashSet<string>(outline.Items.SelectMany(i => i.Names), StringComparer.Ordinal);
        defined.UnionWith(outline.Functions.Select(f => f.Name));
        var own = new HashSet<string>(outline.Functions.Select(f => f.Name), StringComparer.Ordinal);
        var used = new HashSet<string>(Tokenize(code, strict: false).Where(t => t.Kind == CTokenKind.Identifier).Select(t => t.Text), StringComparer.Ordinal);
        foreach (var directive in Tokenize(code, strict: false).Where(t => t.Kind == CTokenKind.Directive))
        {
            used.UnionWith(Regex.Matches(directive.Text, @"[A-Za-z_]\w*").Select(m => m.Value));
        }

        used.UnionWith(defined);
        return new CandidateSymbols(defined, own, used, new HashSet<string>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"^#\s*include\s*<(?<path>[A-Za-z0-9_./+-]+)>$")]
    private static partial Regex IncludeRegex();

    [GeneratedRegex(@"^#\s*define\s+(?<name>[A-Za-z_]\w*)(?<params>\([^)]*\))?(?<value>.*)$")]
    private static partial Regex DefineRegex();

    [GeneratedRegex(@"^[0-9]+L?$")]
    private static partial Regex NumberRegex();
}
