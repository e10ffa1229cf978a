using System.Globalization;
using System.Text.Json;
using DualGauge.Protocol.Basic;
using DualGauge.Protocol.Custom;
using DualGauge.LanguageServer.Documents;
using DualGauge.Protocol.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace DualGauge.LanguageServer.History;

/// <summary>
/// Every evaluation, in SQLite at &lt;storagePath&gt;/history.db. WAL with synchronous=FULL: a row is
/// on disk before the diagnostics it explains are published, so killing the server loses nothing.
/// Opened on first use to keep an idle server small.
/// </summary>
internal sealed class HistoryStore(ILogger<HistoryStore> logger) : IDisposable
{
    private const int SchemaVersion = 2;
    private readonly object gate = new();
    private string? databasePath;
    private string? connectionString;

    public string? DatabasePath => databasePath;

    /// <summary>Set once <c>initialize</c> names the storage folder.</summary>
    public void UseFolder(string storagePath)
    {
        lock (gate)
        {
            databasePath = Path.Combine(storagePath, "history.db");
            connectionString = null;
        }
    }

    /// <summary>
    /// Writes an evaluation. The same code of the same document evaluated again updates its entry (a re-run, counted)
    /// instead of adding a row; new code is a new entry. <paramref name="diagnostics"/> builds the findings for the
    /// entry's id; they are stored with it, so reopening the document restores them while its code is unchanged.
    /// </summary>
    public StoredEvaluation Record(EvaluationRecord record, Func<long, IReadOnlyList<Diagnostic>>? diagnostics = null)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var s = record.Summary;
        long? existing;
        int reruns = 0;
        using (var find = connection.CreateCommand())
        {
            find.Transaction = transaction;
            find.CommandText = "SELECT id, reruns FROM evaluations WHERE uri = $uri AND code_hash = $codeHash ORDER BY id DESC LIMIT 1";
            find.Parameters.AddWithValue("$uri", s.Uri);
            find.Parameters.AddWithValue("$codeHash", s.CodeHash);
            using var reader = find.ExecuteReader();
            existing = reader.Read() ? reader.GetInt64(0) : null;
            if (existing is not null)
            {
                reruns = reader.GetInt32(1) + 1;
            }
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = existing is null
            ? """
              INSERT INTO evaluations (time, uri, start_line, start_character, end_line, end_character, source, language, template,
                match_kind, confidence, verdict, functional_pass, secure_pass, failed_tests, code_hash, function_name, cwes, cwes_tested,
                reruns, headline, duration_ms, code, details, function_text, accepted)
              VALUES ($time, $uri, $sl, $sc, $el, $ec, $source, $language, $template, $matchKind, $confidence, $verdict,
                $functionalPass, $securePass, $failedTests, $codeHash, $function, $cwes, $cwesTested, $reruns, $headline, $duration,
                $code, $details, $functionText, $accepted)
              RETURNING id;
              """
            : """
              UPDATE evaluations SET time = $time, start_line = $sl, start_character = $sc, end_line = $el, end_character = $ec,
                source = $source, language = $language, template = $template, match_kind = $matchKind, confidence = $confidence,
                verdict = $verdict, functional_pass = $functionalPass, secure_pass = $securePass, failed_tests = $failedTests,
                function_name = $function, cwes = $cwes, cwes_tested = $cwesTested, reruns = $reruns, headline = $headline,
                duration_ms = $duration, code = $code, details = $details, function_text = $functionText, accepted = $accepted
              WHERE id = $id
              RETURNING id;
              """;
        var headline = VerdictText.Headline(s, record.Details);
        command.Parameters.AddWithValue("$id", (object?)existing ?? DBNull.Value);
        command.Parameters.AddWithValue("$time", s.Time);
        command.Parameters.AddWithValue("$uri", s.Uri);
        command.Parameters.AddWithValue("$sl", s.Range.Start.Line);
        command.Parameters.AddWithValue("$sc", s.Range.Start.Character);
        command.Parameters.AddWithValue("$el", s.Range.End.Line);
        command.Parameters.AddWithValue("$ec", s.Range.End.Character);
        command.Parameters.AddWithValue("$source", s.Source);
        command.Parameters.AddWithValue("$language", s.Language);
        command.Parameters.AddWithValue("$template", (object?)s.Template ?? DBNull.Value);
        command.Parameters.AddWithValue("$matchKind", s.MatchKind);
        command.Parameters.AddWithValue("$confidence", s.Confidence);
        command.Parameters.AddWithValue("$verdict", s.Verdict);
        command.Parameters.AddWithValue("$functionalPass", s.FunctionalPass is { } f ? (f ? 1 : 0) : DBNull.Value);
        command.Parameters.AddWithValue("$securePass", s.SecurePass is { } p ? (p ? 1 : 0) : DBNull.Value);
        command.Parameters.AddWithValue("$failedTests", JsonSerializer.Serialize(s.FailedTests, ProtocolJson.Options));
        command.Parameters.AddWithValue("$codeHash", s.CodeHash);
        command.Parameters.AddWithValue("$function", (object?)s.Function ?? DBNull.Value);
        command.Parameters.AddWithValue("$cwes", JsonSerializer.Serialize(s.Cwes, ProtocolJson.Options));
        command.Parameters.AddWithValue("$cwesTested", JsonSerializer.Serialize(s.CwesTested, ProtocolJson.Options));
        command.Parameters.AddWithValue("$reruns", reruns);
        command.Parameters.AddWithValue("$headline", headline);
        command.Parameters.AddWithValue("$duration", s.DurationMs);
        command.Parameters.AddWithValue("$code", record.Code);
        command.Parameters.AddWithValue("$details", JsonSerializer.Serialize(record.Details, ProtocolJson.Options));
        command.Parameters.AddWithValue("$functionText", record.Details.FunctionText);
        command.Parameters.AddWithValue("$accepted", JsonSerializer.Serialize(s.Accepted, ProtocolJson.Options));
        var id = (long)command.ExecuteScalar()!;

        var summary = s with { Id = id, Reruns = reruns, Headline = headline };
        var placed = diagnostics?.Invoke(id) ?? [];
        var lens = VerdictText.Lens(summary, record.Details);
        using (var findings = connection.CreateCommand())
        {
            findings.Transaction = transaction;
            findings.CommandText = "UPDATE evaluations SET diagnostics = $diagnostics, diagnostics_base = $base, lens = $lens, verified_fixes = NULL WHERE id = $id";
            findings.Parameters.AddWithValue("$id", id);
            findings.Parameters.AddWithValue("$diagnostics", JsonSerializer.Serialize(placed, ProtocolJson.Options));
            findings.Parameters.AddWithValue("$base", s.Range.Start.Line);
            findings.Parameters.AddWithValue("$lens", lens);
            findings.ExecuteNonQuery();
        }

        transaction.Commit();
        logger.LogDebug("History entry {Id} {Written} ({Verdict}) for {Uri}", id, existing is null ? "written" : $"updated (re-run {reruns})", s.Verdict, s.Uri);
        return new StoredEvaluation(summary, placed, lens, existing is not null);
    }

