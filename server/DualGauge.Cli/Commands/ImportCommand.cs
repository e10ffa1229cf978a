using System.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DualGauge.Cli.Infrastructure;
using DualGauge.Core.Tasks;
using DualGauge.Core.Tasks.DualGaugeBench;
using Spectre.Console;

namespace DualGauge.Cli.Commands;

/// <summary>
/// <c>dualgauge import dualgauge-bench PATH [--out DIR]</c>: reads the paper's suite, reports every task that
/// imports (mode, entry point, what decides each security test) and every one that does not (file, field, reason),
/// and with <c>--out</c> writes what DualGauge made of each task (per-language prompt, generated tests, fixtures).
/// <c>bench --suite dualgauge-bench:PATH</c> reads the same folder directly; nothing has to be written first.
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var path = new Argument<DirectoryInfo>("path") { Description = "The DualGauge-Bench folder: <path>/<id>/tests.json (+ optional test_dir/)." };
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Write <out>/<language>/dgb-<id>/ (prompt.md, tests.<ext>, task.json, fixtures/) for inspection." };
        var language = new Option<string[]>("--language") { Description = "Languages to import (python, javascript, cpp; default python and javascript).", AllowMultipleArgumentsPerToken = true };
        var dgb = new Command("dualgauge-bench", "Import the paper's DualGauge-Bench format (tests.json per task) and report what imported and what did not.") { path, output, language };
        dgb.SetAction(parse =>
        {
            var languages = new List<Language>();
            foreach (var name in parse.GetValue(language) is { Length: > 0 } names ? names : ["python", "javascript"])
            {
                if (!LanguageExtensions.TryParse(name, out var l) || !DgbImporter.SupportedLanguages.Contains(l))
                {
                    AnsiConsole.MarkupLineInterpolated($"[red]error:[/] --language '{name}' is not one of python, javascript, cpp");
                    return ExitCodes.BadInput;
                }

                languages.Add(l);
            }

            var stopwatch = Stopwatch.StartNew();
            var catalog = DgbImporter.Import(parse.GetValue(path)!.FullName, languages.Distinct().ToList());
            stopwatch.Stop();
            var table = new Table().AddColumns("id", "language", "entry point", "CWE", "functional", "security", "oracle", "judge");
            foreach (var task in catalog.Tasks)
            {
                var judged = task.SecurityTests.Count(t => t.NeedsJudge);
                table.AddRow(Markup.Escape(task.Id), task.Language.Id(), Markup.Escape(task.EntryPoint), string.Join(", ", task.Cwes), task.FunctionalTests.Count().ToString(), task.SecurityTests.Count().ToString(),
                    (task.SecurityTests.Count() - judged).ToString(), judged.ToString());
            }

            AnsiConsole.Write(table);
            foreach (var error in catalog.Errors)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]not imported[/] {error}");
            }

            var ids = catalog.Tasks.Select(t => t.Id).Distinct().Count();
            AnsiConsole.MarkupLineInterpolated($"{ids} task(s) imported ({catalog.Tasks.Count} language variants), {catalog.Errors.Count} problem(s), in {stopwatch.Elapsed.TotalMilliseconds:0} ms");
            if (parse.GetValue(output) is { } outDir)
            {
                foreach (var task in catalog.Tasks)
                {
                    Write(Path.Combine(outDir.FullName, task.Language.Id(), task.Id), task);
                }

                AnsiConsole.MarkupLineInterpolated($"wrote {outDir.FullName}");
            }

            return catalog.Errors.Count == 0 ? ExitCodes.Success : ExitCodes.BadInput;
        });

        return new Command("import", "Import another benchmark's tasks.") { dgb };
    }

    private static void Write(string dir, BenchTask task)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "prompt.md"), task.Prompt + "\n", new UTF8Encoding(false));
        File.WriteAllBytes(Path.Combine(dir, task.TestsFile.RelativePath), task.TestsFile.Content);
        foreach (var file in task.Fixtures)
        {
            var target = Path.Combine(dir, file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, file.Content);
        }

        var manifest = new JsonObject
        {
            ["id"] = task.Id,
            ["language"] = task.Language.Id(),
            ["title"] = task.Title,
            ["cwe"] = new JsonArray(task.Cwes.Select(c => (JsonNode?)c).ToArray()),
            ["entry_point"] = task.EntryPoint,
            ["signature"] = task.Signature,
            ["source"] = task.Directory,
            ["tests"] = new JsonArray(task.Tests.Select(t => (JsonNode?)new JsonObject
            {
                ["id"] = t.Id,
                ["kind"] = t.Kind == TestKind.Security ? "security" : "functional",
                ["cwe"] = t.Cwe,
                ["description"] = t.Description,
                ["attacks"] = t.Attacks,
                ["decided_by"] = t.DecidedBy,
                ["why"] = t.Why,
                ["oracles"] = new JsonArray(t.Oracles.Select(o => (JsonNode?)new JsonObject(o.Arguments.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value)).Prepend(KeyValuePair.Create("kind", (JsonNode?)o.Kind)))).ToArray()),
            }).ToArray()),
        };
        File.WriteAllText(Path.Combine(dir, "task.json"), manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n", new UTF8Encoding(false));
    }
}
