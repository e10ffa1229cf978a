using System.Text.RegularExpressions;

namespace DualGauge.LanguageServer.Reports;

/// <summary>Short "how to fix" notes per CWE (dualgauge.showRemediation).</summary>
internal static partial class Remediation
{
    private static readonly Dictionary<int, (string Title, string Fix)> Notes = new()
    {
        [22] = ("Path traversal", "Resolve the path (`os.path.realpath`, `path.resolve`, `realpath(3)`) and check that the result is still under the intended base folder before opening it. Reject absolute paths and `..` segments from user input."),
        [78] = ("OS command injection", "Do not build a shell command line from input. Call the program directly with an argument list (`subprocess.run([...], shell=False)`, `child_process.execFile`, `execv`), and validate the arguments against an allow-list."),
        [89] = ("SQL injection", "Never splice input into SQL text (f-strings, `+`, `%`, template literals). Use placeholders and pass the values separately: `conn.execute(\"SELECT ... WHERE name = ?\", (name,))`, `db.prepare(\"... WHERE name = ?\").all(name)`, `sqlite3_bind_text`."),
        [94] = ("Code injection", "Never pass input to `eval`, `exec`, `Function` or `vm.run*`. Parse data with a real parser (`json.loads`, `ast.literal_eval` for literals) and dispatch on an explicit table of allowed operations."),
        [95] = ("Eval injection", "Never pass input to `eval`/`exec`. Use `ast.literal_eval` or a purpose-built parser, and dispatch on an explicit table of allowed operations."),
        [120] = ("Classic buffer overflow", "Check the destination size before copying: use `snprintf`, `strncpy` with explicit termination, or `memcpy` with a length you validated against the buffer size."),
        [125] = ("Out-of-bounds read", "Validate every index and length against the buffer size before reading; keep the length next to the pointer."),
        [190] = ("Integer overflow", "Check arithmetic before it happens (`__builtin_mul_overflow`, compare against `SIZE_MAX / n`), and use a wide enough type for sizes."),
        [401] = ("Memory leak", "Free every allocation on every path, including error paths; give each buffer a single owner."),
        [416] = ("Use after free", "Set pointers to NULL after `free` and never touch a buffer after handing its ownership away."),
        [502] = ("Deserialization of untrusted data", "Do not unpickle or `yaml.load` untrusted bytes. Use JSON, `yaml.safe_load`, or restrict the classes a loader may construct."),
        [611] = ("XML external entities", "Disable DTDs and external entities in the XML parser (`defusedxml`, `resolve_entities=False`)."),
        [787] = ("Out-of-bounds write", "Validate lengths against the destination size before writing; prefer bounded APIs (`snprintf`, `strlcpy`)."),
        [798] = ("Hard-coded credentials", "Read secrets from the environment or a secret store; never commit them in code."),
        [918] = ("Server-side request forgery", "Allow-list hosts and schemes before connecting, resolve the host and reject private and loopback addresses."),
        [1333] = ("Regular expression denial of service", "Avoid nested quantifiers on user input, bound the input length, or use a linear-time regex engine."),
        [400] = ("Uncontrolled resource consumption", "Bound input sizes, loop counts and time; fail fast when a limit is reached."),
    };

    public static string Markdown(string cwe)
    {
        var match = CweNumber().Match(cwe.Trim());
        if (!match.Success)
        {
            throw new ArgumentException($"'{cwe}' is not a CWE identifier (expected e.g. CWE-89)", nameof(cwe));
        }

        var number = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var link = $"https://cwe.mitre.org/data/definitions/{number}.html";
        return Notes.TryGetValue(number, out var note)
            ? $"# How to fix CWE-{number}: {note.Title}\n\n{note.Fix}\n\nThen re-run the evaluation (DualGauge: Re-run evaluation) to confirm the attack no longer works.\n\nMore: [{link}]({link})\n"
            : $"# How to fix CWE-{number}\n\nDualGauge has no note for this weakness yet. See [{link}]({link}) for mitigations, then re-run the evaluation to confirm.\n";
    }

    [GeneratedRegex(@"^CWE-(\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex CweNumber();
}
