using System.Text.RegularExpressions;
using DualGauge.Core.Tasks;

namespace DualGauge.Snippets.Widening;

/// <summary>
/// Outlines JavaScript by brace matching over masked source (strings, template literals, comments
/// and regex literals blanked). Top-level statements are expected to start in column 0.
/// </summary>
internal static partial class JavaScriptOutliner
{
    public static DocumentOutline Outline(string text)
    {
        var lines = SourceMask.Lines(text);
        var joined = string.Join('\n', lines);
        var maskedText = SourceMask.JavaScript(joined);
        var masked = SourceMask.LinesOf(maskedText, lines);
        var offsets = LineOffsets(lines);
        var depthAtLine = DepthAtLineStart(masked);
        var items = new List<TopLevelItem>();
        var functions = new List<SourceFunction>();
        var constructors = new List<SourceFunction>();

        bool IsStatementStart(int i) =>
            depthAtLine[i] == 0 && masked[i].Length > 0 && !char.IsWhiteSpace(masked[i][0]) && !".)]},?:+-*/&|=".Contains(masked[i][0]);

        int StatementEnd(int start)
        {
            var end = start;
            for (var i = start + 1; i < lines.Length && !IsStatementStart(i); i++)
            {
                if (!string.IsNullOrWhiteSpace(masked[i]))
                {
                    end = i;
                }
            }

            return end;
        }

        int LineOf(int offset)
        {
            var index = Array.BinarySearch(offsets, offset);
            return index >= 0 ? index : ~index - 1;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            if (!IsStatementStart(i))
            {
                continue;
            }

            var line = masked[i];
            var statementEnd = StatementEnd(i);
            var docStart = DocCommentStart(lines, i);
            if (ImportRegex().IsMatch(line) || RequireRegex().IsMatch(line))
            {
                items.Add(new TopLevelItem(i, statementEnd, [], true));
            }
            else if (FunctionRegex().Match(line) is { Success: true } fn)
            {
                var f = Function(fn.Groups["name"].Value, fn.Groups["async"].Success, offsets[i] + fn.Length - 1, docStart, i, statementEnd, null, false);
                functions.Add(f);
                items.Add(new TopLevelItem(f.StartLine, f.EndLine, [f.Name], false, f));
                statementEnd = f.EndLine;
            }
            else if (ArrowRegex().Match(line) is { Success: true } arrow && IsFunctionValue(arrow, offsets[i]))
            {
                var isAsync = arrow.Groups["async"].Success;
                var bare = arrow.Groups["bare"];
                SourceFunction f;
                if (bare.Success)
                {
                    f = new SourceFunction(arrow.Groups["name"].Value, docStart, i, statementEnd, [new FunctionParameter(bare.Value, JsDocType(lines, docStart, i, bare.Value))], null, JsDoc(lines, docStart, i), isAsync);
                }
                else
                {
                    f = Function(arrow.Groups["name"].Value, isAsync, offsets[i] + arrow.Length - 1, docStart, i, statementEnd, null, false);
                }

                functions.Add(f);
                items.Add(new TopLevelItem(f.StartLine, Math.Max(f.EndLine, statementEnd), [f.Name], false, f));
            }
            else if (ExportsAssignRegex().Match(line) is { Success: true } exp)
            {
                var f = Function(exp.Groups["name"].Value, exp.Groups["async"].Success, offsets[i] + exp.Length - 1, docStart, i, statementEnd, null, false);
                functions.Add(f);
                items.Add(new TopLevelItem(f.StartLine, Math.Max(f.EndLine, statementEnd), [f.Name], false, f));
            }
            else if (ClassRegex().Match(line) is { Success: true } cls)
            {
                var className = cls.Groups["name"].Value;
                var open = maskedText.IndexOf('{', offsets[i]);
                var close = open < 0 ? -1 : ParameterText.MatchingClose(maskedText, open);
                var end = close < 0 ? statementEnd : LineOf(close);
                items.Add(new TopLevelItem(docStart, end, [className], false));
                for (var j = LineOf(open) + 1; j < end; j++)
                {
                    if (depthAtLine[j] != 1 || MethodRegex().Match(masked[j]) is not { Success: true } m)
                    {
                        continue;
                    }

                    if (m.Groups["name"].Value == "constructor")
                    {
                        var ctor = Function("constructor", false, offsets[j] + m.Length - 1, j, j, end, className, false);
                        constructors.Add(ctor);
                        j = ctor.EndLine;
                        continue;
                    }

                    if (Keywords.Contains(m.Groups["name"].Value))
                    {
                        continue;
                    }

                    var methodDoc = DocCommentStart(lines, j);
                    var f = Function(m.Groups["name"].Value, m.Groups["async"].Success, offsets[j] + m.Length - 1, methodDoc, j, end, className, m.Groups["static"].Success);
                    functions.Add(f);
                    j = f.EndLine;
                }

                statementEnd = end;
            }
            else if (RouteRegex().Match(lines[i]) is { Success: true } route && RouteHandler(i, route, docStart, statementEnd) is { } handler)
            {
                // app.get('/path', (req, res) => {...}): the anonymous callback is the function, named after its route.
                functions.Add(handler);
                items.Add(new TopLevelItem(handler.StartLine, Math.Max(handler.EndLine, statementEnd), [handler.Name], false, handler));
                statementEnd = Math.Max(handler.EndLine, statementEnd);
            }
            else if (AppSetupRegex().Match(line) is { Success: true } setup)
            {
                // app.use(express.json()), app.set(...): part of the app, kept whenever the app is.
                items.Add(new TopLevelItem(i, statementEnd, [setup.Groups["recv"].Value], false));
            }
            else if (DeclarationRegex().Match(line) is { Success: true } decl)
            {
                var names = DeclaredNames(decl.Groups["names"].Value);
                items.Add(new TopLevelItem(i, statementEnd, names, false));
            }

            i = Math.Max(i, statementEnd);
        }

        return new DocumentOutline(Language.JavaScript, lines, items, functions) { Constructors = constructors };

        // `const x = (a + b) * 2` also starts with a parenthesis: only an arrow after it makes a function.
        bool IsFunctionValue(Match arrow, int lineOffset)
        {
            if (arrow.Groups["bare"].Success || arrow.Value.Contains("function", StringComparison.Ordinal))
            {
                return true;
            }

            var close = ParameterText.MatchingClose(maskedText, lineOffset + arrow.Length - 1);
            if (close < 0)
            {
                return false;
            }

            var k = close + 1;
            while (k < maskedText.Length && char.IsWhiteSpace(maskedText[k]))
            {
                k++;
            }

            return k + 1 < maskedText.Length && maskedText[k] == '=' && maskedText[k + 1] == '>';
        }

        SourceFunction? RouteHandler(int line, Match route, int docStart, int fallbackEnd)
        {
            var open = offsets[line] + lines[line].IndexOf('(', route.Groups["verb"].Index + route.Groups["verb"].Length);
            var close = ParameterText.MatchingClose(maskedText, open);
            if (close < 0)
            {
                return null;
            }

            var args = SplitArguments(maskedText, open + 1, close);
            if (args.Count < 2)
            {
                return null;
            }

            var (from, to) = args[^1];
            var callback = CallbackRegex().Match(maskedText[from..to]);
            if (!callback.Success && WrapperRegex().Match(maskedText[from..to]) is { Success: true } wrapper)
            {
                // app.get('/x', asyncHandler(async (req, res) => {...})): the callback inside one wrapper call.
                var wrapOpen = from + wrapper.Length - 1;
                var wrapClose = ParameterText.MatchingClose(maskedText, wrapOpen);
                var inner = wrapClose > wrapOpen ? SplitArguments(maskedText, wrapOpen + 1, wrapClose) : [];
                if (inner.Count > 0)
                {
                    (from, to) = inner[^1];
                    callback = CallbackRegex().Match(maskedText[from..to]);
                }
            }

            if (!callback.Success)
            {
                return null;
            }

            var name = $"{route.Groups["recv"].Value}.{route.Groups["verb"].Value}('{route.Groups["path"].Value}')";
            var isAsync = callback.Groups["async"].Success;
            SourceFunction f;
            if (callback.Groups["bare"].Success)
            {
                f = new SourceFunction(name, docStart, line, fallbackEnd, [new FunctionParameter(callback.Groups["bare"].Value, null)], null, JsDoc(lines, docStart, line), isAsync);
            }
            else
            {
                f = Function(name, isAsync, from + callback.Length - 1, docStart, line, fallbackEnd, null, false);
            }

            return f with
            {
                EndLine = Math.Max(f.EndLine, LineOf(close)),
                Route = new HttpRoute(route.Groups["recv"].Value, route.Groups["verb"].Value, route.Groups["path"].Value),
            };
        }

        SourceFunction Function(string name, bool isAsync, int openParen, int start, int header, int fallbackEnd, string? className, bool isStatic)
        {
            var close = ParameterText.MatchingClose(maskedText, openParen);
            var parameters = new List<FunctionParameter>();
            var end = fallbackEnd;
            if (close > openParen)
            {
                var index = 0;
                foreach (var (from, to) in ParameterText.SplitTopLevel(maskedText, openParen + 1, close))
                {
                    var raw = joined[from..to].Trim();
                    if (raw.Length == 0)
                    {
                        continue;
                    }

                    parameters.Add(Parameter(raw, index++, lines, start, header));
                }

                var k = close + 1;
                while (k < maskedText.Length && char.IsWhiteSpace(maskedText[k]))
                {
                    k++;
                }

                if (k + 1 < maskedText.Length && maskedText[k] == '=' && maskedText[k + 1] == '>')
                {
                    k += 2;
                    while (k < maskedText.Length && char.IsWhiteSpace(maskedText[k]))
                    {
                        k++;
                    }
                }

                if (k < maskedText.Length && maskedText[k] == '{')
                {
                    var bodyClose = ParameterText.MatchingClose(maskedText, k);
                    if (bodyClose > 0)
                    {
                        end = LineOf(bodyClose);
                    }
                }
            }

            return new SourceFunction(name, start, header, end, parameters, className, JsDoc(lines, start, header), isAsync, isStatic);
        }
    }

