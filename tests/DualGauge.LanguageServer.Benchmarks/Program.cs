using DualGauge.LanguageServer.Benchmarks;

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
