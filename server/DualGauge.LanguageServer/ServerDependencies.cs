using DualGauge.LanguageServer.Documents;
using DualGauge.LanguageServer.Features.Language.CodeLens;
using DualGauge.LanguageServer.Publishing;
using DualGauge.LanguageServer.Evaluation;
using DualGauge.LanguageServer.Features.Custom.AiInsertion;
using DualGauge.LanguageServer.Fixes;
using DualGauge.LanguageServer.Features.Custom.History;
using DualGauge.LanguageServer.Features.Language.CodeAction;
using DualGauge.LanguageServer.Features.Lifecycle;
using DualGauge.LanguageServer.Features.TextDocument;
using DualGauge.LanguageServer.Features.Workspace;
using DualGauge.LanguageServer.History;
using DualGauge.LanguageServer.Logging;
using DualGauge.LanguageServer.Server;
using DualGauge.LanguageServer.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog.Extensions.Logging;

namespace DualGauge.LanguageServer;

internal static class ServerDependencies
{
    /// <summary>Every JSON-RPC target, listed explicitly; each one's methods carry their LSP method names.</summary>
    public static IReadOnlyList<Type> Handlers { get; } =
    [
        typeof(LifecycleHandler),
        typeof(TextDocumentSyncHandler),
        typeof(CodeActionHandler),
        typeof(ExecuteCommandHandler),
        typeof(ConfigurationHandler),
        typeof(AiInsertionHandler),
        typeof(HistoryHandler),
        typeof(CodeLensHandler),
    ];

    public static IServiceCollection AddServerDependencies(this IServiceCollection services, LanguageServerOptions options, ServerLogging logging)
    {
        services.AddSingleton(options);
        services.AddSingleton(logging);
        services.AddSingleton<ILoggerFactory>(_ => new SerilogLoggerFactory(logging.Logger, dispose: false));
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));

        services.AddSingleton<ServerLifecycle>();
        services.AddSingleton<LanguageClient>();
        services.AddSingleton<ILanguageClient>(sp => sp.GetRequiredService<LanguageClient>());
        services.AddSingleton<SettingsService>();
        services.AddSingleton<HistoryStore>();
        services.AddSingleton<StatusReporter>();
        services.AddSingleton<ProgressReporter>();
        if (options.EvaluatorFactory is { } factory)
        {
            services.AddSingleton(factory);
        }
        else
        {
            services.AddSingleton<IEvaluatorFactory, SandboxEvaluatorFactory>();
        }

        services.AddSingleton<EvaluatorProvider>();
        services.AddSingleton<EvaluationQueue>();
        services.AddSingleton<RequestQueue>();
        services.AddSingleton<DocumentStore>();
        services.AddSingleton<FindingsPublisher>();
        services.AddSingleton<FindingsRestorer>();
        services.AddSingleton<EvaluationScheduler>();
        services.AddSingleton<CodeActionProvider>();
        services.AddSingleton<QuickFixVerifier>();
        services.AddSingleton<AiFixService>();

        foreach (var handler in Handlers)
        {
            services.AddSingleton(handler);
        }

        return services;
    }
}
