using System.Text.RegularExpressions;
using DualGauge.Core.Evaluation;
using DualGauge.Snippets.Templates;
using DualGauge.Snippets.Widening;
using DualGauge.Core.Tasks;

namespace DualGauge.Snippets;

/// <summary>How one function matched: a bench task, templates, or nothing (with the reason).</summary>
public sealed record FunctionMatch(ProbeTarget Target, BenchTask? Task, IReadOnlyList<ProbeTemplate> Templates, IReadOnlyList<GeneratedTest> Tests, double Confidence, string Reason);

/// <summary>What to run for a snippet: the match shown to the user, and the request for the sandbox (null when nothing fits).</summary>
public sealed record SnippetPlan(TemplateMatch Match, EvaluationRequest? Request, IReadOnlyList<FunctionMatch> Functions)
{
    /// <summary>The generated (or bench) test specs the oracles judge.</summary>
    public IReadOnlyList<TestSpec> Tests => Request?.Tests ?? [];

    /// <summary>What the planner knows about a generated test (template, function, reach), or null for bench tests.</summary>
    public PlannedTest? Info(string testId)
    {
        foreach (var f in Functions)
        {
            foreach (var t in f.Tests)
            {
                if (t.Spec.Id == testId)
                {
                    var template = t.TemplateId is null ? null : f.Templates.FirstOrDefault(x => x.Id == t.TemplateId);
                    var evidence = t.Evidence ?? (t.Spec.Kind == TestKind.Functional
                        ? (t.Spec.Id.EndsWith("runs_on_benign_input", StringComparison.Ordinal) ? FunctionalEvidence.SmokeOnly : FunctionalEvidence.OwnExamples)
                        : null);
                    // Reach is read from trace events only where the template's probes are data files; a probe given a
                    // stand-in database (JavaScript) judges the stand-in's reach itself (t.Reach is then empty).
                    var data = template is not null && template.ProbeFiles.ContainsKey(f.Target.Language);
                    var reach = data ? t.Reach ?? template!.Reach : [];
                    var marker = data && reach.Count > 0 && template!.ReachMarker is { } m
                        ? (m == "payload" ? t.Plan?["payload"]?.GetValue<string>() : m)
                        : null;
                    return new PlannedTest(testId, t.TemplateId, f.Target.Entry, reach, evidence) { Marker = marker };
                }
            }
        }

        return null;
    }
}

/// <summary>
/// Matches widened functions to a bench task (entry point name and arity) or to probe templates
/// (by the APIs they reference), and builds the evaluation request with the generated tests.
/// </summary>
public static partial class SnippetPlanner
{
    /// <summary>At most this many functions are probed in one job, to keep evaluation fast.</summary>
    public const int MaxFunctions = 3;

