using System.Text.RegularExpressions;
using DualGauge.Core.Tasks;
using DualGauge.Snippets.Widening;

namespace DualGauge.Snippets.Corpus;

/// <summary>One labelled corpus file, ready to evaluate.</summary>
/// <param name="File">The file relative to the corpus folder, with '/' separators (e.g. <c>python/helpers/x.py</c>).</param>
/// <param name="DocumentText">The file's text with the label line blanked (line numbers unchanged).</param>
/// <param name="HeaderLine">The 0-based line of the labelled function's header: the range handed to the evaluator.</param>
/// <param name="StartLine">The labelled function's first line (0-based, inclusive).</param>
/// <param name="EndLine">The labelled function's last line (0-based, inclusive).</param>
/// <param name="Outlined">False when the outliner has no such function and the header is the line that names it
/// (a JavaScript route handler such as <c>app.get('/download', ...)</c>, a nested function).</param>
public sealed record CorpusEntry(
    string File,
    string FullPath,
    Language Language,
    CorpusLabel Label,
    string DocumentText,
    int HeaderLine,
    int StartLine,
    int EndLine,
    bool Outlined)
{
    /// <summary>The snippet the evaluator gets: the labelled function's header line, widened by the evaluator as an editor selection would be.</summary>
    public Snippet ToSnippet() => new(new Uri(FullPath).AbsoluteUri, Language, DocumentText, HeaderLine, HeaderLine, SnippetSource.Selection);
}

/// <summary>The readable entries of a corpus, and a problem for every file that cannot be scored.</summary>
public sealed record CorpusSet(string Root, IReadOnlyList<CorpusEntry> Entries, IReadOnlyList<CorpusError> Errors);

/// <summary>
/// Reads a labelled snippet corpus: every Python, JavaScript and C file under a folder, whose first line is a
/// <see cref="CorpusLabel"/>. A file with a malformed label, or whose labelled function is not in it, is an error
/// naming the file and the field; the other files are still read.
/// </summary>
public static partial class CorpusReader
{
    /// <summary>Files larger than this are errors, not snippets.</summary>
    public const long MaxFileBytes = 256 * 1024;

