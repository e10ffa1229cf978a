namespace DualGauge.Ai.Agentic.Glue;

/// <summary>
/// Parses glue (strict tokens) into <see cref="PyStmt"/>s. Blocks follow indentation; every statement must end where its
/// line ends. Comprehensions, generators, yield, f-strings and anything else it does not model are refused with
/// <see cref="PySyntaxException"/>: the glue is then rejected rather than guessed at.
/// </summary>
internal static class PyParser
{
    private static readonly HashSet<string> CompoundKeywords = new(StringComparer.Ordinal)
    {
        "if", "elif", "else", "try", "except", "finally", "while", "for", "with", "def", "class", "async", "match", "case",
    };

    private static readonly HashSet<string> BinaryOperators = new(StringComparer.Ordinal)
    {
        "or", "and", "in", "is", "<", ">", "==", ">=", "<=", "!=", "|", "^", "&", "<<", ">>", "+", "-", "*", "/", "//", "%", "@", "**",
    };

    private static readonly HashSet<string> AugmentedOperators = new(StringComparer.Ordinal)
    {
        "+=", "-=", "*=", "/=", "//=", "%=", "**=", ">>=", "<<=", "&=", "|=", "^=", "@=",
    };

    public static IReadOnlyList<PyStmt> Parse(string source)
    {
        var lines = PyTokenizer.Lines(source, strict: true);
        if (lines.Count > 0 && lines[0].Indent != 0)
        {
            throw new PySyntaxException($"line {lines[0].Line}: unexpected indent");
        }

        var i = 0;
        return ParseBlock(lines, ref i, 0);
    }

    private static List<PyStmt> ParseBlock(IReadOnlyList<PyLine> lines, ref int i, int indent)
    {
        var result = new List<PyStmt>();
        while (i < lines.Count && lines[i].Indent >= indent)
        {
            if (lines[i].Indent > indent)
            {
                throw new PySyntaxException($"line {lines[i].Line}: unexpected indent");
            }

            result.AddRange(ParseStatement(lines, ref i, indent));
        }

        return result;
    }

    private static List<PyStmt> ParseStatement(IReadOnlyList<PyLine> lines, ref int i, int indent)
    {
        var line = lines[i++];
        var tokens = line.Tokens;
        if (tokens[0].Text == "@" && tokens[0].Kind == PyTokenKind.Op)
        {
            var decorators = new List<PyExpr>();
            var current = line;
            while (current.Tokens[0] is { Kind: PyTokenKind.Op, Text: "@" })
            {
                var cursor = new PyCursor(current.Tokens, 1, current.Tokens.Count);
                decorators.Add(cursor.Expression());
                cursor.ExpectEnd();
                if (i >= lines.Count || lines[i].Indent != indent)
                {
                    throw new PySyntaxException($"line {current.Line}: a decorator with nothing to decorate, which would wrap the next code");
                }

                current = lines[i++];
            }

            if (!IsCompound(current.Tokens))
            {
                throw new PySyntaxException($"line {current.Line}: a decorator must be followed by a def or a class");
            }

            var decorated = Compound(lines, ref i, current, indent);
            return decorated is PyDef def ? [def with { Decorators = decorators }] : [new PyOther(current.Line, "decorated class")];
        }

        return IsCompound(tokens) ? [Compound(lines, ref i, line, indent)] : Simple(tokens, 0, tokens.Count, line.Line);
    }

    private static bool IsCompound(IReadOnlyList<PyToken> tokens)
    {
        if (tokens[0].Kind != PyTokenKind.Name || !CompoundKeywords.Contains(tokens[0].Text))
        {
            return false;
        }

        // match/case are soft keywords: `match = 1` is an assignment.
        return tokens[0].Text is not ("match" or "case") || (tokens.Count > 1 && tokens[^1].Text == ":" && tokens[1].Text is not ("=" or "." or "(" or "["));
    }

