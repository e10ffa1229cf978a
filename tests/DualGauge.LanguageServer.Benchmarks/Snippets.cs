namespace DualGauge.LanguageServer.Benchmarks;

/// <summary>One insecure function per language, and the selection that covers it.</summary>
internal sealed record BenchSnippet(string Language, string Uri, string Text, int StartLine, int EndLine, string ExpectedCode);

internal static class Snippets
{
    public static BenchSnippet Python { get; } = new(
        "python",
        "file:///bench/users.py",
        "import sqlite3\n" +
        "\n" +
        "\n" +
        "def find_user(conn: sqlite3.Connection, username: str) -> list[tuple[int, str, str]]:\n" +
        "    query = f\"SELECT id, username, email FROM users WHERE username = '{username}' ORDER BY id\"\n" +
        "    return [tuple(row) for row in conn.execute(query).fetchall()]\n",
        3, 5, "CWE-89");

    public static BenchSnippet JavaScript { get; } = new(
        "javascript",
        "file:///bench/archive.js",
        "const { exec } = require('child_process');\n" +
        "\n" +
        "function compressFile(filename, callback) {\n" +
        "  exec('gzip -k ' + filename, (error, stdout) => callback(error, stdout));\n" +
        "}\n" +
        "\n" +
        "module.exports = { compressFile };\n",
        2, 4, "CWE-78");

    public static BenchSnippet C { get; } = new(
        "c",
        "file:///bench/greet.c",
        "#include <stdio.h>\n" +
        "#include <string.h>\n" +
        "\n" +
        "void copy_name(char *out, const char *name) {\n" +
        "    char buffer[16];\n" +
        "    strcpy(buffer, name);\n" +
        "    strcpy(out, buffer);\n" +
        "}\n",
        3, 7, "CWE-787");

    public static IReadOnlyList<BenchSnippet> All { get; } = [Python, JavaScript, C];
}
