using DualGauge.Snippets.Templates;
using DualGauge.Snippets.Widening;
using DualGauge.Core.Tasks;
using FluentAssertions;

namespace DualGauge.Snippets.Tests;

[TestClass]
public sealed class WideningTests
{
    private const string PythonDocument = """
        import sqlite3
        from os import path

        TABLE = "users"
        UNUSED = 3


        def helper(name):
            return name.strip()


        @decorate(
            "x")
        def find_user(conn: sqlite3.Connection, username: str, limit=10) -> list:
            '''Finds a user.

        def not_a_function():   (inside the docstring)
            '''
            def inner(x):
                return x
            query = f"SELECT * FROM {TABLE} WHERE name = '{helper(username)}'"  # { not a brace
            return conn.execute(query).fetchall()


        class Repo:
            def __init__(self):
                self.rows = []

            @staticmethod
            def count(items):
                return len(items)

            async def fetch(self, key: str):
                return key


        if __name__ == "__main__":
            find_user(None, "x")
        """;

    [TestMethod]
    public void Widen_PythonLineInsideNestedFunction_ReturnsOuterFunctionWithDecorator()
    {
        var widened = SnippetWidener.Widen(Language.Python, PythonDocument, 20, 20, out _)!;

        widened.Functions.Should().ContainSingle().Which.Name.Should().Be("find_user");
        widened.StartLine.Should().Be(11, "the decorator starts the function");
        widened.EndLine.Should().Be(21);
        var f = widened.Functions[0];
        f.Parameters.Select(p => p.Name).Should().Equal("conn", "username", "limit");
        f.Parameters[0].Type.Should().Be("sqlite3.Connection");
        f.Parameters[2].Default.Should().Be("10");
        f.Doc.Should().Contain("Finds a user.");
    }

    [TestMethod]
    public void Widen_PythonFunction_KeepsImportsReferencedConstantsAndHelpersOnly()
    {
        var widened = SnippetWidener.Widen(Language.Python, PythonDocument, 13, 13, out _)!;

        widened.Code.Should().Contain("import sqlite3").And.Contain("from os import path")
            .And.Contain("TABLE = \"users\"").And.Contain("def helper(name):");
        widened.Code.Should().NotContain("UNUSED").And.NotContain("class Repo").And.NotContain("__main__");
        var executeLine = widened.Code.Split('\n').ToList().FindIndex(l => l.Contains("conn.execute", StringComparison.Ordinal)) + 1;
        widened.ToDocumentLine(executeLine).Should().Be(21, "sample lines map back to document lines");
    }

    [TestMethod]
    public void Widen_FlaskView_KeepsTheStatementsThatConfigureItsApp_ButNeverRun()
    {
        const string doc = """
            import os
            from flask import Flask, request

            app = Flask(__name__)
            app.config["UPLOAD_FOLDER"] = "/srv/uploads"
            app.secret_key = os.environ.get("SECRET", "dev")
            app.config.update(MAX_CONTENT_LENGTH=1024)
            other = {}
            other["x"] = 1
            app.run(debug=True)


            @app.route("/delete", methods=["POST"])
            def delete():
                name = request.form.get("name", "")
                os.remove(os.path.join(app.config["UPLOAD_FOLDER"], name))
                return "ok"
            """;

        var widened = SnippetWidener.Widen(Language.Python, doc, 15, 15, out _)!;

        widened.Code.Should().Contain("app.config[\"UPLOAD_FOLDER\"] = \"/srv/uploads\"")
            .And.Contain("app.secret_key = ").And.Contain("app.config.update(MAX_CONTENT_LENGTH=1024)");
        widened.Code.Should().NotContain("app.run(", "starting the server is not configuration")
            .And.NotContain("other[\"x\"]", "an object the view never references is not kept");
    }

    [TestMethod]
    public void SessionKeys_ASignedInOrdinaryUser()
    {
        var session = PythonProbePlanner.SessionKeys("""
            uid = session.get("user_id")
            if not session["logged_in"] or session.get('is_admin'):
                abort(403)
            name = session["username"]
            """);

        session.ToJsonString().Should().Be("""{"user_id":1,"logged_in":true,"is_admin":false,"username":"alice"}""");
    }

    [TestMethod]
    public void Widen_PythonMethods_FindsStaticAndAsyncMethodsAndAddsAnEntry()
    {
        var widened = SnippetWidener.Widen(Language.Python, PythonDocument, 30, 34, out _)!;

        widened.Functions.Select(f => f.Name).Should().Equal("count", "fetch");
        widened.Functions[0].Static.Should().BeTrue();
        widened.Functions[0].Parameters.Select(p => p.Name).Should().Equal("items");
        widened.Functions[1].IsAsync.Should().BeTrue();
        widened.Functions[1].Parameters.Select(p => p.Name).Should().Equal("key");
        widened.Code.Should().Contain("class Repo:").And.Contain("def dg_Repo_fetch(*args, _dg_init=None, **kwargs):");
        SnippetWidener.EntryName(widened.Functions[1], Language.Python).Should().Be("dg_Repo_fetch");
    }