    private static PyStmt Compound(IReadOnlyList<PyLine> lines, ref int i, PyLine line, int indent)
    {
        var tokens = line.Tokens;
        var colon = HeaderColon(tokens);
        if (colon < 0)
        {
            throw new PySyntaxException($"line {line.Line}: '{tokens[0].Text}' without its ':'");
        }

        List<PyStmt> body;
        if (colon + 1 < tokens.Count)
        {
            body = Simple(tokens, colon + 1, tokens.Count, line.Line);
        }
        else
        {
            if (i >= lines.Count || lines[i].Indent <= indent)
            {
                throw new PySyntaxException($"line {line.Line}: a block without a body, which would take in the code after the glue");
            }

            body = ParseBlock(lines, ref i, lines[i].Indent);
        }

        var keyword = tokens[0].Text;
        var isAsync = keyword == "async";
        var start = isAsync ? 1 : 0;
        if (isAsync)
        {
            keyword = tokens.Count > 1 ? tokens[1].Text : "";
        }

        switch (keyword)
        {
            case "def":
            {
                if (tokens.Count <= start + 2 || tokens[start + 1].Kind != PyTokenKind.Name || tokens[start + 2].Text != "(")
                {
                    throw new PySyntaxException($"line {line.Line}: a def without a name and parameters");
                }

                var cursor = new PyCursor(tokens, start + 3, colon);
                var parameters = cursor.Parameters(")");
                cursor.Expect(")");
                PyExpr? returns = null;
                if (cursor.Accept("->"))
                {
                    returns = cursor.Expression();
                }

                cursor.ExpectEnd();
                return new PyDef(line.Line, tokens[start + 1].Text, parameters, returns, body, [], isAsync);
            }

            case "if" or "elif" when !isAsync:
            {
                var cursor = new PyCursor(tokens, 1, colon);
                var test = cursor.Expression();
                cursor.ExpectEnd();
                return new PyIf(line.Line, test, body);
            }

            case "else" when !isAsync && colon == 1:
                return new PyIf(line.Line, null, body);
            case "try" when !isAsync && colon == 1:
                return new PyTryClause(line.Line, "try", null, null, body);
            case "finally" when !isAsync && colon == 1:
                return new PyTryClause(line.Line, "finally", null, null, body);
            case "except" when !isAsync:
            {
                var cursor = new PyCursor(tokens, 1, colon);
                cursor.Accept("*");
                PyExpr? type = null;
                string? asName = null;
                if (!cursor.AtEnd)
                {
                    type = cursor.ExpressionList();
                    if (cursor.Accept("as"))
                    {
                        asName = cursor.Name();
                    }
                }

                cursor.ExpectEnd();
                return new PyTryClause(line.Line, "except", type, asName, body);
            }

            default:
                return new PyOther(line.Line, (isAsync ? "async " : "") + keyword);
        }
    }

    /// <summary>The ':' that ends a compound statement's header (not one of a lambda, a slice or a dict).</summary>
    private static int HeaderColon(IReadOnlyList<PyToken> tokens)
    {
        var depth = 0;
        var lambdas = 0;
        for (var k = 0; k < tokens.Count; k++)
        {
            var t = tokens[k];
            if (t.Kind == PyTokenKind.Op)
            {
                depth += t.Text switch { "(" or "[" or "{" => 1, ")" or "]" or "}" => -1, _ => 0 };
            }

            if (depth != 0)
            {
                continue;
            }

            if (t is { Kind: PyTokenKind.Name, Text: "lambda" })
            {
                lambdas++;
            }
            else if (t is { Kind: PyTokenKind.Op, Text: ":" })
            {
                if (lambdas == 0)
                {
                    return k;
                }

                lambdas--;
            }
        }

        return -1;
    }

    private static List<PyStmt> Simple(IReadOnlyList<PyToken> tokens, int from, int to, int line)
    {
        var result = new List<PyStmt>();
        var depth = 0;
        var start = from;
        for (var k = from; k <= to; k++)
        {
            if (k < to && tokens[k].Kind == PyTokenKind.Op)
            {
                depth += tokens[k].Text switch { "(" or "[" or "{" => 1, ")" or "]" or "}" => -1, _ => 0 };
            }

            if (k == to || (depth == 0 && tokens[k] is { Kind: PyTokenKind.Op, Text: ";" }))
            {
                if (k > start)
                {
                    result.Add(SimpleStatement(new PyCursor(tokens, start, k), line));
                }

                start = k + 1;
            }
        }

        return result;
    }

