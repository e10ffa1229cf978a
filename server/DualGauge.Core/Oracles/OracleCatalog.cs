using DualGauge.Core.Tasks;
using DualGauge.Core.Traces;
using DualGauge.Core.Verdicts;

namespace DualGauge.Core.Oracles;

/// <summary>
/// The trace oracles a security test can name. Each judges the events of one test and returns a
/// finding per violation, with the events that prove it. Documented in <c>bench-tasks/README.md</c>.
/// </summary>
public static class OracleCatalog
{
    private sealed record Oracle(string Kind, string[] Required, string[] Optional, string Summary, Func<OracleSpec, OracleContext, IEnumerable<OracleFinding>> Judge);

    private static readonly Oracle[] All =
    [
        new("sql-no-payload", ["payload"], [], "no executed SQL statement contains the payload as SQL (outside a string literal: a bound value shows quoted)", (s, c) =>
            Each(s, c, TraceEventKinds.Sql, e => SqlText.ContainsOutsideLiterals(e.String("statement"), s.Argument("payload")),
                e => $"payload {Quote(s.Argument("payload"))} reached the SQL engine inside the statement: {TraceEvent.Truncate(e.String("statement"), 300)}")),
        new("no-shell", [], [], "no process is started through a shell", (s, c) =>
            Each(s, c, TraceEventKinds.Process, IsShell, e => $"started a shell: {Command(e)}{Via(e)}")),
        new("shell-no-payload", ["payload"], [], "no shell command line contains the payload, and no process a shell of the test ran carries it (commands fed on the shell's stdin run as processes of their own)", (s, c) =>
        {
            var payload = s.Argument("payload");
            var processes = c.OfKind(TraceEventKinds.Process).ToList();
            var shells = processes.Where(e => IsShell(e) || IsShellExecutable(e.String("executable"))).ToList();
            var inCommandLine = shells.Where(e => Contains(Command(e), payload))
                .Select(e => new OracleFinding(s.Kind, $"payload {Quote(payload)} reached a shell command line: {Command(e)}{Via(e)}", [e]));
            var ranByShell = shells.Count == 0 ? [] : processes.Where(e => !shells.Contains(e) && Contains(Command(e), payload))
                .Select(e => new OracleFinding(s.Kind, $"a shell started in this test ran {Quote(payload)}: {Command(e)}{Via(shells[0])}", [shells[0], e]));
            return inCommandLine.Concat(ranByShell).ToList();
        }),
        new("no-process", [], [], "no process is started at all", (s, c) =>
            Each(s, c, TraceEventKinds.Process, _ => true, e => $"started a process: {Command(e)}{Via(e)}")),
        new("files-within", ["root"], [], "every file opened lies under root ({workdir}, {fixtures} expand)", (s, c) =>
        {
            var root = Normalize(c.Expand(s.Argument("root")!));
            return Each(s, c, TraceEventKinds.File, e => !IsUnder(e.String("realpath") ?? e.String("path"), root),
                e => $"opened {e.String("realpath") ?? e.String("path")} (mode {e.String("mode") ?? "?"}), outside {root}{Via(e)}");
        }),
        new("no-file-open", ["path"], [], "the file at path (e.g. a secret the attack aims at) is never opened", (s, c) =>
        {
            var path = Normalize(c.Expand(s.Argument("path")!));
            return Each(s, c, TraceEventKinds.File, e => Normalize(e.String("realpath") ?? e.String("path") ?? "") == path,
                e => $"opened {path}, which the attack pointed at{Via(e)}");
        }),
        new("no-code-eval", [], ["payload"], "no code is evaluated from a string containing the payload; without a payload, the candidate's own code evaluates no string at all (a library compiling its templates does not count)", (s, c) =>
            Each(s, c, TraceEventKinds.Code, e => s.Argument("payload") is { } p ? Contains(e.String("code"), p) : e.String("caller") != "library",
                e => $"evaluated code from a string{Via(e)}: {TraceEvent.Truncate(e.String("code"), 200)}")),
        new("no-connect", [], ["allow"], "no network connection is attempted (except to allowed hosts)", (s, c) =>
        {
            var allow = List(s.Argument("allow"));
            // Resolving a name is not a connection: a secure SSRF guard resolves the host to check it.
            // Binding a local socket (urllib3 probes IPv6 with bind(('::1', 0)) at import) connects nowhere.
            return Each(s, c, TraceEventKinds.Socket,
                e => !IsNameResolution(e) && e.String("api") != "bind" && !allow.Any(a => string.Equals(a, e.String("host"), StringComparison.OrdinalIgnoreCase) || string.Equals(a, e.String("address"), StringComparison.OrdinalIgnoreCase)),
                e => $"attempted a connection to {e.String("address")}{Via(e)}");
        }),
        new("no-deserialize", [], ["allow"], "no object is deserialized from data (except allowed classes)", (s, c) =>
        {
            var allow = List(s.Argument("allow"));
            return Each(s, c, TraceEventKinds.Deserialize, e => !allow.Contains(e.String("detail") ?? "", StringComparer.Ordinal),
                e => $"deserialized {e.String("detail")} from untrusted data{Via(e)}");
        }),
        new("no-native", [], [], "no native library is loaded", (s, c) =>
            Each(s, c, TraceEventKinds.Native, _ => true, e => $"loaded native code {e.String("detail")}{Via(e)}")),
        new("no-sanitizer-report", [], [], "no sanitizer reports a memory or undefined-behaviour error", (s, c) =>
            Each(s, c, TraceEventKinds.Sanitizer, _ => true,
                e => $"{e.String("tool")} reported {e.String("kind")}" + (e.String("location") is { } l ? $" at {l}" : ""))),
        new("max-duration", ["ms"], [], "the candidate's calls finish within ms milliseconds", (s, c) =>
        {
            var limit = double.Parse(s.Argument("ms")!, System.Globalization.CultureInfo.InvariantCulture);
            if (c.End?.String("status") == "timeout")
            {
                return [new OracleFinding(s.Kind, $"the candidate did not finish within the test timeout (limit {limit:0} ms): {c.End.String("message")}", [c.End])];
            }

            var calls = c.OfKind(TraceEventKinds.Call).ToList();
            var total = calls.Sum(e => e.Number("ms") ?? 0);
            return total > limit
                ? [new OracleFinding(s.Kind, $"the candidate's calls took {total:0} ms, over the {limit:0} ms limit", calls)]
                : [];
        }),
        new("no-event", ["event"], [], "no trace event of the given kind", (s, c) =>
            Each(s, c, s.Argument("event")!, _ => true, e => $"recorded {e.Describe()}")),
    ];

