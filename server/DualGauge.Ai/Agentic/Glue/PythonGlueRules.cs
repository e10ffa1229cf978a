using DualGauge.Snippets.Widening;
using DualGauge.Core.Tasks;
using static DualGauge.Ai.Agentic.Glue.GlueInspector;

namespace DualGauge.Ai.Agentic.Glue;

/// <summary>
/// The glue rule for Python, over the statements <see cref="PyParser"/> read. Glue may: import (also `as` a name the
/// candidate uses but forgot to import), alias the candidate's function (`entry = candidate_fn`, `entry = Cls().method`),
/// define a wrapper whose only statement is <c>return candidate_fn(its own parameters)</c>, register an empty stand-in for a
/// missing third-party module (<c>sys.modules['m'] = types.ModuleType('m')</c>), and define constants under names the
/// candidate neither defines nor uses. Everything else is a violation.
/// </summary>
/// <param name="missingModules">Modules the failed run reported as not found (<c>No module named 'x'</c>): the only ones glue may stub.</param>
internal sealed class PythonGlueRules(CandidateSymbols symbols, string entryPoint, string candidate, IReadOnlySet<string> missingModules)
{
    private const string Rule = "glue may not define, redefine, wrap or shadow a symbol the candidate defines";

    /// <summary>The module the harness loads the candidate as, and the harness's own modules.</summary>
    private static readonly HashSet<string> ForbiddenModules = new(StringComparer.Ordinal) { "solution", "run", "tests" };

    private static readonly HashSet<string> DynamicNames = new(StringComparer.Ordinal)
    {
        "eval", "exec", "compile", "__import__", "setattr", "delattr", "getattr", "globals", "locals", "vars", "breakpoint", "open", "input", "memoryview",
    };

    private static readonly HashSet<string> PureTypeConstructors = new(StringComparer.Ordinal) { "TypeVar", "NewType", "ParamSpec", "TypeVarTuple" };

    /// <summary>Names bound by the glue to the candidate's code (aliases, forwarding wrappers): aliasing through them is aliasing.</summary>
    private readonly HashSet<string> aliases = new(StringComparer.Ordinal);

    private enum ValueKind
    {
        Import,
        Alias,
        Forwarder,
        Stub,
        TypeDeclaration,
        Plain,
    }

    public string? Check(string? prepend, string? append)
    {
        if (!string.IsNullOrWhiteSpace(prepend) && CandidateStartsIndented())
        {
            return "the candidate's code starts indented, so code put before it could take it into a block";
        }

        foreach (var (name, part) in new[] { ("prepend", prepend), ("append", append) })
        {
            if (string.IsNullOrWhiteSpace(part))
            {
                continue;
            }

            IReadOnlyList<PyStmt> statements;
            try
            {
                statements = PyParser.Parse(part);
            }
            catch (PySyntaxException ex)
            {
                return $"the {name} glue cannot be vouched for: {ex.Message}";
            }

            if (Statements(statements) is { } violation)
            {
                return $"the {name} glue {violation}";
            }
        }

        return null;
    }

    private bool CandidateStartsIndented() => PyTokenizer.Lines(candidate, strict: false) is [{ Indent: > 0 }, ..];

    private string? Statements(IReadOnlyList<PyStmt> statements)
    {
        foreach (var statement in statements)
        {
            if (Statement(statement) is { } violation)
            {
                return $"(line {statement.Line}) {violation}";
            }
        }

        return null;
    }

