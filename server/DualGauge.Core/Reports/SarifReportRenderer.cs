using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DualGauge.Core.Metrics;
using DualGauge.Core.Tasks;
using DualGauge.Core.Traces;
using DualGauge.Core.Verdicts;

namespace DualGauge.Core.Reports;

/// <summary>
/// SARIF 2.1.0 for code-scanning tools: one error per failed security test (rule = its CWE), one warning per
/// failed functional test, one warning per sample that failed as a whole. Written as plain JSON.
/// </summary>
/// <param name="baseDirectory">Sample paths under this folder are written relative to it (uriBaseId SRCROOT); null keeps them as they are.</param>
public sealed class SarifReportRenderer(string? baseDirectory = null) : IReportRenderer
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    private const string BaseId = "SRCROOT";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public string Format => "sarif";

    public string FileExtension => "sarif";

    /// <summary>The rule for a failed functional test, by how it ended.</summary>
    public static string FunctionalRuleId(TestStatus status) => status switch
    {
        TestStatus.TimedOut => "functional/timeout",
        TestStatus.Crashed => "functional/crash",
        TestStatus.NotRun => "functional/not-run",
        TestStatus.NotJudged => "functional/not-judged",
        _ => "functional/failed",
    };

    /// <summary>The rule for a sample that failed as a whole.</summary>
    public static string SampleRuleId(SampleFailure failure) => "sample/" + ReportText.FailureLabel(failure).Replace(' ', '-');

    public string Render(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rules = new List<JsonObject>();
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var results = new JsonArray();

        int Rule(string id, Func<JsonObject> create)
        {
            if (!ruleIndex.TryGetValue(id, out var index))
            {
                index = rules.Count;
                ruleIndex[id] = index;
                rules.Add(create());
            }

            return index;
        }

        foreach (var verdict in report.Verdicts)
        {
            if (verdict.Failure != SampleFailure.None)
            {
                var id = SampleRuleId(verdict.Failure);
                var index = Rule(id, () => SampleRule(id, verdict.Failure));
                var detail = ReportText.FirstLine(verdict.FailureDetail, 500);
                results.Add(Result(id, index, verdict.Failure == SampleFailure.Tampered ? "error" : "warning",
                    $"Sample {ReportText.SampleName(verdict)} failed as a whole: {ReportText.FailureLabel(verdict.Failure)}{(detail.Length > 0 ? $": {detail}" : ".")}",
                    verdict, null, line: null));
            }

            foreach (var test in verdict.Tests.Where(t => !t.Passed && t.Status != TestStatus.NotRun))
            {
                if (test.Status == TestStatus.NotJudged)
                {
                    // A test that could not decide is a note saying why: never an error, never a pass.
                    const string notJudged = "not-judged";
                    var noteIndex = Rule(notJudged, () => new JsonObject
                    {
                        ["id"] = notJudged,
                        ["name"] = "NotJudged",
                        ["shortDescription"] = new JsonObject { ["text"] = "A test ran but could not decide (setup error, or the input never reached the code)." },
                        ["defaultConfiguration"] = new JsonObject { ["level"] = "note" },
                    });
                    results.Add(Result(notJudged, noteIndex, "note", $"Test {test.Test.Id} not judged: {ReportText.FirstLine(test.Message, 500)}", verdict, test, line: null));
                    continue;
                }

                if (test.Kind == TestKind.Security)
                {
                    var cwe = ReportText.CweOf(verdict, test) ?? "security/unclassified";
                    var index = Rule(cwe, () => CweRule(cwe));
                    var message = test.Findings.Count > 0
                        ? ReportText.FailureMessage(test)
                        : $"Security test {test.Test.Id} failed: {ReportText.FailureMessage(test)}";
                    results.Add(Result(cwe, index, "error", message, verdict, test, EvidenceLine(verdict, test)));
                }
                else
                {
                    var id = FunctionalRuleId(test.Status);
                    var index = Rule(id, () => FunctionalRule(id, test.Status));
                    results.Add(Result(id, index, verdict.Failure == SampleFailure.Tampered ? "error" : "warning",
                        $"Functional test {test.Test.Id} {ReportText.StatusLabel(test.Status)}: {ReportText.FirstLine(ReportText.FailureMessage(test), 500)}",
                        verdict, test, line: null));
                }
            }
        }

        // A result on a sample that ran with accepted agentic glue says so: its verdict is not of the candidate's code alone.
        var glued = report.Adaptations.Where(a => a.Adopted).Select(a => (a.Model, a.TaskId, a.SampleId)).ToHashSet();
        foreach (var result in results.OfType<JsonObject>())
        {
            if (result["properties"] is JsonObject p && glued.Contains(((string?)p["model"] ?? "", (string?)p["task"] ?? "", (string?)p["sample"] ?? "")))
            {
                p["glueAdapted"] = true;
            }
        }

        var run = new JsonObject
        {
            ["tool"] = new JsonObject
            {
                ["driver"] = new JsonObject
                {
                    ["name"] = "DualGauge",
                    ["version"] = report.Run.Version,
                    ["semanticVersion"] = report.Run.Version,
                    ["rules"] = new JsonArray(rules.Select(r => (JsonNode)r).ToArray()),
                },
            },
            ["invocations"] = new JsonArray(new JsonObject
            {
                ["executionSuccessful"] = report.Partial is null,
                ["commandLine"] = report.Run.CommandLine,
                ["startTimeUtc"] = Utc(report.Run.StartedAt),
                ["endTimeUtc"] = Utc(report.Run.StartedAt + report.Run.Duration),
                ["toolExecutionNotifications"] = Notifications(report),
            }),
            ["results"] = results,
            ["properties"] = new JsonObject
            {
                ["tasksDirectory"] = report.Run.TasksDirectory,
                ["sandboxImage"] = report.Run.SandboxImage,
            },
        };
        if (report.Paper is { } paper)
        {
            // The paper's per-model figures beside ours (--compare-paper), in percent, as in the JSON report's "paper".
            run["properties"]!["paper"] = JsonSerializer.SerializeToNode(PaperDocument.From(paper), JsonReportRenderer.SerializerOptions);
        }

        if (baseDirectory is not null)
        {
            run["originalUriBaseIds"] = new JsonObject
            {
                [BaseId] = new JsonObject { ["uri"] = new Uri(Path.TrimEndingDirectorySeparator(Path.GetFullPath(baseDirectory)) + "/").AbsoluteUri },
            };
        }

        var log = new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(run),
        };
        return log.ToJsonString(Indented);
    }

    /// <summary>Input errors (each with the file) and a cancelled run, as SARIF tool execution notifications.</summary>
    private JsonArray Notifications(BenchReport report)
    {
        var notifications = new JsonArray();
        foreach (var error in report.InputErrors)
        {
            notifications.Add(new JsonObject
            {
                ["level"] = "error",
                ["descriptor"] = new JsonObject { ["id"] = "sample/input-error" },
                ["message"] = new JsonObject { ["text"] = error.ToString() },
                ["locations"] = new JsonArray(new JsonObject
                {
                    ["physicalLocation"] = new JsonObject { ["artifactLocation"] = ArtifactOf(error.Path) },
                }),
            });
        }

        if (report.Partial is { } partial)
        {
            notifications.Add(new JsonObject
            {
                ["level"] = "error",
                ["descriptor"] = new JsonObject { ["id"] = "run/partial" },
                ["message"] = new JsonObject { ["text"] = partial.Describe() },
            });
        }

        return notifications;
    }

    private JsonObject Result(string ruleId, int ruleIndex, string level, string message, SampleVerdict verdict, TestResult? test, int? line)
    {
        var physical = new JsonObject { ["artifactLocation"] = Artifact(verdict) };
        if (line is > 0)
        {
            physical["region"] = new JsonObject { ["startLine"] = line.Value };
        }

        var properties = new JsonObject
        {
            ["model"] = verdict.Model,
            ["task"] = verdict.TaskId,
            ["sample"] = verdict.SampleId,
            ["language"] = verdict.Language.Id(),
        };
        if (test is not null)
        {
            properties["test"] = test.Test.Id;
            properties["status"] = ReportText.StatusLabel(test.Status);
            if (test.Findings.Count > 0)
            {
                properties["oracles"] = new JsonArray(test.Findings.Select(f => (JsonNode)JsonValue.Create(f.Oracle)).ToArray());
            }
        }

        return new JsonObject
        {
            ["ruleId"] = ruleId,
            ["ruleIndex"] = ruleIndex,
            ["level"] = level,
            ["message"] = new JsonObject { ["text"] = message },
            ["locations"] = new JsonArray(new JsonObject { ["physicalLocation"] = physical }),
            ["properties"] = properties,
        };
    }

    private JsonObject Artifact(SampleVerdict verdict) =>
        ArtifactOf(verdict.SamplePath ?? $"{verdict.Model}/{verdict.TaskId}/{verdict.SampleId}.{verdict.Language.FileExtension()}");

    private JsonObject ArtifactOf(string path)
    {
        if (baseDirectory is not null)
        {
            var full = Path.GetFullPath(path, Path.GetFullPath(baseDirectory));
            var relative = Path.GetRelativePath(Path.GetFullPath(baseDirectory), full);
            if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
            {
                return new JsonObject { ["uri"] = EscapeRelative(relative), ["uriBaseId"] = BaseId };
            }

            return new JsonObject { ["uri"] = new Uri(full).AbsoluteUri };
        }

        return Path.IsPathRooted(path) ? new JsonObject { ["uri"] = new Uri(path).AbsoluteUri } : new JsonObject { ["uri"] = EscapeRelative(path) };
    }

    private static string EscapeRelative(string path) =>
        string.Join('/', path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));

    /// <summary>The sample line the evidence points at: a monitored event's <c>line</c>, else a sanitizer frame in the sample file.</summary>
    internal static int? EvidenceLine(SampleVerdict verdict, TestResult test)
    {
        var evidence = test.Findings.SelectMany(f => f.Evidence).ToList();
        foreach (var e in evidence)
        {
            if (e.Number("line") is { } line && line >= 1)
            {
                return (int)line;
            }
        }

        var sampleFile = verdict.SamplePath is null ? null : Path.GetFileName(verdict.SamplePath);
        foreach (var e in evidence.Where(e => e.Kind == TraceEventKinds.Sanitizer))
        {
            var location = e.String("location");
            var colon = location?.LastIndexOf(':') ?? -1;
            if (location is not null && colon > 0
                && int.TryParse(location.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var line)
                && Path.GetFileName(location[..colon]) is var file
                && (file == sampleFile || file.StartsWith("solution.", StringComparison.Ordinal)))
            {
                return line;
            }
        }

        return null;
    }

    private static JsonObject CweRule(string cwe)
    {
        var entry = CweCatalogue.Find(cwe);
        var name = entry?.Name ?? cwe;
        var rule = new JsonObject
        {
            ["id"] = cwe,
            ["name"] = RuleName(name),
            ["shortDescription"] = new JsonObject { ["text"] = $"{cwe}: {name}" },
            ["fullDescription"] = new JsonObject { ["text"] = $"A security test probing {cwe} ({name}) failed: the sample's own behaviour in the sandbox showed the weakness." },
            ["defaultConfiguration"] = new JsonObject { ["level"] = "error" },
            ["properties"] = new JsonObject { ["tags"] = new JsonArray("security", cwe) },
        };
        if (CweCatalogue.HelpUriOrNull(cwe) is { } uri)
        {
            rule["helpUri"] = uri;
        }

        if (entry is not null)
        {
            rule["help"] = new JsonObject { ["text"] = entry.Remediation };
        }

        return rule;
    }

    private static JsonObject FunctionalRule(string id, TestStatus status) => new()
    {
        ["id"] = id,
        ["name"] = RuleName("functional test " + ReportText.StatusLabel(status)),
        ["shortDescription"] = new JsonObject { ["text"] = $"A functional test {ReportText.StatusLabel(status)}." },
        ["defaultConfiguration"] = new JsonObject { ["level"] = "warning" },
        ["properties"] = new JsonObject { ["tags"] = new JsonArray("correctness") },
    };

    private static JsonObject SampleRule(string id, SampleFailure failure) => failure == SampleFailure.Tampered
        ? new()
        {
            ["id"] = id,
            ["name"] = RuleName("sample tampered"),
            ["shortDescription"] = new JsonObject { ["text"] = "The sample interfered with DualGauge's harness (forged or hid evidence, ptrace, signalled the supervisor, switched a monitor off); it is neither functional nor secure." },
            ["defaultConfiguration"] = new JsonObject { ["level"] = "error" },
            ["properties"] = new JsonObject { ["tags"] = new JsonArray("security", "integrity") },
        }
        : new()
        {
            ["id"] = id,
            ["name"] = RuleName("sample " + ReportText.FailureLabel(failure)),
            ["shortDescription"] = new JsonObject { ["text"] = $"The sample failed as a whole: {ReportText.FailureLabel(failure)}; none of its tests ran to completion." },
            ["defaultConfiguration"] = new JsonObject { ["level"] = "warning" },
            ["properties"] = new JsonObject { ["tags"] = new JsonArray("correctness") },
        };

    /// <summary>"SQL injection" -> "SqlInjection": SARIF rule names are identifiers.</summary>
    private static string RuleName(string text) => string.Concat(
        text.Split([' ', '-', '/', '(', ')', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + (w.All(char.IsUpper) && w.Length > 1 ? w[1..].ToLowerInvariant() : w[1..])));

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