    public static SnippetPlan Plan(WidenedSnippet widened, IReadOnlyList<BenchTask> tasks, Language language)
    {
        var matches = new List<FunctionMatch>();
        var helpersText = HelperText(widened);
        foreach (var function in widened.Functions)
        {
            var entry = SnippetWidener.EntryName(function, language);
            var code = widened.TextOf(function);
            var target = new ProbeTarget(function, entry, Prefix(entry), code, widened.Code, language)
            {
                Constructor = function.IsMethod && !function.Static
                    ? widened.Outline.Functions.Concat(widened.Outline.Constructors).FirstOrDefault(f => f.ClassName == function.ClassName && f.Name is "__init__" or "constructor")
                    : null,
            };
            var task = function.IsMethod ? null : tasks.FirstOrDefault(t => t.Language == language && t.EntryPoint == function.Name && SignatureArity(t.Signature) == function.Arity);
            if (task is not null)
            {
                matches.Add(new FunctionMatch(target, task, [], [], 0.95,
                    $"{function.Name} has the entry point name and arity ({function.Arity}) of bench task {task.Id}: its full dual tests run"));
                continue;
            }

            matches.Add(MatchTemplates(target, code + "\n" + helpersText, language));
        }

        var bench = matches.FirstOrDefault(m => m.Task is not null);
        if (bench is not null)
        {
            var task = bench.Task!;
            var request = new EvaluationRequest
            {
                TaskId = task.Id,
                Language = language,
                EntryPoint = task.EntryPoint,
                Cwes = task.Cwes,
                TestsFile = task.TestsFile,
                Tests = task.Tests,
                Fixtures = task.Fixtures,
                Code = widened.Code,
                Model = "editor",
                SampleId = "snippet",
            };
            return new SnippetPlan(new TemplateMatch(MatchKind.BenchTask, task.Id, bench.Confidence, bench.Reason, bench.Target.Function.Name), request, matches);
        }

        var matched = matches.Where(m => m.Templates.Count > 0).OrderByDescending(m => m.Confidence).Take(MaxFunctions).ToList();
        if (matched.Count == 0)
        {
            var reason = string.Join("; ", matches.Select(m => m.Reason));
            return new SnippetPlan(new TemplateMatch(MatchKind.None, null, 0, reason, matches.FirstOrDefault()?.Target.Function.Name), null, matches);
        }

        // The first matched function is the harness entry point; the others are called through ctx.function.
        var primary = matched[0];
        var probes = ProbeFiles.Write(language, widened, matched, primary.Target.Entry);
        var templateRequest = new EvaluationRequest
        {
            TaskId = "snippet-" + primary.Templates[0].Id,
            Language = language,
            EntryPoint = primary.Target.Entry,
            Cwes = matched.SelectMany(m => m.Tests).Select(t => t.Spec.Cwe).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
            TestsFile = new TaskFile(probes.TestsFileName, System.Text.Encoding.UTF8.GetBytes(probes.TestsFile)),
            Tests = probes.Tests,
            Fixtures = language switch
            {
                Language.C => CProbePlanner.Fixtures,
                Language.JavaScript => JavaScriptProbePlanner.Fixtures(matched),
                Language.Python => PythonProbePlanner.Fixtures(matched),
                _ => [],
            },
            Code = language switch
            {
                Language.JavaScript => widened.Code + JavaScriptProbePlanner.SampleSuffix(matched, TemplateCatalog.Builtin),
                Language.Python => widened.Code + PythonProbePlanner.SampleSuffix(matched, TemplateCatalog.Builtin),
                _ => widened.Code,
            },
            Model = "editor",
            SampleId = "snippet",
        };
        var standIns = (language switch
        {
            Language.Python => matched.Select(m => PythonProbePlanner.StandInDriver(m.Target.Context)),
            Language.JavaScript => matched.Select(m => JavaScriptProbePlanner.StandInDriver(m.Target.Context)),
            _ => [],
        }).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var standInNote = standIns.Count == 0 ? ""
            : $"; {string.Join(", ", standIns)} {(standIns.Count == 1 ? "is" : "are")} a SQLite stand-in here (the sandbox runs no database server): the SQL the code sends is what was judged";
        var match = new TemplateMatch(MatchKind.Template, primary.Templates[0].Id, primary.Confidence,
            string.Join("; ", matched.Select(m => m.Reason)) + standInNote, primary.Target.Function.Name);
        return new SnippetPlan(match, templateRequest, matches);
    }

    private static FunctionMatch MatchTemplates(ProbeTarget target, string code, Language language)
    {
        var name = target.Function.Name;
        if (language == Language.C && CProbePlanner.Unbuildable(target) is { } why)
        {
            return new FunctionMatch(target, null, [], [], 0, $"{name}: {why}");
        }

        var templates = new List<ProbeTemplate>();
        var tests = new List<GeneratedTest>();
        var reasons = new List<string>();
        var noPayload = new List<string>();
        var totalHits = 0;
        foreach (var template in ProbeTemplates.All)
        {
            var hits = template.Hits(language, code);
            if (hits.Count == 0)
            {
                continue;
            }

            var security = ProbeFiles.Security(language, template, target, hits).Select(t => t.TemplateId is null ? t with { TemplateId = template.Id } : t).ToList();
            if (security.Count == 0)
            {
                noPayload.Add(template.Id);
                continue;
            }

            templates.Add(template);
            tests.AddRange(security);
            totalHits += hits.Count;
            reasons.Add($"tested as {template.Title.ToLowerInvariant()} ({string.Join(", ", template.Cwes)}; template {template.Id}) because it {Uses(hits)}");
        }

        if (templates.Count == 0)
        {
            var reason = noPayload.Count > 0
                ? $"{name} uses APIs covered by {string.Join(", ", noPayload)} but has no parameter a probe can put a payload in"
                : $"{name} calls no API that a template covers";
            return new FunctionMatch(target, null, [], [], 0, reason);
        }

        tests.InsertRange(0, ProbeFiles.Functional(language, target));
        // The confidence is the primary template's measured precision on the labelled corpus (calibration.json);
        // without a calibration entry, a guess from how many trigger hits the function has, capped below them.
        var calibrated = TemplateCatalog.Builtin.Calibration(templates[0].Id);
        var confidence = calibrated?.Confidence ?? Math.Min(0.7, 0.4 + 0.1 * totalHits);
        if (calibrated is not null)
        {
            reasons[0] += $" (its verdicts were right {calibrated.InsecureRight + calibrated.SecureRight} of {calibrated.Insecure + calibrated.Secure} times on the labelled corpus)";
        }
        return new FunctionMatch(target, null, templates, tests, confidence, $"{name}: " + string.Join("; ", reasons));
    }

