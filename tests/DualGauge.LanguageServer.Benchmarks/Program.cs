using DualGauge.LanguageServer.Benchmarks;

if (args.Length > 0 && args[0] == "restore")
{
    // dualgauge-lsp-bench restore [lines] [functions] [runs]: findings restored on open, no sandbox involved.
    int Arg(int i, int fallback) => args.Length > i && int.TryParse(args[i], out var n) && n > 0 ? n : fallback;
    Console.WriteLine(await RestoreBenchmark.RunAsync(Arg(1, 2000), Arg(2, 50), Arg(3, 20), Console.Error));
    return 0;
}

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (HelpRequestedException)
{
    Console.WriteLine(BenchmarkOptions.Usage);
    return 0;
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"dualgauge-lsp-bench: {ex.Message}{Environment.NewLine}{BenchmarkOptions.Usage}");
    return 2;
}

try
{
    var result = await new LanguageServerBenchmark(options, Console.Error).RunAsync();
    Console.WriteLine(options.Json ? BenchmarkReport.Json(result) : BenchmarkReport.Markdown(result));
    return result.Failures.Count == 0 ? 0 : 1;
}
catch (BenchmarkException ex)
{
    Console.Error.WriteLine($"dualgauge-lsp-bench: {ex.Message}");
    return 2;
}