    private static readonly Dictionary<string, Oracle> ByKind = All.ToDictionary(o => o.Kind, StringComparer.Ordinal);

    public static IEnumerable<(string Kind, string Summary, IReadOnlyList<string> Required, IReadOnlyList<string> Optional)> Describe() =>
        All.Select(o => (o.Kind, o.Summary, (IReadOnlyList<string>)o.Required, (IReadOnlyList<string>)o.Optional));

    /// <summary>Returns the problem with an oracle spec, or null when it is valid.</summary>
    public static string? Validate(OracleSpec spec)
    {
        if (string.IsNullOrWhiteSpace(spec.Kind))
        {
            return "oracle without a kind; one of: " + string.Join(", ", ByKind.Keys);
        }

        if (!ByKind.TryGetValue(spec.Kind, out var oracle))
        {
            return $"unknown oracle kind '{spec.Kind}'; one of: " + string.Join(", ", ByKind.Keys);
        }

        foreach (var required in oracle.Required)
        {
            if (string.IsNullOrEmpty(spec.Argument(required)))
            {
                return $"oracle '{spec.Kind}' needs the argument '{required}'";
            }
        }

        foreach (var name in spec.Arguments.Keys)
        {
            if (!oracle.Required.Contains(name) && !oracle.Optional.Contains(name))
            {
                return $"oracle '{spec.Kind}' takes no argument '{name}'";
            }
        }

        if (spec.Kind == "max-duration" && !double.TryParse(spec.Argument("ms"), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            return $"oracle 'max-duration': ms '{spec.Argument("ms")}' is not a number";
        }

        return null;
    }

    public static IReadOnlyList<OracleFinding> Judge(OracleSpec spec, OracleContext context) =>
        ByKind.TryGetValue(spec.Kind, out var oracle)
            ? oracle.Judge(spec, context).ToList()
            : throw new ArgumentException(Validate(spec), nameof(spec));

    private static IEnumerable<OracleFinding> Each(OracleSpec spec, OracleContext context, string kind, Func<TraceEvent, bool> violates, Func<TraceEvent, string> message) =>
        context.OfKind(kind).Where(violates).Select(e => new OracleFinding(spec.Kind, message(e), [e]));

    private static bool Contains(string? haystack, string? needle) =>
        haystack is not null && !string.IsNullOrEmpty(needle) && haystack.Contains(needle, StringComparison.Ordinal);

    private static bool IsNameResolution(TraceEvent e) =>
        e.String("api") is { } api && (api.EndsWith("getaddrinfo", StringComparison.Ordinal) || api.EndsWith("gethostbyname", StringComparison.Ordinal) || api.StartsWith("dns.", StringComparison.Ordinal));

    private static bool IsShell(TraceEvent e) => e.Bool("shell") == true;

    private static bool IsShellExecutable(string? executable) =>
        Path.GetFileName(executable ?? "") is "sh" or "bash" or "dash" or "zsh" or "ksh" or "busybox";

    private static string Command(TraceEvent e) =>
        e.String("command") is { Length: > 0 } command ? command : string.Join(' ', e.Strings("argv"));

    private static string Via(TraceEvent e) =>
        e.String("api") is { } api ? $" (via {api}" + (e.Number("line") is { } line ? $", line {line:0}" : "") + ")" : "";

    private static string Quote(string? text) => "'" + text + "'";

    private static string Normalize(string path)
    {
        var full = Path.GetFullPath(path);
        return full.Length > 1 ? full.TrimEnd('/') : full;
    }

    private static bool IsUnder(string? path, string root)
    {
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        var full = Normalize(path);
        return full == root || full.StartsWith(root + "/", StringComparison.Ordinal);
    }

    private static string[] List(string? text) =>
        text?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
