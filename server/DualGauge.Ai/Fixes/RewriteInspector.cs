using Acornima;
using Acornima.Ast;
using DualGauge.Ai.Agentic.Glue;
using DualGauge.Snippets.Widening;
using DualGauge.Core.Tasks;

namespace DualGauge.Ai.Fixes;

/// <summary>
/// The glue rule, applied to a rewrite offered by "Fix with AI (verified)": the rewrite replaces the flagged function(s) and
/// may bring the imports they need, but it may not define, redefine, import over or shadow any other symbol of the document,
/// may not run code at module level (a monkeypatch of the SQL or process APIs would hide from the monitors what the code
/// does, so the tests could not verify it), may not patch modules, builtins or globals from inside the function, and may not
/// leave a string, comment or bracket open that would swallow the code after it. A rewrite that breaks the rule is never
/// evaluated, so it is never offered.
/// </summary>
public static class RewriteInspector
{
    /// <summary>Names (not attributes: <c>re.compile</c> is fine) that patch modules or frames, or run code from a string.</summary>
    private static readonly HashSet<string> PythonPatchingNames = new(StringComparer.Ordinal)
    {
        "setattr", "delattr", "globals", "__import__", "exec", "eval", "compile", "__builtins__", "ctypes", "builtins", "importlib", "gc", "mock", "monkeypatch",
    };

    /// <summary>Attributes that reach into objects' and frames' internals, wherever they appear.</summary>
    private static readonly HashSet<string> PythonInternalAttributes = new(StringComparer.Ordinal)
    {
        "__dict__", "__globals__", "__code__", "__subclasses__", "__setattr__", "__delattr__", "__builtins__", "_getframe", "settrace", "setprofile", "f_globals", "f_locals", "modules",
    };

