using System.Text.RegularExpressions;
using DualGauge.Core.Tasks;

namespace DualGauge.Snippets.Widening;

/// <summary>Outlines Python source by indentation, ignoring strings, comments and bracketed continuation lines.</summary>
internal static partial class PythonOutliner
{
    public static DocumentOutline Outline(string text)
    {
        var lines = SourceMask.Lines(text);
        var masked = SourceMask.LinesOf(SourceMask.Python(string.Join('\n', lines)), lines);
        var logical = LogicalStarts(masked);
        var items = new List<TopLevelItem>();
        var functions = new List<SourceFunction>();

        bool IsStatementStart(int i) => logical[i] && !string.IsNullOrWhiteSpace(masked[i]);

        int BlockEnd(int header, int indent)
        {
            var end = header;
            for (var i = header + 1; i < lines.Length; i++)
            {
                if (IsStatementStart(i) && Indent(masked[i]) <= indent)
                {
                    break;
                }

                if (!string.IsNullOrWhiteSpace(lines[i]))
                {
                    end = i;
                }
            }

            return end;
        }

        int StatementEnd(int start)
        {
            var end = start;
            for (var i = start + 1; i < lines.Length && !IsStatementStart(i); i++)
            {
                if (!string.IsNullOrWhiteSpace(lines[i]))
                {
                    end = i;
                }
            }

            return end;
        }

        var decoratorStart = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!IsStatementStart(i) || Indent(masked[i]) != 0)
            {
                continue;
            }

            var line = masked[i];
            if (line.StartsWith('@'))
            {
                decoratorStart = decoratorStart < 0 ? i : decoratorStart;
                continue;
            }

            var start = decoratorStart < 0 ? i : decoratorStart;
            var decorators = decoratorStart < 0 ? "" : string.Join('\n', lines[decoratorStart..i]);
            decoratorStart = -1;