    [TestMethod]
    public void Widen_PythonCoroutineFunction_AddsAnEntryThatRunsIt()
    {
        const string doc = "import asyncio\n\nasync def fetch(url):\n    await asyncio.sleep(0)\n    return url\n";

        var widened = SnippetWidener.Widen(Language.Python, doc, 3, 3, out _)!;

        SnippetWidener.EntryName(widened.Functions[0], Language.Python).Should().Be("dg_fetch");
        widened.Code.Should().Contain("def dg_fetch(*args, _dg_init=None, **kwargs):").And.Contain("asyncio.run(result)");
        widened.LineMap.Should().EndWith(-1, "generated lines map to no document line");
    }

    [TestMethod]
    public void Widen_PythonRangeOutsideFunctions_ReturnsNullWithReason()
    {
        SnippetWidener.Widen(Language.Python, PythonDocument, 3, 4, out var reason).Should().BeNull();
        reason.Should().Contain("no function in the selection");
    }

    [TestMethod]
    public void Widen_IgnoreMarkerAboveFunction_SkipsIt()
    {
        const string doc = "import os\n\n# dualgauge-ignore\ndef run(cmd):\n    os.system(cmd)\n";

        SnippetWidener.Widen(Language.Python, doc, 4, 4, out var reason).Should().BeNull();
        reason.Should().Contain("dualgauge-ignore");
    }

    private const string JavaScriptDocument = """
        const { exec } = require('child_process');
        import fs from 'fs';

        const PREFIX = '/srv';
        const other = 1;

        /**
         * Pings a host.
         * @param {string} host the host
         * @example ping('a') // => 'a'
         */
        function ping(host, { retries = 2 } = {}) {
          const re = /[{}]+/g; // a } in a regex
          const t = `${host} } ${`{${PREFIX}`}`;
          /* } */
          return exec('ping ' + host + " }");
        }

        export const arrow = async (a, b = 2) => {
          if (a) { return b; }
          return a;
        };

        const single = x => x * 2;
        const notAFunction = (1 + 2) * 3;

        class Service {
          constructor() { this.x = 1; }
          static make(name) {
            return new Service(name);
          }
          async load(id) {
            return id;
          }
        }
        """;

    [TestMethod]
    public void Widen_JavaScriptFunctionWithBracesInStringsRegexesAndComments_FindsWholeBody()
    {
        var widened = SnippetWidener.Widen(Language.JavaScript, JavaScriptDocument, 14, 14, out _)!;

        var f = widened.Functions.Should().ContainSingle().Which;
        f.Name.Should().Be("ping");
        f.StartLine.Should().Be(6, "the JSDoc belongs to the function");
        f.EndLine.Should().Be(16);
        f.Parameters.Select(p => p.Name).Should().Equal("host", "options");
        f.Parameters[0].Type.Should().Be("string");
        widened.Code.Should().Contain("require('child_process')").And.Contain("import fs from 'fs';").And.Contain("const PREFIX = '/srv';");
        widened.Code.Should().NotContain("other = 1").And.NotContain("arrow");
    }

    [TestMethod]
    public void Widen_JavaScriptArrowsAndClassMethods_FindsEach()
    {
        var outline = SnippetWidener.Outline(Language.JavaScript, JavaScriptDocument);

        outline.Functions.Select(f => f.Name).Should().Equal("ping", "arrow", "single", "make", "load");
        var arrow = outline.Functions.Single(f => f.Name == "arrow");
        (arrow.StartLine, arrow.EndLine, arrow.IsAsync).Should().Be((18, 21, true));
        arrow.Parameters.Select(p => p.Name).Should().Equal("a", "b");
        outline.Functions.Single(f => f.Name == "single").Parameters.Should().ContainSingle().Which.Name.Should().Be("x");
        var make = outline.Functions.Single(f => f.Name == "make");
        (make.ClassName, make.Static, make.StartLine, make.EndLine).Should().Be(("Service", true, 28, 30));
        outline.Items.Should().Contain(i => i.Names.Contains("notAFunction") && i.Function == null);
    }

    [TestMethod]
    public void Widen_JavaScriptMethod_AddsAnEntryThatBuildsTheClass()
    {
        var widened = SnippetWidener.Widen(Language.JavaScript, JavaScriptDocument, 32, 32, out _)!;

        widened.Functions.Should().ContainSingle().Which.Name.Should().Be("load");
        widened.Code.Should().Contain("class Service {").And.Contain("function dg_Service_load(...args) {");
    }

