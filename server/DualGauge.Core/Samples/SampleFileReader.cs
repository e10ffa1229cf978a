using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace DualGauge.Core.Samples;

/// <summary>The bytes of a sample file, or why they were not read.</summary>
public sealed record SampleFileRead(byte[]? Bytes, string? Problem)
{
    public bool Ok => Bytes is not null;
}

/// <summary>
/// Reads a sample file only when it is safe to: a regular file, within the size limit and, when a root is
/// given, inside it after every symlink is resolved. The type and size are checked with
/// <c>statx(AT_SYMLINK_NOFOLLOW)</c> before anything is opened, so a FIFO, socket or device is never
/// opened; the open itself is non-blocking and re-checked on the open descriptor, so a file swapped for a
/// FIFO or a symlink between the check and the open is caught too.
/// </summary>
public static partial class SampleFileReader
{
    /// <summary>The default sample size limit: 1 MiB, far above any real model answer.</summary>
    public const long DefaultMaxBytes = 1024 * 1024;

    /// <summary>What a path is, from <c>lstat</c>-like metadata (nothing is opened).</summary>
    public enum EntryKind
    {
        Missing,
        RegularFile,
        Directory,
        Symlink,
        Fifo,
        Socket,
        CharacterDevice,
        BlockDevice,
        Unknown,
    }

    /// <param name="path">The file (the path as found in the samples folder, before any symlink is resolved).</param>
    /// <param name="root">The samples folder's real path (see <see cref="RealPath"/>); null when the file need not be inside a folder.</param>
    public static SampleFileRead Read(string path, string? root, long maxBytes = DefaultMaxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        var target = path;
        var (kind, size) = Inspect(path, followSymlink: false);
        if (kind == EntryKind.Symlink)
        {
            if (RealPath(path) is not { } real)
            {
                return Fail("a dangling symlink (its target does not exist); not read");
            }

            if (root is not null && !IsInside(real, root))
            {
                return Fail("a symlink to a file outside the samples folder; not read");
            }

            // The real path has no symlink left in it.
            target = real;
            (kind, size) = Inspect(real, followSymlink: false);
        }

        if (kind != EntryKind.RegularFile)
        {
            return Fail(NotRegular(kind));
        }

        return size > maxBytes ? Fail(TooLarge(size, maxBytes)) : ReadOpened(target, root, maxBytes);
    }

    /// <summary>Null when the directory may be entered: not a symlink, or a symlink whose target is inside <paramref name="root"/>.</summary>
    public static string? CheckDirectory(string path, string root)
    {
        if (Inspect(path, followSymlink: false).Kind != EntryKind.Symlink)
        {
            return null;
        }

        return RealPath(path) is { } real && IsInside(real, root)
            ? null
            : "a symlink to a directory outside the samples folder; not read";
    }

    /// <summary>The canonical absolute path (every symlink resolved), or null when it does not exist.</summary>
    public static string? RealPath(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return ManagedRealPath(path);
        }

