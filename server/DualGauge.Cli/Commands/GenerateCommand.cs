using System.CommandLine;
using DualGauge.Ai.Generation;
using DualGauge.Ai.Models;
using DualGauge.Cli.Infrastructure;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace DualGauge.Cli.Commands;

/// <summary>
/// <c>dualgauge generate</c>: asks models for n samples of every task prompt and writes them where
/// <c>bench --samples</c> reads them. Resumable: existing samples are kept.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var tasks = CommonOptions.Tasks();
        var suite = CommonOptions.Suite();
        var taskIds = CommonOptions.TaskIds();
        var language = CommonOptions.LanguageFilter();
        var models = new Option<string[]>("--model", "-m") { Description = "Model(s) to ask (repeatable).", Required = true, AllowMultipleArgumentsPerToken = true };
        var n = new Option<int>("--n") { Description = "Samples per task and model.", DefaultValueFactory = _ => 1 };
        var temperature = new Option<float>("--temperature") { Description = "Sampling temperature.", DefaultValueFactory = _ => 0.8f };
        var maxTokens = new Option<int?>("--max-tokens") { Description = "Cap on each answer's length in tokens (default: the endpoint's)." };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Samples folder: <out>/<model>/<task-id>/<n>.<ext>, records in <out>/.dualgauge/.", DefaultValueFactory = _ => new DirectoryInfo("samples") };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight at once.", DefaultValueFactory = _ => 2 };
        var rpm = new Option<double?>("--rpm") { Description = "At most this many requests per minute (default: no limit)." };
        var endpoint = ModelOptions.Endpoint();
        var apiKey = ModelOptions.ApiKey();
        var timeout = ModelOptions.Timeout();
        var attempts = ModelOptions.MaxAttempts();

        var command = new Command("generate", "Ask models (any OpenAI-compatible endpoint) for samples of every task prompt, written in the layout `bench --samples` reads.")
        {
            tasks, suite, taskIds, language, models, n, temperature, maxTokens, output, concurrency, rpm, endpoint, apiKey, timeout, attempts,
        };

        command.SetAction(async (parse, ct) =>
        {
            var (_, selected, error) = TaskSelection.Load(parse.GetValue(tasks)!, parse.GetValue(taskIds), parse.GetValue(language), parse.GetValue(suite));
            if (error is not null)
            {
                return ModelOptions.Fail(error);
            }

            if (parse.GetValue(n) < 1 || parse.GetValue(concurrency) < 1 || parse.GetValue(rpm) is <= 0)
            {
                return ModelOptions.Fail("--n and --concurrency must be at least 1, and --rpm positive");
            }

            var modelNames = parse.GetValue(models)!.SelectMany(m => m.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();
            using var logging = CliLogging.Create(null);
            var logger = logging.CreateLogger("DualGauge.Generate");
            var pacer = parse.GetValue(rpm) is { } perMinute ? new RequestPacer(perMinute) : null;
            var callers = new Dictionary<string, ModelCaller>();
            try
            {
                foreach (var model in modelNames)
                {
                    callers[model] = ModelCaller.For(ModelOptions.Resolve(parse, endpoint, apiKey, timeout, model), new RetryOptions(parse.GetValue(attempts)), pacer, logger);
                }
            }
            catch (ModelConfigurationException ex)
            {
                return ModelOptions.Fail(ex.Message);
            }

            var outDir = parse.GetValue(output)!.FullName;
            var options = new GenerationOptions(outDir, parse.GetValue(n), parse.GetValue(temperature), parse.GetValue(maxTokens), parse.GetValue(concurrency));
            AnsiConsole.MarkupLineInterpolated($"DualGauge generate: {selected.Count} tasks x {options.SamplesPerTask} sample(s) x {modelNames.Count} model(s) from {callers.Values.First().Endpoint.DisplayEndpoint} into {outDir}");
            var generator = new SampleGenerator(model => callers[model]);
            GenerationRun run;
            try
            {
                run = await generator.RunAsync(modelNames, selected, options, new Progress<GenerationRecord>(r =>
                {
                    if (r.Status == "error")
                    {
                        AnsiConsole.MarkupLineInterpolated($"[red]error[/] {r.Model}/{r.TaskId}/{r.Index}: {r.Note}");
                    }
                    else if (r.Status is "no-code" or "empty-answer" or "code-without-entry-point")
                    {
                        AnsiConsole.MarkupLineInterpolated($"[yellow]{r.Status}[/] {r.Model}/{r.TaskId}/{r.Index}: {r.Note}");
                    }
                }), ct).ConfigureAwait(false);
            }
            catch (ModelCallException ex)
            {
                return ModelOptions.Fail(ex.Message);
            }

            AnsiConsole.MarkupLineInterpolated(
                $"generated {run.Generated}, kept {run.Kept} existing, {run.WithoutCode} without code, {run.Errors} error(s); {run.Tokens} tokens in {run.Duration.TotalSeconds:0.0} s");
            AnsiConsole.MarkupLineInterpolated($"next: dualgauge bench --samples {outDir}");
            return run.Errors > 0 ? ExitCodes.GateFailed : ExitCodes.Success;
        });
        return command;
    }
}

/// <summary>The model endpoint options shared by generate and bench (--judge, --agentic).</summary>
internal static class ModelOptions
{
    public static Option<string?> Endpoint() => new("--endpoint")
    {
        Description = $"OpenAI-compatible API base, e.g. http://127.0.0.1:11434/v1 (default: ${ModelEndpoint.EndpointVariable}). Nothing is sent anywhere unless one is set.",
    };

    public static Option<string?> ApiKey() => new("--api-key")
    {
        Description = $"API key (default: ${ModelEndpoint.ApiKeyVariable}, else ${ModelEndpoint.OpenAiKeyVariable}); prefer the environment: options show in process lists. Never logged or written.",
    };

    public static Option<double> Timeout() => new("--request-timeout")
    {
        Description = "Seconds allowed per model request before it is retried.",
        DefaultValueFactory = _ => ModelEndpoint.DefaultRequestTimeout.TotalSeconds,
    };

    public static Option<int> MaxAttempts() => new("--max-attempts")
    {
        Description = "Requests per question, retries on 429/503/5xx/timeouts included (Retry-After is honoured).",
        DefaultValueFactory = _ => 5,
    };

    /// <exception cref="ModelConfigurationException">No endpoint, or a malformed one.</exception>
    public static ModelEndpoint Resolve(ParseResult parse, Option<string?> endpoint, Option<string?> apiKey, Option<double> timeout, string model) =>
        ModelEndpoint.Resolve(parse.GetValue(endpoint), model, parse.GetValue(apiKey), TimeSpan.FromSeconds(parse.GetValue(timeout)));

    public static int Fail(string message)
    {
        AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {message}");
        return ExitCodes.BadInput;
    }
}