    private static PyStmt SimpleStatement(PyCursor c, int line)
    {
        var first = c.Peek!;
        if (first.Kind == PyTokenKind.Name)
        {
            switch (first.Text)
            {
                case "import":
                {
                    c.Next();
                    var names = new List<(string, string?)>();
                    do
                    {
                        var module = c.Dotted();
                        names.Add((module, c.Accept("as") ? c.Name() : null));
                    }
                    while (c.Accept(","));
                    c.ExpectEnd();
                    return new PyImport(line, names);
                }

                case "from":
                {
                    c.Next();
                    var level = 0;
                    while (c.Peek is { Kind: PyTokenKind.Op, Text: "." or "..." } dot)
                    {
                        level += dot.Text.Length;
                        c.Next();
                    }

                    var module = c.Peek is { Kind: PyTokenKind.Name, Text: not "import" } ? c.Dotted() : "";
                    c.Expect("import");
                    if (c.Accept("*"))
                    {
                        c.ExpectEnd();
                        return new PyImportFrom(line, module, level, [], true);
                    }

                    var parens = c.Accept("(");
                    var names = new List<(string, string?)>();
                    do
                    {
                        if (parens && c.Peek is { Text: ")" })
                        {
                            break;
                        }

                        var name = c.Name();
                        names.Add((name, c.Accept("as") ? c.Name() : null));
                    }
                    while (c.Accept(","));
                    if (parens)
                    {
                        c.Expect(")");
                    }

                    c.ExpectEnd();
                    return new PyImportFrom(line, module, level, names, false);
                }

                case "pass":
                    c.Next();
                    c.ExpectEnd();
                    return new PyPass(line);
                case "return":
                {
                    c.Next();
                    var value = c.AtEnd ? null : c.ExpressionList();
                    c.ExpectEnd();
                    return new PyReturn(line, value);
                }

                case "del" or "global" or "nonlocal" or "raise" or "assert" or "break" or "continue" or "yield":
                    return new PyOther(line, first.Text);
            }
        }

        var target = c.ExpressionList(allowStar: true);
        if (c.AtEnd)
        {
            return new PyExprStmt(line, target);
        }

        if (c.Peek is { Kind: PyTokenKind.Op } op && AugmentedOperators.Contains(op.Text))
        {
            c.Next();
            var value = c.ExpressionList();
            c.ExpectEnd();
            return new PyAugAssign(line, target, op.Text, value);
        }

        if (c.Accept(":"))
        {
            var annotation = c.Expression();
            PyExpr? value = c.Accept("=") ? c.ExpressionList() : null;
            c.ExpectEnd();
            return new PyAnnAssign(line, target, annotation, value);
        }

        var targets = new List<PyExpr> { target };
        c.Expect("=");
        var rhs = c.ExpressionList(allowStar: true);
        while (c.Accept("="))
        {
            targets.Add(rhs);
            rhs = c.ExpressionList(allowStar: true);
        }

        c.ExpectEnd();
        return new PyAssign(line, targets, rhs);
    }

    /// <summary>A cursor over part of a logical line's tokens, with the expression grammar (precedence is not modelled: only structure).</summary>
    private sealed class PyCursor(IReadOnlyList<PyToken> tokens, int position, int end)
    {
        private int pos = position;

        public bool AtEnd => pos >= end;

        public PyToken? Peek => pos < end ? tokens[pos] : null;

        public PyToken? PeekAt(int offset) => pos + offset < end ? tokens[pos + offset] : null;

        public PyToken Next() => pos < end ? tokens[pos++] : throw Error("the statement ends too soon");

        public bool Accept(string text)
        {
            if (Peek is { } t && t.Text == text && t.Kind is PyTokenKind.Op or PyTokenKind.Name)
            {
                pos++;
                return true;
            }

            return false;
        }

        public void Expect(string text)
        {
            if (!Accept(text))
            {
                throw Error($"expected '{text}'");
            }
        }

        public void ExpectEnd()
        {
            if (!AtEnd)
            {
                throw Error($"unexpected '{Peek!.Text}'");
            }
        }

        public string Name()
        {
            var t = Next();
            return t.Kind == PyTokenKind.Name && !PyTokenizer.IsKeyword(t.Text) ? t.Text : throw Error($"expected a name, not '{t.Text}'");
        }

        public string Dotted()
        {
            var name = Name();
            while (Accept("."))
            {
                name += "." + Name();
            }

            return name;
        }