        var resolved = Native.realpath(path, 0);
        if (resolved == 0)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            Native.free(resolved);
        }
    }

    /// <summary>True when <paramref name="realPath"/> is <paramref name="realRoot"/> or below it (both canonical).</summary>
    public static bool IsInside(string realPath, string realRoot)
    {
        var rootWithSlash = realRoot.EndsWith('/') ? realRoot : realRoot + "/";
        return string.Equals(realPath, realRoot, StringComparison.Ordinal) || realPath.StartsWith(rootWithSlash, StringComparison.Ordinal);
    }

    /// <summary>The type and size of <paramref name="path"/> itself (a symlink is reported as one unless followed). Opens nothing.</summary>
    public static (EntryKind Kind, long Size) Inspect(string path, bool followSymlink)
    {
        if (!OperatingSystem.IsLinux())
        {
            return ManagedInspect(path, followSymlink);
        }

        Span<byte> buffer = stackalloc byte[Native.StatxSize];
        var flags = followSymlink ? 0 : Native.AT_SYMLINK_NOFOLLOW;
        return Native.statx(Native.AT_FDCWD, path, flags, Native.STATX_TYPE | Native.STATX_SIZE, ref MemoryMarshal.GetReference(buffer)) == 0
            ? Decode(buffer)
            : (EntryKind.Missing, 0);
    }

    /// <summary>Describes a kind that is not a regular file, for an input error.</summary>
    public static string NotRegular(EntryKind kind) => kind switch
    {
        EntryKind.Missing => "no such file; not read",
        EntryKind.Directory => "not a regular file (a directory); not read",
        EntryKind.Fifo => "not a regular file (a FIFO); not read",
        EntryKind.Socket => "not a regular file (a socket); not read",
        EntryKind.CharacterDevice => "not a regular file (a character device); not read",
        EntryKind.BlockDevice => "not a regular file (a block device); not read",
        _ => "not a regular file; not read",
    };

    public static string TooLarge(long size, long maxBytes) =>
        $"{Bytes(size)}, over the sample size limit of {Bytes(maxBytes)}; not read";

    /// <summary>"1.5 MiB (1,572,864 bytes)"-style sizes.</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes:N0} bytes",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KiB ({bytes:N0} bytes)",
        _ => $"{bytes / (1024.0 * 1024):0.#} MiB ({bytes:N0} bytes)",
    };

    private static SampleFileRead ReadOpened(string path, string? root, long maxBytes)
    {
        SafeFileHandle handle;
        try
        {
            handle = Open(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(ex.Message);
        }

        using (handle)
        {
            // Re-checked on the descriptor: the path may have been swapped since it was inspected.
            if (OperatingSystem.IsLinux())
            {
                Span<byte> buffer = stackalloc byte[Native.StatxSize];
                if (Native.statx((int)handle.DangerousGetHandle(), "", Native.AT_EMPTY_PATH, Native.STATX_TYPE | Native.STATX_SIZE, ref MemoryMarshal.GetReference(buffer)) != 0)
                {
                    return Fail("could not be inspected after opening; not read");
                }

                var (kind, _) = Decode(buffer);
                if (kind != EntryKind.RegularFile)
                {
                    return Fail(NotRegular(kind));
                }

                if (root is not null && OpenedPath(handle) is { } opened && !IsInside(opened, root))
                {
                    return Fail("a symlink to a file outside the samples folder; not read");
                }
            }

            using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
            using var bytes = new MemoryStream();
            var chunk = new byte[64 * 1024];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                bytes.Write(chunk, 0, read);
                if (bytes.Length > maxBytes)
                {
                    return Fail($"over the sample size limit of {Bytes(maxBytes)} (it grew while being read); not read");
                }
            }

            return new SampleFileRead(bytes.ToArray(), null);
        }
    }

    private static SafeFileHandle Open(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }

        // O_NONBLOCK: should the path have become a FIFO since it was inspected, open returns at once instead of waiting for a writer.
        var fd = Native.open(path, Native.O_RDONLY | Native.O_NONBLOCK | Native.O_CLOEXEC);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"could not be opened ({Marshal.GetPInvokeErrorMessage(errno)}); not read");
        }

        return new SafeFileHandle((nint)fd, ownsHandle: true);
    }

    private static string? OpenedPath(SafeFileHandle handle)
    {
        try
        {
            return new FileInfo($"/proc/self/fd/{handle.DangerousGetHandle()}").LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static (EntryKind, long) Decode(ReadOnlySpan<byte> statx)
    {
        // struct statx has the same layout on every architecture: stx_mode (u16) at 28, stx_size (u64) at 40.
        var mode = BitConverter.ToUInt16(statx[Native.ModeOffset..]);
        var size = (long)BitConverter.ToUInt64(statx[Native.SizeOffset..]);
        var kind = (mode & 0xF000) switch
        {
            0x8000 => EntryKind.RegularFile,
            0x4000 => EntryKind.Directory,
            0xA000 => EntryKind.Symlink,
            0x1000 => EntryKind.Fifo,
            0xC000 => EntryKind.Socket,
            0x2000 => EntryKind.CharacterDevice,
            0x6000 => EntryKind.BlockDevice,
            _ => EntryKind.Unknown,
        };
        return (kind, size);
    }

    private static (EntryKind, long) ManagedInspect(string path, bool followSymlink)
    {
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (!info.Exists && info.LinkTarget is null)
        {
            return (EntryKind.Missing, 0);
        }

        if (info.LinkTarget is not null)
        {
            if (!followSymlink)
            {
                return (EntryKind.Symlink, 0);
            }

            info = info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
        }

        // Without lstat's file type (outside Linux), anything that is not a directory counts as a file.
        return info is DirectoryInfo ? (EntryKind.Directory, 0) : (EntryKind.RegularFile, ((FileInfo)info).Length);
    }

    private static string? ManagedRealPath(string path)
    {
        var full = Path.GetFullPath(path);
        FileSystemInfo info = Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full);
        if (info.LinkTarget is not null)
        {
            info = info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
        }

        return info.Exists ? Path.GetFullPath(info.FullName) : null;
    }

    private static SampleFileRead Fail(string problem) => new(null, problem);

    private static partial class Native
    {
        public const int AT_FDCWD = -100;
        public const int AT_SYMLINK_NOFOLLOW = 0x100;
        public const int AT_EMPTY_PATH = 0x1000;
        public const uint STATX_TYPE = 0x1;
        public const uint STATX_SIZE = 0x200;
        public const int StatxSize = 256;
        public const int ModeOffset = 28;
        public const int SizeOffset = 40;

        // The same values on every Linux architecture .NET runs on (asm-generic/fcntl.h).
        public const int O_RDONLY = 0;
        public const int O_NONBLOCK = 0x800;
        public const int O_CLOEXEC = 0x80000;

        [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
        public static partial int statx(int dirfd, string path, int flags, uint mask, ref byte buffer);

        [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
        public static partial nint realpath(string path, nint resolved);

        [LibraryImport("libc", EntryPoint = "free")]
        public static partial void free(nint pointer);

        [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
        public static partial int open(string path, int flags);
    }
}
