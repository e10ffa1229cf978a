using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DualGauge.Sandbox.Tests.Infrastructure;

/// <summary>Writes warnings and errors to the test output, and keeps every line so a test can assert on the log.</summary>
public sealed class TestLoggerFactory : ILoggerFactory
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(TestLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " | " + exception.Message)}";
            owner.Lines.Enqueue(line);
            if (logLevel >= LogLevel.Warning)
            {
                Console.WriteLine(line);
            }
        }
    }
}
