using System.CommandLine;
using System.Text.Json;
using DualGauge.Ai.Auditing;
using DualGauge.Cli.Infrastructure;
using DualGauge.Core.Reports;
using Spectre.Console;

namespace DualGauge.Cli.Commands;

/// <summary>
/// <c>dualgauge audit REPORT</c>: draws a seeded random sample of judged tests for human review;
/// <c>dualgauge audit REPORT --labels FILE</c>: the human agreement of the oracles and of the judge.
/// </summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var report = new Argument<FileInfo>("report") { Description = "A report.json written by `dualgauge bench --judge MODEL`." };
        var fraction = new Option<double>("--fraction") { Description = "Share of judged tests to review.", DefaultValueFactory = _ => AuditSampler.DefaultFraction };
        var seed = new Option<int>("--seed") { Description = "Seed of the random draw (same report + seed = same sample).", DefaultValueFactory = _ => 1 };
        var output = new Option<FileInfo>("--out", "-o") { Description = "Where to write the review file.", DefaultValueFactory = _ => new FileInfo("audit-review.json") };
        var labels = new Option<FileInfo?>("--labels") { Description = "A review file with labels filled in: report the agreement instead of drawing." };
        var key = new Option<FileInfo?>("--key") { Description = "The review's key (which test each item is), written beside the review file as NAME.key.json; keep it from the reviewer." };
        var command = new Command("audit", "Draw a reproducible sample of judged tests for blind human review, then report how often the oracles and the judge agree with the reviewer.")
        {
            report, fraction, seed, output, labels, key,
        };

        command.SetAction(async (parse, ct) =>
        {
            var reportFile = parse.GetValue(report)!;
            BenchReportDocument document;
            try
            {
                document = JsonReportRenderer.Parse(await File.ReadAllTextAsync(reportFile.FullName, ct).ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
            {
                return ModelOptions.Fail($"{reportFile.FullName}: cannot read the report ({ex.Message})");
            }

            try
            {
                if (parse.GetValue(labels) is { } labelFile)
                {
                    var keyPath = parse.GetValue(key)?.FullName ?? AuditSampler.KeyPathFor(labelFile.FullName);
                    if (!File.Exists(keyPath))
                    {
                        return ModelOptions.Fail($"{keyPath}: no review key (the file `dualgauge audit` wrote beside the review file; pass it with --key)");
                    }

                    var result = AuditSampler.Score(AuditSampler.ReadReview(labelFile.FullName), AuditSampler.ReadKey(keyPath), document);
                    foreach (var problem in result.Problems)
                    {
                        AnsiConsole.MarkupLineInterpolated($"[yellow]{labelFile.Name}:[/] {problem}");
                    }

                    AnsiConsole.MarkupLineInterpolated($"{result.Labelled} of {result.Items} items labelled");
                    AnsiConsole.MarkupLineInterpolated($"oracles vs reviewer: {result.Oracles.Describe()}");
                    AnsiConsole.MarkupLineInterpolated($"judge vs reviewer:   {result.Judge.Describe()}");
                    foreach (var d in result.Disagreements)
                    {
                        AnsiConsole.MarkupLineInterpolated($"  {d.Id} ({d.Key}): reviewer {d.Human}, oracles {d.Oracles}, judge {d.Judge}{(string.IsNullOrWhiteSpace(d.Note) ? "" : " (" + d.Note + ")")}");
                    }

                    return result.Labelled == 0 ? ModelOptions.Fail("no item is labelled pass or fail") : ExitCodes.Success;
                }

                var draw = AuditSampler.Draw(document, reportFile.FullName, parse.GetValue(fraction), parse.GetValue(seed));
                var outFile = parse.GetValue(output)!;
                var keyFile = parse.GetValue(key)?.FullName ?? AuditSampler.KeyPathFor(outFile.FullName);
                await File.WriteAllTextAsync(outFile.FullName, JsonSerializer.Serialize(draw.Review, AuditSampler.JsonOptions), ct).ConfigureAwait(false);
                await File.WriteAllTextAsync(keyFile, JsonSerializer.Serialize(draw.Key, AuditSampler.JsonOptions), ct).ConfigureAwait(false);
                AnsiConsole.MarkupLineInterpolated($"drew {draw.Review.Items.Count} of {draw.Key.Population} judged tests (seed {draw.Key.Seed}) into {outFile.FullName}");
                AnsiConsole.MarkupLineInterpolated($"its key (which test each item is; keep it from the reviewer): {keyFile}");
                AnsiConsole.MarkupLineInterpolated($"label each item pass or fail, then: dualgauge audit {reportFile.FullName} --labels {outFile.FullName}");
                return ExitCodes.Success;
            }
            catch (Exception ex) when (ex is InvalidDataException or ArgumentOutOfRangeException or IOException)
            {
                return ModelOptions.Fail(ex.Message);
            }
        });
        return command;
    }
}
