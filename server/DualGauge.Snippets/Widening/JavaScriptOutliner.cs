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
                    if (depthAtLine[j] != 1 || MethodRegex().Match(masked[j]) is not { Success: true } m || Keywords.Contains(m.Groups["name"].Value))
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
            else if (DeclarationRegex().Match(line) is { Success: true } decl)
            {
                var names = DeclaredNames(decl.Groups["names"].Value);
                items.Add(new TopLevelItem(i, statementEnd, names, false));
            }

            i = Math.Max(i, statementEnd);
        }

        return new DocumentOutline(Language.JavaScript, lines, items, functions);

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
        return new FunctionParameter(name, JsDocType(lines, docStart, header, name), defaultValue) { IsVariadic = variadic };
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

        var m = Regex.Match(doc, @"@param\s+\{(?<type>[^}]+)\}\s+\[?" + Regex.Escape(name) + @"\b");
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

    [GeneratedRegex(@"^(export\s+)?(const|let|var)\s+(?<names>[^=;]+)")]
    private static partial Regex DeclarationRegex();

    [GeneratedRegex(@"^[A-Za-z_$][\w$]*$")]
    private static partial Regex IdentifierRegex();

    [GeneratedRegex(@"[A-Za-z_$][\w$]*")]
    private static partial Regex IdentifierInListRegex();
}
