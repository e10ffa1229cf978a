using System.Text.RegularExpressions;
using Acornima;
using Acornima.Ast;
using DualGauge.Snippets.Widening;
using DualGauge.Core.Tasks;
using static DualGauge.Ai.Agentic.Glue.GlueInspector;

namespace DualGauge.Ai.Agentic.Glue;

/// <summary>
/// The glue rule for JavaScript, over the syntax tree Acornima parses from the glued program (so a statement that would
/// straddle the glue and the candidate's code is seen as such). Glue may: require/import a module by its bare name, alias the
/// candidate's function (<c>const entry = candidateFn</c>), export it (<c>module.exports.entry = candidateFn</c>,
/// <c>export { candidateFn as entry }</c>), and define a wrapper whose only statement returns the candidate's function
/// called with the wrapper's parameters. Everything else is a violation: rebinding, exporting over or patching a candidate
/// symbol, any other member assignment, defineProperty/Object.assign, a directive, a call at load, a class, a loop.
/// </summary>
internal sealed partial class JavaScriptGlueRules(CandidateSymbols symbols, string entryPoint)
{
    private const string Rule = "glue may not define, redefine, wrap or shadow a symbol the candidate defines";

    /// <summary>Stands in <see cref="CandidateSymbols.Defined"/> for "the candidate assigns module.exports itself".</summary>
    internal const string ExportsObject = "module.exports";

    private static readonly HashSet<string> BannedNames = new(StringComparer.Ordinal)
    {
        "eval", "Function", "globalThis", "global", "window", "self", "Reflect", "Proxy", "arguments", "exports", "module", "require", "process", "WebAssembly",
    };

    private static readonly HashSet<string> BannedProperties = new(StringComparer.Ordinal)
    {
        "__proto__", "prototype", "constructor", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__", "defineProperty",
        "defineProperties", "setPrototypeOf", "assign", "cache", "_load", "_compile", "_resolveFilename", "binding", "mainModule",
    };

