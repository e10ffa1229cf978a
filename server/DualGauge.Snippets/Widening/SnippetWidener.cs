using System.Text;
using System.Text.RegularExpressions;
using DualGauge.Core.Tasks;

namespace DualGauge.Snippets.Widening;

/// <summary>
/// Widens a document range to the whole functions it overlaps and assembles a standalone sample:
/// the module prelude (imports, includes, macros), the top-level helpers and constants the
/// functions reference (transitively), and the functions themselves, in document order.
/// </summary>
public static partial class SnippetWidener
{
    /// <summary>The comment marker that excludes a function from evaluation when it sits on the line above.</summary>
    public const string IgnoreMarker = "dualgauge-ignore";

    public static DocumentOutline Outline(Language language, string documentText) => language switch
    {
        Language.Python => PythonOutliner.Outline(documentText),
        Language.JavaScript => JavaScriptOutliner.Outline(documentText),
        // C++ is outlined as C: top-level functions with C-family syntax (members of classes and namespaces are not split out).
        Language.C or Language.Cpp => COutliner.Outline(documentText),
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "no outliner for this language"),
    };

    /// <summary>Returns the widened snippet, or null with a reason when the range touches no function.</summary>
    public static WidenedSnippet? Widen(Language language, string documentText, int startLine, int endLine, out string? reason) =>
        Widen(language, documentText, startLine, endLine, honourIgnoreMarker: true, out reason);

    /// <param name="honourIgnoreMarker">False: a bare <c>dualgauge-ignore</c> does not skip a function (for code whose author is not trusted).</param>
    public static WidenedSnippet? Widen(Language language, string documentText, int startLine, int endLine, bool honourIgnoreMarker, out string? reason)
    {
        if (startLine > endLine)
        {
            (startLine, endLine) = (endLine, startLine);
        }

        var outline = Outline(language, documentText);
        var overlapping = outline.Functions.Where(f => f.StartLine <= endLine && f.EndLine >= startLine).ToList();
        var selected = overlapping
            .Where(f => !honourIgnoreMarker || !IsIgnored(outline, f))
            .Where(f => !(language is Language.C or Language.Cpp && f.Name == "main"))
            // A #private method cannot be called from outside its class: it runs through the methods that call it.
            .Where(f => !(language == Language.JavaScript && f.Name.StartsWith('#')))
            .ToList();
        if (selected.Count == 0)
        {
            reason = overlapping.Count > 0
                ? (honourIgnoreMarker && overlapping.Any(f => IsIgnored(outline, f)) ? $"the function is marked {IgnoreMarker}" : overlapping.All(f => f.Name.StartsWith('#')) ? "the selection only covers a #private method, which only its class can call"
                : "the selection only covers main(), which takes no input to probe")
                : $"no function in the selection (lines {startLine + 1}-{endLine + 1})";
            return null;
        }

        var included = new HashSet<TopLevelItem>();
        foreach (var item in outline.Items.Where(i => i.AlwaysKeep))
        {
            included.Add(item);
        }

        var pending = new Queue<TopLevelItem>();
        foreach (var f in selected)
        {
            var item = outline.Items.FirstOrDefault(i => i.StartLine <= f.StartLine && i.EndLine >= f.EndLine && (i.Function is null || i.Function == f));
            if (item is not null && included.Add(item))
            {
                pending.Enqueue(item);
            }
        }

        // Pull in every top-level definition a kept item references, until nothing new appears.
        var byName = outline.Items.Where(i => !i.AlwaysKeep).SelectMany(i => i.Names.Select(n => (n, i))).GroupBy(p => p.n).ToDictionary(g => g.Key, g => g.Select(p => p.i).ToList(), StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var item = pending.Dequeue();
            // Raw text, not masked: f-strings and template literals reference helpers and constants too.
            var text = string.Join('\n', outline.Lines.Skip(item.StartLine).Take(item.EndLine - item.StartLine + 1));
            foreach (Match m in IdentifierRegex().Matches(text))
            {
                if (!byName.TryGetValue(m.Value, out var definitions))
                {
                    continue;
                }

                foreach (var definition in definitions)
                {
                    if (!(language is Language.C or Language.Cpp && definition.Function?.Name == "main") && included.Add(definition))
                    {
                        pending.Enqueue(definition);
                    }
                }
            }
        }

        var keepLine = new bool[outline.Lines.Count];
        foreach (var item in included)
        {
            for (var l = item.StartLine; l <= item.EndLine && l < keepLine.Length; l++)
            {
                keepLine[l] = true;
            }
        }

        var code = new StringBuilder();
        var lineMap = new List<int>();
        var previousKept = true;
        for (var l = 0; l < keepLine.Length; l++)
        {
            if (!keepLine[l])
            {
                previousKept = false;
                continue;
            }

            if (!previousKept && lineMap.Count > 0)
            {
                // Keeps blocks apart: Python needs it after an indented block, and it reads better.
                code.Append('\n');
                lineMap.Add(-1);
            }

            var line = outline.Lines[l];
            if (language == Language.C && selected.Any(f => l >= f.StartLine && l <= f.HeaderLine))
            {
                // A static entry point is invisible to the separately compiled tests; keep the column layout.
                line = StaticRegex().Replace(line, m => new string(' ', m.Length));
            }

            code.Append(line).Append('\n');
            lineMap.Add(l);
            previousKept = true;
        }

        foreach (var function in selected.Where(f => NeedsEntry(language, f)))
        {
            foreach (var generated in Entry(language, function))
            {
                code.Append(generated).Append('\n');
                lineMap.Add(-1);
            }
        }

        reason = null;
        return new WidenedSnippet(selected, selected.Min(f => f.StartLine), selected.Max(f => f.EndLine), code.ToString(), lineMap, outline);
    }

    /// <summary>
    /// The name the harness calls for a function: the function itself, or a generated entry for a method
    /// (which builds an instance) or a Python coroutine function (which the entry runs to completion).
    /// </summary>
    public static string EntryName(SourceFunction function, Language language) =>
        function.IsMethod ? $"dg_{function.ClassName}_{function.Name.TrimStart('#')}"
        : function.Route is { } route ? RouteEntryName(route)
        : NeedsEntry(language, function) ? $"dg_{function.Name}"
        : function.Name;

    /// <summary>The entry of an anonymous route callback, e.g. <c>dg_app_get_api_users_id</c> for <c>app.get('/api/users/:id')</c>.</summary>
    public static string RouteEntryName(HttpRoute route)
    {
        var path = NonWordRegex().Replace(route.Path, "_").Trim('_');
        return $"dg_{route.Receiver}_{route.Method}_{(path.Length == 0 ? "root" : path)}";
    }

    private static bool NeedsEntry(Language language, SourceFunction function) =>
        function.IsMethod || (language == Language.Python && function.IsAsync) || function.Route is not null;

    private static IEnumerable<string> Entry(Language language, SourceFunction function)
    {
        var entry = EntryName(function, language);
        var cls = function.ClassName;
        var name = function.Name;
        if (language == Language.Python)
        {
            yield return "";
            yield return $"def {entry}(*args, _dg_init=None, **kwargs):";
            yield return "    import asyncio, inspect";
            if (cls is null)
            {
                yield return $"    target = {name}";
            }
            else if (function.Static)
            {
                yield return $"    target = {cls}.{name}";
            }
            else
            {
                // The constructor gets the probe's benign values for its parameters (_dg_init), so methods see
                // the attributes __init__ sets; only a class that cannot be built that way is made bare.
                yield return "    try:";
                yield return $"        instance = {cls}(**(_dg_init or {{}}))";
                yield return "    except Exception:";
                yield return $"        instance = {cls}.__new__({cls})";
                yield return $"    target = instance.{name}";
            }

            // The harness calls entry points synchronously: a coroutine must run inside the recorded call.
            yield return "    result = target(*args, **kwargs)";
            yield return "    return asyncio.run(result) if inspect.iscoroutine(result) else result";
        }
        else if (language == Language.JavaScript && function.Route is not null)
        {
            // An anonymous route callback has no name to call: the HTTP entry dispatches a request through its app.
            yield return "";
            yield return $"function {entry}(...args) {{";
            yield return "  return __dg_http__(...args);";
            yield return "}";
        }
        else if (language == Language.JavaScript)
        {
            // The constructor gets the probe's benign values for its parameters (after a '__dg_init__' marker), so
            // methods see the properties it sets; only a class that cannot be built that way is made bare.
            yield return "";
            yield return $"function {entry}(...args) {{";
            yield return "  const at = args.indexOf('__dg_init__');";
            yield return "  const init = at >= 0 ? args.splice(at).slice(1) : [];";
            yield return $"  if ({(function.Static ? "true" : "false")}) return {cls}.{name}(...args);";
            yield return "  let instance;";
            yield return $"  try {{ instance = new {cls}(...init); }} catch {{ instance = Object.create({cls}.prototype); }}";
            yield return $"  return instance.{name}(...args);";
            yield return "}";
        }
    }

    /// <summary>True when a bare <c>dualgauge-ignore</c> on the function's header or the line above skips it.</summary>
    public static bool IsIgnored(DocumentOutline outline, SourceFunction f)
    {
        // A scoped marker (dualgauge-ignore[CWE-89]: reason) accepts one finding; only a bare one skips the function,
        // and only in a comment: the same text in a string literal is data the program uses.
        if (!(f.StartLine > 0 && Checking.Suppressions.IsBareMarker(outline.Lines[f.StartLine - 1]) || Checking.Suppressions.IsBareMarker(outline.Lines[f.StartLine])))
        {
            return false;
        }

        var lines = outline.Lines.ToArray();
        var comments = SourceMask.LinesOf(SourceMask.CommentMap(outline.Language, string.Join('\n', lines)), lines);
        return f.StartLine > 0 && Checking.Suppressions.IsBareMarkerIn(lines[f.StartLine - 1], comments[f.StartLine - 1])
            || Checking.Suppressions.IsBareMarkerIn(lines[f.StartLine], comments[f.StartLine]);
    }

    [GeneratedRegex(@"[A-Za-z_$][\w$]*")]
    private static partial Regex IdentifierRegex();

    [GeneratedRegex(@"[^A-Za-z0-9]+")]
    private static partial Regex NonWordRegex();

    [GeneratedRegex(@"\b(static|inline)\b")]
    private static partial Regex StaticRegex();
}
