using System.Text;

namespace DualGauge.Ai.Agentic.Glue;

internal enum PyTokenKind
{
    Name,
    Number,
    String,
    Op,
}

internal sealed record PyToken(PyTokenKind Kind, string Text, int Line, bool FString = false, bool Bytes = false);

/// <summary>A logical line: its indentation and its tokens (comments dropped, continuation lines joined).</summary>
internal sealed record PyLine(int Indent, IReadOnlyList<PyToken> Tokens, int Line);

internal sealed class PySyntaxException(string message) : Exception(message);

/// <summary>
/// A Python tokenizer: names, numbers, strings (all prefixes, triple quotes), operators, logical lines joined across
/// brackets and backslashes, indentation. In strict mode (glue) it refuses what it cannot vouch for: an unterminated
/// string or bracket, a backslash at the end, an f-string (its braces run code), a non-ASCII name (Python folds names with
/// NFKC, so a look-alike could rebind a candidate's name), a coding declaration (it changes how the candidate's code is read).
/// Lenient mode (the candidate's own code) keeps going.
/// </summary>
internal static class PyTokenizer
{
    private static readonly string[] Operators =
    [
        "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "==", "!=", "<=", ">=", "<<", ">>", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=",
        "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "@", "=", "+", "-", "*", "/", "%", "&", "|", "^", "~", "<", ">",
    ];

    /// <param name="strict">Refuse what cannot be vouched for (glue, and a rewrite offered as a fix).</param>
    /// <param name="function">Strict about what could swallow or join neighbouring code (unterminated strings and brackets, a final
    /// backslash, a coding declaration) but not about what a function body may hold (f-strings, non-ASCII names): for rewrites.</param>
    public static IReadOnlyList<PyLine> Lines(string source, bool strict, bool function = false)
    {
        var text = source.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var lines = new List<PyLine>();
        var tokens = new List<PyToken>();
        var depth = 0;
        var line = 1;
        var lineStart = true;
        var indent = 0;
        var logicalLine = 1;
        var i = 0;

        void EndLogical()
        {
            if (tokens.Count > 0)
            {
                lines.Add(new PyLine(indent, tokens.ToList(), logicalLine));
                tokens.Clear();
            }

            lineStart = true;
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (lineStart && depth == 0)
            {
                var col = 0;
                var j = i;
                while (j < text.Length && text[j] is ' ' or '\t' or '\f')
                {
                    col = text[j] == '\t' ? col + 8 - (col % 8) : col + 1;
                    j++;
                }

                if (j < text.Length && text[j] is not '\n' and not '#')
                {
                    indent = col;
                    logicalLine = line;
                    lineStart = false;
                }

                i = j;
                if (i >= text.Length)
                {
                    break;
                }

                c = text[i];
            }

            if (c == '\n')
            {
                line++;
                i++;
                if (depth == 0)
                {
                    EndLogical();
                }

                continue;
            }

            if (c is ' ' or '\t' or '\f')
            {
                i++;
                continue;
            }

            if (c == '#')
            {
                var end = text.IndexOf('\n', i);
                end = end < 0 ? text.Length : end;
                if (strict && line <= 2 && System.Text.RegularExpressions.Regex.IsMatch(text[i..end], @"coding[:=]"))
                {
                    throw new PySyntaxException($"line {line} is a coding declaration, which changes how the candidate's code is read");
                }

                i = end;
                continue;
            }

            if (c == '\\')
            {
                if (strict && i + 1 >= text.Length)
                {
                    throw new PySyntaxException("the glue ends with a line continuation, which would pull the next line in");
                }

                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    if (strict && i + 2 >= text.Length)
                    {
                        throw new PySyntaxException("the glue ends with a line continuation, which would pull the next line in");
                    }

                    line++;
                    i += 2;
                    continue;
                }

                if (strict)
                {
                    throw new PySyntaxException($"line {line}: a backslash outside a string");
                }

                i++;
                continue;
            }

            if (IsNameStart(c))
            {
                var j = i;
                while (j < text.Length && IsNamePart(text[j]))
                {
                    j++;
                }

                var word = text[i..j];
                if (j < text.Length && text[j] is '"' or '\'' && IsStringPrefix(word))
                {
                    i = ReadString(text, i, j, word, strict, function, tokens, ref line);
                    continue;
                }

                if (strict && !function && word.Any(ch => ch > 127))
                {
                    throw new PySyntaxException($"line {line}: the name '{word}' is not ASCII (Python folds names with NFKC, so it could stand for another)");
                }

                tokens.Add(new PyToken(PyTokenKind.Name, word, line));
                i = j;
                continue;
            }

            if (c is '"' or '\'')
            {
                i = ReadString(text, i, i, "", strict, function, tokens, ref line);
                continue;
            }

            if (char.IsDigit(c) || (c == '.' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                var j = i;
                while (j < text.Length && (char.IsLetterOrDigit(text[j]) || text[j] is '_' or '.' || (text[j] is '+' or '-' && text[j - 1] is 'e' or 'E' && !text[i..j].StartsWith("0x", StringComparison.OrdinalIgnoreCase))))
                {
                    j++;
                }

                tokens.Add(new PyToken(PyTokenKind.Number, text[i..j], line));
                i = j;
                continue;
            }

            var op = Operators.FirstOrDefault(o => string.CompareOrdinal(text, i, o, 0, o.Length) == 0);
            if (op is null)
            {
                if (strict)
                {
                    throw new PySyntaxException($"line {line}: unexpected character '{c}'");
                }

                i++;
                continue;
            }

            depth += op switch { "(" or "[" or "{" => 1, ")" or "]" or "}" => -1, _ => 0 };
            if (depth < 0)
            {
                if (strict)
                {
                    throw new PySyntaxException($"line {line}: '{op}' closes nothing");
                }

                depth = 0;
            }

            tokens.Add(new PyToken(PyTokenKind.Op, op, line));
            i += op.Length;
        }

        if (strict && depth > 0)
        {
            throw new PySyntaxException("a bracket is left open at the end, which would pull the next code in");
        }

        if (tokens.Count > 0)
        {
            lines.Add(new PyLine(indent, tokens.ToList(), logicalLine));
        }

        return lines;
    }

