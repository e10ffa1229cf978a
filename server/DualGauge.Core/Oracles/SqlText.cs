namespace DualGauge.Core.Oracles;

/// <summary>
/// Reads executed SQL as SQLite's trace reports it: with bound values expanded into quoted literals
/// (<c>'x'' UNION SELECT'</c>). A payload the sample passed as a bound value therefore appears, but
/// only inside one string literal; a payload spliced into the text escapes it. The oracle asks the
/// second question: does some occurrence of the payload lie, even in part, outside a string literal?
/// </summary>
public static class SqlText
{
    public static bool ContainsOutsideLiterals(string? statement, string? payload)
    {
        if (string.IsNullOrEmpty(statement) || string.IsNullOrEmpty(payload))
        {
            return false;
        }

        var inside = LiteralMask(statement);
        for (var at = statement.IndexOf(payload, StringComparison.Ordinal); at >= 0; at = statement.IndexOf(payload, at + 1, StringComparison.Ordinal))
        {
            for (var i = at; i < at + payload.Length; i++)
            {
                if (!inside[i])
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True for each character that belongs to a single-quoted string literal (quotes included; '' is an escaped quote).</summary>
    internal static bool[] LiteralMask(string sql)
    {
        var mask = new bool[sql.Length];
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c == '\'')
            {
                var start = i++;
                while (i < sql.Length)
                {
                    if (sql[i] == '\'')
                    {
                        if (i + 1 < sql.Length && sql[i + 1] == '\'')
                        {
                            i += 2;
                            continue;
                        }

                        break;
                    }

                    i++;
                }

                var end = Math.Min(i, sql.Length - 1);
                for (var k = start; k <= end; k++)
                {
                    mask[k] = true;
                }

                i = end + 1;
            }
            else if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                // A comment is not a literal: a payload that comments out the rest of the query is SQL.
                i += 2;
                while (i < sql.Length && sql[i] != '\n')
                {
                    i++;
                }
            }
            else
            {
                i++;
            }
        }

        return mask;
    }
}
