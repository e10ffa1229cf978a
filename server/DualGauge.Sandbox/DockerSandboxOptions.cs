namespace DualGauge.Sandbox;

/// <summary>
/// Immutable settings of a <see cref="DockerSandbox"/>. Build with <see cref="DockerSandboxOptions.CreateBuilder"/>;
/// <see cref="DockerSandboxOptionsBuilder.Build"/> validates every value.
/// </summary>
public sealed record DockerSandboxOptions
{
    public const string DefaultUnixEndpoint = "unix:///var/run/docker.sock";

    internal DockerSandboxOptions()
    {
    }

    /// <summary>The Docker engine endpoint (unix://, tcp:// or npipe://).</summary>
    public required Uri Endpoint { get; init; }

    /// <summary>Where <see cref="Endpoint"/> came from (an explicit setting, DOCKER_HOST or the default), for error messages.</summary>
    public required string EndpointSource { get; init; }

    /// <summary>An explicit image tag, or null to use (and build when missing) the tag computed by <see cref="SandboxImage"/>.</summary>
    public string? Image { get; init; }

    public long MemoryBytes { get; init; } = 256L * 1024 * 1024;

    public long PidsLimit { get; init; } = 64;

    public double Cpus { get; init; } = 1.0;

    public long TmpfsBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>How many started, unused containers the pool keeps ready.</summary>
    public int PoolSize { get; init; } = 2;

    /// <summary>Applies when a job's own timeout is zero or negative.</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Applies when a job's own output cap is zero or negative: cap on harness stdout+stderr bytes.</summary>
    public int DefaultMaxOutputBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Folder holding <c>image/</c> and <c>harness/</c> (default: <c>sandbox/</c> beside this assembly).</summary>
    public required string SandboxDirectory { get; init; }

    public static DockerSandboxOptionsBuilder CreateBuilder() => new();

    /// <summary>Options with every default (DOCKER_HOST honoured).</summary>
    public static DockerSandboxOptions Default => CreateBuilder().Build();
}

/// <summary>Builds <see cref="DockerSandboxOptions"/>; every setter returns a new builder, so a builder can be shared and extended.</summary>
public sealed record DockerSandboxOptionsBuilder
{
    private string? endpoint;
    private string? image;
    private long memoryBytes = 256L * 1024 * 1024;
    private long pidsLimit = 64;
    private double cpus = 1.0;
    private long tmpfsBytes = 64L * 1024 * 1024;
    private int poolSize = 2;
    private TimeSpan defaultTimeout = TimeSpan.FromSeconds(30);
    private int defaultMaxOutputBytes = 16 * 1024 * 1024;
    private string? sandboxDirectory;

    /// <summary>The engine endpoint; null or empty falls back to DOCKER_HOST, then <see cref="DockerSandboxOptions.DefaultUnixEndpoint"/>.</summary>
    public DockerSandboxOptionsBuilder WithEndpoint(string? value) => this with { endpoint = value };

    public DockerSandboxOptionsBuilder WithImage(string? value) => this with { image = value };

    public DockerSandboxOptionsBuilder WithMemoryBytes(long value) => this with { memoryBytes = value };

    public DockerSandboxOptionsBuilder WithPidsLimit(long value) => this with { pidsLimit = value };

    public DockerSandboxOptionsBuilder WithCpus(double value) => this with { cpus = value };

    public DockerSandboxOptionsBuilder WithTmpfsBytes(long value) => this with { tmpfsBytes = value };

    public DockerSandboxOptionsBuilder WithPoolSize(int value) => this with { poolSize = value };

    public DockerSandboxOptionsBuilder WithDefaultTimeout(TimeSpan value) => this with { defaultTimeout = value };

    public DockerSandboxOptionsBuilder WithDefaultMaxOutputBytes(int value) => this with { defaultMaxOutputBytes = value };

    public DockerSandboxOptionsBuilder WithSandboxDirectory(string? value) => this with { sandboxDirectory = value };

    /// <exception cref="ArgumentException">A value is out of range; the message names the setting and the value.</exception>
    public DockerSandboxOptions Build()
    {
        var (uri, source) = ResolveEndpoint(endpoint);
        if (image is not null)
        {
            Require(image.Length > 0 && !image.Any(char.IsWhiteSpace), $"image '{image}' is not a valid image reference");
            Require(!image.EndsWith(":latest", StringComparison.Ordinal) && image.Contains(':', StringComparison.Ordinal),
                $"image '{image}' must carry an explicit tag other than 'latest' (the sandbox is pinned by tag)");
        }

        Require(memoryBytes >= 16L * 1024 * 1024, $"memory {memoryBytes} bytes is below the 16 MB minimum");
        Require(pidsLimit >= 8, $"pids limit {pidsLimit} is below the minimum of 8 (the harness needs a few processes)");
        Require(cpus is > 0 and <= 64, $"cpus {cpus} must be in (0, 64]");
        Require(tmpfsBytes >= 1024 * 1024, $"tmpfs size {tmpfsBytes} bytes is below the 1 MB minimum");
        Require(poolSize is >= 0 and <= 64, $"pool size {poolSize} must be between 0 and 64");
        Require(defaultTimeout > TimeSpan.Zero, $"default timeout {defaultTimeout} must be positive");
        Require(defaultMaxOutputBytes > 0, $"default output cap {defaultMaxOutputBytes} must be positive");

        var directory = sandboxDirectory ?? Path.Combine(AppContext.BaseDirectory, "sandbox");
        return new DockerSandboxOptions
        {
            Endpoint = uri,
            EndpointSource = source,
            Image = image,
            MemoryBytes = memoryBytes,
            PidsLimit = pidsLimit,
            Cpus = cpus,
            TmpfsBytes = tmpfsBytes,
            PoolSize = poolSize,
            DefaultTimeout = defaultTimeout,
            DefaultMaxOutputBytes = defaultMaxOutputBytes,
            SandboxDirectory = Path.GetFullPath(directory),
        };
    }

    private static (Uri Uri, string Source) ResolveEndpoint(string? explicitEndpoint)
    {
        if (!string.IsNullOrWhiteSpace(explicitEndpoint))
        {
            return (ParseEndpoint(explicitEndpoint, "the dockerHost setting"), "the dockerHost setting");
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return (ParseEndpoint(fromEnvironment, "DOCKER_HOST"), "DOCKER_HOST");
        }

        return (new Uri(DockerSandboxOptions.DefaultUnixEndpoint), "the default endpoint");
    }

    private static Uri ParseEndpoint(string text, string source)
    {
        var trimmed = text.Trim();
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Scheme is not ("unix" or "tcp" or "npipe" or "http" or "https"))
        {
            throw new ArgumentException(
                $"Docker endpoint '{trimmed}' from {source} is not a valid endpoint; expected unix:///path/to/docker.sock, tcp://host:port or npipe://./pipe/docker_engine.");
        }

        return uri;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"Invalid sandbox options: {message}.");
        }
    }
}
