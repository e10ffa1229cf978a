using System.Diagnostics;
using System.Globalization;
using System.Text;
using DualGauge.Protocol;
using DualGauge.Protocol.Basic;
using DualGauge.Protocol.Custom;
using DualGauge.Protocol.Diagnostics;
using DualGauge.Protocol.Synchronization;
using DualGauge.TestUtilities.Lsp;
using DualGauge.TestUtilities.Snippets;

namespace DualGauge.LanguageServer.Benchmarks;

/// <summary>
/// Findings restored on open: a generated Python file of <c>lines</c> lines with <c>functions</c> functions, each
/// evaluated once (a scripted evaluator, so the sandbox is not what is measured) and closed; then the time from
/// <c>didOpen</c> to the <c>publishDiagnostics</c> that carries every restored finding, in the same server (warm) and
/// in a server restarted on the same storage (cold history).
/// </summary>
internal static class RestoreBenchmark
{
    public static async Task<string> RunAsync(int lines, int functions, int runs, TextWriter progress)
    {
        var storage = Path.Combine(Path.GetTempPath(), "dualgauge-restore-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(storage);
        const string uri = "file:///bench/restore.py";
        var text = Source(lines, functions);
        var evaluator = new FakeSnippetEvaluator((s, _) => Task.FromResult(Evaluations.Insecure(s)));
        var warm = new List<double>();
        var cold = new List<double>();
        try
        {
            await using (var server = InProcessLanguageServer.Start(evaluator))
            {
                await server.Client.InitializeAsync(storage, new DualGaugeSettings { DebounceMs = 50 });
                await server.Client.OpenAsync(uri, "python", text);
                var evaluated = await server.Client.ExecuteCommandAsync<List<HistoryEntrySummary>>(Commands.EvaluateFile, uri);
                if (evaluated is null || evaluated.Count != functions)
                {
                    throw new BenchmarkException($"restore benchmark: {evaluated?.Count ?? 0} of {functions} functions were evaluated");
                }

                for (var run = 0; run < runs; run++)
                {
                    warm.Add(await ReopenAsync(server.Client, uri, text, version: 10 + run, functions));
                }

                await server.Client.ShutdownAndExitAsync();
            }

            for (var run = 0; run < Math.Max(1, runs / 4); run++)
            {
                await using var server = InProcessLanguageServer.Start(evaluator);
                await server.Client.InitializeAsync(storage, new DualGaugeSettings { DebounceMs = 50 });
                cold.Add(await OpenAsync(server.Client, uri, text, 1, functions));
                await server.Client.ShutdownAndExitAsync();
            }
        }
        finally
        {
            try
            {
                Directory.Delete(storage, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        progress.WriteLine($"restore: {functions} functions in {lines} lines, warm p50 {Percentile(warm, 50):F1} ms, cold p50 {Percentile(cold, 50):F1} ms");
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"## Findings restored on open ({functions} evaluated functions, {lines}-line Python file)");
        md.AppendLine();
        md.AppendLine("| Server | Runs | p50 | p95 | max |");
        md.AppendLine("|---|---|---|---|---|");
        md.AppendLine(CultureInfo.InvariantCulture, $"| same server (reopen) | {warm.Count} | {Percentile(warm, 50):F1} ms | {Percentile(warm, 95):F1} ms | {warm.Max():F1} ms |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| restarted server (first open) | {cold.Count} | {Percentile(cold, 50):F1} ms | {Percentile(cold, 95):F1} ms | {cold.Max():F1} ms |");
        return md.ToString();
    }

    private static async Task<double> ReopenAsync(LspTestClient client, string uri, string text, int version, int functions)
    {
        await client.NotifyAsync(Methods.TextDocumentDidClose, new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
        await client.WaitForDiagnosticsAsync(uri, d => d.Count == 0);
        return await OpenAsync(client, uri, text, version, functions);
    }

    private static async Task<double> OpenAsync(LspTestClient client, string uri, string text, int version, int functions)
    {
        var clock = Stopwatch.StartNew();
        await client.OpenAsync(uri, "python", text, version);
        var published = await client.WaitForAsync<PublishDiagnosticsParams>(Methods.TextDocumentPublishDiagnostics,
            p => p.Uri == uri && p.Version == version && p.Diagnostics.Count >= functions, TimeSpan.FromSeconds(30), includeReceived: false);
        var ms = clock.Elapsed.TotalMilliseconds;
        if (published.Diagnostics.Count < functions)
        {
            throw new BenchmarkException($"restore benchmark: {published.Diagnostics.Count} findings restored, {functions} expected");
        }

        return ms;
    }

    /// <summary>A Python file of about <paramref name="lines"/> lines holding <paramref name="functions"/> SQL lookups padded with plain code.</summary>
    internal static string Source(int lines, int functions)
    {
        var per = Math.Max(5, lines / functions);
        var text = new StringBuilder("import sqlite3\n\n\n");
        for (var i = 0; i < functions; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"def find_user_{i}(conn, username):\n");
            for (var pad = 0; pad < per - 5; pad++)
            {
                text.Append(CultureInfo.InvariantCulture, $"    step_{pad} = {pad} * 2\n");
            }

            text.Append("    query = f\"SELECT id, name, email FROM users WHERE name = '{username}'\"\n");
            text.Append("    return conn.execute(query).fetchall()\n\n\n");
        }

        return text.ToString();
    }

    private static double Percentile(List<double> values, int p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
