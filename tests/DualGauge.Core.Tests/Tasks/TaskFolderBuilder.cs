namespace DualGauge.Core.Tests.Tasks;

/// <summary>Writes a task folder on disk for loader tests; starts valid, and each test breaks one thing.</summary>
internal sealed class TaskFolderBuilder : IDisposable
{
    public const string ValidManifest = """
        id: py-demo
        language: python
        title: Demo
        cwe: [CWE-89]
        entry_point: find_user
        signature: "def find_user(conn, name)"
        prompt: |
          Write find_user.
        tests:
          - id: f_one
            kind: functional
            description: one
          - id: f_two
            kind: functional
            description: two
          - id: f_three
            kind: functional
            description: three
          - id: s_one
            kind: security
            cwe: CWE-89
            description: injection
            attacks: a quote
            why: the SQL monitor sees it
            oracles:
              - kind: sql-no-payload
                payload: "' OR 1=1"
          - id: s_two
            kind: security
            cwe: CWE-89
            description: injection two
            attacks: a comment
            why: the SQL monitor sees it
        references:
          - file: references/secure.py
            kind: secure
          - file: references/insecure.py
            kind: insecure
            note: f-string
          - file: references/wrong.py
            kind: wrong
        """;

    public TaskFolderBuilder(string language = "python", string id = "py-demo")
    {
        Root = Path.Combine(Path.GetTempPath(), "dg-tasks-" + Guid.NewGuid().ToString("N"), "bench-tasks");
        TaskDir = Path.Combine(Root, language, id);
        Directory.CreateDirectory(Path.Combine(TaskDir, "references"));
        Directory.CreateDirectory(Path.Combine(TaskDir, "fixtures"));
        Write("task.yaml", ValidManifest);
        Write("tests.py", "def test_f_one(ctx):\n    pass\n");
        Write("references/secure.py", "def find_user(conn, name):\n    return []\n");
        Write("references/insecure.py", "def find_user(conn, name):\n    return []\n");
        Write("references/wrong.py", "def find_user(conn, name):\n    return None\n");
        Write("fixtures/users.csv", "alice\n");
    }

    public string Root { get; }

    public string TaskDir { get; }

    public TaskFolderBuilder Write(string relative, string content)
    {
        var path = Path.Combine(TaskDir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    public TaskFolderBuilder EditManifest(string oldText, string newText)
    {
        var path = Path.Combine(TaskDir, "task.yaml");
        var text = File.ReadAllText(path);
        if (!text.Contains(oldText, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the manifest has no '{oldText}'");
        }

        File.WriteAllText(path, text.Replace(oldText, newText, StringComparison.Ordinal));
        return this;
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(Root)!, recursive: true);
}
