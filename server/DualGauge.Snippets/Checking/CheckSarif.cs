using System.Text.Json;
using System.Text.Json.Nodes;
using DualGauge.Core.Reports;

namespace DualGauge.Snippets.Checking;

/// <summary>
/// SARIF 2.1.0 for code scanning: one rule per CWE (help text, remediation, MITRE link), each finding at the file and
/// line in the repository with the path from source to sink as related locations, a <c>partialFingerprints</c>
/// entry that survives commits and line moves, and the evidence in its properties. Accepted findings carry a
/// suppression (inline marker or baseline); a function nothing could decide is a note, never an error.
/// </summary>
public static class CheckSarif
{
    private const string BaseId = "SRCROOT";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Render(CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rules = new List<JsonObject>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        int Rule(string id)
        {
            if (!index.TryGetValue(id, out var i))
            {
                i = index[id] = rules.Count;
                rules.Add(RuleFor(id));
            }

            return i;
        }

        var results = new JsonArray();
        foreach (var function in report.Functions)
        {
            foreach (var finding in function.Findings)
            {
                var result = Result(finding.RuleId, Rule(finding.RuleId), finding.Kind == "functional" ? "warning" : "error",
                    CheckText.Headline(function, finding), function, finding.Line);
                result["partialFingerprints"] = new JsonObject { [Fingerprints.Key] = finding.Fingerprint };
                if (finding.Steps.Count > 0)
                {
                    var related = new JsonArray();
                    var id = 1;
                    foreach (var step in finding.Steps)
                    {
                        related.Add(new JsonObject
                        {
                            ["id"] = id++,
                            ["physicalLocation"] = Physical(function.Path, step.Line),
                            ["message"] = new JsonObject { ["text"] = step.Description },
                        });
                    }

                    result["relatedLocations"] = related;
                }

                var properties = (JsonObject)result["properties"]!;
                properties["test"] = finding.TestId;
                if (finding.Expected is { } expected)
                {
                    properties["expected"] = expected;
                }

                if (finding.Actual is { } actual)
                {
                    properties["evidence"] = actual;
                }

                if (finding.Suppression is { } suppression)
                {
                    result["suppressions"] = new JsonArray(new JsonObject
                    {
                        ["kind"] = suppression.Kind == "inline" ? "inSource" : "external",
                        ["justification"] = suppression.Reason,
                    });
                    if (suppression.Kind == "baseline")
                    {
                        result["baselineState"] = "unchanged";
                    }
                }

                results.Add(result);
            }

            if (function.Verdict == CheckVerdict.NotJudged)
            {
                const string notJudged = "not-judged";
                var result = Result(notJudged, Rule(notJudged), "note", $"{function.Function} was not judged: {CheckText.WhyNotJudged(function)}", function, function.Line);
                result["partialFingerprints"] = new JsonObject { [Fingerprints.Key] = Fingerprints.Of(function.Path, function.Function, notJudged, "") };
                results.Add(result);
            }
        }

        var notifications = new JsonArray();
        foreach (var skipped in report.Skipped)
        {
            notifications.Add(new JsonObject
            {
                ["level"] = "note",
                ["descriptor"] = new JsonObject { ["id"] = "check/skipped-file" },
                ["message"] = new JsonObject { ["text"] = $"{skipped.Path}: {skipped.Reason}" },
                ["locations"] = new JsonArray(new JsonObject
                {
                    ["physicalLocation"] = new JsonObject { ["artifactLocation"] = Artifact(skipped.Path.Split(" (renamed from ", 2)[0]) },
                }),
            });
        }

        var run = new JsonObject
        {
            ["tool"] = new JsonObject
            {
                ["driver"] = new JsonObject
                {
                    ["name"] = "DualGauge",
                    ["version"] = report.Version,
                    ["semanticVersion"] = report.Version,
                    ["rules"] = new JsonArray(rules.Select(r => (JsonNode)r).ToArray()),
                },
            },
            ["invocations"] = new JsonArray(new JsonObject
            {
                ["executionSuccessful"] = true,
                ["startTimeUtc"] = report.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
                ["toolExecutionNotifications"] = notifications,
            }),
            ["originalUriBaseIds"] = new JsonObject
            {
                [BaseId] = new JsonObject { ["uri"] = new Uri(Path.TrimEndingDirectorySeparator(report.Root) + "/").AbsoluteUri },
            },
            ["results"] = results,
            ["properties"] = new JsonObject
            {
                ["scope"] = report.Scope,
                ["sandboxImage"] = report.SandboxImage,
                ["functionsChecked"] = report.Functions.Count,
                ["sandboxJobs"] = report.SandboxJobs,
                ["cacheHits"] = report.CacheHits,
            },
        };
        if (report.Revision is { } revision)
        {
            ((JsonObject)run["properties"]!)["revision"] = revision;
        }

        var log = new JsonObject
        {
            ["$schema"] = SarifReportRenderer.SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(run),
        };
        return log.ToJsonString(Indented);
    }

