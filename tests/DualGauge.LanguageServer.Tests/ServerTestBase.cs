using DualGauge.Snippets;
using DualGauge.TestUtilities.Lsp;
using DualGauge.TestUtilities.Snippets;
using DualGauge.LanguageServer;
using DualGauge.Protocol.Custom;

namespace DualGauge.LanguageServer.Tests;

/// <summary>Starts a real server on in-memory pipes with a scripted evaluator; prints the server log when a test fails.</summary>
public abstract class ServerTestBase
{
    public const string PythonUri = "file:///work/app/users.py";

    /// <summary>Line 3 is the function header, line 5 the sink.</summary>
    public const string PythonSource =
        "import sqlite3\n" +
        "\n" +
        "\n" +
        "def find_user(conn, username):\n" +
        "    query = f\"SELECT id, name, email FROM users WHERE name = '{username}'\"\n" +
        "    return conn.execute(query).fetchall()\n";

    private readonly List<InProcessLanguageServer> servers = [];

    public TestContext TestContext { get; set; } = null!;

    protected string StoragePath { get; private set; } = "";

    [TestInitialize]
    public void CreateStorage()
    {
        StoragePath = Path.Combine(Path.GetTempPath(), "dualgauge-lsp-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(StoragePath);
    }

    [TestCleanup]
    public async Task StopServers()
    {
        foreach (var server in servers)
        {
            if (TestContext.CurrentTestOutcome != UnitTestOutcome.Passed)
            {
                TestContext.WriteLine("---- server log ----" + Environment.NewLine + server.Client.Log);
            }

            await server.DisposeAsync();
        }

        servers.Clear();
        try
        {
            Directory.Delete(StoragePath, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the WAL file on a slow machine; the temp folder is cleaned by the OS.
        }
    }

    protected InProcessLanguageServer Start(FakeSnippetEvaluator evaluator, Func<LanguageServerOptions, LanguageServerOptions>? configure = null)
    {
        var server = InProcessLanguageServer.Start(evaluator, configure);
        servers.Add(server);
        return server;
    }

    /// <summary>Started, initialized (with debounce 50 ms unless given) and with the sample Python file open.</summary>
    protected async Task<InProcessLanguageServer> StartWithPythonFileAsync(FakeSnippetEvaluator evaluator, DualGaugeSettings? settings = null, Func<LanguageServerOptions, LanguageServerOptions>? configure = null)
    {
        var server = Start(evaluator, configure);
        await server.Client.InitializeAsync(StoragePath, settings ?? new DualGaugeSettings { DebounceMs = 50 });
        await server.Client.OpenAsync(PythonUri, "python", PythonSource);
        return server;
    }

    protected static FakeSnippetEvaluator InsecureEvaluator() => new((s, _) => Task.FromResult(Evaluations.Insecure(s)));

    protected static Range Lines(int start, int end) => new(new(start, 0), new(end, 0));
}