        public PySyntaxException Error(string message)
        {
            var at = pos < end ? tokens[pos] : end > 0 && end <= tokens.Count ? tokens[end - 1] : null;
            return new PySyntaxException($"line {at?.Line ?? 1}: {message}");
        }

        /// <summary>expr (, expr)* [,] -> a tuple when there is a comma.</summary>
        public PyExpr ExpressionList(bool allowStar = false)
        {
            var items = new List<PyExpr> { ListItem(allowStar) };
            var tuple = false;
            while (Accept(","))
            {
                tuple = true;
                if (AtEnd || Peek is { Text: "=" or ")" or "]" or "}" or ":" } && Peek.Kind == PyTokenKind.Op)
                {
                    break;
                }

                items.Add(ListItem(allowStar));
            }

            return tuple ? new PyCollection("tuple", items) : items[0];
        }

        private PyExpr ListItem(bool allowStar) =>
            allowStar && Accept("*") ? new PyStarred(Or()) : Expression();

        public PyExpr Expression()
        {
            if (Peek is { Kind: PyTokenKind.Name, Text: "lambda" })
            {
                Next();
                var parameters = Parameters(":");
                Expect(":");
                return new PyLambda(parameters, Expression());
            }

            if (Peek is { Kind: PyTokenKind.Name, Text: "yield" })
            {
                throw Error("yield is not glue");
            }

            var left = Or();
            if (Peek is { Kind: PyTokenKind.Name, Text: "if" })
            {
                Next();
                var test = Or();
                Expect("else");
                return new PyOperation("if-else", [left, test, Expression()]);
            }

            if (Accept(":="))
            {
                return new PyNamed(left, Expression());
            }

            if (Peek is { Kind: PyTokenKind.Name, Text: "for" } or { Kind: PyTokenKind.Name, Text: "async" })
            {
                throw Error("a comprehension or generator (a loop) is not glue");
            }

            return left;
        }

        private PyExpr Or()
        {
            var operands = new List<PyExpr> { Unary() };
            var ops = new List<string>();
            while (Peek is { } t && (t.Kind == PyTokenKind.Op || t.Kind == PyTokenKind.Name) && (BinaryOperators.Contains(t.Text) || (t.Text == "not" && PeekAt(1)?.Text == "in")))
            {
                if (t.Kind == PyTokenKind.Name && t.Text is not ("or" or "and" or "in" or "is" or "not"))
                {
                    break;
                }

                Next();
                if (t.Text == "not")
                {
                    Expect("in");
                }
                else if (t.Text == "is")
                {
                    Accept("not");
                }

                ops.Add(t.Text);
                operands.Add(Unary());
            }

            return operands.Count == 1 ? operands[0] : new PyOperation(string.Join(' ', ops.Distinct()), operands);
        }

        private PyExpr Unary()
        {
            if (Peek is { } t && ((t.Kind == PyTokenKind.Op && t.Text is "-" or "+" or "~") || (t.Kind == PyTokenKind.Name && t.Text == "not")))
            {
                Next();
                return new PyOperation(t.Text, [Unary()]);
            }

            if (Peek is { Kind: PyTokenKind.Name, Text: "await" })
            {
                Next();
                return new PyAwait(Unary());
            }

            return Postfix();
        }

        private PyExpr Postfix()
        {
            var value = Atom();
            while (true)
            {
                if (Accept("."))
                {
                    value = new PyAttribute(value, Name());
                }
                else if (Accept("("))
                {
                    value = new PyCall(value, Arguments());
                    Expect(")");
                }
                else if (Accept("["))
                {
                    var index = new List<PyExpr>();
                    do
                    {
                        if (Peek is { Text: "]" })
                        {
                            break;
                        }

                        index.Add(SliceItem());
                    }
                    while (Accept(","));
                    Expect("]");
                    value = new PySubscript(value, index);
                }
                else
                {
                    return value;
                }
            }
        }

        private PyExpr SliceItem()
        {
            var parts = new List<PyExpr>();
            var slice = false;
            for (var part = 0; part < 3; part++)
            {
                if (Peek is not { Text: ":" or "," or "]" })
                {
                    parts.Add(Expression());
                }

                if (!Accept(":"))
                {
                    break;
                }

                slice = true;
            }

            return slice ? new PyCollection("slice", parts) : parts.Count == 1 ? parts[0] : throw Error("an empty index");
        }