    private string? Statement(PyStmt statement)
    {
        switch (statement)
        {
            case PyImport import:
                foreach (var (module, asName) in import.Names)
                {
                    if (Module(module) is { } bad)
                    {
                        return bad;
                    }

                    if (Bind(asName ?? module.Split('.')[0], ValueKind.Import, asName is null ? module.Split('.')[0] : module) is { } violation)
                    {
                        return violation;
                    }
                }

                return null;

            case PyImportFrom from:
                if (from.Level > 0)
                {
                    return "imports relatively (from .), which reaches the candidate's or the harness's own files";
                }

                if (Module(from.Module) is { } badModule)
                {
                    return badModule;
                }

                if (from.Star)
                {
                    return $"imports * from {from.Module}, which could rebind any of the candidate's names";
                }

                if (from.Module == "__future__")
                {
                    return from.Names.All(n => n.Name == "annotations" && n.AsName is null) ? null : "imports a __future__ feature other than annotations, which changes how the candidate's code runs";
                }

                foreach (var (name, asName) in from.Names)
                {
                    if (Bind(asName ?? name, ValueKind.Import, from.Module + "." + name) is { } violation)
                    {
                        return violation;
                    }
                }

                return null;

            case PyAssign assign:
            {
                // What is assigned to first: rebinding a candidate name or patching an object is the violation, whatever the value.
                foreach (var target in assign.Targets)
                {
                    if (TargetProblem(target, assign.Value) is { } wrongTarget)
                    {
                        return wrongTarget;
                    }
                }

                var (kind, problem) = Classify(assign.Value);
                if (problem is not null)
                {
                    return problem;
                }

                foreach (var target in assign.Targets)
                {
                    if (BindTarget(target, kind, assign.Value) is { } violation)
                    {
                        return violation;
                    }
                }

                return null;
            }

            case PyAnnAssign ann:
            {
                if (Annotation(ann.Annotation) is { } inAnnotation)
                {
                    return inAnnotation;
                }

                if (TargetProblem(ann.Target, ann.Value) is { } wrongTarget)
                {
                    return wrongTarget;
                }

                var (kind, problem) = ann.Value is null ? (ValueKind.Plain, null) : Classify(ann.Value);
                return problem ?? BindTarget(ann.Target, kind, ann.Value);
            }

            case PyAugAssign aug:
                return aug.Target is PyNameExpr { Id: var id } && symbols.Defined.Contains(id)
                    ? $"changes the candidate's {Quote(id)} ({id} {aug.Op} ...): {Rule}"
                    : $"computes ({Describe(aug.Target)} {aug.Op} ...): glue wires code up, it does not compute";

            case PyExprStmt { Value: PyLiteral { Kind: "str" or "Ellipsis" } }:
                return null; // a docstring or `...`

            case PyExprStmt expression:
                return Expression(expression.Value) ?? $"runs {Describe(expression.Value)} at load: glue only imports, aliases and forwards";

            case PyDef def:
                if (def.Decorators.Count > 0)
                {
                    return $"decorates {Quote(def.Name)} with @{Describe(def.Decorators[0])}: a decorator runs code around a function";
                }

                if (Forwarder(def.Parameters, def.Body, null, def.Async) is { } notForwarding)
                {
                    return symbols.Defined.Contains(def.Name)
                        ? $"redefines the candidate's {Quote(def.Name)}: {Rule}"
                        : $"defines {Quote(def.Name)}, which {notForwarding}";
                }

                return Bind(def.Name, ValueKind.Forwarder);

            case PyIf branch:
                return (branch.Test is null ? null : Expression(branch.Test)) ?? Statements(branch.Body);

            case PyTryClause clause:
                if (clause.Type is not null && Expression(clause.Type) is { } inType)
                {
                    return inType;
                }

                if (clause.AsName is { } caught && Bind(caught, ValueKind.Plain) is { } asViolation)
                {
                    return asViolation;
                }

                return Statements(clause.Body);

            case PyPass:
                return null;

            case PyReturn:
                return "returns at module level";

            case PyOther { Keyword: "class" or "decorated class" }:
                return "defines a class: glue wires code up, it does not define behaviour";

            case PyOther { Keyword: "for" or "while" or "async for" }:
                return "contains a loop: glue wires code up, it does not compute";

            case PyOther { Keyword: "del" }:
                return "deletes a name, which could remove the candidate's own";

            case PyOther { Keyword: "global" or "nonlocal" }:
                return "declares a global, which is only needed to rebind names";

            case PyOther other:
                return $"uses `{other.Keyword}`, which is not glue";

            default:
                return "has a statement glue has no business with";
        }
    }

    private static string? Module(string module)
    {
        var root = module.Split('.')[0];
        if (ForbiddenModules.Contains(root) || IsHarnessName(root))
        {
            return $"imports {Quote(module)}, the candidate's or the harness's own module";
        }

        if (root.StartsWith("__", StringComparison.Ordinal) && root != "__future__")
        {
            return $"imports {Quote(module)}, an interpreter module";
        }

        return null;
    }

