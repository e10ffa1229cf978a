namespace DualGauge.LanguageServer.Tests.EndToEnd;

/// <summary>Python code an assistant might insert: the same lookup, injectable and parameterised.</summary>
internal static class Samples
{
    public const string InjectablePython =
        "import sqlite3\n" +
        "\n" +
        "\n" +
        "def find_user(conn: sqlite3.Connection, username: str) -> list[tuple[int, str, str]]:\n" +
        "    query = f\"SELECT id, name, email FROM users WHERE name = '{username}'\"\n" +
        "    return conn.execute(query).fetchall()\n";

    public const string ParameterisedPython =
        "import sqlite3\n" +
        "\n" +
        "\n" +
        "def find_user(conn: sqlite3.Connection, username: str) -> list[tuple[int, str, str]]:\n" +
        "    query = \"SELECT id, name, email FROM users WHERE name = ?\"\n" +
        "    return conn.execute(query, (username,)).fetchall()\n";
}