        private List<PyArgument> Arguments()
        {
            var args = new List<PyArgument>();
            while (Peek is not { Kind: PyTokenKind.Op, Text: ")" })
            {
                if (Accept("**"))
                {
                    args.Add(new PyArgument(null, Expression(), 2));
                }
                else if (Accept("*"))
                {
                    args.Add(new PyArgument(null, Expression(), 1));
                }
                else if (Peek is { Kind: PyTokenKind.Name } name && PeekAt(1) is { Kind: PyTokenKind.Op, Text: "=" })
                {
                    Next();
                    Next();
                    args.Add(new PyArgument(name.Text, Expression(), 0));
                }
                else
                {
                    args.Add(new PyArgument(null, Expression(), 0));
                }

                if (!Accept(","))
                {
                    break;
                }
            }

            return args;
        }

        /// <summary>Parameters up to (not including) <paramref name="close"/>: ')' for a def, ':' for a lambda.</summary>
        public List<PyParameter> Parameters(string close)
        {
            var parameters = new List<PyParameter>();
            while (Peek is { } t && !(t.Kind == PyTokenKind.Op && t.Text == close))
            {
                string kind;
                if (Accept("**"))
                {
                    kind = "dstar";
                }
                else if (Accept("*"))
                {
                    kind = Peek is { Kind: PyTokenKind.Op, Text: "," } || Peek?.Text == close ? "marker" : "star";
                }
                else if (Accept("/"))
                {
                    kind = "marker";
                }
                else
                {
                    kind = "plain";
                }

                if (kind == "marker")
                {
                    parameters.Add(new PyParameter("", kind, null, null));
                }
                else
                {
                    var name = Name();
                    PyExpr? annotation = close == ")" && Accept(":") ? Expression() : null;
                    PyExpr? value = Accept("=") ? Expression() : null;
                    parameters.Add(new PyParameter(name, kind, value, annotation));
                }

                if (!Accept(","))
                {
                    break;
                }
            }

            return parameters;
        }

        private PyExpr Atom()
        {
            var t = Next();
            switch (t.Kind)
            {
                case PyTokenKind.Number:
                    return new PyLiteral("number", t.Text);
                case PyTokenKind.String:
                {
                    var text = t.Text;
                    while (Peek is { Kind: PyTokenKind.String } more)
                    {
                        text += more.Text;
                        Next();
                    }

                    return new PyLiteral(t.Bytes ? "bytes" : "str", text);
                }

                case PyTokenKind.Name:
                    return t.Text switch
                    {
                        "None" or "True" or "False" => new PyLiteral(t.Text, t.Text),
                        _ when PyTokenizer.IsKeyword(t.Text) => throw Error($"unexpected '{t.Text}'"),
                        _ => new PyNameExpr(t.Text),
                    };
            }

            switch (t.Text)
            {
                case "...":
                    return new PyLiteral("Ellipsis", "...");
                case "(":
                {
                    if (Accept(")"))
                    {
                        return new PyCollection("tuple", []);
                    }

                    var inner = ExpressionList(allowStar: true);
                    Expect(")");
                    return inner;
                }

                case "[":
                {
                    var items = new List<PyExpr>();
                    while (!Accept("]"))
                    {
                        items.Add(ListItem(allowStar: true));
                        if (!Accept(","))
                        {
                            Expect("]");
                            break;
                        }
                    }

                    return new PyCollection("list", items);
                }

                case "{":
                {
                    var items = new List<PyExpr>();
                    var dict = false;
                    while (!Accept("}"))
                    {
                        if (Accept("**"))
                        {
                            dict = true;
                            items.Add(new PyStarred(Or()));
                        }
                        else
                        {
                            items.Add(ListItem(allowStar: true));
                            if (Accept(":"))
                            {
                                dict = true;
                                items.Add(Expression());
                            }
                        }

                        if (!Accept(","))
                        {
                            Expect("}");
                            break;
                        }
                    }

                    return new PyCollection(dict || items.Count == 0 ? "dict" : "set", items);
                }
            }

            throw Error($"unexpected '{t.Text}'");
        }
    }
}