    private static FunctionParameter Parameter(string raw, int index, string[] lines, int docStart, int header)
    {
        var variadic = raw.StartsWith("...", StringComparison.Ordinal);
        raw = raw.TrimStart('.');
        string? defaultValue = null;
        var eq = ParameterText.TopLevelIndexOf(raw, '=');
        if (eq >= 0)
        {
            defaultValue = raw[(eq + 1)..].Trim();
            raw = raw[..eq].Trim();
        }

        // A destructured parameter has no name of its own: call it by its position.
        var name = IdentifierRegex().IsMatch(raw) ? raw : (raw.StartsWith('{') ? "options" : $"arg{index}");
        return new FunctionParameter(name, JsDocType(lines, docStart, header, name), defaultValue)
        {
            IsVariadic = variadic,
            Fields = raw.StartsWith('{') && raw.EndsWith('}') ? DestructuredFields(raw[1..^1]) : null,
        };
    }

    /// <summary>The keys of an object pattern's body (<c>a, b = 2, c: alias, ...rest</c>), with their defaults.</summary>
    internal static List<FunctionParameter> DestructuredFields(string body)
    {
        var fields = new List<FunctionParameter>();
        foreach (var (from, to) in SplitArguments(body, 0, body.Length))
        {
            var item = body[from..to].Trim();
            if (item.Length == 0 || item.StartsWith("...", StringComparison.Ordinal))
            {
                continue;
            }

            string? defaultValue = null;
            var eq = ParameterText.TopLevelIndexOf(item, '=');
            if (eq >= 0)
            {
                defaultValue = item[(eq + 1)..].Trim();
                item = item[..eq].Trim();
            }

            var colon = ParameterText.TopLevelIndexOf(item, ':');
            var key = (colon >= 0 ? item[..colon] : item).Trim().Trim('\'', '"');
            if (IdentifierRegex().IsMatch(key) || Regex.IsMatch(key, @"^[\w-]+$"))
            {
                fields.Add(new FunctionParameter(key, null, defaultValue));
            }
        }

        return fields;
    }