    /// <summary>What the trigger hits mean, for a person: "calls cursor() and execute() and writes the text “SELECT id FROM …”".</summary>
    internal static string Uses(IReadOnlyList<string> hits)
    {
        var calls = new List<string>();
        var texts = new List<string>();
        foreach (var raw in hits)
        {
            var hit = raw.Trim().TrimStart('.');
            if (System.Text.RegularExpressions.Regex.IsMatch(hit, @"^[A-Za-z_$][\w$.]*\s*\($"))
            {
                var call = hit.TrimEnd('(', ' ') + "()";
                if (!calls.Contains(call))
                {
                    calls.Add(call);
                }
            }
            else if (hit.Length > 0)
            {
                var text = hit.Length <= 32 ? hit : hit[..31] + "…";
                if (!texts.Contains(text))
                {
                    texts.Add(text);
                }
            }
        }

        static string And(IReadOnlyList<string> items) => items.Count <= 1 ? string.Join("", items) : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];
        var parts = new List<string>();
        if (calls.Count > 0)
        {
            parts.Add("calls " + And(calls.Take(3).ToList()));
        }

        if (texts.Count > 0)
        {
            parts.Add("uses " + And(texts.Take(2).Select(t => $"“{t}”").ToList()));
        }

        return parts.Count > 0 ? string.Join(" and ", parts) : "matches its trigger";
    }

    private static string HelperText(WidenedSnippet widened)
    {
        var selected = widened.Functions.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        // Helpers and constants the functions reference: a pattern compiled into a constant still selects the regex template.
        var helperLines = widened.Outline.Items
            .Where(i => !i.AlwaysKeep && (i.Function is null || !selected.Contains(i.Function.Name)))
            .Where(i => widened.LineMap.Contains(i.StartLine))
            .Select(i => string.Join('\n', widened.Outline.Lines.Skip(i.StartLine).Take(i.EndLine - i.StartLine + 1)));
        return string.Join('\n', helperLines);
    }

    private static string Prefix(string entry)
    {
        var prefix = NonIdentifierRegex().Replace(entry.ToLowerInvariant(), "_").Trim('_');
        return prefix.Length > 40 ? prefix[..40] : prefix;
    }

    /// <summary>The number of parameters in a manifest signature, e.g. <c>def f(conn, name) -> x</c> has 2.</summary>
    public static int SignatureArity(string signature)
    {
        var open = signature.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return -1;
        }

        var close = ParameterText.MatchingClose(signature, open);
        if (close < 0)
        {
            return -1;
        }

        var count = 0;
        foreach (var (from, to) in ParameterText.SplitTopLevel(signature, open + 1, close))
        {
            var p = signature[from..to].Trim();
            if (p.Length == 0 || p is "self" or "cls" or "*" or "/" or "void" or "..." || p.StartsWith('*') || p.StartsWith("...", StringComparison.Ordinal))
            {
                continue;
            }

            count++;
        }

        return count;
    }

    [GeneratedRegex(@"[^a-z0-9_]+")]
    private static partial Regex NonIdentifierRegex();
}