    /// <summary>What an assigned value is: an alias of the candidate's code, a forwarding lambda, a stub module, or a plain value.</summary>
    private (ValueKind Kind, string? Problem) Classify(PyExpr value)
    {
        if (IsCandidateReference(value))
        {
            return (ValueKind.Alias, null);
        }

        if (value is PyLambda lambda)
        {
            return Forwarder(lambda.Parameters, [], lambda.Body, isAsync: false) is { } problem
                ? (ValueKind.Plain, "has a lambda that " + problem)
                : (ValueKind.Forwarder, null);
        }

        if (StubModuleName(value) is not null)
        {
            return (ValueKind.Stub, null);
        }

        if (value is PyCall typeCall && IsTypeConstructor(typeCall.Func) && typeCall.Args.All(a => a.Star == 0 && a.Value is PyLiteral or PyNameExpr))
        {
            return (ValueKind.TypeDeclaration, Annotation(typeCall));
        }

        return (ValueKind.Plain, Expression(value));
    }

    /// <summary>The violation in what is assigned to, before looking at the value: a candidate name, an attribute, an item.</summary>
    private string? TargetProblem(PyExpr target, PyExpr? value) => target switch
    {
        PyNameExpr { Id: var id } when symbols.Defined.Contains(id) => $"rebinds the candidate's {Quote(id)}: {Rule}",
        PyCollection { Kind: "tuple" or "list" } many => many.Items.Select(i => TargetProblem(i, null)).FirstOrDefault(p => p is not null),
        PyStarred starred => TargetProblem(starred.Value, null),
        PySubscript or PyAttribute => BindTarget(target, value is not null && StubModuleName(value) is not null ? ValueKind.Stub : ValueKind.Plain, value),
        _ => null,
    };

    private string? BindTarget(PyExpr target, ValueKind kind, PyExpr? value)
    {
        switch (target)
        {
            case PyNameExpr name:
                return Bind(name.Id, kind);
            case PyCollection { Kind: "tuple" or "list" } many:
                foreach (var item in many.Items)
                {
                    if (BindTarget(item, ValueKind.Plain, null) is { } violation)
                    {
                        return violation;
                    }
                }

                return null;
            case PyStarred starred:
                return BindTarget(starred.Value, ValueKind.Plain, null);
            case PySubscript { Value: PyAttribute { Value: PyNameExpr { Id: "sys" }, Attr: "modules" }, Index: [PyLiteral { Kind: "str", Text: var module }] }
                when kind == ValueKind.Stub && value is not null && StubModuleName(value) == module:
                return StubModule(module);
            case PySubscript subscript:
                return $"assigns to an item ({Describe(subscript)} = ...), which patches a module or an object";
            case PyAttribute attribute:
                return Root(attribute) is { } root && (symbols.Defined.Contains(root) || root is "solution" || aliases.Contains(root))
                    ? $"sets {Describe(attribute)} on the candidate's code: {Rule}"
                    : $"assigns to an attribute ({Describe(attribute)} = ...), which monkeypatches a module or an object";
            default:
                return $"assigns to {Describe(target)}";
        }
    }

    private string? Bind(string name, ValueKind kind, string? importOrigin = null)
    {
        if (kind == ValueKind.Import && importOrigin is not null && symbols.ImportedAs.TryGetValue(name, out var same) && same == importOrigin)
        {
            return null; // the same import the candidate makes: rebinds the name to what it already is
        }

        if (symbols.Defined.Contains(name))
        {
            return kind switch
            {
                ValueKind.Import => $"imports over the candidate's {Quote(name)}: {Rule}",
                ValueKind.Forwarder => $"redefines the candidate's {Quote(name)} as a wrapper: {Rule}",
                _ => $"rebinds the candidate's {Quote(name)}: {Rule}",
            };
        }

        if (IsHarnessName(name) || (name.StartsWith("__", StringComparison.Ordinal) && name.EndsWith("__", StringComparison.Ordinal)))
        {
            return $"binds {Quote(name)}, a name the interpreter or the harness gives a meaning to";
        }

        if (PythonStandardLibrary.IsBuiltin(name))
        {
            return $"shadows the builtin {Quote(name)}: a builtin is never missing, so rebinding it can only change what the candidate's code does";
        }

        if (name == entryPoint && kind is not (ValueKind.Alias or ValueKind.Forwarder))
        {
            return $"binds the entry point {Quote(name)} to something that is not the candidate's code";
        }

        if (name != entryPoint && symbols.Used.Contains(name) && kind is not (ValueKind.Import or ValueKind.TypeDeclaration or ValueKind.Alias or ValueKind.Forwarder))
        {
            return $"supplies {Quote(name)}, which the candidate uses but does not define: glue may import a missing name, not define it";
        }

        if (kind is ValueKind.Alias or ValueKind.Forwarder)
        {
            aliases.Add(name);
        }

        return null;
    }

