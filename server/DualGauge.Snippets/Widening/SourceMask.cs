using System.Text;

namespace DualGauge.Snippets.Widening;

/// <summary>
/// Blanks comments and the insides of string, template and regex literals (keeping newlines and
/// offsets), so brace matching and name scanning never trip over a brace or keyword inside text.
/// </summary>
internal static class SourceMask
{
    /// <summary>The character comments are blanked with in <see cref="CommentMap"/>.</summary>
    public const char CommentFill = '\u0001';

    /// <summary>
    /// A masked copy in which comments are filled with <see cref="CommentFill"/> (strings blanked as usual), so a
    /// position can be told to be inside a comment, rather than in code or in a string literal.
    /// </summary>
    public static string CommentMap(Core.Tasks.Language language, string text) => language switch
    {
        Core.Tasks.Language.Python => Python(text, CommentFill),
        Core.Tasks.Language.JavaScript => JavaScript(text, CommentFill),
        _ => C(text, out _, CommentFill),
    };

    public static string Python(string text) => Python(text, ' ');

    private static string Python(string text, char commentFill)
    {
        var mask = new StringBuilder(text);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '#')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    mask[i++] = commentFill;
                }

                continue;
            }

            if (c is '"' or '\'')
            {
                var triple = i + 2 < text.Length && text[i + 1] == c && text[i + 2] == c;
                var close = triple ? new string(c, 3) : c.ToString();
                var j = i + close.Length;
                while (j < text.Length)
                {
                    if (text[j] == '\\')
                    {
                        j += 2;
                        continue;
                    }

                    if (!triple && text[j] == '\n')
                    {
                        break; // unterminated single-quoted string ends at the line
                    }

                    if (string.CompareOrdinal(text, j, close, 0, close.Length) == 0)
                    {
                        break;
                    }

                    j++;
                }

                Blank(mask, text, i + close.Length, Math.Min(j, text.Length));
                i = Math.Min(text.Length, j + close.Length);
                continue;
            }

            i++;
        }

        return mask.ToString();
    }

    public static string C(string text, out IReadOnlyList<(int Start, int End)> preprocessorLines) => C(text, out preprocessorLines, ' ');

    private static string C(string text, out IReadOnlyList<(int Start, int End)> preprocessorLines, char commentFill)
    {
        var mask = new StringBuilder(text);
        var directives = new List<(int, int)>();
        var i = 0;
        var line = 0;
        var atLineStart = true;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                atLineStart = true;
                i++;
                continue;
            }

            if (atLineStart && c == '#')
            {
                var startLine = line;
                while (i < text.Length && text[i] != '\n')
                {
                    if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        mask[i] = ' ';
                        i += 2;
                        line++;
                        continue;
                    }

                    mask[i++] = ' ';
                }

                directives.Add((startLine, line));
                continue;
            }

            if (!char.IsWhiteSpace(c))
            {
                atLineStart = false;
            }

            if (TrySkipComment(text, mask, ref i, ref line, commentFill) || TrySkipQuoted(text, mask, ref i, '"') || TrySkipQuoted(text, mask, ref i, '\''))
            {
                continue;
            }

            i++;
        }

        preprocessorLines = directives;
        return mask.ToString();
    }

    public static string JavaScript(string text) => JavaScript(text, ' ');

    private static string JavaScript(string text, char commentFill)
    {
        var mask = new StringBuilder(text);
        var i = 0;
        var line = 0;
        // Brace depths at which a template literal's ${...} expression closes back into the template.
        var templateResume = new Stack<int>();
        var depth = 0;
        var lastSignificant = '\0';
        var lastWord = "";
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                i++;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (TrySkipComment(text, mask, ref i, ref line, commentFill))
            {
                continue;
            }

            if (c is '"' or '\'')
            {
                TrySkipQuoted(text, mask, ref i, c);
                lastSignificant = 'a';
                lastWord = "";
                continue;
            }

            if (c == '`' || (c == '}' && templateResume.Count > 0 && templateResume.Peek() == depth))
            {
                if (c == '}')
                {
                    templateResume.Pop();
                }

                // Inside a template literal: blank until the closing backtick or a ${ expression.
                var j = i + 1;
                while (j < text.Length && text[j] != '`')
                {
                    if (text[j] == '\\')
                    {
                        mask[j] = ' ';
                        if (j + 1 < text.Length && text[j + 1] != '\n')
                        {
                            mask[j + 1] = ' ';
                        }

                        j += 2;
                        continue;
                    }

                    if (text[j] == '$' && j + 1 < text.Length && text[j + 1] == '{')
                    {
                        break;
                    }

                    if (text[j] != '\n')
                    {
                        mask[j] = ' ';
                    }
                    else
                    {
                        line++;
                    }

                    j++;
                }

                if (j < text.Length && text[j] == '$')
                {
                    templateResume.Push(depth);
                    i = j + 2;
                    lastSignificant = '{';
                }
                else
                {
                    i = Math.Min(text.Length, j + 1);
                    lastSignificant = 'a';
                }

                lastWord = "";
                continue;
            }

            if (c == '/' && RegexMayStart(lastSignificant, lastWord))
            {
                var j = i + 1;
                var inClass = false;
                while (j < text.Length && text[j] != '\n')
                {
                    if (text[j] == '\\')
                    {
                        j += 2;
                        continue;
                    }

                    if (text[j] == '[')
                    {
                        inClass = true;
                    }
                    else if (text[j] == ']')
                    {
                        inClass = false;
                    }
                    else if (text[j] == '/' && !inClass)
                    {
                        break;
                    }

                    j++;
                }

                if (j < text.Length && text[j] == '/')
                {
                    Blank(mask, text, i + 1, j);
                    i = j + 1;
                    lastSignificant = 'a';
                    lastWord = "";
                    continue;
                }
            }

            if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                depth--;
            }

            if (char.IsLetterOrDigit(c) || c is '_' or '$')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '$'))
                {
                    i++;
                }

                lastWord = text[start..i];
                lastSignificant = 'a';
                continue;
            }

            lastSignificant = c;
            lastWord = "";
            i++;
        }

        return mask.ToString();
    }

    private static bool RegexMayStart(char lastSignificant, string lastWord)
    {
        if (lastWord is "return" or "typeof" or "case" or "do" or "else" or "in" or "of" or "new" or "delete" or "void" or "throw" or "yield" or "await")
        {
            return true;
        }

        return lastSignificant is '\0' or '(' or ',' or '=' or ':' or '[' or '!' or '&' or '|' or '?' or '{' or '}' or ';' or '+' or '-' or '*' or '%' or '<' or '>' or '~' or '^';
    }

    private static bool TrySkipComment(string text, StringBuilder mask, ref int i, ref int line, char fill)
    {
        if (text[i] != '/' || i + 1 >= text.Length)
        {
            return false;
        }

        if (text[i + 1] == '/')
        {
            while (i < text.Length && text[i] != '\n')
            {
                mask[i++] = fill;
            }

            return true;
        }

        if (text[i + 1] == '*')
        {
            var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
            end = end < 0 ? text.Length : end + 2;
            for (var j = i; j < end; j++)
            {
                if (text[j] == '\n')
                {
                    line++;
                }
                else
                {
                    mask[j] = fill;
                }
            }

            i = end;
            return true;
        }

        return false;
    }

    private static bool TrySkipQuoted(string text, StringBuilder mask, ref int i, char quote)
    {
        if (text[i] != quote)
        {
            return false;
        }

        var j = i + 1;
        while (j < text.Length && text[j] != quote && text[j] != '\n')
        {
            j += text[j] == '\\' ? 2 : 1;
        }

        Blank(mask, text, i + 1, Math.Min(j, text.Length));
        i = Math.Min(text.Length, j + 1);
        return true;
    }

    private static void Blank(StringBuilder mask, string text, int from, int to)
    {
        for (var k = from; k < to && k < text.Length; k++)
        {
            if (text[k] != '\n')
            {
                mask[k] = ' ';
            }
        }
    }

    /// <summary>
    /// The lines of a masked copy of <paramref name="lines"/> joined with '\n': exactly as many. (A document whose last
    /// line is blank joins to text ending in a newline, which <see cref="Lines(string)"/> would count one line short.)
    /// </summary>
    public static string[] LinesOf(string maskedText, string[] lines)
    {
        var masked = Lines(maskedText);
        if (masked.Length >= lines.Length)
        {
            return masked;
        }

        var padded = new string[lines.Length];
        Array.Copy(masked, padded, masked.Length);
        Array.Fill(padded, "", masked.Length, lines.Length - masked.Length);
        return padded;
    }

    /// <summary>Splits text into lines without the line terminators (a final newline adds no empty line).</summary>
    public static string[] Lines(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return lines.Length > 1 && lines[^1].Length == 0 ? lines[..^1] : lines;
    }
}
