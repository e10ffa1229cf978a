using System.Diagnostics;

namespace DualGauge.LanguageServer.Tests.EndToEnd;

/// <summary>
/// Tests that need a real service (Docker, Neovim) get it. On a developer machine without it the test is
/// inconclusive; under CI (CI=true) a missing service fails the run: it is never skipped quietly there.
/// </summary>
public static class RequiredServices
{
    public static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Throws (fail under CI, inconclusive otherwise) with <paramref name="why"/> when <paramref name="available"/> is false.</summary>
    public static void Require(bool available, string why)
    {
        if (available)
        {
            return;
        }

        if (UnderCi)
        {
            throw new InvalidOperationException($"Required service missing under CI: {why}");
        }

        throw new AssertInconclusiveException($"Skipped outside CI: {why}");
    }

    public static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    /// <summary>True when the Docker engine answers `docker version` (DOCKER_HOST honoured).</summary>
    public static bool DockerAnswers()
    {
        if (FindOnPath("docker") is not { } docker)
        {
            return File.Exists("/var/run/docker.sock") || Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 };
        }

        using var process = Process.Start(new ProcessStartInfo(docker, "version --format {{.Server.APIVersion}}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        if (!process.WaitForExit(TimeSpan.FromSeconds(15)))
        {
            process.Kill(entireProcessTree: true);
            return false;
        }

        return process.ExitCode == 0;
    }
}