    /// <summary>Null when the function only returns a call of the candidate's code with its own parameters; else what more it does.</summary>
    private string? Forwarder(IReadOnlyList<PyParameter> parameters, IReadOnlyList<PyStmt> body, PyExpr? lambdaBody, bool isAsync)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in parameters)
        {
            if (p.Kind == "marker")
            {
                continue;
            }

            if (p.Default is not null && p.Default is not PyLiteral)
            {
                return $"gives {Quote(p.Name)} a computed default";
            }

            if (p.Annotation is not null && Annotation(p.Annotation) is { } inAnnotation)
            {
                return "has an annotation that " + inAnnotation;
            }

            if (symbols.Defined.Contains(p.Name) || aliases.Contains(p.Name))
            {
                return $"names a parameter after the candidate's {Quote(p.Name)}";
            }

            names[p.Name] = p.Kind;
        }

        PyExpr? returned = lambdaBody;
        if (lambdaBody is null)
        {
            var statements = body.SkipWhile((s, i) => i == 0 && s is PyExprStmt { Value: PyLiteral { Kind: "str" } }).ToList();
            if (statements is not [PyReturn { Value: { } value }])
            {
                return "does more than return a call of the candidate's function";
            }

            returned = value;
        }

        if (returned is PyAwait awaited && isAsync)
        {
            returned = awaited.Value;
        }

        if (returned is not PyCall call || !IsCandidateReference(call.Func))
        {
            return "does more than forward to the candidate's function (its body must be `return candidate(parameters)`)";
        }

        foreach (var arg in call.Args)
        {
            var expected = arg.Star switch { 1 => "star", 2 => "dstar", _ => "plain" };
            if (arg.Value is not PyNameExpr { Id: var id } || !names.TryGetValue(id, out var kind) || kind != expected)
            {
                return $"passes {Describe(arg.Value)} instead of its own parameters unchanged";
            }
        }

        return null;
    }

    /// <summary>
    /// A reference to the candidate's own code: a name it defines (not one it imports: a wrapper must not forward to a library),
    /// a glue alias of one, an attribute chain on it, or a zero-argument instance of its class.
    /// </summary>
    private bool IsCandidateReference(PyExpr expression) => expression switch
    {
        PyNameExpr name => symbols.Own.Contains(name.Id) || aliases.Contains(name.Id),
        PyAttribute { Attr: var attr } attribute => !attr.StartsWith("__", StringComparison.Ordinal) && IsCandidateReference(attribute.Value),
        PyCall { Args.Count: 0, Func: PyNameExpr name } => symbols.Own.Contains(name.Id),
        _ => false,
    };

    private static string? StubModuleName(PyExpr value) => value switch
    {
        PyCall { Func: PyAttribute { Value: PyNameExpr { Id: "types" }, Attr: "ModuleType" }, Args: [{ Star: 0, Keyword: null, Value: PyLiteral { Kind: "str", Text: var name } }] } => name,
        PyCall { Func: PyNameExpr { Id: "ModuleType" }, Args: [{ Star: 0, Keyword: null, Value: PyLiteral { Kind: "str", Text: var name } }] } => name,
        _ => null,
    };

    private string? StubModule(string module)
    {
        var root = module.Split('.')[0];
        if (PythonStandardLibrary.Contains(root) || ForbiddenModules.Contains(root) || IsHarnessName(root) || root.StartsWith('_'))
        {
            return $"replaces the module {Quote(module)} with an empty stand-in: only a missing third-party module may be stubbed, never the standard library's or the harness's";
        }

        if (!symbols.Imported.Contains(module) && !symbols.Imported.Contains(root))
        {
            return $"stubs {Quote(module)}, which the candidate does not import";
        }

        // An empty stand-in for an installed module would hide what the candidate does with it.
        return missingModules.Contains(module) || missingModules.Contains(root) ? null : $"stubs {Quote(module)}, which the failed run did not report missing";
    }

    /// <summary>Null when the expression neither runs code nor reaches into the candidate's code; else the problem.</summary>
    private string? Expression(PyExpr expression)
    {
        switch (expression)
        {
            case PyNameExpr { Id: var id }:
                if (DynamicNames.Contains(id))
                {
                    return $"uses {Quote(id)}, which could change what the monitors see";
                }

                if (id.StartsWith("__", StringComparison.Ordinal) && id.EndsWith("__", StringComparison.Ordinal) && id != "__name__")
                {
                    return $"uses {Quote(id)}, an interpreter internal";
                }

                if (IsHarnessName(id))
                {
                    return $"uses {Quote(id)}, a harness name";
                }

                return symbols.Defined.Contains(id) || aliases.Contains(id) || id == "solution"
                    ? $"uses the candidate's {Quote(id)} in a computation: glue may only alias it or forward to it"
                    : null;
            case PyAttribute attribute:
                return attribute.Attr.StartsWith("__", StringComparison.Ordinal) || attribute.Attr is "modules" or "settrace" or "setprofile" or "_getframe" || IsHarnessName(attribute.Attr)
                    ? $"reaches {Describe(attribute)}, an interpreter internal that could patch modules or frames"
                    : Expression(attribute.Value);
            case PyCall call:
                return Expression(call.Func)
                    ?? call.Args.Select(a => Expression(a.Value)).FirstOrDefault(p => p is not null)
                    ?? $"calls {Describe(call.Func)}(...) at load: glue only imports, aliases and forwards";
            case PyLambda:
                return "has a lambda that does more than forward to the candidate's function";
            case PyNamed named:
                return $"binds {Describe(named.Target)} inside an expression (:=)";
            case PyAwait:
                return "awaits at load";
            case PyStarred starred:
                return Expression(starred.Value);
            case PySubscript subscript:
                return Expression(subscript.Value) ?? subscript.Index.Select(Expression).FirstOrDefault(p => p is not null);
            case PyCollection collection:
                return collection.Items.Select(Expression).FirstOrDefault(p => p is not null);
            case PyOperation operation:
                return operation.Operands.Select(Expression).FirstOrDefault(p => p is not null);
            default:
                return null;
        }
    }

    /// <summary>Annotations and type arguments are evaluated, but reading names is all they may do: no call, lambda or :=.</summary>
    private static string? Annotation(PyExpr expression) => expression switch
    {
        PyCall call when IsTypeConstructor(call.Func) => call.Args.Select(a => Annotation(a.Value)).FirstOrDefault(p => p is not null),
        PyCall call => $"calls {Describe(call.Func)}(...) in an annotation",
        PyLambda or PyNamed or PyAwait => "runs code in an annotation",
        PyAttribute { Attr: var attr } when attr.StartsWith("__", StringComparison.Ordinal) => "reaches an interpreter internal in an annotation",
        PyNameExpr { Id: var id } when DynamicNames.Contains(id) || IsHarnessName(id) => $"uses {Quote(id)} in an annotation",
        PyAttribute attribute => Annotation(attribute.Value),
        PySubscript subscript => Annotation(subscript.Value) ?? subscript.Index.Select(Annotation).FirstOrDefault(p => p is not null),
        PyCollection collection => collection.Items.Select(Annotation).FirstOrDefault(p => p is not null),
        PyOperation operation => operation.Operands.Select(Annotation).FirstOrDefault(p => p is not null),
        PyStarred starred => Annotation(starred.Value),
        _ => null,
    };

    private static bool IsTypeConstructor(PyExpr func) => func switch
    {
        PyNameExpr name => PureTypeConstructors.Contains(name.Id),
        PyAttribute { Value: PyNameExpr { Id: "typing" or "typing_extensions" } } attribute => PureTypeConstructors.Contains(attribute.Attr),
        _ => false,
    };

    private static string? Root(PyExpr expression) => expression switch
    {
        PyNameExpr name => name.Id,
        PyAttribute attribute => Root(attribute.Value),
        PySubscript subscript => Root(subscript.Value),
        PyCall call => Root(call.Func),
        _ => null,
    };

    private static string Describe(PyExpr expression) => "`" + Text(expression) + "`";

    private static string Text(PyExpr expression) => expression switch
    {
        PyNameExpr name => name.Id,
        PyAttribute attribute => Text(attribute.Value) + "." + attribute.Attr,
        PySubscript subscript => Text(subscript.Value) + "[" + string.Join(", ", subscript.Index.Select(Text)) + "]",
        PyCall call => Text(call.Func) + "(...)",
        PyLiteral literal => literal.Kind == "str" ? "'" + literal.Text + "'" : literal.Text,
        PyLambda => "lambda",
        _ => "...",
    };

    /// <summary>What the candidate's code defines at module level, what it mentions, and what it imports.</summary>
    public static CandidateSymbols CandidateSymbols(string code)
    {
        var found = new Bindings();
        var outline = SnippetWidener.Outline(Language.Python, code);
        foreach (var item in outline.Items)
        {
            found.Own.UnionWith(item.Names);
        }

        found.Own.UnionWith(outline.Functions.Where(f => !f.IsMethod).Select(f => f.Name));
        var lines = PyTokenizer.Lines(code, strict: false);
        var bodyIndent = -1;
        foreach (var line in lines)
        {
            var t = line.Tokens;
            if (bodyIndent >= 0 && line.Indent > bodyIndent)
            {
                // Inside a def or class body: only `global x` reaches the module.
                if (t[0].Text == "global")
                {
                    found.Own.UnionWith(t.Skip(1).Where(x => x.Kind == PyTokenKind.Name).Select(x => x.Text));
                }

                continue;
            }

            bodyIndent = -1;
            var first = t[0].Text == "async" && t.Count > 1 ? 1 : 0;
            if (t[first].Text is "def" or "class" && t.Count > first + 1)
            {
                found.Own.Add(t[first + 1].Text);
                bodyIndent = line.Indent;
                continue;
            }

            if (t[0].Text != "@")
            {
                ModuleLevelBindings(t, found);
            }
        }

        var defined = new HashSet<string>(found.Own, StringComparer.Ordinal);
        defined.UnionWith(found.ImportedAs.Keys);
        var used = new HashSet<string>(PyTokenizer.Names(lines).Where(n => !n.AfterDot && !PyTokenizer.IsKeyword(n.Token.Text)).Select(n => n.Token.Text), StringComparer.Ordinal);
        used.UnionWith(defined);
        // A name both imported and assigned is the candidate's own too (and stays defined either way).
        return new CandidateSymbols(defined, found.Own, used, found.Modules, found.ImportedAs);
    }

    internal sealed class Bindings
    {
        public HashSet<string> Own { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Modules { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> ImportedAs { get; } = new(StringComparer.Ordinal);
    }

    private static readonly HashSet<string> BlockKeywords = new(StringComparer.Ordinal) { "if", "elif", "else", "try", "except", "finally", "with", "while" };

    /// <summary>Names one module-level logical line binds: imports, assignment targets, for/with/except targets, walrus.</summary>
    internal static void ModuleLevelBindings(IReadOnlyList<PyToken> t, Bindings found)
    {
        for (var k = 0; k + 1 < t.Count; k++)
        {
            if (t[k].Kind == PyTokenKind.Name && t[k + 1].Text == ":=")
            {
                found.Own.Add(t[k].Text);
            }
        }

        var start = BlockKeywords.Contains(t[0].Text) ? HeaderEnd(t) + 1 : 0;
        if (start > 0)
        {
            // with ... as x / except E as x, in the header.
            for (var k = 0; k + 1 < start; k++)
            {
                if (t[k].Text == "as" && t[k + 1].Kind == PyTokenKind.Name)
                {
                    found.Own.Add(t[k + 1].Text);
                }
            }
        }

        if (start >= t.Count)
        {
            return;
        }

        switch (t[start].Text)
        {
            case "for":
                for (var k = start + 1; k < t.Count && t[k].Text != "in"; k++)
                {
                    if (t[k].Kind == PyTokenKind.Name)
                    {
                        found.Own.Add(t[k].Text);
                    }
                }

                return;
            case "import":
                for (var k = start + 1; k < t.Count; k++)
                {
                    if (t[k].Kind != PyTokenKind.Name || t[k].Text == "as")
                    {
                        continue;
                    }

                    var dotted = t[k].Text;
                    var j = k;
                    while (j + 2 < t.Count && t[j + 1].Text == "." && t[j + 2].Kind == PyTokenKind.Name)
                    {
                        dotted += "." + t[j + 2].Text;
                        j += 2;
                    }

                    found.Modules.Add(dotted);
                    found.Modules.Add(t[k].Text);
                    if (j + 2 < t.Count && t[j + 1].Text == "as" && t[j + 2].Kind == PyTokenKind.Name)
                    {
                        found.ImportedAs[t[j + 2].Text] = dotted;
                        j += 2;
                    }
                    else
                    {
                        found.ImportedAs[t[k].Text] = t[k].Text;
                    }

                    k = j;
                }

                return;
            case "from":
            {
                var import = -1;
                for (var k = start + 1; k < t.Count; k++)
                {
                    if (t[k].Text == "import")
                    {
                        import = k;
                        break;
                    }
                }

                if (import < 0)
                {
                    return;
                }

                var module = string.Concat(t.Skip(start + 1).Take(import - start - 1).Select(x => x.Text));
                found.Modules.Add(module);
                found.Modules.Add(module.Split('.')[0]);
                for (var k = import + 1; k < t.Count; k++)
                {
                    if (t[k].Kind != PyTokenKind.Name || t[k].Text == "as")
                    {
                        continue;
                    }

                    if (k + 2 < t.Count && t[k + 1].Text == "as" && t[k + 2].Kind == PyTokenKind.Name)
                    {
                        found.ImportedAs[t[k + 2].Text] = module + "." + t[k].Text;
                        k += 2;
                    }
                    else
                    {
                        found.ImportedAs[t[k].Text] = module + "." + t[k].Text;
                    }
                }

                return;
            }
        }

        // Assignment targets: every part before a top-level '=' (or an augmented / annotated assignment's target).
        var depth = 0;
        var segmentStart = start;
        for (var k = start; k < t.Count; k++)
        {
            var text = t[k].Text;
            if (t[k].Kind == PyTokenKind.Op)
            {
                depth += text switch { "(" or "[" or "{" => 1, ")" or "]" or "}" => -1, _ => 0 };
            }

            if (depth != 0 || t[k].Kind != PyTokenKind.Op)
            {
                continue;
            }

            var augmented = text.Length >= 2 && text.EndsWith('=') && text is not ("==" or "!=" or "<=" or ">=" or ":=");
            var annotated = text == ":" && k == start + 1;
            if (text == "=" || augmented || annotated)
            {
                TargetNames(t, segmentStart, k, found.Own);
                segmentStart = k + 1;
                if (text != "=")
                {
                    return;
                }
            }
        }
    }

    private static int HeaderEnd(IReadOnlyList<PyToken> t)
    {
        var depth = 0;
        for (var k = 0; k < t.Count; k++)
        {
            depth += t[k].Text switch { "(" or "[" or "{" => 1, ")" or "]" or "}" => -1, _ => 0 };
            if (depth == 0 && t[k].Text == ":")
            {
                return k;
            }
        }

        return t.Count;
    }

    /// <summary>The names a target list binds: not attributes, not what is inside a subscript, not a call's name.</summary>
    private static void TargetNames(IReadOnlyList<PyToken> t, int from, int to, HashSet<string> defined)
    {
        for (var k = from; k < to; k++)
        {
            if (t[k].Text == "[" && k > from && (t[k - 1].Kind == PyTokenKind.Name || t[k - 1].Text is ")" or "]"))
            {
                var depth = 0;
                for (; k < to; k++)
                {
                    depth += t[k].Text switch { "[" => 1, "]" => -1, _ => 0 };
                    if (depth == 0)
                    {
                        break;
                    }
                }

                continue;
            }

            if (t[k].Kind == PyTokenKind.Name && !PyTokenizer.IsKeyword(t[k].Text)
                && (k == from || t[k - 1].Text != ".")
                && (k + 1 >= to || t[k + 1].Text is not ("." or "(" or "[")))
            {
                defined.Add(t[k].Text);
            }
        }
    }
}
