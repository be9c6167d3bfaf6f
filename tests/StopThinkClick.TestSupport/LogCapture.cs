using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace StopThinkClick.TestSupport;

/// <summary>Keeps the app's error logs, so a test can check that no request ended in an unhandled exception.</summary>
public sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<string> Errors { get; } = new();

    /// <summary>
    /// Errors that mean a request or hub call failed on an exception nobody handled. Expected
    /// trouble (a health check failing while the database is down, Marten reporting a failed
    /// command, a hub call refused with a kind message) is logged too, and is not counted here.
    /// </summary>
    public IEnumerable<string> Unhandled => Errors.Where(e =>
        e.StartsWith("Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware", StringComparison.Ordinal) ||
        e.StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal) ||
        e.StartsWith("StopThinkClick.", StringComparison.Ordinal) ||
        (e.StartsWith("Microsoft.AspNetCore.SignalR", StringComparison.Ordinal) && !e.Contains(" HubException ", StringComparison.Ordinal)));

    public ILogger CreateLogger(string category) => new Logger(this, category);

    public void Dispose() { }

    sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel level) => level >= LogLevel.Error;

        public void Log<TState>(LogLevel level, EventId id, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (level >= LogLevel.Error) capture.Errors.Enqueue($"{category}: {formatter(state, exception)} {exception?.GetType().Name} {exception?.Message}");
        }
    }
}
