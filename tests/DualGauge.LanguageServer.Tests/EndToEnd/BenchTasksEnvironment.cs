using System.Runtime.CompilerServices;

namespace DualGauge.LanguageServer.Tests.EndToEnd;

/// <summary>
/// Points every server these tests start (in-process or the real binary, which inherits the
/// environment) at this checkout's bench-tasks, so bench-task matching does not depend on where the
/// build output happens to live.
/// </summary>
[TestClass]
public static class BenchTasksEnvironment
{
    [AssemblyInitialize]
    public static void PointServersAtTheRepositoryTasks(TestContext context)
    {
        var tasks = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(SourceFile())!, "..", "..", "..", "bench-tasks"));
        if (!Directory.Exists(tasks))
        {
            throw new InvalidOperationException($"bench-tasks not found at {tasks}");
        }

        Environment.SetEnvironmentVariable("DUALGAUGE_TASKS", tasks);
    }

    private static string SourceFile([CallerFilePath] string path = "") => path;
}
