using DualGauge.LanguageServer;

// The LSP channel is stdio. Anything a library prints to Console.Out would corrupt it, so Console.Out goes to stderr.
if (args.Any(a => a is not "--stdio"))
{
    await Console.Error.WriteLineAsync($"dualgauge-languageserver: unknown argument(s) {string.Join(' ', args.Where(a => a is not "--stdio"))}; usage: dualgauge-languageserver [--stdio]");
    return 2;
}

#pragma warning disable RS0030 // The one place that opens stdout: the JSON-RPC output stream.
var output = Console.OpenStandardOutput();
#pragma warning restore RS0030
var input = Console.OpenStandardInput();
Console.SetOut(Console.Error);

await using var host = new LanguageServerHost(new LanguageServerOptions { Input = input, Output = output });
return await host.RunAsync();
