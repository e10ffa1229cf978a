namespace DualGauge.Core.Tasks;

/// <summary>A language DualGauge can execute and judge.</summary>
public enum Language
{
    Python,
    JavaScript,
    C,

    /// <summary>C++ (g++), run by the same supervisor, sanitizers and monitors as C.</summary>
    Cpp,
}

public static class LanguageExtensions
{
    /// <summary>Every language id, for messages that list them ("python, javascript, c, cpp").</summary>
    public static string AllIds => string.Join(", ", Enum.GetValues<Language>().Select(l => l.Id()));

    /// <summary>The identifier used in manifests, folder names and the harness protocol.</summary>
    public static string Id(this Language language) => language switch
    {
        Language.Python => "python",
        Language.JavaScript => "javascript",
        Language.C => "c",
        Language.Cpp => "cpp",
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, null),
    };

    /// <summary>The file extension of a source file in this language, without the dot.</summary>
    public static string FileExtension(this Language language) => language switch
    {
        Language.Python => "py",
        Language.JavaScript => "js",
        Language.C => "c",
        Language.Cpp => "cpp",
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, null),
    };

    public static bool TryParse(string? text, out Language language)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "python" or "py":
                language = Language.Python;
                return true;
            case "javascript" or "js" or "node":
                language = Language.JavaScript;
                return true;
            case "c":
                language = Language.C;
                return true;
            case "cpp" or "c++" or "cxx":
                language = Language.Cpp;
                return true;
            default:
                language = default;
                return false;
        }
    }

    /// <summary>The language of a source file from its extension (with or without the dot).</summary>
    public static bool TryFromExtension(string extension, out Language language)
    {
        Language? found = extension.TrimStart('.').ToLowerInvariant() switch
        {
            "py" => Language.Python,
            "js" or "mjs" or "cjs" => Language.JavaScript,
            "c" or "h" => Language.C,
            "cpp" or "cc" or "cxx" or "hpp" => Language.Cpp,
            _ => null,
        };
        language = found ?? default;
        return found is not null;
    }
}
