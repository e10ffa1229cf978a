using System.Globalization;
using System.Text.Json;
using DualGauge.Protocol.Basic;
using DualGauge.Protocol.Custom;
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
    private const int SchemaVersion = 1;
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

    public long Add(EvaluationRecord record)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO evaluations (time, uri, start_line, start_character, end_line, end_character, source, language, template,
              match_kind, confidence, verdict, functional_pass, secure_pass, failed_tests, code_hash, code, details)
            VALUES ($time, $uri, $sl, $sc, $el, $ec, $source, $language, $template, $matchKind, $confidence, $verdict,
              $functionalPass, $securePass, $failedTests, $codeHash, $code, $details)
            RETURNING id;
            """;
        var s = record.Summary;
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
        command.Parameters.AddWithValue("$code", record.Code);
        command.Parameters.AddWithValue("$details", JsonSerializer.Serialize(record.Details, ProtocolJson.Options));
        var id = (long)command.ExecuteScalar()!;
        logger.LogDebug("History entry {Id} written ({Verdict}) for {Uri}", id, s.Verdict, s.Uri);
        return id;
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
        var code = reader.GetString(17);
        var details = JsonSerializer.Deserialize<EvaluationDetails>(reader.GetString(18), ProtocolJson.Options)
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
            Filter("(code LIKE $search ESCAPE '\\' OR uri LIKE $search ESCAPE '\\' OR template LIKE $search ESCAPE '\\' OR failed_tests LIKE $search ESCAPE '\\')", "$search", pattern);
        }

        var whereClause = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        count.CommandText = $"SELECT COUNT(*) FROM evaluations {whereClause}";
        var total = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        select.CommandText = $"SELECT {Columns} FROM evaluations {whereClause} ORDER BY id DESC LIMIT $limit OFFSET $offset";
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

    private const string Columns =
        "id, time, uri, start_line, start_character, end_line, end_character, source, language, template, match_kind, confidence, verdict, functional_pass, secure_pass, failed_tests, code_hash";

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
            PRAGMA user_version = {SchemaVersion};
            """;
        command.ExecuteNonQuery();
        logger.LogInformation("History database: {Path}", path);
        return cs;
    }
}
