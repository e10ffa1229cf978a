using System.Diagnostics;
using System.Net.Sockets;

namespace DualGauge.TestUtilities.Files;

/// <summary>Real FIFOs, sockets and device nodes on disk, made the way a user or a tool would make them.</summary>
public static class SpecialFiles
{
    /// <summary><c>mkfifo PATH</c>.</summary>
    public static void MakeFifo(string path)
    {
        var (exit, error) = Run("mkfifo", path);
        if (exit != 0)
        {
            throw new InvalidOperationException($"mkfifo {path} failed: {error}");
        }
    }

    /// <summary>Binds a Unix socket at <paramref name="path"/>; the socket file exists until the returned socket is disposed (.NET then removes it).</summary>
    public static IDisposable MakeSocket(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        return socket;
    }

    /// <summary><c>mknod PATH c 1 3</c> (the /dev/null device); false when not permitted (not root, no CAP_MKNOD).</summary>
    public static bool TryMakeCharacterDevice(string path) => Run("mknod", path, "c", "1", "3").ExitCode == 0;

    private static (int ExitCode, string Error) Run(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error);
    }
}
