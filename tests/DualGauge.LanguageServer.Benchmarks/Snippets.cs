namespace DualGauge.LanguageServer.Benchmarks;

/// <summary>One insecure function per language, and the selection that covers it.</summary>
internal sealed record BenchSnippet(string Language, string Uri, string Text, int StartLine, int EndLine, string ExpectedCode, string? Label = null)
{
    /// <summary>The row's name in the results (the language, or e.g. <c>python-flask</c>).</summary>
    public string Name => Label ?? Language;
}

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

    /// <summary>A Flask view reading request.args into SQL: driven through Flask's own request context.</summary>
    public static BenchSnippet PythonFlask { get; } = new(
        "python",
        "file:///bench/shop.py",
        "import sqlite3\n" +
        "from flask import Flask, request, jsonify\n" +
        "\n" +
        "app = Flask(__name__)\n" +
        "DB_PATH = \"shop.db\"\n" +
        "\n" +
        "\n" +
        "@app.route(\"/products/search\")\n" +
        "def search_products():\n" +
        "    term = request.args.get(\"q\", \"\")\n" +
        "    conn = sqlite3.connect(DB_PATH)\n" +
        "    rows = conn.execute(f\"SELECT id, title FROM products WHERE title LIKE '%{term}%'\").fetchall()\n" +
        "    conn.close()\n" +
        "    return jsonify([{\"id\": r[0], \"title\": r[1]} for r in rows])\n",
        7, 13, "CWE-89", "python-flask");

    public static IReadOnlyList<BenchSnippet> All { get; } = [Python, PythonFlask, JavaScript, C];
}
