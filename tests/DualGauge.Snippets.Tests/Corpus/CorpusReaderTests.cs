using DualGauge.Core.Tasks;
using DualGauge.Snippets.Corpus;
using FluentAssertions;

namespace DualGauge.Snippets.Tests.Corpus;

[TestClass]
public sealed class CorpusReaderTests
{
    private string root = null!;

    [TestInitialize]
    public void Setup()
    {
        root = Path.Combine(Path.GetTempPath(), "dg-corpus-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
    }

    [TestCleanup]
    public void Cleanup() => Directory.Delete(root, recursive: true);

    [TestMethod]
    public void Parse_PythonLabelWithClass_ReadsEveryField()
    {
        var label = CorpusLabelParser.Parse("a.py", Language.Python, "# corpus: label=insecure cwe=CWE-22 function=get class=LocalBlobStore", out var errors);

        errors.Should().BeEmpty();
        label.Should().Be(new CorpusLabel(CorpusLabelKind.Insecure, "CWE-22", "get", "LocalBlobStore"));
    }

    [TestMethod]
    public void Parse_JavaScriptRouteLabel_KeepsTheRouteTextWithItsEqualsSignsAndNormalisesTheCwe()
    {
        var label = CorpusLabelParser.Parse("h.js", Language.JavaScript, "// corpus: label=secure cwe=cwe-0601 function=app.get('/go?to=home')\r", out var errors);

        errors.Should().BeEmpty();
        label!.Function.Should().Be("app.get('/go?to=home')");
        label.Cwe.Should().Be("CWE-601");
        label.ClassName.Should().BeNull();
    }

    [TestMethod]
    public void Parse_NeutralWithDash_HasNoCwe()
    {
        var label = CorpusLabelParser.Parse("n.c", Language.C, "// corpus: label=neutral cwe=- function=crc32", out var errors);

        errors.Should().BeEmpty();
        label.Should().Be(new CorpusLabel(CorpusLabelKind.Neutral, null, "crc32", null));
    }

    [TestMethod]
    [DataRow("# corpus: label=risky cwe=CWE-89 function=f", "label", "'risky' is not insecure, secure or neutral")]
    [DataRow("# corpus: cwe=CWE-89 function=f", "label", "missing")]
    [DataRow("# corpus: label=insecure cwe=89 function=f", "cwe", "'89' is not CWE-N or -")]
    [DataRow("# corpus: label=insecure cwe=- function=f", "cwe", "names its CWE")]
    [DataRow("# corpus: label=neutral cwe=CWE-79 function=f", "cwe", "a neutral snippet has cwe=-")]
    [DataRow("# corpus: label=secure cwe=CWE-89", "function", "missing")]
    [DataRow("# corpus: label=secure cwe=CWE-89 function=f klass=Repo", "klass", "unknown field")]
    [DataRow("# corpus: label=secure cwe=CWE-89 function=f class=not-a-name", "class", "is not a class name")]
    [DataRow("# corpus: label=secure cwe=CWE-89 cwe=CWE-78 function=f", "cwe", "given twice")]
    [DataRow("// corpus: label=secure cwe=CWE-89 function=f", "label line", "the first line must be '# corpus:")]
    [DataRow("import os", "label line", "found 'import os'")]
    public void Parse_MalformedLabel_NamesTheField(string line, string field, string message)
    {
        var label = CorpusLabelParser.Parse("python/x.py", Language.Python, line, out var errors);

        label.Should().BeNull();
        errors.Should().ContainSingle(e => e.Field == field && e.Message.Contains(message) && e.File == "python/x.py",
            $"got: {string.Join("; ", errors)}");
    }

    [TestMethod]
    public void Read_PythonFunction_BlanksTheLabelKeepsLineNumbersAndUsesTheDefLineAsTheRange()
    {
        Write("python/helpers/load-insecure.py", """
            # corpus: label=insecure cwe=CWE-22 function=load_template
            import os


            def helper(name):
                return name.strip()


            @cached
            def load_template(name):
                with open(os.path.join("/t", helper(name))) as fh:
                    return fh.read()
            """);

        var set = CorpusReader.Read(root);

        set.Errors.Should().BeEmpty();
        var entry = set.Entries.Should().ContainSingle().Subject;
        entry.File.Should().Be("python/helpers/load-insecure.py");
        entry.Language.Should().Be(Language.Python);
        entry.Outlined.Should().BeTrue();
        var lines = entry.DocumentText.Split('\n');
        lines[0].Should().BeEmpty("the label line is blanked");
        lines[1].Should().Be("import os", "every other line keeps its number");
        entry.HeaderLine.Should().Be(9, "the def line, below the decorator");
        entry.StartLine.Should().Be(8, "the function starts at its decorator");
        entry.EndLine.Should().Be(11);
        var snippet = entry.ToSnippet();
        (snippet.StartLine, snippet.EndLine).Should().Be((9, 9));
        snippet.DocumentText.Should().Be(entry.DocumentText);
        snippet.DocumentUri.Should().StartWith("file:///").And.EndWith("load-insecure.py");
    }

    [TestMethod]
    public void Read_MethodWithClass_PicksTheMethodOfThatClassNotAnotherOfTheSameName()
    {
        Write("python/classes/store.py", """
            # corpus: label=secure cwe=CWE-22 function=get class=BlobStore
            class Cache:
                def get(self, key):
                    return key


            class BlobStore:
                def __init__(self, root):
                    self.root = root

                def get(self, key):
                    return open(self.root + key).read()
            """);

        var entry = CorpusReader.Read(root).Entries.Should().ContainSingle().Subject;

        entry.HeaderLine.Should().Be(10);
        entry.Label.ClassName.Should().Be("BlobStore");
    }

    [TestMethod]
    public void Read_ExpressRouteLabel_UsesTheLineOfTheRouteCallWhateverItsQuotes()
    {
        Write("javascript/handlers/download.js", """
            // corpus: label=insecure cwe=CWE-22 function=app.get('/download')
            const express = require('express');
            const app = express();

            app.get("/download", (req, res) => {
              res.sendFile(req.query.file);
            });
            """);

        var entry = CorpusReader.Read(root).Entries.Should().ContainSingle().Subject;

        entry.Outlined.Should().BeTrue("the JavaScript outliner lists an anonymous route callback as app.get('/download')");
        entry.HeaderLine.Should().Be(4);
    }

    [TestMethod]
    public void Read_MalformedLabelsAndMissingFunction_AreErrorsNamingFileAndFieldAndTheOtherFilesAreRead()
    {
        Write("python/a-bad-label.py", "# corpus: label=maybe cwe=CWE-89 function=f\ndef f(x):\n    return x\n");
        Write("python/b-good.py", "# corpus: label=neutral cwe=- function=f\ndef f(x):\n    return x\n");
        Write("c/c-no-such-function.c", "// corpus: label=insecure cwe=CWE-787 function=copy_name\nint add(int a, int b) { return a + b; }\n");
        Write("c/d-no-label.c", "#include <stdio.h>\nint add(int a, int b) { return a + b; }\n");
        Write("README.md", "# corpus: not a snippet\n");

        var set = CorpusReader.Read(root);

        set.Entries.Select(e => e.File).Should().Equal("python/b-good.py");
        set.Errors.Select(e => (e.File, e.Field)).Should().BeEquivalentTo(new[]
        {
            ("python/a-bad-label.py", "label"),
            ("c/c-no-such-function.c", "function"),
            ("c/d-no-label.c", "label line"),
        });
        set.Errors.Single(e => e.Field == "function").ToString().Should().Be("c/c-no-such-function.c: function: no function copy_name in the file (functions: add)");
    }

    [TestMethod]
    public void Read_LanguageFilter_ReadsOnlyThatLanguage()
    {
        Write("python/a.py", "# corpus: label=neutral cwe=- function=f\ndef f(x):\n    return x\n");
        Write("javascript/a.js", "// corpus: label=neutral cwe=- function=f\nfunction f(x) {\n  return x;\n}\n");
        Write("c/a.c", "// corpus: label=neutral cwe=- function=f\nint f(int x) {\n  return x;\n}\n");

        CorpusReader.Read(root, Language.JavaScript).Entries.Should().ContainSingle().Which.File.Should().Be("javascript/a.js");
        CorpusReader.Read(root).Entries.Select(e => e.Language).Should().BeEquivalentTo(new[] { Language.Python, Language.JavaScript, Language.C });
    }

    [TestMethod]
    public void Read_MissingFolder_Throws()
    {
        var act = () => CorpusReader.Read(Path.Combine(root, "nope"));

        act.Should().Throw<DirectoryNotFoundException>().WithMessage("*nope: no such corpus folder");
    }

    [TestMethod]
    public void CweFamilies_TreatTheListedSiblingsAsOneAndCReadsAsMemoryErrors()
    {
        CweFamilies.Equivalent("CWE-95", "CWE-94", Language.Python).Should().BeTrue();
        CweFamilies.Equivalent("CWE-330", "CWE-338", Language.JavaScript).Should().BeTrue();
        CweFamilies.Equivalent("CWE-759", "CWE-916", Language.Python).Should().BeTrue();
        CweFamilies.Equivalent("CWE-121", "CWE-787", Language.C).Should().BeTrue();
        CweFamilies.Equivalent("CWE-125", "CWE-787", Language.C).Should().BeTrue();
        CweFamilies.Equivalent("CWE-125", "CWE-787", Language.JavaScript).Should().BeFalse("only C's memory errors join the out-of-bounds family");
        CweFamilies.Equivalent("CWE-193", "CWE-787", Language.C).Should().BeTrue("an off-by-one is found by the out-of-bounds write it causes");
        CweFamilies.Equivalent("CWE-193", "CWE-787", Language.Python).Should().BeFalse();
        CweFamilies.Equivalent("CWE-89", "CWE-78", Language.Python).Should().BeFalse();
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
    }
}