    /// <summary>Why the rewrite breaks the rule, or null when it only rewrites the function(s).</summary>
    /// <param name="document">The document before the edit.</param>
    /// <param name="startLine">First line (0-based) the rewrite replaces.</param>
    /// <param name="endLine">Last line (0-based, inclusive) the rewrite replaces.</param>
    public static string? Inspect(Language language, string document, int startLine, int endLine, string rewrite)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(rewrite);
        var outline = SnippetWidener.Outline(language, document);
        var allowed = new HashSet<string>(StringComparer.Ordinal);
        allowed.UnionWith(outline.Functions.Where(f => f.StartLine >= startLine && f.EndLine <= endLine).Select(f => f.Name));
        allowed.UnionWith(outline.Items.Where(i => i.StartLine >= startLine && i.EndLine <= endLine && !i.AlwaysKeep).SelectMany(i => i.Names));
        var lines = document.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var replaced = string.Join('\n', lines.Skip(startLine).Take(Math.Max(0, endLine - startLine + 1)));
        var symbols = GlueInspector.Symbols(language, document);
        return language switch
        {
            Language.Python => Python(rewrite, allowed, symbols, replaced),
            Language.JavaScript => JavaScript(rewrite, allowed, symbols),
            _ => C(rewrite, allowed, symbols),
        };
    }

    private static string? Python(string rewrite, IReadOnlySet<string> allowed, CandidateSymbols document, string replaced)
    {
        IReadOnlyList<PyLine> lines;
        try
        {
            lines = PyTokenizer.Lines(rewrite, strict: true, function: true);
        }
        catch (PySyntaxException ex)
        {
            return "the rewrite cannot be vouched for: " + ex.Message;
        }

        if (lines.Count == 0)
        {
            return "the rewrite is empty";
        }

        var top = lines[0].Indent;
        var imported = new Dictionary<string, string>(StringComparer.Ordinal);
        var originalDecorators = new HashSet<string>(
            PyTokenizer.Lines(replaced, strict: false).Where(l => l.Tokens[0].Text == "@").Select(l => string.Join(' ', l.Tokens.Select(t => t.Text))), StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var t = line.Tokens;
            if (line.Indent < top)
            {
                return $"line {line.Line} of the rewrite is indented less than its first line";
            }

            if (line.Indent > top)
            {
                if (PythonBody(t, imported, document) is { } inBody)
                {
                    return $"line {line.Line} of the rewrite {inBody}";
                }

                continue;
            }

            var first = t[0].Text == "async" && t.Count > 1 ? 1 : 0;
            switch (t[first].Text)
            {
                case "def" or "class" when t.Count > first + 1:
                {
                    var name = t[first + 1].Text;
                    if (!allowed.Contains(name) && FreshProblem(name, document, Language.Python) is { } notFresh)
                    {
                        return notFresh;
                    }

                    if (name.Any(ch => ch > 127))
                    {
                        return $"defines the non-ASCII name {GlueInspector.Quote(name)}";
                    }

                    if (PythonBody(t, imported, document) is { } inHeader)
                    {
                        return $"line {line.Line} of the rewrite {inHeader}";
                    }

                    break;
                }

                case "@":
                    if (!originalDecorators.Contains(string.Join(' ', t.Select(x => x.Text))))
                    {
                        return $"adds the decorator {string.Concat(t.Select(x => x.Text))}, which the function did not have: a decorator runs code around it";
                    }

                    break;
                case "import" or "from":
                {
                    var found = new PythonGlueRules.Bindings();
                    PythonGlueRules.ModuleLevelBindings(t, found);
                    if (t[0].Text == "from" && t.Count > 1 && t[1].Text is "." or "...")
                    {
                        return "imports relatively (from .), which reaches the harness's or other files";
                    }

                    foreach (var module in found.Modules)
                    {
                        if (module.Split('.')[0] is "solution" or "run" or "tests" || GlueInspector.IsHarnessName(module))
                        {
                            return $"imports {GlueInspector.Quote(module)}, the sample's or the harness's own module";
                        }

                        if (module is "unittest.mock" or "mock" or "importlib" or "ctypes" or "gc" or "builtins" || module.StartsWith("importlib.", StringComparison.Ordinal))
                        {
                            return $"imports {GlueInspector.Quote(module)}, which could patch modules and change what the monitors see";
                        }
                    }

                    foreach (var (name, origin) in found.ImportedAs)
                    {
                        if (origin is "unittest.mock" or "mock" || origin.StartsWith("unittest.mock.", StringComparison.Ordinal) || origin.StartsWith("importlib", StringComparison.Ordinal))
                        {
                            return $"imports {GlueInspector.Quote(origin)}, which could patch modules and change what the monitors see";
                        }

                        if (PythonStandardLibrary.IsBuiltin(name))
                        {
                            return $"imports something as the builtin {GlueInspector.Quote(name)}";
                        }

                        if (document.Defined.Contains(name) && !(document.ImportedAs.TryGetValue(name, out var same) && same == origin))
                        {
                            return $"imports over {GlueInspector.Quote(name)}, a symbol the rest of the document defines";
                        }

                        if (name == "*")
                        {
                            return "imports *, which could rebind any symbol of the document";
                        }

                        imported[name] = origin;
                    }

                    if (t.Any(x => x.Text == "*"))
                    {
                        return "imports *, which could rebind any symbol of the document";
                    }

                    break;
                }

                default:
                    if (t is [{ Kind: PyTokenKind.String }])
                    {
                        break; // a docstring or a string statement
                    }

                    // `NAME = ...` for a name the replaced lines defined themselves or a fresh one (a constant beside the function),
                    // with a value that calls nothing but pure constructors.
                    var assignments = TopLevelEquals(t);
                    var equals = assignments.Count == 1 ? assignments[0] : -1;
                    var targets = equals > 0 ? t.Take(equals).ToList() : [];
                    if (equals > 0 && targets.Where((x, n) => n % 2 == 0).All(x => x.Kind == PyTokenKind.Name) && targets.Where((x, n) => n % 2 == 1).All(x => x.Text == ","))
                    {
                        foreach (var target in targets.Where(x => x.Kind == PyTokenKind.Name))
                        {
                            if (!allowed.Contains(target.Text) && FreshProblem(target.Text, document, Language.Python) is { } notFresh)
                            {
                                return document.Defined.Contains(target.Text) ? $"runs `{target.Text} = ...` at module level, rebinding a symbol of the document" : notFresh;
                            }
                        }

                        if (PythonBody(t, imported, document) is { } inValue)
                        {
                            return $"line {line.Line} of the rewrite {inValue}";
                        }

                        break;
                    }

                    return $"runs `{string.Join(' ', t.Take(6).Select(x => x.Text))}` at module level: a fix rewrites the function(s), it does not add module code";
            }
        }

        return null;
    }

    private static List<int> TopLevelEquals(IReadOnlyList<PyToken> t)
    {
        var found = new List<int>();
        var depth = 0;
        for (var k = 0; k < t.Count; k++)
        {
            if (t[k].Kind != PyTokenKind.Op)
            {
                continue;
            }

            depth += t[k].Text switch { "(" or "[" or "{" => 1, ")" or "]" or "}" => -1, _ => 0 };
            if (depth == 0 && t[k].Text == "=")
            {
                found.Add(k);
            }
        }

        return found;
    }

    /// <summary>Null when a name the rewrite adds (a helper or a constant) is new: not a symbol of the document, a builtin, a global or the harness's.</summary>
    private static string? FreshProblem(string name, CandidateSymbols document, Language language)
    {
        if (document.Defined.Contains(name))
        {
            return $"redefines {GlueInspector.Quote(name)}, another symbol of the document";
        }

        if (document.Used.Contains(name))
        {
            return $"defines {GlueInspector.Quote(name)}, which the rest of the document uses without defining: a fix may not supply it";
        }

        if (GlueInspector.IsHarnessName(name) || name.Any(ch => ch > 127) || name.StartsWith("__", StringComparison.Ordinal)
            || (language == Language.Python && PythonStandardLibrary.IsBuiltin(name)) || (language == Language.JavaScript && IsGlobal(name)) || (language == Language.C && name == "main"))
        {
            return $"defines {GlueInspector.Quote(name)}, a name the runtime, a library or the harness gives a meaning to";
        }

        return null;
    }

    /// <summary>What in a line of the function's body reaches beyond the function: rebinding globals, patching modules, builtins or the harness.</summary>
    private static string? PythonBody(IReadOnlyList<PyToken> t, IReadOnlyDictionary<string, string> imported, CandidateSymbols document)
    {
        if (t[0].Text is "global")
        {
            return "declares a global, which would let it rebind the document's symbols at run time";
        }

        for (var k = 0; k < t.Count; k++)
        {
            var x = t[k];
            if (x.Kind != PyTokenKind.Name)
            {
                continue;
            }

            var afterDot = k > 0 && t[k - 1].Text == ".";
            if ((!afterDot && PythonPatchingNames.Contains(x.Text)) || (afterDot && PythonInternalAttributes.Contains(x.Text)) || GlueInspector.IsHarnessName(x.Text)
                || (x.Text == "mock" && afterDot && k > 1 && t[k - 2].Text == "unittest"))
            {
                return $"uses `{x.Text}`, which could patch modules, frames or the harness and change what the monitors see";
            }
        }

        // Attribute assignment on a module: `sqlite3.Connection.execute = ...`, `os.system = ...`.
        var depth = 0;
        for (var k = 0; k < t.Count; k++)
        {
            var text = t[k].Text;
            if (t[k].Kind == PyTokenKind.Op)
            {
                depth += text switch { "(" or "[" or "{" => 1, ")" or "]" or "}" => -1, _ => 0 };
            }

            if (depth == 0 && t[k].Kind == PyTokenKind.Op && (text == "=" || (text.Length >= 2 && text.EndsWith('=') && text is not ("==" or "!=" or "<=" or ">=" or ":="))))
            {
                var targetStart = 0;
                for (var j = k - 1; j >= 0; j--)
                {
                    if (t[j].Text == "=" || t[j].Text == ",")
                    {
                        targetStart = j + 1;
                        break;
                    }
                }

                // An attribute set on a module (`import x` binds one) or a builtin; items (`session['k'] = v`) and objects imported
                // from a module (`g.user = ...`) are the program's own business.
                if (k - targetStart >= 3 && t[targetStart].Kind == PyTokenKind.Name && t[targetStart + 1].Text == ".")
                {
                    var root = t[targetStart].Text;
                    var isModule = (imported.TryGetValue(root, out var origin) && !origin.Contains('.', StringComparison.Ordinal))
                        || (document.ImportedAs.TryGetValue(root, out var documentOrigin) && !documentOrigin.Contains('.', StringComparison.Ordinal))
                        || PythonStandardLibrary.Contains(root) || PythonStandardLibrary.IsBuiltin(root);
                    if (isModule)
                    {
                        return $"assigns to `{root}.{t[targetStart + 2].Text}`, which patches the module or builtin {GlueInspector.Quote(root)}";
                    }
                }
            }
        }

        return null;
    }

    private static string? JavaScript(string rewrite, IReadOnlySet<string> allowed, CandidateSymbols document)
    {
        var parser = new Parser(new ParserOptions { AllowReturnOutsideFunction = false });
        Acornima.Ast.Program program;
        var methods = false;
        try
        {
            program = parser.ParseScript(rewrite);
        }
        catch (ParseErrorException)
        {
            try
            {
                program = parser.ParseModule(rewrite);
            }
            catch (ParseErrorException)
            {
                try
                {
                    // A method of a class, rewritten on its own.
                    program = parser.ParseScript("class __DualGaugeFix {\n" + rewrite + "\n}");
                    methods = true;
                }
                catch (ParseErrorException ex)
                {
                    return $"the rewrite does not parse ({ex.Description})";
                }
            }
        }

        // Names bound to a whole module (`const fs = require('fs')`, `import fs from 'fs'`): setting a property on one patches the module.
        var imported = new HashSet<string>(document.ImportedAs.Where(p => !p.Value.Contains('.', StringComparison.Ordinal) || p.Value.EndsWith(".default", StringComparison.Ordinal)).Select(p => p.Key), StringComparer.Ordinal);
        if (methods)
        {
            var body = ((ClassDeclaration)program.Body[0]).Body.Body;
            foreach (var member in body)
            {
                if (member is not MethodDefinition { Key: Identifier key } || !allowed.Contains(key.Name))
                {
                    return $"defines a class member other than the method(s) being fixed ({string.Join(", ", allowed.Order(StringComparer.Ordinal))})";
                }
            }
        }
        else
        {
            foreach (var statement in program.Body)
            {
                if (JavaScriptTopLevel(statement, allowed, document, imported) is { } violation)
                {
                    return violation;
                }
            }
        }

        return JavaScriptBody(program, imported);
    }

    private static string? JavaScriptTopLevel(Node statement, IReadOnlySet<string> allowed, CandidateSymbols document, HashSet<string> imported)
    {
        switch (statement)
        {
            case FunctionDeclaration { Id: { } id }:
                return allowed.Contains(id.Name) ? null : FreshProblem(id.Name, document, Language.JavaScript);
            case ClassDeclaration { Id: { } id }:
                return allowed.Contains(id.Name) ? null : FreshProblem(id.Name, document, Language.JavaScript);
            case ExportNamedDeclaration { Declaration: { } declaration }:
                return JavaScriptTopLevel(declaration, allowed, document, imported);
            case ImportDeclaration import:
                foreach (var s in import.Specifiers)
                {
                    if (ImportProblem(s.Local.Name, import.Source.Value, document) is { } bad)
                    {
                        return bad;
                    }

                    imported.Add(s.Local.Name);
                }

                return ModuleProblem(import.Source.Value);
            case VariableDeclaration declaration:
                foreach (var d in declaration.Declarations)
                {
                    if (d.Id is Identifier id && d.Init is FunctionExpression or ArrowFunctionExpression)
                    {
                        if (!allowed.Contains(id.Name) && FreshProblem(id.Name, document, Language.JavaScript) is { } notFresh)
                        {
                            return notFresh;
                        }

                        continue;
                    }

                    // A constant beside the function under a new name (what its value may do is checked with the rest of the rewrite).
                    if (declaration.Kind == VariableDeclarationKind.Const && d.Id is Identifier constant && d.Init is { } value && Required(value) is null)
                    {
                        if (!allowed.Contains(constant.Name) && FreshProblem(constant.Name, document, Language.JavaScript) is { } notFresh)
                        {
                            return notFresh;
                        }

                        continue;
                    }

                    if (d.Init is { } init && Required(init) is { } module)
                    {
                        if (ModuleProblem(module) is { } bad)
                        {
                            return bad;
                        }

                        foreach (var name in Names(d.Id))
                        {
                            if (ImportProblem(name, module, document) is { } shadow)
                            {
                                return shadow;
                            }

                            imported.Add(name);
                        }

                        continue;
                    }

                    return "declares a module-level variable: a fix rewrites the function(s), it does not add module state";
                }

                return null;
            case ExpressionStatement { Expression: AssignmentExpression { Left: MemberExpression member, Right: Identifier value } }
                when ExportsName(member) is { } exported && exported == value.Name && allowed.Contains(exported):
                return null; // module.exports.fn = fn
            default:
                return $"runs a `{statement.Type}` at module level: a fix rewrites the function(s), it does not add module code";
        }
    }

    private static string Other(string name, IReadOnlySet<string> allowed, CandidateSymbols document) =>
        document.Defined.Contains(name)
            ? $"redefines {GlueInspector.Quote(name)}, another symbol of the document"
            : $"defines {GlueInspector.Quote(name)}, which is not the function being fixed ({string.Join(", ", allowed.Order(StringComparer.Ordinal))})";

    private static string? ImportProblem(string name, string module, CandidateSymbols document) =>
        document.Defined.Contains(name) && !(document.ImportedAs.TryGetValue(name, out var same) && (Bare(same) == Bare(module) || Bare(same).StartsWith(Bare(module) + ".", StringComparison.Ordinal)))
            ? $"imports over {GlueInspector.Quote(name)}, a symbol the rest of the document defines"
            : null;

    private static string Bare(string module) => module.StartsWith("node:", StringComparison.Ordinal) ? module[5..] : module;

    private static string? ModuleProblem(string module) =>
        module.StartsWith('.') || module.StartsWith('/') || GlueInspector.IsHarnessName(module) || Bare(module) is "vm" or "module" or "v8" or "inspector" or "test"
            ? $"requires {GlueInspector.Quote(module)}, which reaches other files or could change what the monitors see"
            : null;

    /// <summary>Anywhere in the rewrite: no patching of imported modules or globals, no eval-like code, no reaching into the runtime.</summary>
    private static string? JavaScriptBody(Node root, IReadOnlySet<string> imported)
    {
        var stack = new Stack<Node>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            switch (node)
            {
                case AssignmentExpression { Left: MemberExpression target } when RootName(target) is { } name && (imported.Contains(name) || IsGlobal(name)):
                    return $"assigns to `{name}...`, which patches the module or global {GlueInspector.Quote(name)}";
                case AssignmentExpression { Left: MemberExpression target } when Chain(target).Any(p => p is "prototype" or "__proto__"):
                    return "assigns to a prototype, which patches every object of that kind";
                case CallExpression { Callee: MemberExpression { Object: Identifier { Name: "Object" or "Reflect" }, Property: Identifier { Name: "defineProperty" or "defineProperties" or "setPrototypeOf" or "assign" or "set" } method }, Arguments: [var first, ..] }
                    when (RootName(first) is { } patched && (imported.Contains(patched) || IsGlobal(patched))) || (first is MemberExpression m && Chain(m).Any(p => p is "prototype" or "__proto__")):
                    return $"calls {method.Name} on a module, a global or a prototype, which patches it";
                case Identifier { Name: "eval" or "globalThis" or "global" }:
                case MemberExpression { Computed: false, Object: Identifier { Name: "require" or "process" or "module" }, Property: Identifier { Name: "cache" or "binding" or "_load" or "constructor" or "mainModule" } }:
                    return $"reaches `{(node is Identifier i ? i.Name : ((Identifier)((MemberExpression)node).Property).Name)}`, which could patch the runtime and change what the monitors see";
                case CallExpression { Callee: Identifier { Name: "Function" } } or NewExpression { Callee: Identifier { Name: "Function" } }:
                    return "builds a function from a string";
                case CallExpression { Callee: Identifier { Name: "require" }, Arguments: [StringLiteral module] } when ModuleProblem(module.Value) is { } bad:
                    return bad;
                case Identifier id when GlueInspector.IsHarnessName(id.Name):
                    return $"uses the harness name {GlueInspector.Quote(id.Name)}";
            }

            foreach (var child in node.ChildNodes)
            {
                if (child is not null)
                {
                    stack.Push(child);
                }
            }
        }

        return null;
    }

    private static bool IsGlobal(string name) => name is "process" or "module" or "exports" or "require" or "Object" or "Array" or "String" or "Number" or "Function"
        or "JSON" or "Math" or "Promise" or "Buffer" or "console" or "RegExp" or "Date" or "Error" or "Symbol" or "Map" or "Set" or "URL" or "crypto";

    /// <summary>The property names of a member chain, outermost last.</summary>
    private static IEnumerable<string> Chain(MemberExpression member)
    {
        var names = new List<string>();
        Node current = member;
        while (current is MemberExpression m)
        {
            if (m.Property is Identifier p)
            {
                names.Add(p.Name);
            }

            current = m.Object;
        }

        return names;
    }

    private static string? RootName(Node node) => node switch
    {
        Identifier id => id.Name,
        MemberExpression member => RootName(member.Object),
        CallExpression call => RootName(call.Callee),
        _ => null,
    };

    private static string? Required(Node node) => node switch
    {
        CallExpression { Callee: Identifier { Name: "require" }, Arguments: [StringLiteral literal] } => literal.Value,
        MemberExpression { Computed: false } member => Required(member.Object),
        _ => null,
    };

    private static string? ExportsName(MemberExpression member) =>
        member is { Computed: false, Property: Identifier p } && (member.Object is Identifier { Name: "exports" } || member.Object is MemberExpression { Object: Identifier { Name: "module" }, Property: Identifier { Name: "exports" } })
            ? p.Name
            : null;

    private static IEnumerable<string> Names(Node pattern) => pattern switch
    {
        Identifier id => [id.Name],
        ObjectPattern obj => obj.Properties.SelectMany(p => p switch { Property prop => Names(prop.Value), RestElement rest => Names(rest.Argument), _ => [] }),
        ArrayPattern array => array.Elements.Where(e => e is not null).SelectMany(e => Names(e!)),
        AssignmentPattern assign => Names(assign.Left),
        RestElement rest => Names(rest.Argument),
        _ => [],
    };

    private static string? C(string rewrite, IReadOnlySet<string> allowed, CandidateSymbols document)
    {
        IReadOnlyList<CToken> tokens;
        try
        {
            tokens = CGlueRules.Tokenize(rewrite, strict: true);
        }
        catch (CSyntaxException ex)
        {
            return "the rewrite cannot be vouched for: " + ex.Message;
        }

        var i = 0;
        while (i < tokens.Count)
        {
            var t = tokens[i];
            if (t.Kind == CTokenKind.Directive)
            {
                var text = t.Text.Replace(" ", "", StringComparison.Ordinal);
                var define = System.Text.RegularExpressions.Regex.Match(t.Text, @"^#\s*define\s+(?<name>[A-Za-z_]\w*)");
                var isInclude = text.StartsWith("#include<", StringComparison.Ordinal) && text.EndsWith('>') && !text.Contains("..", StringComparison.Ordinal) && !GlueInspector.IsHarnessName(text[9..^1]);
                // A macro under a new name only touches the rewrite's own code: the rest of the document never mentions it.
                var isFreshMacro = define.Success && FreshProblem(define.Groups["name"].Value, document, Language.C) is null;
                if (!isInclude && !isFreshMacro)
                {
                    return $"has the preprocessor line `{t.Text}`: a fix may include system headers and define macros under new names, not redefine or leave code out";
                }

                i++;
                continue;
            }

            var start = i;
            var depth = 0;
            var function = false;
            for (; i < tokens.Count; i++)
            {
                var x = tokens[i];
                if (x.Kind == CTokenKind.Identifier && x.Text is "asm" or "__asm__" or "__asm" or "__attribute__" or "__attribute" or "_Pragma")
                {
                    return $"uses `{x.Text}`, which could change how the code links or what it does behind the monitors";
                }

                if (x.Kind == CTokenKind.Directive)
                {
                    return $"has the preprocessor line `{x.Text}` inside a definition";
                }

                if (x.Text == "{")
                {
                    function |= depth == 0 && i > start && tokens[i - 1].Text == ")";
                    depth++;
                }
                else if (x.Text == "}")
                {
                    depth--;
                    if (depth == 0 && function)
                    {
                        i++;
                        break;
                    }
                }
                else if (x.Text == ";" && depth == 0)
                {
                    i++;
                    break;
                }
            }

            if (depth != 0)
            {
                return "leaves a brace open, which would take in the code after it";
            }

            var item = tokens.Skip(start).Take(i - start).ToList();
            var open = item.FindIndex(x => x.Text == "(");
            var name = open > 0 && item[open - 1].Kind == CTokenKind.Identifier ? item[open - 1].Text : null;
            var isStatic = item.Count > 0 && item[0].Text == "static";
            if (function)
            {
                if (name is null || (!allowed.Contains(name) && !(isStatic && FreshProblem(name, document, Language.C) is null)))
                {
                    return Other(name ?? "?", allowed, document) + " (a C definition of another name could interpose a library function or one of the document's; a new helper must be static)";
                }
            }
            else if (!(name is not null && item.Count >= 2 && item[^2].Text == ")" && !item.Any(x => x.Text is "=" or "{")))
            {
                // A static table beside the function under a new name: internal linkage, so it interposes nothing.
                var declared = item.TakeWhile(x => x.Text is not ("=" or "[" or ";")).LastOrDefault(x => x.Kind == CTokenKind.Identifier)?.Text;
                if (!(isStatic && item.Any(x => x.Text == "const") && !item.Any(x => x.Text is "struct" or "union" or "enum" or "typedef" && false) && declared is not null
                      && !item.Skip(1).Any(x => x.Text == "typedef") && FreshProblem(declared, document, Language.C) is null))
                {
                    return "declares a variable or type at file level: a fix rewrites the function(s) (a new table beside it must be static const with a new name)";
                }
            }
        }

        return null;
    }
}
