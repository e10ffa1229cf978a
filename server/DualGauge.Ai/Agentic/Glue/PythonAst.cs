namespace DualGauge.Ai.Agentic.Glue;

// A small Python syntax tree: enough of the language for glue (imports, assignments, wrappers, try/if blocks) and a
// faithful account of everything a statement binds, calls or assigns to. What it does not model it refuses to parse.

internal abstract record PyExpr;

internal sealed record PyNameExpr(string Id) : PyExpr;

internal sealed record PyAttribute(PyExpr Value, string Attr) : PyExpr;

internal sealed record PySubscript(PyExpr Value, IReadOnlyList<PyExpr> Index) : PyExpr;

/// <param name="Star">0 for a plain or keyword argument, 1 for <c>*x</c>, 2 for <c>**x</c>.</param>
internal sealed record PyArgument(string? Keyword, PyExpr Value, int Star);

internal sealed record PyCall(PyExpr Func, IReadOnlyList<PyArgument> Args) : PyExpr;

/// <param name="Kind">str, bytes, number, None, True, False, Ellipsis.</param>
internal sealed record PyLiteral(string Kind, string Text) : PyExpr;

/// <param name="Kind">tuple, list, set, dict, slice.</param>
internal sealed record PyCollection(string Kind, IReadOnlyList<PyExpr> Items) : PyExpr;

internal sealed record PyOperation(string Op, IReadOnlyList<PyExpr> Operands) : PyExpr;

internal sealed record PyStarred(PyExpr Value) : PyExpr;

internal sealed record PyNamed(PyExpr Target, PyExpr Value) : PyExpr;

internal sealed record PyAwait(PyExpr Value) : PyExpr;

internal sealed record PyLambda(IReadOnlyList<PyParameter> Parameters, PyExpr Body) : PyExpr;

/// <param name="Kind">plain, star (<c>*args</c>), dstar (<c>**kwargs</c>), marker (a bare <c>*</c> or <c>/</c>).</param>
internal sealed record PyParameter(string Name, string Kind, PyExpr? Default, PyExpr? Annotation);

internal abstract record PyStmt(int Line);

internal sealed record PyImport(int Line, IReadOnlyList<(string Module, string? AsName)> Names) : PyStmt(Line);

/// <param name="Names">Empty with <paramref name="Star"/> for <c>from m import *</c>.</param>
internal sealed record PyImportFrom(int Line, string Module, int Level, IReadOnlyList<(string Name, string? AsName)> Names, bool Star) : PyStmt(Line);

internal sealed record PyAssign(int Line, IReadOnlyList<PyExpr> Targets, PyExpr Value) : PyStmt(Line);

internal sealed record PyAugAssign(int Line, PyExpr Target, string Op, PyExpr Value) : PyStmt(Line);

internal sealed record PyAnnAssign(int Line, PyExpr Target, PyExpr Annotation, PyExpr? Value) : PyStmt(Line);

internal sealed record PyExprStmt(int Line, PyExpr Value) : PyStmt(Line);

internal sealed record PyDef(int Line, string Name, IReadOnlyList<PyParameter> Parameters, PyExpr? Returns, IReadOnlyList<PyStmt> Body, IReadOnlyList<PyExpr> Decorators, bool Async) : PyStmt(Line);

internal sealed record PyIf(int Line, PyExpr? Test, IReadOnlyList<PyStmt> Body) : PyStmt(Line);

/// <param name="Clause">try, except, else, finally.</param>
internal sealed record PyTryClause(int Line, string Clause, PyExpr? Type, string? AsName, IReadOnlyList<PyStmt> Body) : PyStmt(Line);

internal sealed record PyReturn(int Line, PyExpr? Value) : PyStmt(Line);

internal sealed record PyPass(int Line) : PyStmt(Line);

/// <summary>A statement glue has no business with (class, loop, with, del, global...): kept only to be refused by name.</summary>
internal sealed record PyOther(int Line, string Keyword) : PyStmt(Line);
