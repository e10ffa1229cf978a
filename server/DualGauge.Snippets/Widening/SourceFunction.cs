using DualGauge.Core.Tasks;

namespace DualGauge.Snippets.Widening;

/// <summary>A parameter of a function found in a document.</summary>
/// <param name="Type">The declared type or annotation (C type, Python annotation, JSDoc type), if any.</param>
/// <param name="Default">The default value's source text, if any.</param>
public sealed record FunctionParameter(string Name, string? Type, string? Default = null)
{
    /// <summary>True for <c>*args</c>/<c>**kwargs</c>/<c>...rest</c> parameters.</summary>
    public bool IsVariadic { get; init; }

    /// <summary>The fields of a destructured JavaScript parameter (<c>{ status = 'open', limit }</c>), each with its default.</summary>
    public IReadOnlyList<FunctionParameter>? Fields { get; init; }
}

/// <summary>
/// A route registration whose handler is an anonymous callback, e.g. <c>app.get('/api/users/:id', (req, res) =&gt; ...)</c>.
/// </summary>
/// <param name="Receiver">The app or router variable (<c>app</c>, <c>router</c>).</param>
/// <param name="Method">The registration method in lower case (<c>get</c>, <c>post</c>, <c>all</c>...).</param>
/// <param name="Path">The route path as written, with its <c>:params</c>.</param>
public sealed record HttpRoute(string Receiver, string Method, string Path);

/// <summary>A function (or method) found in a document. Lines are 0-based, inclusive.</summary>
/// <param name="StartLine">First line, including decorators or a leading JSDoc comment.</param>
/// <param name="HeaderLine">The line holding the <c>def</c>/<c>function</c>/name.</param>
/// <param name="ClassName">The enclosing class for methods.</param>
/// <param name="Doc">The docstring, JSDoc or leading comment, if any.</param>
/// <param name="Static">A method callable without an instance (staticmethod/classmethod/static).</param>
public sealed record SourceFunction(
    string Name,
    int StartLine,
    int HeaderLine,
    int EndLine,
    IReadOnlyList<FunctionParameter> Parameters,
    string? ClassName,
    string? Doc,
    bool IsAsync = false,
    bool Static = false)
{
    public bool IsMethod => ClassName is not null;

    /// <summary>For an anonymous route callback (named like <c>app.get('/path')</c>): the route it is registered on.</summary>
    public HttpRoute? Route { get; init; }

    public int Arity => Parameters.Count(p => !p.IsVariadic);
}

/// <summary>A top-level item of a document: an import, a constant, a type, a helper function.</summary>
/// <param name="Names">The names it defines (empty for imports and includes, which are always kept).</param>
/// <param name="AlwaysKeep">Imports, includes and macros: part of the module prelude.</param>
public sealed record TopLevelItem(int StartLine, int EndLine, IReadOnlyList<string> Names, bool AlwaysKeep, SourceFunction? Function = null);

/// <summary>The outline of a document: its top-level items and the functions and methods it defines.</summary>
public sealed record DocumentOutline(Language Language, IReadOnlyList<string> Lines, IReadOnlyList<TopLevelItem> Items, IReadOnlyList<SourceFunction> Functions)
{
    /// <summary>JavaScript class constructors: never probed themselves, they tell how to build the instance a method needs.</summary>
    public IReadOnlyList<SourceFunction> Constructors { get; init; } = [];
}

/// <summary>
/// A snippet widened to whole functions, plus the prelude they need, assembled into a standalone sample.
/// </summary>
/// <param name="Functions">The functions overlapping the requested range, in document order.</param>
/// <param name="StartLine">The widened range (0-based, inclusive).</param>
/// <param name="Code">The standalone sample: prelude, helpers and the functions, in document order.</param>
/// <param name="LineMap">For each line of <paramref name="Code"/> (index = sample line - 1), the 0-based document line it came from, or -1 for generated lines.</param>
/// <param name="Outline">The document's outline.</param>
public sealed record WidenedSnippet(
    IReadOnlyList<SourceFunction> Functions,
    int StartLine,
    int EndLine,
    string Code,
    IReadOnlyList<int> LineMap,
    DocumentOutline Outline)
{
    /// <summary>Maps a 1-based sample line (as trace events report it) to a 0-based document line.</summary>
    public int? ToDocumentLine(int sampleLine) =>
        sampleLine >= 1 && sampleLine <= LineMap.Count && LineMap[sampleLine - 1] >= 0 ? LineMap[sampleLine - 1] : null;

    /// <summary>The source text of one function as it appears in the document.</summary>
    public string TextOf(SourceFunction function) =>
        string.Join('\n', Outline.Lines.Skip(function.StartLine).Take(function.EndLine - function.StartLine + 1));
}