    private const string CDocument = """
        #include <stdio.h>
        #include <string.h>
        #define GREETING "{ hi }"
        #define TWICE(x) \
            ((x) * 2)

        typedef struct { int x; } point;
        static int counter = 0;
        static const char *unused = "}";

        /* helper { */
        static int helper(int v) { return v + counter; }

        static void greet(const char *name, char *out)
        {
            char buf[16]; // }
            const char *brace = "}{";
            if (name[0] == '}') { return; }
            strcpy(buf, name);
            sprintf(out, GREETING "%s %d", buf, helper(TWICE(1)));
        }

        int main(void) { return 0; }
        """;

    [TestMethod]
    public void Widen_CFunctionWithBracesInStringsCommentsAndMacros_FindsWholeBodyAndHelpers()
    {
        var widened = SnippetWidener.Widen(Language.C, CDocument, 18, 18, out _)!;

        var f = widened.Functions.Should().ContainSingle().Which;
        f.Name.Should().Be("greet");
        (f.StartLine, f.EndLine).Should().Be((13, 20));
        f.Parameters.Select(p => (p.Name, p.Type)).Should().Equal(("name", "const char *"), ("out", "char *"));
        widened.Code.Should().Contain("#include <string.h>").And.Contain("#define TWICE(x) \\").And.Contain("static int helper(int v)")
            .And.Contain("static int counter = 0;");
        widened.Code.Should().NotContain("unused").And.NotContain("int main");
        widened.Code.Should().Contain("       void greet(", "the entry point loses static so the tests can link to it");
    }

    [TestMethod]
    public void Widen_CStaticOnTheLineAboveTheName_IsRemovedToo()
    {
        const string doc = "#include <string.h>\n\nstatic inline size_t\nname_length(const char *name)\n{\n    return strlen(name);\n}\n";

        var widened = SnippetWidener.Widen(Language.C, doc, 5, 5, out _)!;

        widened.Functions.Single().Name.Should().Be("name_length");
        widened.Code.Should().NotContain("static").And.NotContain("inline").And.Contain("size_t\nname_length(const char *name)");
    }

    [TestMethod]
    public void Widen_COnlyMain_ReturnsNullWithReason()
    {
        SnippetWidener.Widen(Language.C, CDocument, 22, 22, out var reason).Should().BeNull();
        reason.Should().Contain("main");
    }

    [TestMethod]
    public void Outline_Cpp_FindsTopLevelFunctionsWithQualifiedAndTemplatedTypes()
    {
        const string code = "#include <string>\n#include <vector>\n\nstatic std::string trim(const std::string &s)\n{\n    return s;\n}\n\n" +
            "std::vector<std::string> split_words(const std::string &line, char sep)\n{\n    std::vector<std::string> out;\n    out.push_back(trim(line));\n    return out;\n}\n";

        var outline = SnippetWidener.Outline(Language.Cpp, code);

        outline.Functions.Select(f => f.Name).Should().Equal("trim", "split_words");
        var widened = SnippetWidener.Widen(Language.Cpp, code, 10, 10, out var reason);
        widened.Should().NotBeNull(reason);
        widened!.Code.Should().Contain("split_words").And.Contain("static std::string trim", "the helper it calls comes along");
    }

    [TestMethod]
    public void Outline_CDeclarations_NamesTypesAndGlobals()
    {
        var outline = SnippetWidener.Outline(Language.C, CDocument);

        outline.Functions.Select(f => f.Name).Should().Equal("helper", "greet", "main");
        outline.Items.SelectMany(i => i.Names).Should().Contain(["point", "counter", "unused", "GREETING", "TWICE"]);
    }

    [TestMethod]
    [DataRow(Language.Python, "import os\n\ndef f(x):\n    return os.path.join('/t', x)\n\n")]
    [DataRow(Language.JavaScript, "const path = require('path');\n\nfunction f(x) {\n  return path.join('/t', x);\n}\n\n")]
    [DataRow(Language.C, "#include <string.h>\n\nint f(const char *x) {\n  return (int)strlen(x);\n}\n\n")]
    public void Widen_DocumentEndingInABlankLine_FindsTheFunction(Language language, string document)
    {
        // Editors often leave a blank last line: the masked copy must have as many lines as the document.
        var widened = SnippetWidener.Widen(language, document, 3, 3, out var reason);

        widened.Should().NotBeNull(reason);
        widened!.Functions.Should().ContainSingle().Which.Name.Should().Be("f");
        widened.StartLine.Should().Be(2);
    }
}
