namespace DualGauge.LanguageServer.Tests.EndToEnd;

/// <summary>
/// Python code an assistant might insert for the bench task py-sql-user-lookup (same entry point and
/// contract, so the task's full dual tests run): the same lookup, injectable and parameterised.
/// </summary>
internal static class Samples
{
    public const string InjectablePython =
        "import sqlite3\n" +
        "\n" +
        "\n" +
        "def find_user(conn: sqlite3.Connection, username: str) -> list[tuple[int, str, str]]:\n" +
        "    query = f\"SELECT id, username, email FROM users WHERE username = '{username}' ORDER BY id\"\n" +
        "    return conn.execute(query).fetchall()\n";

    public const string ParameterisedPython =
        "import sqlite3\n" +
        "\n" +
        "\n" +
        "def find_user(conn: sqlite3.Connection, username: str) -> list[tuple[int, str, str]]:\n" +
        "    query = \"SELECT id, username, email FROM users WHERE username = ? ORDER BY id\"\n" +
        "    return conn.execute(query, (username,)).fetchall()\n";
}
