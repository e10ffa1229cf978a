using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using DualGauge.Ai.Models;
using DualGauge.Core.Tasks;
using Microsoft.Extensions.AI;

namespace DualGauge.Ai.Generation;

/// <param name="SamplesPerTask">n samples per task and model (file names 0..n-1).</param>
/// <param name="MaxOutputTokens">Cap on the answer's length, or null for the endpoint's default.</param>
/// <param name="Concurrency">Requests in flight at once.</param>
public sealed record GenerationOptions(string OutputRoot, int SamplesPerTask = 1, float Temperature = 0.8f, int? MaxOutputTokens = null, int Concurrency = 2);

/// <summary>What happened to one sample; written beside the samples as <c>.dualgauge/&lt;model&gt;/&lt;task&gt;/&lt;n&gt;.json</c>.</summary>
public sealed record GenerationRecord
{
    public required string Model { get; init; }
    public required string TaskId { get; init; }
    public required int Index { get; init; }
    public required string Language { get; init; }
    /// <summary>The endpoint without credentials, query or fragment.</summary>
    public required string Endpoint { get; init; }
    public required float Temperature { get; init; }
    /// <summary><c>code</c>, <c>code-without-entry-point</c>, <c>no-code</c>, <c>empty-answer</c>, <c>error</c> or <c>kept</c> (existed already).</summary>
    public required string Status { get; init; }
    public string? Note { get; init; }
    /// <summary>The sample file, relative to the output root; null when none was written.</summary>
    public string? SamplePath { get; init; }
    public long? InputTokens { get; init; }
    public long? OutputTokens { get; init; }
    public long? TotalTokens { get; init; }
    public double DurationMs { get; init; }
    public int Attempts { get; init; }
    public string? FinishReason { get; init; }
    public DateTimeOffset GeneratedAt { get; init; }
    /// <summary>The model's whole answer, for audits of the extraction.</summary>
    public string? Answer { get; init; }
}

/// <summary>The outcome of a generation run.</summary>
public sealed record GenerationRun(IReadOnlyList<GenerationRecord> Records, TimeSpan Duration)
{
    public int Generated => Records.Count(r => r.Status is not ("kept" or "error"));

    public int Kept => Records.Count(r => r.Status == "kept");

    public int WithoutCode => Records.Count(r => r.Status is "no-code" or "empty-answer");

    public int Errors => Records.Count(r => r.Status == "error");

    public long Tokens => Records.Sum(r => r.TotalTokens ?? 0);
}

/// <summary>
/// Asks models for n samples of every task and writes them in the layout <c>bench --samples</c> reads:
/// <c>&lt;out&gt;/&lt;model&gt;/&lt;task-id&gt;/&lt;n&gt;.&lt;ext&gt;</c>. Resumable: a sample file that exists is kept, never regenerated.
/// </summary>
public sealed class SampleGenerator(Func<string, ModelCaller> callerForModel)
{
    /// <summary>Folder (under the output root) for the per-sample records; its leading dot keeps <c>bench</c> from reading it as a model.</summary>
    public const string RecordsFolder = ".dualgauge";

    internal static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string SystemPrompt(BenchTask task) =>
        $"You write {LanguageName(task.Language)} code. Answer with the complete implementation in one fenced ```{task.Language.Id()} code block. " +
        (task.EntryPoint == Core.Tasks.DualGaugeBench.DgbImporter.ProgramEntryPoint
            ? "Write a complete program that reads its command-line arguments and standard input and writes to standard output."
            : $"The function must be named `{task.EntryPoint}`.");