    /// <summary>Globals of JavaScript and Node.js: glue never rebinds them (a module-level binding would shadow the global in the candidate's code).</summary>
    private static readonly HashSet<string> Globals = new(
        """
        Object Function Array Number parseFloat parseInt Infinity NaN undefined Boolean String Symbol Date Promise RegExp Error AggregateError
        EvalError RangeError ReferenceError SyntaxError TypeError URIError JSON Math Intl ArrayBuffer SharedArrayBuffer Atomics Uint8Array Int8Array
        Uint16Array Int16Array Uint32Array Int32Array Float32Array Float64Array Uint8ClampedArray BigUint64Array BigInt64Array DataView Map BigInt Set
        WeakMap WeakSet FinalizationRegistry WeakRef decodeURI decodeURIComponent encodeURI encodeURIComponent escape unescape isFinite isNaN console
        Buffer URL URLSearchParams TextEncoder TextDecoder AbortController AbortSignal EventTarget Event MessageChannel MessagePort MessageEvent
        clearInterval clearTimeout setInterval setTimeout queueMicrotask clearImmediate setImmediate structuredClone atob btoa fetch crypto
        performance Headers Request Response FormData Blob File BroadcastChannel __filename __dirname
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        StringComparer.Ordinal);

    private readonly HashSet<string> aliases = new(StringComparer.Ordinal);

    private enum ValueKind
    {
        Import,
        Alias,
        Forwarder,
        Plain,
    }

    private static ParserOptions Options { get; } = new() { AllowReturnOutsideFunction = false, AllowHashBang = false, Tolerant = false };

    public string? Check(string? prepend, string? append, string candidate)
    {
        var glue = new HarnessGlue(prepend, append, "");
        var glued = glue.Apply(candidate);
        var head = string.IsNullOrWhiteSpace(prepend) ? 0 : prepend.TrimEnd('\n').Length + 1;
        var tail = head + candidate.Length;
        Acornima.Ast.Program program;
        try
        {
            program = Parse(glued);
        }
        catch (ParseErrorException ex)
        {
            return $"makes a program that does not parse ({ex.Description} at {ex.LineNumber}:{ex.Column})";
        }

        Acornima.Ast.Program alone;
        try
        {
            alone = Parse(candidate);
        }
        catch (ParseErrorException ex)
        {
            return $"cannot be checked: the candidate's code does not parse on its own ({ex.Description})";
        }

        var kept = program.Body.Where(st => st.Start >= head && st.End <= tail).Select(st => (st.Start - head, st.End - head, st.Type)).ToList();
        var original = alone.Body.Select(st => (st.Start, st.End, st.Type)).ToList();
        if (!kept.SequenceEqual(original) && program.Body.All(st => st.Start >= head && st.End <= tail || st.End <= head || st.Start >= tail))
        {
            return $"drops or changes the candidate's statements ({kept.Count} of {original.Count} left as they were): glue must not comment, quote or swallow the candidate's code";
        }

        foreach (var statement in program.Body)
        {
            var inPrepend = statement.End <= head;
            var inAppend = statement.Start >= tail;
            var inCandidate = statement.Start >= head && statement.End <= tail;
            if (!inPrepend && !inAppend && !inCandidate)
            {
                return "joins the candidate's code into one of its statements";
            }

            if (inCandidate)
            {
                continue;
            }

            if (Statement(statement) is { } violation)
            {
                return $"the {(inPrepend ? "prepend" : "append")} glue {violation}";
            }
        }

        return null;
    }

    private static Acornima.Ast.Program Parse(string code)
    {
        var parser = new Parser(Options);
        try
        {
            return parser.ParseScript(code);
        }
        catch (ParseErrorException)
        {
            return parser.ParseModule(code);
        }
    }

    private string? Statement(Statement statement)
    {
        switch (statement)
        {
            case Directive directive:
                return $"adds the directive '{directive.Value}', which changes how the candidate's code runs";
            case EmptyStatement:
                return null;
            case ImportDeclaration import:
            {
                if (Module(import.Source.Value) is { } bad)
                {
                    return bad;
                }

                foreach (var specifier in import.Specifiers)
                {
                    var origin = specifier switch
                    {
                        ImportSpecifier s => import.Source.Value + "." + Name(s.Imported),
                        ImportDefaultSpecifier => import.Source.Value + ".default",
                        _ => import.Source.Value,
                    };
                    if (Bind(specifier.Local.Name, ValueKind.Import, origin) is { } violation)
                    {
                        return violation;
                    }
                }

                return null;
            }

            case VariableDeclaration declaration:
                return Declaration(declaration);
            case FunctionDeclaration function:
                return FunctionDeclaration(function);
            case ClassDeclaration cls:
                return $"defines the class {Quote(cls.Id?.Name ?? "?")}: glue wires code up, it does not define behaviour";
            case ExpressionStatement { Expression: AssignmentExpression assignment }:
                return Assignment(assignment);
            case ExpressionStatement expression:
                return Expression(expression.Expression) ?? $"runs `{expression.Expression.Type}` at load: glue only requires, aliases, exports and forwards";
            case ExportNamedDeclaration export:
                return ExportNamed(export);
            case ExportDefaultDeclaration exportDefault:
                return ExportDefault(exportDefault);
            case ExportAllDeclaration:
                return "re-exports all of another module, which could shadow the candidate's exports";
            case ForStatement or ForInStatement or ForOfStatement or WhileStatement or DoWhileStatement:
                return "contains a loop: glue wires code up, it does not compute";
            default:
                return $"has a `{statement.Type}` statement, which is not glue";
        }
    }

    private string? Declaration(VariableDeclaration declaration)
    {
        foreach (var declarator in declaration.Declarations)
        {
            if (declarator.Id is Identifier id)
            {
                if (symbols.Defined.Contains(id.Name) && !(declarator.Init is not null && RequiredModule(declarator.Init) is not null))
                {
                    return $"rebinds the candidate's {Quote(id.Name)}: {Rule}";
                }

                var (kind, problem, origin) = declarator.Init is null ? (ValueKind.Plain, null, null) : Classify(declarator.Init);
                if ((problem ?? Bind(id.Name, kind, origin)) is { } violation)
                {
                    return violation;
                }

                continue;
            }

            // const { a, b: c } = require('m')
            var fromRequire = declarator.Init is not null && RequiredModule(declarator.Init) is { } module ? module : null;
            if (fromRequire is null && declarator.Init is not null && Expression(declarator.Init) is { } inInit)
            {
                return inInit;
            }

            foreach (var (name, key) in PatternNames(declarator.Id))
            {
                if (Bind(name, fromRequire is null ? ValueKind.Plain : ValueKind.Import, fromRequire is null ? null : fromRequire + "." + key) is { } violation)
                {
                    return violation;
                }
            }
        }

        return null;
    }

    private string? FunctionDeclaration(FunctionDeclaration function)
    {
        var name = function.Id?.Name ?? "";
        if (symbols.Defined.Contains(name))
        {
            return $"redefines the candidate's {Quote(name)}: {Rule}";
        }

        return Forwarder(function) is { } problem ? $"defines {Quote(name)}, which {problem}" : Bind(name, ValueKind.Forwarder, null);
    }

    private string? Assignment(AssignmentExpression assignment)
    {
        if (assignment.Operator != Operator.Assignment)
        {
            return "computes with a compound assignment: glue wires code up, it does not compute";
        }

        if (assignment.Left is Identifier target && symbols.Defined.Contains(target.Name))
        {
            return $"rebinds the candidate's {Quote(target.Name)}: {Rule}";
        }

        var (kind, problem, origin) = Classify(assignment.Right);
        switch (assignment.Left)
        {
            case Identifier id:
                return problem ?? Bind(id.Name, kind, origin);
            case MemberExpression member when IsModuleExports(member):
                if (symbols.Defined.Contains(ExportsObject))
                {
                    return "replaces module.exports, which the candidate sets itself";
                }

                if (assignment.Right is ObjectExpression exported)
                {
                    foreach (var property in exported.Properties)
                    {
                        if (property is not Property { Kind: PropertyKind.Init, Computed: false, Method: false } p || PropertyName(p.Key) is not { } key || p.Value is not Expression value)
                        {
                            return "exports an object with a getter, method, spread or computed key";
                        }

                        if (Export(key, value) is { } violation)
                        {
                            return violation;
                        }
                    }

                    return null;
                }

                return kind is ValueKind.Alias or ValueKind.Forwarder ? null : problem ?? "sets module.exports to something that is not the candidate's code";
            case MemberExpression member when ExportName(member) is { } name:
                return Export(name, assignment.Right);
            case MemberExpression member:
                return Root(member) is { } root && (symbols.Defined.Contains(root) || aliases.Contains(root))
                    ? $"sets `{Text(member)}` on the candidate's code: {Rule}"
                    : $"assigns to `{Text(member)}`, which monkeypatches a module or an object";
            default:
                return "assigns to a pattern";
        }
    }

    /// <summary>module.exports.NAME / exports.NAME / export { x as NAME } = value.</summary>
    private string? Export(string name, Expression value)
    {
        if (IsHarnessName(name) || name.StartsWith("__", StringComparison.Ordinal) || BannedProperties.Contains(name))
        {
            return $"exports {Quote(name)}, a name the harness or the runtime gives a meaning to";
        }

        if (symbols.Defined.Contains(name))
        {
            return value is Identifier same && same.Name == name
                ? null // exports the candidate's own function under its own name
                : $"exports something else as the candidate's {Quote(name)}: {Rule}";
        }

        var (kind, problem, _) = Classify(value);
        if (problem is not null)
        {
            return problem;
        }

        return name == entryPoint && kind is not (ValueKind.Alias or ValueKind.Forwarder)
            ? $"exports the entry point {Quote(name)} as something that is not the candidate's code"
            : null;
    }

    private string? ExportNamed(ExportNamedDeclaration export)
    {
        if (export.Declaration is { } declaration)
        {
            // export const entry = fn / export function entry(...): the declaration's own rules cover the names it binds.
            return Statement(declaration);
        }

        foreach (var specifier in export.Specifiers)
        {
            var exported = Name(specifier.Exported);
            if (export.Source is { } source)
            {
                if (Module(source.Value) is { } bad)
                {
                    return bad;
                }

                if (symbols.Defined.Contains(exported) || exported == entryPoint)
                {
                    return $"re-exports {Quote(exported)} from {source.Value}, over the candidate's code";
                }

                continue;
            }

            if (specifier.Local is not Identifier local)
            {
                return "exports a string-named binding";
            }

            if (Export(exported, local) is { } violation)
            {
                return violation;
            }
        }

        return null;
    }

    private string? ExportDefault(ExportDefaultDeclaration export)
    {
        if (symbols.Defined.Contains("default"))
        {
            return $"replaces the candidate's default export: {Rule}";
        }

        return export.Declaration switch
        {
            FunctionDeclaration function => Forwarder(function) is { } problem ? "exports by default a function that " + problem : null,
            Expression value => Classify(value) is { Kind: ValueKind.Alias or ValueKind.Forwarder, Problem: null } ? null : "exports by default something that is not the candidate's code",
            _ => "exports by default a declaration glue has no business with",
        };
    }

    private (ValueKind Kind, string? Problem, string? Origin) Classify(Expression value)
    {
        if (RequiredModule(value) is { } module)
        {
            return (ValueKind.Import, Module(module), module + MemberPath(value));
        }

        if (IsCandidateReference(value))
        {
            return (ValueKind.Alias, null, null);
        }

        if (value is ArrowFunctionExpression or FunctionExpression)
        {
            return Forwarder((IFunction)value) is { } problem ? (ValueKind.Plain, "has a function that " + problem, null) : (ValueKind.Forwarder, null, null);
        }

        return (ValueKind.Plain, Expression(value), null);
    }

    private string? Bind(string name, ValueKind kind, string? origin)
    {
        if (kind == ValueKind.Import && origin is not null && symbols.ImportedAs.TryGetValue(name, out var same) && same == origin)
        {
            return null;
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

        if (IsHarnessName(name) || BannedNames.Contains(name))
        {
            return $"binds {Quote(name)}, a name the runtime or the harness gives a meaning to";
        }

        // `const crypto = require('crypto')` binds a module under its own name; anything else over a global shadows it.
        if (Globals.Contains(name) && !(kind == ValueKind.Import && origin is not null && (origin == name || origin == "node:" + name)))
        {
            return $"shadows the global {Quote(name)}, which can only change what the candidate's code does";
        }

        if (name == entryPoint && kind is not (ValueKind.Alias or ValueKind.Forwarder))
        {
            return $"binds the entry point {Quote(name)} to something that is not the candidate's code";
        }

        if (name != entryPoint && symbols.Used.Contains(name) && kind is not (ValueKind.Import or ValueKind.Alias or ValueKind.Forwarder))
        {
            return $"supplies {Quote(name)}, which the candidate uses but does not define: glue may require a missing module, not define it";
        }

        if (kind is ValueKind.Alias or ValueKind.Forwarder)
        {
            aliases.Add(name);
        }

        return null;
    }

    /// <summary>Null when the function only returns a call of the candidate's code with its own parameters; else what more it does.</summary>
    private string? Forwarder(IFunction function)
    {
        if (function.Generator)
        {
            return "is a generator";
        }

        var parameters = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var p in function.Params)
        {
            switch (p)
            {
                case Identifier id:
                    parameters[id.Name] = false;
                    break;
                case RestElement { Argument: Identifier rest }:
                    parameters[rest.Name] = true;
                    break;
                case AssignmentPattern { Left: Identifier id, Right: Literal }:
                    parameters[id.Name] = false;
                    break;
                default:
                    return "takes a parameter it cannot forward plainly (a pattern or a computed default)";
            }
        }

        if (parameters.Keys.FirstOrDefault(p => symbols.Defined.Contains(p) || aliases.Contains(p)) is { } shadow)
        {
            return $"names a parameter after the candidate's {Quote(shadow)}";
        }

        Node? returned = function.Body switch
        {
            FunctionBody { Body: [ReturnStatement { Argument: { } argument }] } => argument,
            Expression expression when function is ArrowFunctionExpression => expression,
            _ => null,
        };
        if (returned is AwaitExpression awaited && function.Async)
        {
            returned = awaited.Argument;
        }

        if (returned is not CallExpression { Optional: false } call || !IsCandidateReference(call.Callee))
        {
            return "does more than forward to the candidate's function (its body must be `return candidate(parameters)`)";
        }

        foreach (var arg in call.Arguments)
        {
            var ok = arg switch
            {
                Identifier id => parameters.TryGetValue(id.Name, out var rest) && !rest,
                SpreadElement { Argument: Identifier id } => parameters.TryGetValue(id.Name, out var rest) && rest,
                _ => false,
            };
            if (!ok)
            {
                return $"passes `{arg.Type}` instead of its own parameters unchanged";
            }
        }

        return null;
    }

    /// <summary>The candidate's own code: a name it defines (not one it requires), a glue alias of one, or a plain member chain on it.</summary>
    private bool IsCandidateReference(Node node) => node switch
    {
        Identifier id => symbols.Own.Contains(id.Name) || aliases.Contains(id.Name),
        MemberExpression { Computed: false, Optional: false, Property: Identifier property } member =>
            !BannedProperties.Contains(property.Name) && !property.Name.StartsWith("__", StringComparison.Ordinal) && IsCandidateReference(member.Object),
        NewExpression { Arguments.Count: 0, Callee: Identifier cls } => symbols.Own.Contains(cls.Name),
        _ => false,
    };

    /// <summary>Null when the expression neither runs code nor reaches into the candidate's code or the runtime's internals.</summary>
    private string? Expression(Node node)
    {
        switch (node)
        {
            case Identifier id:
                if (BannedNames.Contains(id.Name) || IsHarnessName(id.Name))
                {
                    return $"uses {Quote(id.Name)}, which could change what the monitors see";
                }

                return symbols.Own.Contains(id.Name) || symbols.Defined.Contains(id.Name) || aliases.Contains(id.Name)
                    ? $"uses the candidate's {Quote(id.Name)} in a computation: glue may only alias it or forward to it"
                    : null;
            case MemberExpression member:
                if (!member.Computed && member.Property is Identifier property && (BannedProperties.Contains(property.Name) || property.Name.StartsWith("__", StringComparison.Ordinal) || IsHarnessName(property.Name)))
                {
                    return $"reaches `{Text(member)}`, a runtime internal that could patch modules or objects";
                }

                if (RequiredModule(member) is { } module)
                {
                    return Module(module);
                }

                return Expression(member.Object) ?? (member.Computed ? Expression(member.Property) : null);
            case CallExpression call when RequiredModule(call) is { } required:
                return Module(required);
            case CallExpression or NewExpression or TaggedTemplateExpression or ImportExpression:
                return $"calls something at load (`{Describe(node)}`): glue only requires, aliases, exports and forwards";
            case FunctionExpression or ArrowFunctionExpression:
                return "has a function that does more than forward to the candidate's function";
            case ClassExpression:
                return "defines a class";
            case AssignmentExpression or UpdateExpression:
                return "assigns inside an expression";
            case UnaryExpression { Operator: Operator.Delete }:
                return "deletes a property";
            case AwaitExpression or YieldExpression:
                return "awaits at load";
            case Property { Kind: not PropertyKind.Init } or Property { Method: true }:
                return "has a getter, setter or method";
            case Literal:
                return null;
            default:
                foreach (var child in node.ChildNodes)
                {
                    if (Expression(child) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
        }
    }

    private static string? Module(string module)
    {
        if (module.StartsWith('.') || module.StartsWith('/') || module.Contains("..", StringComparison.Ordinal) || module.Contains('\\', StringComparison.Ordinal) || module.StartsWith("file:", StringComparison.Ordinal))
        {
            return $"requires {Quote(module)} by path, which reaches the candidate's, the harness's or the tests' own files";
        }

        var bare = module.StartsWith("node:", StringComparison.Ordinal) ? module[5..] : module;
        return bare is "vm" or "module" or "v8" or "inspector" or "worker_threads" or "repl" || IsHarnessName(bare)
            ? $"requires {Quote(module)}, which could run code or change what the monitors see"
            : null;
    }

    /// <summary>The module of <c>require('m')</c> (or of a member chain on it), or null.</summary>
    private static string? RequiredModule(Node node) => node switch
    {
        CallExpression { Callee: Identifier { Name: "require" }, Arguments: [StringLiteral literal] } => literal.Value,
        MemberExpression { Computed: false } member => RequiredModule(member.Object),
        _ => null,
    };

    private static string MemberPath(Node node) => node is MemberExpression { Computed: false, Property: Identifier p } member ? MemberPath(member.Object) + "." + p.Name : "";

    private static bool IsModuleExports(Node node) =>
        node is MemberExpression { Computed: false, Object: Identifier { Name: "module" }, Property: Identifier { Name: "exports" } };

    /// <summary>NAME of module.exports.NAME, module.exports['NAME'] or exports.NAME, else null.</summary>
    private static string? ExportName(MemberExpression member)
    {
        if (!IsModuleExports(member.Object) && member.Object is not Identifier { Name: "exports" })
        {
            return null;
        }

        return member switch
        {
            { Computed: false, Property: Identifier p } => p.Name,
            { Computed: true, Property: StringLiteral s } => s.Value,
            _ => null,
        };
    }

    private static string? PropertyName(Node key) => key switch
    {
        Identifier id => id.Name,
        StringLiteral s => s.Value,
        _ => null,
    };

    private static string Name(Node node) => node switch
    {
        Identifier id => id.Name,
        StringLiteral s => s.Value,
        _ => "?",
    };

    private static IEnumerable<(string Name, string Key)> PatternNames(Node pattern)
    {
        switch (pattern)
        {
            case Identifier id:
                yield return (id.Name, id.Name);
                break;
            case ObjectPattern obj:
                foreach (var p in obj.Properties)
                {
                    if (p is Property { Value: var v } prop)
                    {
                        var key = PropertyName(prop.Key) ?? "?";
                        foreach (var inner in PatternNames(v))
                        {
                            yield return (inner.Name, key);
                        }
                    }
                    else if (p is RestElement rest)
                    {
                        foreach (var inner in PatternNames(rest.Argument))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case ArrayPattern array:
                foreach (var e in array.Elements)
                {
                    if (e is not null)
                    {
                        foreach (var inner in PatternNames(e))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case RestElement rest:
                foreach (var inner in PatternNames(rest.Argument))
                {
                    yield return inner;
                }

                break;
            case AssignmentPattern assign:
                foreach (var inner in PatternNames(assign.Left))
                {
                    yield return inner;
                }

                break;
        }
    }

    private static IEnumerable<string> DeclaredNames(Node declaration) => declaration switch
    {
        FunctionDeclaration f when f.Id is not null => [f.Id.Name],
        ClassDeclaration c when c.Id is not null => [c.Id.Name],
        VariableDeclaration v => v.Declarations.SelectMany(d => PatternNames(d.Id).Select(p => p.Name)),
        _ => [],
    };

    private static string? Root(Node node) => node switch
    {
        Identifier id => id.Name,
        MemberExpression member => Root(member.Object),
        CallExpression call => Root(call.Callee),
        _ => null,
    };

    private static string Text(Node node) => node switch
    {
        Identifier id => id.Name,
        MemberExpression { Computed: false, Property: Identifier p } member => Text(member.Object) + "." + p.Name,
        MemberExpression member => Text(member.Object) + "[...]",
        CallExpression call => Text(call.Callee) + "(...)",
        _ => node.Type.ToString(),
    };

    private static string Describe(Node node) => node switch
    {
        CallExpression call => Text(call.Callee) + "(...)",
        NewExpression n => "new " + Text(n.Callee) + "(...)",
        _ => node.Type.ToString(),
    };

    /// <summary>What the candidate's JavaScript defines at the top of its module (declarations, imports, exports) and mentions.</summary>
    public static CandidateSymbols CandidateSymbols(string code)
    {
        var defined = new HashSet<string>(StringComparer.Ordinal);
        var own = new HashSet<string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var modules = new HashSet<string>(StringComparer.Ordinal);
        var importedAs = new Dictionary<string, string>(StringComparer.Ordinal);
        var outline = SnippetWidener.Outline(Language.JavaScript, code);
        own.UnionWith(outline.Items.SelectMany(i => i.Names));
        own.UnionWith(outline.Functions.Where(f => !f.IsMethod).Select(f => f.Name));
        Acornima.Ast.Program? program = null;
        try
        {
            program = Parse(code);
        }
        catch (ParseErrorException)
        {
            // The outline and the words of the code are what is left: more names, never fewer.
            used.UnionWith(WordRegex().Matches(code).Select(m => m.Value));
        }

        if (program is not null)
        {
            foreach (var statement in program.Body)
            {
                TopLevel(statement, own, defined, modules, importedAs);
            }

            foreach (var node in Descendants(program))
            {
                switch (node)
                {
                    case Identifier id:
                        used.Add(id.Name);
                        break;
                    case CallExpression { Callee: Identifier { Name: "require" }, Arguments: [StringLiteral s] }:
                        modules.Add(s.Value);
                        break;
                }
            }
        }

        defined.UnionWith(own);
        defined.UnionWith(importedAs.Keys);
        used.UnionWith(defined);
        return new CandidateSymbols(defined, own, used, modules, importedAs);
    }

    private static void TopLevel(Node statement, HashSet<string> own, HashSet<string> defined, HashSet<string> modules, Dictionary<string, string> importedAs)
    {
        switch (statement)
        {
            case ImportDeclaration import:
                modules.Add(import.Source.Value);
                foreach (var s in import.Specifiers)
                {
                    importedAs[s.Local.Name] = s switch
                    {
                        ImportSpecifier i => import.Source.Value + "." + Name(i.Imported),
                        ImportDefaultSpecifier => import.Source.Value + ".default",
                        _ => import.Source.Value,
                    };
                }

                break;
            case VariableDeclaration declaration:
                foreach (var d in declaration.Declarations)
                {
                    var module = d.Init is null ? null : RequiredModule(d.Init);
                    foreach (var (name, key) in PatternNames(d.Id))
                    {
                        if (module is not null)
                        {
                            importedAs[name] = d.Id is Identifier ? module + MemberPath(d.Init!) : module + "." + key;
                        }
                        else
                        {
                            own.Add(name);
                        }
                    }
                }

                break;
            case FunctionDeclaration { Id: { } id }:
                own.Add(id.Name);
                break;
            case ClassDeclaration { Id: { } id }:
                own.Add(id.Name);
                break;
            case ExportNamedDeclaration export:
                if (export.Declaration is { } inner)
                {
                    TopLevel(inner, own, defined, modules, importedAs);
                    defined.UnionWith(DeclaredNames(inner));
                }

                foreach (var s in export.Specifiers)
                {
                    defined.Add(Name(s.Exported));
                }

                break;
            case ExportDefaultDeclaration exportDefault:
                defined.Add("default");
                if (exportDefault.Declaration is FunctionDeclaration { Id: { } f })
                {
                    own.Add(f.Name);
                }

                break;
            case ExpressionStatement { Expression: AssignmentExpression { Left: MemberExpression member } assignment }:
                if (IsModuleExports(member))
                {
                    defined.Add(ExportsObject);
                    if (assignment.Right is ObjectExpression obj)
                    {
                        defined.UnionWith(obj.Properties.OfType<Property>().Select(p => PropertyName(p.Key)).OfType<string>());
                    }
                }
                else if (ExportName(member) is { } exported)
                {
                    defined.Add(exported);
                }

                break;
            case IfStatement or TryStatement or BlockStatement or ForStatement or ForInStatement or ForOfStatement or WhileStatement or DoWhileStatement or LabeledStatement or SwitchStatement:
                // var and function declarations in top-level blocks reach the module scope.
                foreach (var child in statement.ChildNodes)
                {
                    if (child is Acornima.Ast.Statement or SwitchCase or CatchClause)
                    {
                        TopLevel(child, own, defined, modules, importedAs);
                    }
                }

                break;
            case SwitchCase or CatchClause:
                foreach (var child in statement.ChildNodes)
                {
                    TopLevel(child, own, defined, modules, importedAs);
                }

                break;
        }
    }

    private static IEnumerable<Node> Descendants(Node node)
    {
        var stack = new Stack<Node>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            foreach (var child in current.ChildNodes)
            {
                if (child is not null)
                {
                    stack.Push(child);
                }
            }
        }
    }

    [GeneratedRegex(@"[A-Za-z_$][\w$]*")]
    private static partial Regex WordRegex();
}