    /// <param name="language">Only files of this language, or all when null.</param>
    /// <exception cref="DirectoryNotFoundException"><paramref name="root"/> does not exist.</exception>
    public static CorpusSet Read(string root, Language? language = null)
    {
        var fullRoot = Path.GetFullPath(root);
        if (!Directory.Exists(fullRoot))
        {
            throw new DirectoryNotFoundException($"{fullRoot}: no such corpus folder");
        }

        var entries = new List<CorpusEntry>();
        var errors = new List<CorpusError>();
        var files = Directory.EnumerateFiles(fullRoot, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
            .Select(path => (Path: path, Relative: Path.GetRelativePath(fullRoot, path).Replace('\\', '/')))
            .Where(f => !f.Relative.Split('/').Any(part => part.StartsWith('.') || part is "node_modules" or "__pycache__"))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
        foreach (var (path, relative) in files)
        {
            if (!LanguageExtensions.TryFromExtension(Path.GetExtension(path), out var fileLanguage) || Path.GetExtension(path) == ".h")
            {
                continue;
            }

            if (language is { } only && fileLanguage != only)
            {
                continue;
            }

            string text;
            try
            {
                var info = new FileInfo(path);
                if (info.LinkTarget is not null || info.Length > MaxFileBytes)
                {
                    errors.Add(new CorpusError(relative, "file", info.LinkTarget is not null ? "a symlink; not read" : $"{info.Length} bytes, over the {MaxFileBytes}-byte limit; not read"));
                    continue;
                }

                text = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                errors.Add(new CorpusError(relative, "file", ex.Message));
                continue;
            }

            var (entry, problems) = ReadText(relative, path, fileLanguage, text);
            errors.AddRange(problems);
            if (entry is not null)
            {
                entries.Add(entry);
            }
        }

        return new CorpusSet(fullRoot, entries, errors);
    }

    /// <summary>Parses one file's label, blanks the label line and finds the labelled function.</summary>
    public static (CorpusEntry? Entry, IReadOnlyList<CorpusError> Errors) ReadText(string file, string fullPath, Language language, string text)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = newline < 0 ? text : text[..newline];
        var label = CorpusLabelParser.Parse(file, language, firstLine, out var errors);
        if (label is null)
        {
            return (null, errors);
        }

        // Blank the label, keep the line: every line number below it stays what the file shows.
        var document = newline < 0 ? "" : text[newline..];
        DocumentOutline outline;
        try
        {
            outline = SnippetWidener.Outline(language, document);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A defect of the outliner, not of the label; the editor would fail on this file the same way.
            return (null, [new CorpusError(file, "function", $"the {language.Id()} outliner failed on this file ({ex.GetType().Name}: {ex.Message.Split('\n')[0]}); the function cannot be located")]);
        }

        var named = outline.Functions.Where(f => f.Name == label.Function).ToList();
        var function = label.ClassName is null
            ? named.FirstOrDefault(f => f.ClassName is null) ?? named.FirstOrDefault()
            : named.FirstOrDefault(f => f.ClassName == label.ClassName);
        if (function is not null)
        {
            return (new CorpusEntry(file, fullPath, language, label, document, function.HeaderLine, function.StartLine, function.EndLine, true), []);
        }

        if (label.ClassName is not null && named.Count > 0)
        {
            return (null, [new CorpusError(file, "class", $"no method {label.Function} in class {label.ClassName} (found in {string.Join(", ", named.Select(f => f.ClassName ?? "the module"))})")]);
        }

        // Not a function the outliner lists: a route handler (app.get('/x')), a nested function, a method the outliner
        // skips. Its line is the range, and the evaluator decides what that covers, as it would for a selection there.
        var (from, to) = (0, outline.Lines.Count - 1);
        if (label.ClassName is not null)
        {
            if (outline.Items.FirstOrDefault(i => i.Function is null && i.Names.Contains(label.ClassName)) is not { } cls)
            {
                return (null, [new CorpusError(file, "class", $"no class {label.ClassName} in the file")]);
            }

            (from, to) = (cls.StartLine, cls.EndLine);
        }

        var line = FindNamingLine(outline.Lines, from, to, label.Function, language);
        if (line >= 0)
        {
            return (new CorpusEntry(file, fullPath, language, label, document, line, line, line, false), []);
        }

        var known = outline.Functions.Select(f => f.ClassName is null ? f.Name : $"{f.ClassName}.{f.Name}").Distinct().ToList();
        return (null, [new CorpusError(file, "function", $"no function {label.Function}{(label.ClassName is null ? "" : " in class " + label.ClassName)} in the file"
            + (known.Count > 0 ? $" (functions: {string.Join(", ", known.Take(8))})" : " (no function found)"))]);
    }

    /// <summary>The first line defining <paramref name="function"/>, or naming a route call such as <c>app.get('/x')</c>.</summary>
    private static int FindNamingLine(IReadOnlyList<string> lines, int from, int to, string function, Language language)
    {
        Regex pattern;
        if (IdentifierRegex().IsMatch(function))
        {
            var name = Regex.Escape(function);
            pattern = language switch
            {
                Language.Python => new Regex($@"^\s*(async\s+)?def\s+{name}\s*\(", RegexOptions.CultureInvariant),
                Language.JavaScript => new Regex($@"\bfunction\s*\*?\s*{name}\s*\(|(^|[\s,{{])({name})\s*[:=]\s*(async\s+)?(function\b|\(|[A-Za-z_$][\w$]*\s*=>)|^\s*(static\s+)?(async\s+)?{name}\s*\([^)]*\)\s*\{{", RegexOptions.CultureInvariant),
                _ => new Regex($@"\b{name}\s*\([^;]*$", RegexOptions.CultureInvariant),
            };
        }
        else
        {
            // A call's text as the label writes it, without its closing parenthesis, whatever the quotes.
            var call = NormaliseQuotes(function.Trim());
            if (call.EndsWith(')') && call.Contains('('))
            {
                call = call[..^1];
            }

            pattern = new Regex(Regex.Escape(call), RegexOptions.CultureInvariant);
            for (var i = from; i <= to && i < lines.Count; i++)
            {
                if (pattern.IsMatch(NormaliseQuotes(lines[i])))
                {
                    return i;
                }
            }

            return -1;
        }

        for (var i = from; i <= to && i < lines.Count; i++)
        {
            if (pattern.IsMatch(lines[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static string NormaliseQuotes(string text) => text.Replace('"', '\'').Replace('`', '\'');

    [GeneratedRegex(@"^[A-Za-z_$#][A-Za-z0-9_$]*$")]
    private static partial Regex IdentifierRegex();
}