            if (DefRegex().Match(line) is { Success: true } def)
            {
                var end = BlockEnd(i, 0);
                var function = Function(lines, masked, start, i, end, def, null, decorators);
                functions.Add(function);
                items.Add(new TopLevelItem(start, end, [function.Name], false, function));
                i = end;
            }
            else if (ClassRegex().Match(line) is { Success: true } cls)
            {
                var end = BlockEnd(i, 0);
                var className = cls.Groups[1].Value;
                items.Add(new TopLevelItem(start, end, [className], false));
                functions.AddRange(Methods(lines, masked, logical, i, end, className));
                i = end;
            }
            else if (ImportRegex().IsMatch(line))
            {
                var end = StatementEnd(i);
                items.Add(new TopLevelItem(i, end, [], true));
                i = end;
            }
            else if (line.StartsWith("try:", StringComparison.Ordinal))
            {
                // try: import x / except ImportError: ... is part of the module prelude.
                var end = i;
                for (var j = i + 1; j < lines.Length; j++)
                {
                    if (IsStatementStart(j) && Indent(masked[j]) == 0 && !TryTailRegex().IsMatch(masked[j]))
                    {
                        break;
                    }

                    if (!string.IsNullOrWhiteSpace(lines[j]))
                    {
                        end = j;
                    }
                }

                var block = string.Join('\n', masked[i..(end + 1)]);
                if (ImportInBlockRegex().IsMatch(block))
                {
                    items.Add(new TopLevelItem(i, end, [], true));
                }

                i = end;
            }
            else if (SetupRegex().Match(line) is { Success: true } setup)
            {
                // app.config["UPLOAD_FOLDER"] = ..., app.secret_key = ..., app.config.update(...): part of the
                // object it configures, kept whenever that object is (a view reads app.config at request time).
                var end = StatementEnd(i);
                items.Add(new TopLevelItem(i, end, [setup.Groups["recv"].Value], false));
                i = end;
            }
            else if (AssignmentRegex().Match(line) is { Success: true } assign)
            {
                var end = StatementEnd(i);
                var names = assign.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(n => n.Split(':')[0].Trim()).Where(n => n.Length > 0).ToList();
                items.Add(new TopLevelItem(i, end, names, false));
                i = end;
            }
        }

        return new DocumentOutline(Language.Python, lines, items, functions);
    }

    private static IEnumerable<SourceFunction> Methods(string[] lines, string[] masked, bool[] logical, int classHeader, int classEnd, string className)
    {
        var bodyIndent = -1;
        var decoratorStart = -1;
        for (var i = classHeader + 1; i <= classEnd; i++)
        {
            if (!logical[i] || string.IsNullOrWhiteSpace(masked[i]))
            {
                continue;
            }

            var indent = Indent(masked[i]);
            if (bodyIndent < 0)
            {
                bodyIndent = indent;
            }

            if (indent != bodyIndent)
            {
                continue;
            }

            var line = masked[i].TrimStart();
            if (line.StartsWith('@'))
            {
                decoratorStart = decoratorStart < 0 ? i : decoratorStart;
                continue;
            }

            var start = decoratorStart < 0 ? i : decoratorStart;
            var decorators = decoratorStart < 0 ? "" : string.Join('\n', lines[decoratorStart..i]);
            decoratorStart = -1;
            if (DefRegex().Match(line) is { Success: true } def)
            {
                var end = i;
                for (var j = i + 1; j <= classEnd; j++)
                {
                    if (logical[j] && !string.IsNullOrWhiteSpace(masked[j]) && Indent(masked[j]) <= bodyIndent)
                    {
                        break;
                    }

                    if (!string.IsNullOrWhiteSpace(lines[j]))
                    {
                        end = j;
                    }
                }

                yield return Function(lines, masked, start, i, end, def, className, decorators);
                i = end;
            }
        }
    }

    private static SourceFunction Function(string[] lines, string[] masked, int start, int header, int end, Match def, string? className, string decorators)
    {
        var name = def.Groups["name"].Value;
        var isStatic = decorators.Contains("@staticmethod", StringComparison.Ordinal) || decorators.Contains("@classmethod", StringComparison.Ordinal);
        var rawHeader = string.Join('\n', lines[header..(end + 1)]);
        var maskedHeader = string.Join('\n', masked[header..(end + 1)]);
        var open = maskedHeader.IndexOf('(', StringComparison.Ordinal);
        var close = open < 0 ? -1 : ParameterText.MatchingClose(maskedHeader, open);
        var parameters = new List<FunctionParameter>();
        var bodyStartOffset = 0;
        if (open >= 0 && close > open)
        {
            foreach (var (from, to) in ParameterText.SplitTopLevel(maskedHeader, open + 1, close))
            {
                var p = Parameter(rawHeader[from..to].Trim());
                if (p is not null)
                {
                    parameters.Add(p);
                }
            }

            bodyStartOffset = maskedHeader.IndexOf(':', close);
        }

        if (className is not null && !decorators.Contains("@staticmethod", StringComparison.Ordinal) && parameters.Count > 0)
        {
            parameters.RemoveAt(0); // self or cls
        }

        return new SourceFunction(name, start, header, end, parameters, className, Docstring(rawHeader, bodyStartOffset),
            def.Groups["async"].Success, isStatic);
    }

    private static FunctionParameter? Parameter(string text)
    {
        if (text.Length == 0 || text is "*" or "/")
        {
            return null;
        }

        var variadic = text.StartsWith('*');
        text = text.TrimStart('*');
        string? defaultValue = null;
        var eq = ParameterText.TopLevelIndexOf(text, '=');
        if (eq >= 0)
        {
            defaultValue = text[(eq + 1)..].Trim();
            text = text[..eq];
        }

        string? type = null;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            type = text[(colon + 1)..].Trim();
            text = text[..colon];
        }

        return new FunctionParameter(text.Trim(), type, defaultValue) { IsVariadic = variadic };
    }

    private static string? Docstring(string raw, int colon)
    {
        if (colon < 0)
        {
            return null;
        }

        var body = raw[(colon + 1)..].TrimStart();
        var m = DocstringRegex().Match(body);
        return m.Success ? m.Groups["body"].Value : null;
    }

    private static bool[] LogicalStarts(string[] masked)
    {
        var result = new bool[masked.Length];
        var depth = 0;
        var continued = false;
        string? openTriple = null; // the delimiter of a triple-quoted string still open at the end of the line
        for (var i = 0; i < masked.Length; i++)
        {
            result[i] = depth <= 0 && !continued && openTriple is null;
            var line = masked[i];
            for (var k = 0; k < line.Length; k++)
            {
                if (k + 2 < line.Length && line[k] is '"' or '\'' && line[k + 1] == line[k] && line[k + 2] == line[k])
                {
                    var delimiter = line.Substring(k, 3);
                    openTriple = openTriple is null ? delimiter : openTriple == delimiter ? null : openTriple;
                    k += 2;
                    continue;
                }

                if (openTriple is null)
                {
                    depth += line[k] switch { '(' or '[' or '{' => 1, ')' or ']' or '}' => -1, _ => 0 };
                }
            }

            depth = Math.Max(depth, 0);
            continued = line.TrimEnd().EndsWith('\\');
        }

        return result;
    }

    internal static int Indent(string line)
    {
        var n = 0;
        foreach (var c in line)
        {
            if (c == ' ')
            {
                n++;
            }
            else if (c == '\t')
            {
                n += 8 - (n % 8);
            }
            else
            {
                break;
            }
        }

        return n;
    }

    [GeneratedRegex(@"^\s*(?<async>async\s+)?def\s+(?<name>[A-Za-z_]\w*)\s*\(")]
    private static partial Regex DefRegex();

    [GeneratedRegex(@"^class\s+([A-Za-z_]\w*)")]
    private static partial Regex ClassRegex();

    [GeneratedRegex(@"^(import|from)\s+[\w.]")]
    private static partial Regex ImportRegex();

    [GeneratedRegex(@"^\s*(import|from)\s+[\w.]", RegexOptions.Multiline)]
    private static partial Regex ImportInBlockRegex();

    [GeneratedRegex(@"^(except\b|else\s*:|finally\s*:)")]
    private static partial Regex TryTailRegex();

    /// <summary>
    /// A top-level statement that configures an existing object: an attribute or item assignment on it
    /// (<c>app.config["KEY"] = ...</c>, <c>app.secret_key = ...</c>), or a configuring call
    /// (<c>app.config.update(...)</c>, <c>app.register_blueprint(...)</c>). Never <c>app.run()</c>: that starts a server.
    /// </summary>
    [GeneratedRegex(@"^(?<recv>[A-Za-z_]\w*)(?:(?:\.[A-Za-z_]\w*|\[[^\]\n]*\])+\s*(?:[-+*|]?=)(?!=)|\.config\.(?:update|from_mapping|setdefault)\s*\(|\.(?:register_blueprint|add_url_rule|setLevel|addHandler)\s*\()")]
    private static partial Regex SetupRegex();

    [GeneratedRegex(@"^([A-Za-z_]\w*(?:\s*:\s*[^=]+)?(?:\s*,\s*[A-Za-z_]\w*)*)\s*=(?!=)")]
    private static partial Regex AssignmentRegex();

    [GeneratedRegex(@"^[rRuU]?(?<q>""""""|''')(?<body>.*?)\k<q>", RegexOptions.Singleline)]
    private static partial Regex DocstringRegex();
}

/// <summary>Helpers over masked parameter lists.</summary>
internal static class ParameterText
{
    public static int MatchingClose(string masked, int open)
    {
        var depth = 0;
        for (var i = open; i < masked.Length; i++)
        {
            switch (masked[i])
            {
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}':
                    depth--;
                    if (depth == 0)
                    {
                        return i;
                    }

                    break;
            }
        }

        return -1;
    }

    public static IEnumerable<(int From, int To)> SplitTopLevel(string masked, int from, int to)
    {
        var depth = 0;
        var start = from;
        for (var i = from; i < to; i++)
        {
            switch (masked[i])
            {
                case '(' or '[' or '{' or '<':
                    depth++;
                    break;
                case ')' or ']' or '}' or '>':
                    depth = Math.Max(0, depth - 1);
                    break;
                case ',' when depth == 0:
                    yield return (start, i);
                    start = i + 1;
                    break;
            }
        }

        if (to > start)
        {
            yield return (start, to);
        }
    }

    public static int TopLevelIndexOf(string text, char target)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                depth--;
            }
            else if (c == target && depth == 0 && !(target == '=' && i + 1 < text.Length && text[i + 1] == '=') && !(target == '=' && i > 0 && text[i - 1] is '=' or '!' or '<' or '>'))
            {
                return i;
            }
        }

        return -1;
    }
}