    private static JsonObject Result(string ruleId, int ruleIndex, string level, string message, CheckedFunction function, int line) => new()
    {
        ["ruleId"] = ruleId,
        ["ruleIndex"] = ruleIndex,
        ["level"] = level,
        ["message"] = new JsonObject { ["text"] = message },
        ["locations"] = new JsonArray(new JsonObject
        {
            ["physicalLocation"] = Physical(function.Path, line),
            ["logicalLocations"] = new JsonArray(new JsonObject { ["fullyQualifiedName"] = function.Function, ["kind"] = "function" }),
        }),
        ["properties"] = new JsonObject
        {
            ["function"] = function.Function,
            ["verdict"] = CheckGate.Words(function.Verdict),
            ["match"] = function.MatchedId is { } id ? $"{function.Match} {id}" : function.Match,
            ["functional"] = function.Functional,
            ["security"] = function.Security,
            ["cwesTested"] = new JsonArray(function.CwesTested.Select(c => (JsonNode)c).ToArray()),
            ["probesReached"] = $"{function.ProbesReached} of {function.Probes}",
            ["cached"] = function.Cached,
        },
    };

    private static JsonObject Physical(string path, int line) => new()
    {
        ["artifactLocation"] = Artifact(path),
        ["region"] = new JsonObject { ["startLine"] = Math.Max(1, line) },
    };

    private static JsonObject Artifact(string path) => new()
    {
        ["uri"] = string.Join('/', path.Split('/').Select(Uri.EscapeDataString)),
        ["uriBaseId"] = BaseId,
    };

    private static JsonObject RuleFor(string id)
    {
        if (id == "not-judged")
        {
            return new JsonObject
            {
                ["id"] = id,
                ["name"] = "NotJudged",
                ["shortDescription"] = new JsonObject { ["text"] = "A function could not be judged." },
                ["fullDescription"] = new JsonObject { ["text"] = "A template or bench task matched the function, but no probe reached its code, or setup failed (a missing module, table or fixture). Nothing is claimed about its security." },
                ["help"] = new JsonObject { ["text"] = "The result's message says why. Give the function inputs a probe can reach, or check it by hand." },
                ["defaultConfiguration"] = new JsonObject { ["level"] = "note" },
            };
        }

        if (id == "functional/failed")
        {
            return new JsonObject
            {
                ["id"] = id,
                ["name"] = "FunctionalTestFailed",
                ["shortDescription"] = new JsonObject { ["text"] = "The function failed its tests or examples." },
                ["fullDescription"] = new JsonObject { ["text"] = "A functional test of the matched bench task, one of the function's own examples, or a smoke run on benign input failed in the sandbox." },
                ["help"] = new JsonObject { ["text"] = "The result's message shows the expected and the actual value." },
                ["defaultConfiguration"] = new JsonObject { ["level"] = "warning" },
            };
        }

        if (id == "sample/tampered")
        {
            return new JsonObject
            {
                ["id"] = id,
                ["name"] = "Tampered",
                ["shortDescription"] = new JsonObject { ["text"] = "The code interfered with the test harness." },
                ["fullDescription"] = new JsonObject { ["text"] = "While it ran, the code forged, hid or suppressed evidence (for example switched a monitor off or wrote fake results). Its tests cannot be believed, so it never passes." },
                ["help"] = new JsonObject { ["text"] = "Code that games its tests is treated as failing. Review the function by hand." },
                ["defaultConfiguration"] = new JsonObject { ["level"] = "error" },
                ["properties"] = new JsonObject { ["tags"] = new JsonArray("security") },
            };
        }

        var entry = CweCatalogue.Find(id);
        var name = entry?.Name ?? id;
        var remediation = entry?.Remediation ?? "See the CWE definition for how to avoid this weakness.";
        var uri = CweCatalogue.HelpUriOrNull(id);
        var rule = new JsonObject
        {
            ["id"] = id,
            ["name"] = string.Concat(name.Split(' ', '-', '/').Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]) + w[1..])),
            ["shortDescription"] = new JsonObject { ["text"] = $"{name} ({id})." },
            ["fullDescription"] = new JsonObject { ["text"] = $"An executed probe showed {name} ({id}): the function's own behaviour in the sandbox, on the probe's input, showed the weakness." },
            ["help"] = new JsonObject
            {
                ["text"] = remediation,
                ["markdown"] = $"**{name} ({id})**\n\n{remediation}" + (uri is null ? "" : $"\n\n[{id} at MITRE]({uri})"),
            },
            ["defaultConfiguration"] = new JsonObject { ["level"] = "error" },
            ["properties"] = new JsonObject
            {
                ["tags"] = new JsonArray("security", "external/cwe/" + id.ToLowerInvariant()),
                ["precision"] = "high",
                ["problem.severity"] = "error",
            },
        };
        if (uri is not null)
        {
            rule["helpUri"] = uri;
        }

        return rule;
    }
}
