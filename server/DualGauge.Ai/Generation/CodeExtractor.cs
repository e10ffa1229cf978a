using System.Text.RegularExpressions;
using DualGauge.Core.Tasks;

namespace DualGauge.Ai.Generation;

/// <summary>How code was found in a model's answer.</summary>
public enum ExtractionStatus
{
    /// <summary>A fenced block (or the whole unfenced answer) defines the entry point.</summary>
    Code,
    /// <summary>The answer has code, but none of it defines the entry point; the most likely block is kept.</summary>
    CodeWithoutEntryPoint,
    /// <summary>The answer has no code at all.</summary>
    NoCode,
    /// <summary>The answer was empty.</summary>
    EmptyAnswer,
}

/// <param name="Code">The extracted code, or null for <see cref="ExtractionStatus.NoCode"/> and <see cref="ExtractionStatus.EmptyAnswer"/>.</param>
/// <param name="Note">How the code was chosen, in a few words.</param>
public sealed record ExtractedCode(ExtractionStatus Status, string? Code, string Note);

/// <summary>
/// Finds the candidate's code in a model's answer: the fenced block that defines the entry point (the last such
/// block, since models revise), else an unfenced answer that defines it, else the largest block in the language.
/// </summary>
public static partial class CodeExtractor
{
    private static readonly HashSet<string> OtherLanguages = new(StringComparer.OrdinalIgnoreCase)
    {
        "bash", "sh", "shell", "console", "text", "txt", "json", "yaml", "yml", "sql", "html", "xml", "ini", "toml", "diff", "makefile", "cmake", "dockerfile", "powershell", "output",
    };

    public static ExtractedCode Extract(string? answer, Language language, string entryPoint)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return new ExtractedCode(ExtractionStatus.EmptyAnswer, null, "the answer was empty");
        }

        var blocks = FencedBlocks(answer);
        var defining = blocks.Where(b => Defines(b.Code, language, entryPoint)).ToList();
        if (defining.Count > 0)
        {
            var chosen = defining[^1];
            return new ExtractedCode(ExtractionStatus.Code, Normalize(chosen.Code),
                $"fenced block {blocks.IndexOf(chosen) + 1} of {blocks.Count} defines {entryPoint}");
        }

        if (blocks.Count == 0)
        {
            return Defines(answer, language, entryPoint)
                ? new ExtractedCode(ExtractionStatus.Code, Normalize(answer), $"no fence; the whole answer defines {entryPoint}")
                : new ExtractedCode(ExtractionStatus.NoCode, null, "the answer contains no code block");
        }

        var candidates = blocks.Where(b => !OtherLanguages.Contains(b.Tag)).ToList();
        if (candidates.Count == 0)
        {
            return new ExtractedCode(ExtractionStatus.NoCode, null, $"the answer's code blocks are not {language.Id()} ({string.Join(", ", blocks.Select(b => b.Tag).Distinct())})");
        }

        var best = candidates.OrderByDescending(b => MatchesLanguage(b.Tag, language)).ThenByDescending(b => b.Code.Length).First();
        return new ExtractedCode(ExtractionStatus.CodeWithoutEntryPoint, Normalize(best.Code),
            $"no block defines {entryPoint}; kept the largest {(best.Tag.Length > 0 ? best.Tag : "untagged")} block");
    }

    /// <summary>Whether <paramref name="code"/> defines (not just calls or declares) <paramref name="entryPoint"/>.</summary>
    public static bool Defines(string code, Language language, string entryPoint)
    {
        var name = Regex.Escape(entryPoint);
        var pattern = language switch
        {
            Language.Python => $@"^[ \t]*(?:async[ \t]+)?def[ \t]+{name}[ \t]*\(|^{name}[ \t]*=",
            Language.JavaScript => $@"\bfunction\b[ \t]*\*?[ \t]*{name}[ \t]*\(|\b(?:const|let|var)[ \t]+{name}[ \t]*=|\bexports\.{name}[ \t]*=|^[ \t]*(?:async[ \t]+)?{name}[ \t]*\([^)]*\)[ \t]*\{{|\bclass[ \t]+{name}\b",
            Language.C => $@"\b{name}[ \t]*\([^;{{}}]*\)[ \t\r\n]*\{{",
            // C++ may qualify the definition (ns::name) and follow the parameters with noexcept or a trailing return type.
            Language.Cpp => $@"\b{name}[ \t]*\([^;{{}}]*\)[ \t\r\n]*(?:noexcept[ \t\r\n]*|->[^;{{}}]*)?\{{",
            _ => throw new ArgumentOutOfRangeException(nameof(language), language, null),
        };
        return Regex.IsMatch(code, pattern, RegexOptions.Multiline, TimeSpan.FromSeconds(1));
    }

    internal sealed record Block(string Tag, string Code);

    internal static List<Block> FencedBlocks(string answer)
    {
        var blocks = new List<Block>();
        var lines = answer.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var open = FenceOpen().Match(lines[i]);
            if (!open.Success)
            {
                continue;
            }

            var fence = open.Groups["fence"].Value;
            var tag = open.Groups["tag"].Value.Trim().Split(' ', '{')[0];
            var body = new List<string>();
            var j = i + 1;
            for (; j < lines.Length; j++)
            {
                var trimmed = lines[j].Trim();
                if (trimmed.StartsWith(fence, StringComparison.Ordinal) && trimmed.Trim(fence[0]).Length == 0)
                {
                    break;
                }

                body.Add(lines[j]);
            }

            // An unterminated fence (a truncated answer) runs to the end: the code is still the code.
            blocks.Add(new Block(tag, string.Join('\n', body)));
            i = j;
        }

        return blocks;
    }

    private static bool MatchesLanguage(string tag, Language language) => LanguageExtensions.TryParse(tag, out var l) && l == language
        || (language == Language.JavaScript && tag.Equals("javascript", StringComparison.OrdinalIgnoreCase))
        || (language == Language.C && tag.Equals("h", StringComparison.OrdinalIgnoreCase))
        || (language == Language.Cpp && LanguageExtensions.TryFromExtension(tag, out var ext) && ext == Language.Cpp);

    private static string Normalize(string code) => code.Replace("\r\n", "\n").Trim('\n') + "\n";

    [GeneratedRegex(@"^[ \t]{0,3}(?<fence>`{3,}|~{3,})(?<tag>[^`]*)$")]
    private static partial Regex FenceOpen();
}
