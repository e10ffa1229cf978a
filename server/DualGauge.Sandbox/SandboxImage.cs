using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Docker.DotNet;
using Microsoft.Extensions.Logging;

namespace DualGauge.Sandbox;

/// <summary>
/// The sandbox image: its tag is <c>dualgauge-sandbox:&lt;version&gt;-&lt;12 hex of sha256&gt;</c> over the image
/// definition and the harnesses, so any change to them yields a new tag and a rebuild on first use.
/// </summary>
public sealed class SandboxImage
{
    public const string Repository = "dualgauge-sandbox";

    private static readonly string[] ExcludedFolders = ["__pycache__", "node_modules"];

    private readonly Lazy<string> tag;

    /// <param name="sandboxDirectory">The folder holding <c>image/</c> and <c>harness/</c>.</param>
    public SandboxImage(string sandboxDirectory)
    {
        SandboxDirectory = Path.GetFullPath(sandboxDirectory);
        tag = new Lazy<string>(() => $"{Repository}:{Version}-{ComputeContentHash(SandboxDirectory)[..12]}");
    }

    public string SandboxDirectory { get; }

    public string BuildScript => Path.Combine(SandboxDirectory, "image", "build.sh");

    /// <summary>The computed tag. Throws <see cref="FileNotFoundException"/> naming the folder when the image definition is missing.</summary>
    public string Tag => tag.Value;

    /// <summary>The product version (without build metadata) that prefixes the tag.</summary>
    public static string Version
    {
        get
        {
            var informational = typeof(SandboxImage).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? typeof(SandboxImage).Assembly.GetName().Version?.ToString(3)
                ?? "0.0.0";
            var plus = informational.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? informational : informational[..plus];
        }
    }

    /// <summary>
    /// SHA-256 (lowercase hex) over image/packages.txt, image/Dockerfile and every file under harness/, taken in ordinal
    /// order of their '/'-separated relative paths; each contributes its path, a NUL byte, then its content.
    /// </summary>
    public static string ComputeContentHash(string sandboxDirectory)
    {
        var files = ListHashedFiles(sandboxDirectory);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var relative in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(relative));
            hash.AppendData([0]);
            hash.AppendData(File.ReadAllBytes(Path.Combine(sandboxDirectory, relative.Replace('/', Path.DirectorySeparatorChar))));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    internal static IReadOnlyList<string> ListHashedFiles(string sandboxDirectory)
    {
        var root = Path.GetFullPath(sandboxDirectory);
        var required = new[] { "image/packages.txt", "image/Dockerfile" };
        foreach (var file in required)
        {
            if (!File.Exists(Path.Combine(root, file)))
            {
                throw new FileNotFoundException(
                    $"The sandbox image definition is incomplete: {file} is missing under {root} (it ships beside the DualGauge binaries as sandbox/image and sandbox/harness).",
                    Path.Combine(root, file));
            }
        }

        var harness = Path.Combine(root, "harness");
        if (!Directory.Exists(harness))
        {
            throw new DirectoryNotFoundException($"The sandbox harnesses are missing: no folder {harness}.");
        }

        var files = new List<string>(required);
        foreach (var path in Directory.EnumerateFiles(harness, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
            var segments = relative.Split('/');
            if (segments.Any(s => ExcludedFolders.Contains(s, StringComparer.Ordinal)) || relative.EndsWith(".pyc", StringComparison.Ordinal))
            {
                continue;
            }

            files.Add(relative);
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    public static async Task<bool> ExistsAsync(DockerClient client, string imageTag, CancellationToken cancellationToken)
    {
        try
        {
            await client.Images.InspectImageAsync(imageTag, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DockerImageNotFoundException)
        {
            return false;
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>
    /// Builds the image under <paramref name="imageTag"/> with <c>bash image/build.sh --tag</c>, streaming the build log to
    /// <paramref name="logger"/> and <paramref name="progress"/>.
    /// </summary>
    /// <exception cref="SandboxImageException">The build script is missing or failed; the message carries the end of its log.</exception>
    public async Task BuildAsync(string imageTag, Uri endpoint, ILogger logger, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (!File.Exists(BuildScript))
        {
            throw new SandboxImageException($"Cannot build sandbox image {imageTag}: the build script {BuildScript} is missing.");
        }

        progress?.Report($"building sandbox image {imageTag} (first use, ~1 min)");
        logger.LogInformation("Building sandbox image {Image} with {Script}", imageTag, BuildScript);
        var startInfo = new ProcessStartInfo("bash")
        {
            WorkingDirectory = SandboxDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(BuildScript);
        startInfo.ArgumentList.Add("--tag");
        startInfo.ArgumentList.Add(imageTag);
        // The script's docker CLI must talk to the same engine as this sandbox.
        startInfo.Environment["DOCKER_HOST"] = endpoint.ToString();

        var tail = new Queue<string>();
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (tail)
            {
                tail.Enqueue(line);
                if (tail.Count > 30)
                {
                    tail.Dequeue();
                }
            }

            logger.LogInformation("[image build] {Line}", line);
            progress?.Report(line);
        }

        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new SandboxImageException($"Cannot build sandbox image {imageTag}: bash could not be started ({e.Message}).", e);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        // WaitForExitAsync returns after the redirected streams hit EOF, so the tail is complete here.
        if (process.ExitCode != 0)
        {
            string log;
            lock (tail)
            {
                log = string.Join(Environment.NewLine, tail);
            }

            throw new SandboxImageException(
                $"Building sandbox image {imageTag} failed: `bash {BuildScript} --tag {imageTag}` exited with code {process.ExitCode}. Last lines of its log:{Environment.NewLine}{log}");
        }

        logger.LogInformation("Built sandbox image {Image} in {Seconds:0.0} s", imageTag, clock.Elapsed.TotalSeconds);
        progress?.Report($"sandbox image {imageTag} ready");
    }
}

/// <summary>The sandbox image is missing and could not be built.</summary>
public sealed class SandboxImageException : Exception
{
    public SandboxImageException(string message, Exception? inner = null) : base(message, inner) { }
}
