using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml.Linq;
using DualGauge.Core.Reports;

namespace DualGauge.Snippets.Checking;

/// <summary>The words of a check: headlines, the job summary, GitHub workflow commands, JUnit XML and JSON.</summary>
public static class CheckText
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>E.g. "SQL injection (CWE-89) in find_user: ...".</summary>
    public static string Headline(CheckedFunction function, CheckFinding finding) => finding.Kind switch
    {
        "security" => $"{CweCatalogue.NameOf(finding.RuleId)} ({finding.RuleId}) in {function.Function}: {FirstLine(finding.Message)}",
        "tampered" => $"Tampering in {function.Function}: {FirstLine(finding.Message)}",
        _ => $"Broken {function.Function}: {FirstLine(finding.Message)}",
    };

    public static string WhyNotJudged(CheckedFunction function)
    {
        var detail = function.SecurityDetail.StartsWith("not judged: ", StringComparison.Ordinal) ? function.SecurityDetail["not judged: ".Length..] : function.SecurityDetail;
        return detail.Length > 0 ? detail : function.MatchReason;
    }

    /// <summary>The one line a terminal or CI log shows per function.</summary>
    public static string Line(CheckedFunction f)
    {
        var words = CheckGate.Words(f.Verdict);
        var what = f.Verdict switch
        {
            CheckVerdict.Insecure or CheckVerdict.Tampered => string.Join("; ", f.Findings.Where(x => x.Suppression is null && x.Kind != "functional").Select(x => $"{x.RuleId} at line {x.Line}")),
            CheckVerdict.Broken => FirstLine(f.FunctionalDetail),
            CheckVerdict.NotJudged => WhyNotJudged(f),
            CheckVerdict.NotMatched or CheckVerdict.Ignored => f.MatchReason,
            CheckVerdict.Accepted => string.Join("; ", f.Findings.Where(x => x.Suppression is not null).Select(x => $"{x.RuleId} accepted ({x.Suppression!.Kind}: {x.Suppression.Reason})")),
            _ => f.Security,
        };
        return $"{words,-12} {f.Path}:{f.Line} {f.Function}{(f.Cached ? " (cached)" : "")}: {Truncate(what, 200)}";
    }

    /// <summary>GitHub Actions workflow commands: an error per open finding, a warning per broken function, a notice per function not judged.</summary>
    public static IEnumerable<string> GitHubCommands(CheckReport report, FailOn failOn)
    {
        foreach (var f in report.Functions)
        {
            foreach (var finding in f.Findings.Where(x => x.Suppression is null))
            {
                var level = finding.Kind == "functional" ? (CheckGate.Fails(CheckVerdict.Broken, failOn) ? "error" : "warning") : "error";
                var title = finding.Kind == "security" ? $"{CweCatalogue.NameOf(finding.RuleId)} ({finding.RuleId})" : finding.Kind == "tampered" ? "Tampering" : "Functional test failed";
                yield return Command(level, f.Path, finding.Line, title, Headline(f, finding));
            }

            if (f.Verdict == CheckVerdict.NotJudged)
            {
                yield return Command(CheckGate.Fails(f.Verdict, failOn) ? "error" : "notice", f.Path, f.Line, "Not judged", $"{f.Function} was not judged: {WhyNotJudged(f)}");
            }
        }
    }

    private static string Command(string level, string file, int line, string title, string message) =>
        $"::{level} file={Property(file)},line={line},title={Property(title)}::{Data(message)}";

    private static string Data(string text) => text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string text) => Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    /// <summary>The Markdown job summary: a table per verdict, then per CWE, then the findings and what was accepted.</summary>
    public static string Summary(CheckReport report, FailOn failOn)
    {
        var md = new StringBuilder();
        var failing = CheckGate.Failing(report, failOn);
        md.AppendLine(CultureInfo.InvariantCulture, $"## DualGauge check: {(failing.Count == 0 ? "passed" : $"failed ({failing.Count} function{(failing.Count == 1 ? "" : "s")})")}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{Escape(report.Scope)}: {report.Functions.Count} function(s) checked in {report.Seconds:0.0} s, {report.CacheHits} from the cache, {report.SandboxJobs} sandbox job(s). Every verdict comes from running the code in the sandbox.");
        md.AppendLine();
        md.AppendLine("| Verdict | Functions | Fails the check |");
        md.AppendLine("|---|---:|---|");
        foreach (var verdict in Enum.GetValues<CheckVerdict>())
        {
            var n = report.Count(verdict);
            if (n > 0)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {CheckGate.Words(verdict)} | {n} | {(CheckGate.Fails(verdict, failOn) ? "yes" : "no")} |");
            }
        }

        var byCwe = report.Functions.SelectMany(f => f.CwesTested.Select(c => (Cwe: c, f)).Concat(f.Findings.Where(x => x.Kind == "security").Select(x => (Cwe: x.RuleId, f))))
            .DistinctBy(p => (p.Cwe, p.f.Path, p.f.Line)).GroupBy(p => p.Cwe).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (byCwe.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("| CWE | Weakness | Insecure | Accepted | Tested, resisted |");
            md.AppendLine("|---|---|---:|---:|---:|");
            foreach (var group in byCwe)
            {
                var findings = group.SelectMany(p => p.f.Findings.Where(x => x.RuleId == group.Key)).ToList();
                var open = group.Count(p => p.f.Findings.Any(x => x.RuleId == group.Key && x.Suppression is null));
                var accepted = group.Count(p => p.f.Findings.Any(x => x.RuleId == group.Key && x.Suppression is not null) && !p.f.Findings.Any(x => x.RuleId == group.Key && x.Suppression is null));
                var resisted = group.Count(p => p.f.CwesTested.Contains(group.Key) && !p.f.Findings.Any(x => x.RuleId == group.Key));
                var link = CweCatalogue.HelpUriOrNull(group.Key) is { } uri ? $"[{group.Key}]({uri})" : group.Key;
                md.AppendLine(CultureInfo.InvariantCulture, $"| {link} | {Escape(CweCatalogue.NameOf(group.Key))} | {open} | {accepted} | {resisted} |");
            }
        }

        var open2 = report.Functions.SelectMany(f => f.Findings.Where(x => x.Suppression is null).Select(x => (f, x))).ToList();
        if (open2.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("### Findings");
            md.AppendLine();
            foreach (var (f, x) in open2)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- `{Code(f.Path)}:{x.Line}` {Escape(Headline(f, x))}");
                if (x.Actual is { Length: > 0 } actual)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"  - evidence: `{Code(Truncate(FirstLine(actual), 200))}`");
                }
            }
        }

        var accepted2 = report.Functions.SelectMany(f => f.Findings.Where(x => x.Suppression is not null).Select(x => (f, x))).ToList();
        if (accepted2.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("### Accepted findings");
            md.AppendLine();
            foreach (var (f, x) in accepted2)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- `{Code(f.Path)}:{x.Line}` {x.RuleId} in {Escape(f.Function)}: {x.Suppression!.Kind}, {Escape(x.Suppression.Reason)}");
            }
        }

        var unjudged = report.Functions.Where(f => f.Verdict is CheckVerdict.NotJudged or CheckVerdict.NotMatched or CheckVerdict.Ignored).ToList();
        if (unjudged.Count > 0)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"<details><summary>{unjudged.Count} function(s) without a security verdict</summary>");
            md.AppendLine();
            foreach (var f in unjudged)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- `{Code(f.Path)}:{f.Line}` {Escape(f.Function)}: {CheckGate.Words(f.Verdict)}, {Escape(f.Verdict == CheckVerdict.NotJudged ? WhyNotJudged(f) : f.MatchReason)}");
            }

            md.AppendLine();
            md.AppendLine("</details>");
        }

        if (report.Skipped.Count > 0)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"<details><summary>{report.Skipped.Count} file(s) not checked</summary>");
            md.AppendLine();
            foreach (var s in report.Skipped)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- `{Code(s.Path)}`: {Escape(s.Reason)}");
            }

            md.AppendLine();
            md.AppendLine("</details>");
        }

        return md.ToString();
    }

    /// <summary>JUnit XML: a suite per file, a case per function; a failure when it fails the check, skipped when nothing decided.</summary>
    public static string JUnit(CheckReport report, FailOn failOn)
    {
        var suites = new XElement("testsuites", new XAttribute("name", "dualgauge check"));
        foreach (var file in report.Functions.GroupBy(f => f.Path))
        {
            var suite = new XElement("testsuite", new XAttribute("name", file.Key));
            foreach (var f in file)
            {
                var testcase = new XElement("testcase",
                    new XAttribute("name", $"{f.Function} (line {f.Line})"),
                    new XAttribute("classname", file.Key),
                    new XAttribute("time", f.Seconds.ToString("0.000", CultureInfo.InvariantCulture)));
                if (CheckGate.Fails(f.Verdict, failOn))
                {
                    var open = f.Findings.Where(x => x.Suppression is null).ToList();
                    var message = open.Count > 0 ? Headline(f, open[0]) : $"{CheckGate.Words(f.Verdict)}: {(f.Verdict == CheckVerdict.NotJudged ? WhyNotJudged(f) : f.MatchReason)}";
                    testcase.Add(new XElement("failure", new XAttribute("message", XmlSafe(message)), new XAttribute("type", open.FirstOrDefault()?.RuleId ?? CheckGate.Words(f.Verdict)),
                        XmlSafe(string.Join("\n", open.Select(x => $"{f.Path}:{x.Line}: {Headline(f, x)}" + (x.Actual is { } a ? $"\n  evidence: {a}" : ""))))));
                }
                else if (f.Verdict is CheckVerdict.NotJudged or CheckVerdict.NotMatched or CheckVerdict.Ignored)
                {
                    testcase.Add(new XElement("skipped", new XAttribute("message", XmlSafe($"{CheckGate.Words(f.Verdict)}: {(f.Verdict == CheckVerdict.NotJudged ? WhyNotJudged(f) : f.MatchReason)}"))));
                }

                testcase.Add(new XElement("system-out", XmlSafe($"functional: {f.Functional}\nsecurity: {f.Security}\nmatch: {f.Match} {f.MatchedId} ({f.MatchReason})")));
                suite.Add(testcase);
            }

            suite.Add(new XAttribute("tests", suite.Elements("testcase").Count()),
                new XAttribute("failures", suite.Elements("testcase").Count(t => t.Element("failure") is not null)),
                new XAttribute("skipped", suite.Elements("testcase").Count(t => t.Element("skipped") is not null)));
            suites.Add(suite);
        }

        suites.Add(new XAttribute("tests", report.Functions.Count),
            new XAttribute("failures", CheckGate.Failing(report, failOn).Count),
            new XAttribute("time", report.Seconds.ToString("0.000", CultureInfo.InvariantCulture)));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), suites).Declaration + "\n" + suites + "\n";
    }

    public static string ToJson(CheckReport report, FailOn failOn) => JsonSerializer.Serialize(new
    {
        report.Tool,
        report.Version,
        report.Root,
        report.Scope,
        report.Revision,
        report.SandboxImage,
        report.StartedAt,
        report.Seconds,
        report.SandboxJobs,
        report.CacheHits,
        FailOn = failOn.ToString(),
        Passed = CheckGate.Failing(report, failOn).Count == 0,
        Counts = Enum.GetValues<CheckVerdict>().ToDictionary(v => CheckGate.Words(v), report.Count),
        report.Functions,
        report.Skipped,
    }, Json);

    private static string XmlSafe(string text) => new(text.Where(XmlConvertIsValid).ToArray());

    private static bool XmlConvertIsValid(char c) => c is '\t' or '\n' or '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);

    /// <summary>
    /// Text for Markdown, much of it shaped by the code under check (payload echoes, statements it ran, names): no
    /// link, image, HTML, emphasis or table cell can be made from it.
    /// </summary>
    internal static string Escape(string text)
    {
        var md = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '!' or '|':
                    md.Append('\\').Append(c);
                    break;
                case '<':
                    md.Append("&lt;");
                    break;
                case '>':
                    md.Append("&gt;");
                    break;
                case '&':
                    md.Append("&amp;");
                    break;
                case '\r' or '\n':
                    md.Append(' ');
                    break;
                default:
                    md.Append(c);
                    break;
            }
        }

        return md.ToString();
    }

    /// <summary>Text inside a Markdown code span: nothing escapes it but a backtick, so backticks become quotes.</summary>
    private static string Code(string text) => text.Replace('`', '\'').Replace('\r', ' ').Replace('\n', ' ');

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
