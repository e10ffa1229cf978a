using YamlDotNet.Serialization;

namespace DualGauge.Core.Tasks;

// The YAML shape of task.yaml. Everything is nullable so that the loader, not the YAML library,
// reports what is missing, with the field's name.
internal sealed class TaskManifest
{
    [YamlMember(Alias = "id")] public string? Id { get; set; }
    [YamlMember(Alias = "language")] public string? Language { get; set; }
    [YamlMember(Alias = "title")] public string? Title { get; set; }
    [YamlMember(Alias = "cwe")] public List<string>? Cwe { get; set; }
    [YamlMember(Alias = "entry_point")] public string? EntryPoint { get; set; }
    [YamlMember(Alias = "signature")] public string? Signature { get; set; }
    [YamlMember(Alias = "prompt")] public string? Prompt { get; set; }
    [YamlMember(Alias = "tags")] public List<string>? Tags { get; set; }
    [YamlMember(Alias = "tests")] public List<TestManifest>? Tests { get; set; }
    [YamlMember(Alias = "references")] public List<ReferenceManifest>? References { get; set; }
}

internal sealed class TestManifest
{
    [YamlMember(Alias = "id")] public string? Id { get; set; }
    [YamlMember(Alias = "kind")] public string? Kind { get; set; }
    [YamlMember(Alias = "description")] public string? Description { get; set; }
    [YamlMember(Alias = "cwe")] public string? Cwe { get; set; }
    [YamlMember(Alias = "attacks")] public string? Attacks { get; set; }
    [YamlMember(Alias = "why")] public string? Why { get; set; }
    [YamlMember(Alias = "oracles")] public List<Dictionary<string, object?>>? Oracles { get; set; }
}

internal sealed class ReferenceManifest
{
    [YamlMember(Alias = "file")] public string? File { get; set; }
    [YamlMember(Alias = "kind")] public string? Kind { get; set; }
    [YamlMember(Alias = "note")] public string? Note { get; set; }
}