    /// <summary>Every name token of a source (lenient), with whether it follows a dot (an attribute, not a name).</summary>
    public static IEnumerable<(PyToken Token, bool AfterDot)> Names(IReadOnlyList<PyLine> lines)
    {
        foreach (var line in lines)
        {
            for (var i = 0; i < line.Tokens.Count; i++)
            {
                if (line.Tokens[i].Kind == PyTokenKind.Name)
                {
                    yield return (line.Tokens[i], i > 0 && line.Tokens[i - 1].Text == ".");
                }
            }
        }
    }

    public static bool IsKeyword(string word) => word is "False" or "None" or "True" or "and" or "as" or "assert" or "async" or "await" or "break"
        or "class" or "continue" or "def" or "del" or "elif" or "else" or "except" or "finally" or "for" or "from" or "global" or "if" or "import"
        or "in" or "is" or "lambda" or "nonlocal" or "not" or "or" or "pass" or "raise" or "return" or "try" or "while" or "with" or "yield";

    private static bool IsNameStart(char c) => c == '_' || char.IsLetter(c);

    private static bool IsNamePart(char c) => c == '_' || char.IsLetterOrDigit(c);

    private static bool IsStringPrefix(string word) =>
        word.Length <= 2 && word.All(ch => "rRbBuUfF".Contains(ch, StringComparison.Ordinal)) && word.Distinct().Count() == word.Length;

    private static int ReadString(string text, int start, int quoteAt, string prefix, bool strict, bool function, List<PyToken> tokens, ref int line)
    {
        var quote = text[quoteAt];
        var triple = quoteAt + 2 < text.Length && text[quoteAt + 1] == quote && text[quoteAt + 2] == quote;
        var close = triple ? new string(quote, 3) : quote.ToString();
        var fstring = prefix.Contains('f', StringComparison.OrdinalIgnoreCase);
        if (strict && !function && fstring)
        {
            throw new PySyntaxException($"line {line}: an f-string (the code in its braces runs when the glue loads)");
        }

        var j = quoteAt + close.Length;
        var body = new StringBuilder();
        while (true)
        {
            if (j >= text.Length)
            {
                if (strict)
                {
                    throw new PySyntaxException($"line {line}: a string is not closed, which would swallow the code after it");
                }

                break;
            }

            if (text[j] == '\\' && j + 1 < text.Length)
            {
                if (text[j + 1] == '\n')
                {
                    line++;
                }

                body.Append(text, j, 2);
                j += 2;
                continue;
            }

            if (text[j] == '\n')
            {
                if (!triple)
                {
                    if (strict)
                    {
                        throw new PySyntaxException($"line {line}: a string is not closed at the end of its line");
                    }

                    break;
                }

                line++;
            }

            if (string.CompareOrdinal(text, j, close, 0, close.Length) == 0)
            {
                j += close.Length;
                break;
            }

            body.Append(text[j]);
            j++;
        }

        tokens.Add(new PyToken(PyTokenKind.String, body.ToString(), line, fstring, prefix.Contains('b', StringComparison.OrdinalIgnoreCase)));
        return j;
    }
}