    /// <summary>Comma-separated arguments at bracket depth 0 (no angle brackets: <c>=&gt;</c> and comparisons are not brackets in JavaScript).</summary>
    private static List<(int From, int To)> SplitArguments(string text, int from, int to)
    {
        var result = new List<(int, int)>();
        var depth = 0;
        var start = from;
        for (var i = from; i < to; i++)
        {
            switch (text[i])
            {
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
                case ',' when depth == 0:
                    result.Add((start, i));
                    start = i + 1;
                    break;
            }
        }

        if (to > start)
        {
            result.Add((start, to));
        }

        return result;
    }

    private static int DocCommentStart(string[] lines, int header)
    {
        var i = header - 1;
        if (i < 0 || !lines[i].TrimEnd().EndsWith("*/", StringComparison.Ordinal))
        {
            return header;
        }

        for (; i >= 0; i--)
        {
            if (lines[i].TrimStart().StartsWith("/*", StringComparison.Ordinal))
            {
                return i;
            }
        }

        return header;
    }

    private static string? JsDoc(string[] lines, int start, int header) =>
        start < header ? string.Join('\n', lines[start..header]) : null;

    private static string? JsDocType(string[] lines, int start, int header, string name)
    {
        var doc = JsDoc(lines, start, header);
        if (doc is null)
        {
            return null;
        }

        // {string}, and object types {{ author: string, postedAt: Date }}.
        var m = Regex.Match(doc, @"@param\s+\{(?<type>\{[^{}]*\}|[^{}]+)\}\s+\[?" + Regex.Escape(name) + @"\b");
        return m.Success ? m.Groups["type"].Value.Trim() : null;
    }

