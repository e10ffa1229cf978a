using DualGauge.Snippets;
using DualGauge.Core.Tasks;
using DualGauge.Protocol.Custom;
using DualGauge.Sandbox;
using Microsoft.Extensions.Logging;

namespace DualGauge.LanguageServer.Evaluation;

/// <summary>
/// The production evaluator: Core's snippet evaluator over the Docker sandbox. Nothing touches Docker or
/// reads the bench tasks until the first evaluation.
/// </summary>
internal sealed class SandboxEvaluatorFactory(ILoggerFactory loggerFactory) : IEvaluatorFactory
{
    /// <summary>Overrides where the bench tasks are read from.</summary>
    public const string TasksEnvironmentVariable = "DUALGAUGE_TASKS";

    private readonly ILogger logger = loggerFactory.CreateLogger<SandboxEvaluatorFactory>();
    private readonly Lazy<IReadOnlyList<BenchTask>> tasks = new(() => LoadTasks(loggerFactory.CreateLogger<SandboxEvaluatorFactory>()));

    public ISnippetEvaluator Create(DualGaugeSettings settings)
    {
        // An editor waits for these runs: one warm container is enough and keeps the footprint small.
        var options = DockerSandboxOptions.CreateBuilder()
            .WithEndpoint(settings.DockerHost)
            .WithImage(string.IsNullOrWhiteSpace(settings.Image) ? null : settings.Image)
            .WithPoolSize(1)
            .Build();
        var timeout = TimeSpan.FromMilliseconds(settings.TimeoutMs);
        var evaluationOptions = SnippetEvaluator.DefaultOptions with
        {
            TestTimeout = timeout < SnippetEvaluator.DefaultOptions.TestTimeout ? timeout : SnippetEvaluator.DefaultOptions.TestTimeout,
            LoadAllowance = timeout,
        };
        var sandbox = new DockerSandbox(options, loggerFactory);
        logger.LogInformation("Sandbox: Docker at {Endpoint} ({Source}), image {Image}", options.Endpoint, options.EndpointSource, sandbox.ImageTag);
        return new OwningEvaluator(new SnippetEvaluator(sandbox, () => tasks.Value, evaluationOptions), sandbox);
    }

    /// <summary>DUALGAUGE_TASKS, else a bench-tasks folder beside the server, else the nearest one above it (a source checkout).</summary>
    internal static string? FindTasksFolder()
    {
        if (Environment.GetEnvironmentVariable(TasksEnvironmentVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "bench-tasks");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static IReadOnlyList<BenchTask> LoadTasks(ILogger logger)
    {
        var folder = FindTasksFolder();
        if (folder is null)
        {
            logger.LogWarning("No bench-tasks folder found (set {Variable}); snippets are matched against probe templates only", TasksEnvironmentVariable);
            return [];
        }

        var catalog = TaskLoader.LoadAll(folder);
        foreach (var error in catalog.Errors)
        {
            logger.LogWarning("Bench task skipped: {Error}", error.ToString());
        }

        logger.LogInformation("Loaded {Count} bench tasks from {Folder}", catalog.Tasks.Count, catalog.Root);
        return catalog.Tasks;
    }

    /// <summary>The evaluator and the sandbox it owns, disposed together when settings change or the server stops.</summary>
    private sealed class OwningEvaluator(SnippetEvaluator evaluator, DockerSandbox sandbox) : ISnippetEvaluator, IAsyncDisposable
    {
        public Task<SnippetEvaluation> EvaluateAsync(Snippet snippet, CancellationToken cancellationToken) => evaluator.EvaluateAsync(snippet, cancellationToken);

        public ValueTask DisposeAsync() => sandbox.DisposeAsync();
    }
}