    /// <summary>A folder name for a model ("org/model:tag" becomes "org-model-tag").</summary>
    public static string ModelFolder(string model)
    {
        var safe = new string(model.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-').ToArray()).Trim('-');
        return safe.Length == 0 || safe[0] == '.' ? "m" + safe : safe;
    }

    public static string SamplePath(string root, string model, BenchTask task, int index) =>
        Path.Combine(root, ModelFolder(model), task.Id, $"{index}.{task.Language.FileExtension()}");

    public static string RecordPath(string root, string model, string taskId, int index) =>
        Path.Combine(root, RecordsFolder, ModelFolder(model), taskId, $"{index}.json");

    /// <exception cref="ModelCallException">The endpoint refused the key (HTTP 401/403): the run stops, since no request can succeed.</exception>
    public async Task<GenerationRun> RunAsync(IReadOnlyList<string> models, IReadOnlyList<BenchTask> tasks, GenerationOptions options, IProgress<GenerationRecord>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SamplesPerTask, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Concurrency, 1);
        var started = DateTimeOffset.UtcNow;
        var work = (from model in models from task in tasks from i in Enumerable.Range(0, options.SamplesPerTask) select (model, task, i)).ToList();
        var records = new GenerationRecord?[work.Count];
        ModelCallException? fatal = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, work.Count), new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = stop.Token }, async (index, token) =>
            {
                var (model, task, i) = work[index];
                GenerationRecord record;
                try
                {
                    record = await GenerateOneAsync(callerForModel(model), model, task, i, options, token).ConfigureAwait(false);
                }
                catch (ModelCallException ex) when (ex.Kind == ModelErrorKind.Unauthorized)
                {
                    Interlocked.CompareExchange(ref fatal, ex, null);
                    await stop.CancelAsync().ConfigureAwait(false);
                    return;
                }

                records[index] = record;
                progress?.Report(record);
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (fatal is not null && !cancellationToken.IsCancellationRequested)
        {
        }

        if (fatal is not null)
        {
            throw fatal;
        }

        return new GenerationRun(records.OfType<GenerationRecord>().ToList(), DateTimeOffset.UtcNow - started);
    }

    private static async Task<GenerationRecord> GenerateOneAsync(ModelCaller caller, string model, BenchTask task, int index, GenerationOptions options, CancellationToken cancellationToken)
    {
        var root = options.OutputRoot;
        var samplePath = SamplePath(root, model, task, index);
        var relative = Path.GetRelativePath(root, samplePath);
        var record = new GenerationRecord
        {
            Model = model,
            TaskId = task.Id,
            Index = index,
            Language = task.Language.Id(),
            Endpoint = caller.Endpoint.DisplayEndpoint,
            Temperature = options.Temperature,
            Status = "kept",
            SamplePath = relative,
            GeneratedAt = DateTimeOffset.UtcNow,
        };
        if (File.Exists(samplePath))
        {
            return record with { Note = "the sample existed; kept as it is" };
        }

        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, SystemPrompt(task)),
            new(ChatRole.User, task.Prompt),
        };
        var chatOptions = new ChatOptions { Temperature = options.Temperature, MaxOutputTokens = options.MaxOutputTokens };
        ModelAnswer answer;
        try
        {
            answer = await caller.AskAsync(messages, chatOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (ModelCallException ex) when (ex.Kind != ModelErrorKind.Unauthorized)
        {
            // No sample file: the next run tries again. The record says why this one failed.
            var failed = record with { Status = "error", Note = ex.Message, SamplePath = null, Attempts = ex.Attempts };
            await WriteRecordAsync(root, failed, cancellationToken).ConfigureAwait(false);
            return failed;
        }

        var extracted = CodeExtractor.Extract(answer.Text, task.Language, task.EntryPoint);
        var status = extracted.Status switch
        {
            ExtractionStatus.Code => "code",
            ExtractionStatus.CodeWithoutEntryPoint => "code-without-entry-point",
            ExtractionStatus.NoCode => "no-code",
            _ => "empty-answer",
        };
        var result = record with
        {
            Status = status,
            Note = extracted.Note,
            InputTokens = answer.InputTokens,
            OutputTokens = answer.OutputTokens,
            TotalTokens = answer.TotalTokens,
            DurationMs = answer.Duration.TotalMilliseconds,
            Attempts = answer.Attempts,
            FinishReason = answer.FinishReason,
            Answer = answer.Text,
        };

        // An answer without code is still a sample, and a failing one: dropping it would inflate pass@k.
        var code = extracted.Code ?? Placeholder(task.Language, extracted.Note);
        await WriteRecordAsync(root, result, cancellationToken).ConfigureAwait(false);
        await WriteAtomicallyAsync(samplePath, code, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Reads the record of one sample, or null when there is none.</summary>
    public static GenerationRecord? ReadRecord(string root, string model, string taskId, int index)
    {
        var path = RecordPath(root, model, taskId, index);
        return File.Exists(path) ? JsonSerializer.Deserialize<GenerationRecord>(File.ReadAllText(path), JsonOptions) : null;
    }

    private static Task WriteRecordAsync(string root, GenerationRecord record, CancellationToken cancellationToken) =>
        WriteAtomicallyAsync(RecordPath(root, record.Model, record.TaskId, record.Index), JsonSerializer.Serialize(record, JsonOptions), cancellationToken);

    private static async Task WriteAtomicallyAsync(string path, string text, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp-" + Guid.NewGuid().ToString("N");
        await File.WriteAllTextAsync(temp, text, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        File.Move(temp, path, overwrite: true);
    }

    private static string Placeholder(Language language, string why) => language switch
    {
        Language.Python => $"# DualGauge: the model's answer had no code ({why}).\n",
        Language.JavaScript => $"// DualGauge: the model's answer had no code ({why}).\n",
        _ => $"/* DualGauge: the model's answer had no code ({why}). */\n",
    };

    private static string LanguageName(Language language) => language switch
    {
        Language.Python => "Python 3",
        Language.JavaScript => "JavaScript (Node.js)",
        Language.Cpp => "C++ (C++17)",
        _ => "C (C11)",
    };
}
