using System.Text.RegularExpressions;

namespace DualGauge.Snippets.Templates;

/// <summary>
/// Guesses the tables and columns a snippet's SQL expects, so probes can seed a database on which
/// its statements prepare and run (a statement that fails to prepare never reaches the monitor).
/// </summary>
internal static partial class SqlSchema
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "select", "from", "where", "and", "or", "not", "insert", "into", "values", "update", "set", "delete", "join", "inner", "left", "right",
        "outer", "on", "as", "order", "by", "group", "having", "limit", "offset", "like", "in", "is", "null", "asc", "desc", "distinct",
        "count", "sum", "avg", "min", "max", "lower", "upper", "table", "create", "if", "exists", "primary", "key", "integer", "text",
        "real", "blob", "varchar", "int", "default", "returning", "with", "union", "all", "case", "when", "then", "else", "end", "collate",
        "nocase", "escape", "between", "glob", "f", "r", "b", "rb", "fr", "format", "true", "false", "or", "replace", "ignore", "conflict",
    };

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Tables(string code)
    {
        var sqlTexts = StringRegex().Matches(code).Select(m => m.Groups["s"].Value).Where(s => SqlRegex().IsMatch(s)).ToList();
        var tables = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var sql in sqlTexts)
        {
            var names = TableRegex().Matches(sql).Select(m => m.Groups[1].Value).Where(t => !Keywords.Contains(t)).ToList();
            if (names.Count == 0)
            {
                continue;
            }

            // Placeholders and interpolations are values, not columns.
            var stripped = PlaceholderRegex().Replace(sql, " ");
            var columns = IdentifierRegex().Matches(stripped).Select(m => m.Value)
                .Where(w => !Keywords.Contains(w) && !names.Contains(w) && !char.IsDigit(w[0]))
                .Distinct(StringComparer.Ordinal).ToList();
            foreach (var table in names)
            {
                var existing = tables.TryGetValue(table, out var cols) ? cols : [];
                tables[table] = existing.Concat(columns).Concat(["id", "name"]).Distinct(StringComparer.Ordinal).ToList();
            }
        }

        // Fragments appended to a query (" AND category = '...'", " ORDER BY " + column) name columns of its tables too.
        var fragmentColumns = StringRegex().Matches(code).Select(m => m.Groups["s"].Value).Where(s => !SqlRegex().IsMatch(s))
            .SelectMany(s => FragmentColumnRegex().Matches(s).Select(m => m.Groups["col"].Value))
            .Where(c => !Keywords.Contains(c) && !char.IsDigit(c[0])).Distinct(StringComparer.Ordinal).ToList();
        if (fragmentColumns.Count > 0)
        {
            foreach (var table in tables.Keys.ToList())
            {
                tables[table] = tables[table].Concat(fragmentColumns).Distinct(StringComparer.Ordinal).ToList();
            }
        }

        return tables;
    }

    [GeneratedRegex(@"\b(?:AND|OR|WHERE|ON)\s+[""`\[]?(?<col>[A-Za-z_]\w*)[""`\]]?\s*(?:=|<>|!=|<=|>=|<|>|\bLIKE\b|\bIN\b|\bIS\b|\bBETWEEN\b|\bGLOB\b)", RegexOptions.IgnoreCase)]
    private static partial Regex FragmentColumnRegex();

    [GeneratedRegex(@"(?<q>""""""|'''|""|'|`)(?<s>(?:(?!\k<q>)[\s\S])*)\k<q>")]
    private static partial Regex StringRegex();

    [GeneratedRegex(@"\b(SELECT|INSERT|UPDATE|DELETE)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SqlRegex();

    [GeneratedRegex(@"\b(?:FROM|JOIN|INTO|UPDATE)\s+[""`\[]?([A-Za-z_]\w*)", RegexOptions.IgnoreCase)]
    private static partial Regex TableRegex();

    [GeneratedRegex(@"\{[^}]*\}|\$\{[^}]*\}|'[^']*'|%\(\w+\)s|%s|\?|:\w+|\$\d+")]
    private static partial Regex PlaceholderRegex();

    [GeneratedRegex(@"[A-Za-z_]\w*")]
    private static partial Regex IdentifierRegex();
}