    private static List<string> DeclaredNames(string names)
    {
        var result = new List<string>();
        foreach (Match m in IdentifierInListRegex().Matches(names))
        {
            result.Add(m.Value);
        }

        return result;
    }

    private static int[] LineOffsets(string[] lines)
    {
        var offsets = new int[lines.Length];
        var offset = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            offsets[i] = offset;
            offset += lines[i].Length + 1;
        }

        return offsets;
    }

    private static int[] DepthAtLineStart(string[] masked)
    {
        var result = new int[masked.Length];
        var depth = 0;
        for (var i = 0; i < masked.Length; i++)
        {
            result[i] = depth;
            foreach (var c in masked[i])
            {
                depth += c switch { '(' or '[' or '{' => 1, ')' or ']' or '}' => -1, _ => 0 };
            }

            depth = Math.Max(0, depth);
        }

        return result;
    }

    private static readonly HashSet<string> Keywords = ["if", "for", "while", "switch", "catch", "function", "return", "constructor", "get", "set", "super", "with"];

    [GeneratedRegex(@"^(import\b|export\s+\*\s+from\b)")]
    private static partial Regex ImportRegex();

    [GeneratedRegex(@"^(const|let|var)\s+[^=]+=\s*(require\s*\(|await\s+import\s*\()")]
    private static partial Regex RequireRegex();

    [GeneratedRegex(@"^(export\s+(default\s+)?)?(?<async>async\s+)?function\s*\*?\s*(?<name>[A-Za-z_$][\w$]*)\s*\(")]
    private static partial Regex FunctionRegex();

    [GeneratedRegex(@"^(export\s+)?(const|let|var)\s+(?<name>[A-Za-z_$][\w$]*)\s*=\s*(?<async>async\s+)?(function\s*\*?\s*([A-Za-z_$][\w$]*)?\s*\(|\(|(?<bare>[A-Za-z_$][\w$]*)\s*=>)")]
    private static partial Regex ArrowRegex();

    [GeneratedRegex(@"^(module\.)?exports\.(?<name>[A-Za-z_$][\w$]*)\s*=\s*(?<async>async\s+)?(function\s*\*?\s*([A-Za-z_$][\w$]*)?\s*\(|\()")]
    private static partial Regex ExportsAssignRegex();

    [GeneratedRegex(@"^(export\s+(default\s+)?)?class\s+(?<name>[A-Za-z_$][\w$]*)")]
    private static partial Regex ClassRegex();

    [GeneratedRegex(@"^\s*(?<static>static\s+)?(?<async>async\s+)?\*?\s*(?<name>#?[A-Za-z_$][\w$]*)\s*\(")]
    private static partial Regex MethodRegex();

    [GeneratedRegex(@"^(?<recv>[A-Za-z_$][\w$]*)\.(?<verb>get|post|put|patch|delete|all|options|head)\s*\(\s*(?<q>['""`])(?<path>[^'""`\n]*)\k<q>\s*,")]
    private static partial Regex RouteRegex();

    [GeneratedRegex(@"^\s*(?<async>async\s+)?(?:function\b\s*\*?\s*(?:[A-Za-z_$][\w$]*)?\s*\(|\(|(?<bare>[A-Za-z_$][\w$]*)\s*=>)")]
    private static partial Regex CallbackRegex();

    [GeneratedRegex(@"^\s*[A-Za-z_$][\w$.]*\s*\(")]
    private static partial Regex WrapperRegex();

    [GeneratedRegex(@"^(?<recv>[A-Za-z_$][\w$]*)\.(use|set|engine|enable|disable|param|locals\b)")]
    private static partial Regex AppSetupRegex();

    [GeneratedRegex(@"^(export\s+)?(const|let|var)\s+(?<names>[^=;]+)")]
    private static partial Regex DeclarationRegex();

    [GeneratedRegex(@"^[A-Za-z_$][\w$]*$")]
    private static partial Regex IdentifierRegex();

    [GeneratedRegex(@"[A-Za-z_$][\w$]*")]
    private static partial Regex IdentifierInListRegex();
}
