using System.Text.Json;
using System.Text.Json.Serialization;

namespace DualGauge.Core.Execution;

/// <summary>
/// The job document a harness reads from stdin (protocol version 1, documented in
/// <c>server/DualGauge.Sandbox/harness/README.md</c>).
/// </summary>
public sealed record HarnessJob
{
    [JsonPropertyName("version")] public int Version { get; init; } = 1;
    [JsonPropertyName("language")] public required string Language { get; init; }
    /// <summary>A fresh random value per job; the supervisor stamps every trace line with it (field <c>n</c>).</summary>
    [JsonPropertyName("nonce"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Nonce { get; init; }
    [JsonPropertyName("entryPoint")] public required string EntryPoint { get; init; }
    /// <summary>The candidate code, e.g. <c>solution.py</c>.</summary>
    [JsonPropertyName("sample")] public required HarnessFile Sample { get; init; }
    /// <summary>The tests file, e.g. <c>tests.py</c>.</summary>
    [JsonPropertyName("testsFile")] public required HarnessFile TestsFile { get; init; }
    /// <summary>Extra files (fixtures), written relative to the job folder.</summary>
    [JsonPropertyName("files")] public IReadOnlyList<HarnessFile> Files { get; init; } = [];
    [JsonPropertyName("tests")] public required IReadOnlyList<HarnessTest> Tests { get; init; }
    [JsonPropertyName("testTimeoutMs")] public int TestTimeoutMs { get; init; } = 3000;
    /// <summary>Per test, how much of the candidate's stdout/stderr the trace keeps.</summary>
    [JsonPropertyName("outputCapBytes")] public int OutputCapBytes { get; init; } = 16 * 1024;

    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, HarnessJsonContext.Default.HarnessJob);
}

/// <summary>A file in a job. Exactly one of <see cref="Content"/> (UTF-8 text) and <see cref="Base64"/> is set.</summary>
public sealed record HarnessFile(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("content"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Content = null,
    [property: JsonPropertyName("base64"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Base64 = null);

public sealed record HarnessTest(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("kind")] string Kind);

[JsonSerializable(typeof(HarnessJob))]
internal sealed partial class HarnessJsonContext : JsonSerializerContext;
