using System.Net.Http;
using System.Net.Sockets;
using Docker.DotNet;
using DualGauge.Core.Execution;

namespace DualGauge.Sandbox;

/// <summary>Recognises "the engine cannot be reached" among Docker.DotNet's failures and words it for a person.</summary>
internal static class DockerErrors
{
    /// <summary>True when <paramref name="exception"/> means the engine could not be reached (as opposed to an engine answer).</summary>
    public static bool IsUnreachable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DockerApiException or FileNotFoundException or DirectoryNotFoundException:
                    return false;
                case HttpRequestException or SocketException or IOException or TimeoutException or UnauthorizedAccessException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsUnreachable):
                    return true;
            }
        }

        return false;
    }

    public static SandboxUnavailableException Unavailable(DockerSandboxOptions options, Exception cause)
    {
        var (_, fix) = Describe(options, cause);
        return new SandboxUnavailableException($"{UnreachableText(options, cause)} {fix}", cause);
    }

    public static string UnreachableText(DockerSandboxOptions options, Exception cause) =>
        $"Cannot reach the Docker engine at {options.Endpoint} (from {options.EndpointSource}): {Reason(cause)}.";

    /// <summary>A short description and the fix a person should apply.</summary>
    public static (string Description, string Fix) Describe(DockerSandboxOptions options, Exception cause)
    {
        var denied = IsPermissionDenied(cause);
        var fix = denied
            ? $"Fix: the socket exists but this user may not open it: add the user to the docker group (sudo usermod -aG docker $USER, then log in again), or set DOCKER_HOST to an endpoint this user may use."
            : $"Fix: start the Docker engine (sudo systemctl start docker, or run dockerd), or set DOCKER_HOST (or the dockerHost setting) to the endpoint of a running engine; if the engine runs but refuses this user, add the user to the docker group (sudo usermod -aG docker $USER).";
        return (UnreachableText(options, cause), fix);
    }

    private static bool IsPermissionDenied(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is UnauthorizedAccessException || e is SocketException { SocketErrorCode: SocketError.AccessDenied })
            {
                return true;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsPermissionDenied))
            {
                return true;
            }
        }

        return false;
    }

    private static string Reason(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return innermost.Message.TrimEnd('.');
    }
}