    /// <summary>Stores the quick fixes verified for an entry, so a reopened document offers them again for the same code.</summary>
    public void SetVerifiedFixes(long id, IReadOnlyList<VerifiedFix> fixes)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE evaluations SET verified_fixes = $fixes WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$fixes", JsonSerializer.Serialize(fixes, ProtocolJson.Options));
        command.ExecuteNonQuery();
    }

    /// <summary>The newest entry per evaluated code of a document, with what is needed to put its findings back.</summary>
    public IReadOnlyList<RestorableFindings> Restorable(string uri, int limit = 500)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, function_text, diagnostics, diagnostics_base, lens, start_line, end_line, verified_fixes FROM evaluations
            WHERE uri = $uri AND diagnostics IS NOT NULL
            ORDER BY id DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$uri", uri);
        command.Parameters.AddWithValue("$limit", limit);
        var result = new List<RestorableFindings>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var text = reader.IsDBNull(1) ? "" : reader.GetString(1);
            if (text.Length == 0 || !seen.Add(text))
            {
                continue;
            }

            var diagnostics = JsonSerializer.Deserialize<List<Diagnostic>>(reader.GetString(2), ProtocolJson.Options) ?? [];
            var fixes = reader.IsDBNull(7) ? [] : JsonSerializer.Deserialize<List<VerifiedFix>>(reader.GetString(7), ProtocolJson.Options) ?? [];
            result.Add(new RestorableFindings(reader.GetInt64(0), text, diagnostics, reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetInt32(5), reader.GetInt32(6)) { VerifiedFixes = fixes });
        }

        return result;
    }

    public EvaluationRecord? Get(long id)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns}, code, details FROM evaluations WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var summary = ReadSummary(reader);
        var code = reader.GetString(24);
        var details = JsonSerializer.Deserialize<EvaluationDetails>(reader.GetString(25), ProtocolJson.Options)
            ?? throw new InvalidDataException($"history entry {id} has empty details");
        return new EvaluationRecord(summary, code, details);
    }

    public HistoryListResult List(HistoryListParams query)
    {
        var offset = Math.Max(0, query.Offset ?? 0);
        var limit = Math.Clamp(query.Limit ?? 50, 1, 1000);
        using var connection = Open();
        var where = new List<string>();
        using var count = connection.CreateCommand();
        using var select = connection.CreateCommand();
        void Filter(string clause, string name, object value)
        {
            where.Add(clause);
            count.Parameters.AddWithValue(name, value);
            select.Parameters.AddWithValue(name, value);
        }

        if (!string.IsNullOrEmpty(query.Uri))
        {
            Filter("uri = $uri", "$uri", query.Uri);
        }

        if (!string.IsNullOrEmpty(query.Verdict))
        {
            Filter("verdict = $verdict", "$verdict", query.Verdict);
        }

        if (!string.IsNullOrEmpty(query.Source))
        {
            Filter("source = $source", "$source", query.Source);
        }

        if (!string.IsNullOrEmpty(query.Search))
        {
            var pattern = "%" + query.Search.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            Filter("(code LIKE $search ESCAPE '\\' OR uri LIKE $search ESCAPE '\\' OR template LIKE $search ESCAPE '\\' OR failed_tests LIKE $search ESCAPE '\\' OR function_name LIKE $search ESCAPE '\\' OR cwes LIKE $search ESCAPE '\\')", "$search", pattern);
        }

        var whereClause = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        count.CommandText = $"SELECT COUNT(*) FROM evaluations {whereClause}";
        var total = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        select.CommandText = $"SELECT {Columns} FROM evaluations {whereClause} ORDER BY time DESC, id DESC LIMIT $limit OFFSET $offset";
        select.Parameters.AddWithValue("$limit", limit);
        select.Parameters.AddWithValue("$offset", offset);
        var items = new List<HistoryEntrySummary>();
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                items.Add(ReadSummary(reader));
            }
        }

        return new HistoryListResult(items, total);
    }

    public int Clear()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM evaluations";
        return command.ExecuteNonQuery();
    }

    public void Dispose() => SqliteConnection.ClearAllPools();

    /// <summary>Version 2 adds the columns a person reads (function, CWEs, re-runs, headline) and the findings a reopened document restores.</summary>
    private static void Migrate(SqliteConnection connection)
    {
        using var version = connection.CreateCommand();
        version.CommandText = "PRAGMA user_version";
        var current = Convert.ToInt32(version.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (current >= SchemaVersion)
        {
            return;
        }

        using var transaction = connection.BeginTransaction();
        using var alter = connection.CreateCommand();
        alter.Transaction = transaction;
        alter.CommandText = $"""
            ALTER TABLE evaluations ADD COLUMN function_name TEXT;
            ALTER TABLE evaluations ADD COLUMN cwes TEXT;
            ALTER TABLE evaluations ADD COLUMN cwes_tested TEXT;
            ALTER TABLE evaluations ADD COLUMN reruns INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE evaluations ADD COLUMN headline TEXT;
            ALTER TABLE evaluations ADD COLUMN duration_ms REAL;
            ALTER TABLE evaluations ADD COLUMN function_text TEXT;
            ALTER TABLE evaluations ADD COLUMN diagnostics TEXT;
            ALTER TABLE evaluations ADD COLUMN diagnostics_base INTEGER;
            ALTER TABLE evaluations ADD COLUMN lens TEXT;
            ALTER TABLE evaluations ADD COLUMN verified_fixes TEXT;
            ALTER TABLE evaluations ADD COLUMN accepted TEXT;
            CREATE INDEX IF NOT EXISTS ix_evaluations_uri_hash ON evaluations (uri, code_hash);
            PRAGMA user_version = {SchemaVersion};
            """;
        alter.ExecuteNonQuery();
        transaction.Commit();
    }

    private const string Columns =
        "id, time, uri, start_line, start_character, end_line, end_character, source, language, template, match_kind, confidence, verdict, functional_pass, secure_pass, failed_tests, code_hash, function_name, cwes, cwes_tested, reruns, headline, duration_ms, accepted";

    private static HistoryEntrySummary ReadSummary(SqliteDataReader r)
    {
        bool? Bool(int i) => r.IsDBNull(i) ? null : r.GetInt64(i) != 0;
        return new HistoryEntrySummary
        {
            Id = r.GetInt64(0),
            Time = r.GetString(1),
            Uri = r.GetString(2),
            Range = new Range(new Position(r.GetInt32(3), r.GetInt32(4)), new Position(r.GetInt32(5), r.GetInt32(6))),
            Source = r.GetString(7),
            Language = r.GetString(8),
            Template = r.IsDBNull(9) ? null : r.GetString(9),
            MatchKind = r.GetString(10),
            Confidence = r.GetDouble(11),
            Verdict = r.GetString(12),
            FunctionalPass = Bool(13),
            SecurePass = Bool(14),
            FailedTests = JsonSerializer.Deserialize<List<string>>(r.GetString(15), ProtocolJson.Options) ?? [],
            CodeHash = r.GetString(16),
            Function = r.IsDBNull(17) ? null : r.GetString(17),
            Cwes = r.IsDBNull(18) ? [] : JsonSerializer.Deserialize<List<string>>(r.GetString(18), ProtocolJson.Options) ?? [],
            CwesTested = r.IsDBNull(19) ? [] : JsonSerializer.Deserialize<List<string>>(r.GetString(19), ProtocolJson.Options) ?? [],
            Reruns = r.IsDBNull(20) ? 0 : r.GetInt32(20),
            Headline = r.IsDBNull(21) ? "" : r.GetString(21),
            DurationMs = r.IsDBNull(22) ? 0 : r.GetDouble(22),
            Accepted = r.IsDBNull(23) ? [] : JsonSerializer.Deserialize<List<string>>(r.GetString(23), ProtocolJson.Options) ?? [],
        };
    }

    private SqliteConnection Open()
    {
        string cs;
        lock (gate)
        {
            cs = connectionString ??= Initialize();
        }

        var connection = new SqliteConnection(cs);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private string Initialize()
    {
        var path = databasePath ?? throw new InvalidOperationException("The history is not available before initialize names a storage folder.");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var cs = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Cache = SqliteCacheMode.Private }.ToString();
        using var connection = new SqliteConnection(cs);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS evaluations (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              time TEXT NOT NULL,
              uri TEXT NOT NULL,
              start_line INTEGER NOT NULL, start_character INTEGER NOT NULL,
              end_line INTEGER NOT NULL, end_character INTEGER NOT NULL,
              source TEXT NOT NULL,
              language TEXT NOT NULL,
              template TEXT,
              match_kind TEXT NOT NULL,
              confidence REAL NOT NULL,
              verdict TEXT NOT NULL,
              functional_pass INTEGER,
              secure_pass INTEGER,
              failed_tests TEXT NOT NULL,
              code_hash TEXT NOT NULL,
              code TEXT NOT NULL,
              details TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_evaluations_uri ON evaluations (uri);
            CREATE INDEX IF NOT EXISTS ix_evaluations_verdict ON evaluations (verdict);
            """;
        command.ExecuteNonQuery();
        Migrate(connection);
        logger.LogInformation("History database: {Path}", path);
        return cs;
    }
}
