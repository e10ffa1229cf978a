using System.Text.RegularExpressions;
using DualGauge.Snippets.Widening;
using DualGauge.Core.Tasks;

namespace DualGauge.Snippets.Templates;

/// <summary>What a parameter is for, guessed from its name and declared type, to pick a sensible probe value.</summary>
public enum ParameterRole
{
    Text,
    Connection,
    Cursor,
    DatabasePath,
    Directory,
    FilePath,
    Archive,
    Url,
    Host,
    Port,
    Integer,
    Index,
    Length,
    Boolean,
    Float,
    Bytes,
    List,
    Map,
    Password,
    Salt,
    Callback,
    Request,
    Response,
    OutputBuffer,
    IntArray,
    FileHandle,
    /// <summary>C: a pointer to a struct the sample defines completely and without pointer members (zeroed storage is a valid value).</summary>
    Record,
    /// <summary>A C type no probe can construct (e.g. a pointer to a project struct).</summary>
    Opaque,
    /// <summary>A date (JavaScript: a <c>Date</c> parameter or field, e.g. <c>postedAt</c>).</summary>
    Date,
    /// <summary>An object the function calls methods on (a repository, a mailer): given a stand-in that records the calls.</summary>
    Dependency,
}

public static partial class ParameterRoles
{
    /// <summary>The role's spelling in template descriptors and probe plans: <c>FilePath</c> is <c>file-path</c>.</summary>
    public static string Key(ParameterRole role) => KebabRegex().Replace(role.ToString(), "$1-$2").ToLowerInvariant();

    public static bool TryParse(string key, out ParameterRole role)
    {
        foreach (var candidate in Enum.GetValues<ParameterRole>())
        {
            if (Key(candidate) == key)
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex KebabRegex();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex CamelRegex();

    public static ParameterRole Classify(FunctionParameter p, Language language)
    {
        // JavaScript names are camelCase: userId reads as user_id, fileName as file_name.
        var name = (language == Language.JavaScript ? CamelRegex().Replace(p.Name.TrimStart('_'), "$1_$2") : p.Name.TrimStart('_')).ToLowerInvariant();
        var type = (p.Type ?? "").Trim();
        var lowerType = type.ToLowerInvariant();
        if (language == Language.C)
        {
            return ClassifyC(name, lowerType);
        }

        if (name is "conn" or "connection" or "db" or "database" or "con" or "dbconn" or "db_conn" or "pool" or "client" or "sqlite" or "store" || lowerType.Contains("connection", StringComparison.Ordinal))
        {
            return name is "database" && lowerType.Contains("str", StringComparison.Ordinal) ? ParameterRole.DatabasePath : ParameterRole.Connection;
        }

        if (name is "cursor" or "cur" or "c" && lowerType.Length == 0 || lowerType.Contains("cursor", StringComparison.Ordinal))
        {
            return ParameterRole.Cursor;
        }

        if (name is "req" or "request")
        {
            return ParameterRole.Request;
        }

        if (name is "res" or "response" or "resp" || name == "reply" && language == Language.JavaScript)
        {
            return ParameterRole.Response;
        }

        if (name is "callback" or "cb" or "done" or "next" && language == Language.JavaScript && name != "next" || lowerType.Contains("callable", StringComparison.Ordinal) || lowerType == "function")
        {
            return ParameterRole.Callback;
        }

        if (DbPathRegex().IsMatch(name))
        {
            return ParameterRole.DatabasePath;
        }

        if (ArchiveRegex().IsMatch(name))
        {
            return ParameterRole.Archive;
        }

        if (DirectoryRegex().IsMatch(name))
        {
            return ParameterRole.Directory;
        }

        if (FilePathRegex().IsMatch(name) || lowerType.Contains("path", StringComparison.Ordinal))
        {
            return ParameterRole.FilePath;
        }

        if (UrlRegex().IsMatch(name))
        {
            return ParameterRole.Url;
        }

        if (name is "host" or "hostname" or "ip" or "address" or "addr" or "ip_address" or "ipaddress" or "domain" or "server")
        {
            return ParameterRole.Host;
        }

        if (name is "port")
        {
            return ParameterRole.Port;
        }

        if (PasswordRegex().IsMatch(name))
        {
            return ParameterRole.Password;
        }

        if (name.Contains("salt", StringComparison.Ordinal))
        {
            return ParameterRole.Salt;
        }

        if (lowerType is "bytes" or "bytearray" or "buffer" or "uint8array" || name is "data" or "blob" or "raw" or "payload_bytes" && lowerType.Contains("bytes", StringComparison.Ordinal))
        {
            return ParameterRole.Bytes;
        }

        if (lowerType is "bool" or "boolean" || BoolRegex().IsMatch(name))
        {
            return ParameterRole.Boolean;
        }

        if (lowerType is "float" or "double")
        {
            return ParameterRole.Float;
        }

        if (name is "index" or "idx" or "i" or "pos" or "position" or "offset")
        {
            return ParameterRole.Index;
        }

        if (lowerType is "int" or "number" or "integer" || IntRegex().IsMatch(name))
        {
            return ParameterRole.Integer;
        }

        if (lowerType.StartsWith("list", StringComparison.Ordinal) || lowerType.StartsWith("sequence", StringComparison.Ordinal) || lowerType.EndsWith("[]", StringComparison.Ordinal) || lowerType.StartsWith("array", StringComparison.Ordinal) || name is "items" or "values" or "args" or "argv" or "rows" or "records" or "tags" or "ids" or "names" or "keywords" or "terms" or "labels" or "emails" or "usernames" or "categories")
        {
            return ParameterRole.List;
        }

        if (lowerType.StartsWith("dict", StringComparison.Ordinal) || lowerType.StartsWith("mapping", StringComparison.Ordinal) || lowerType == "object" || name is "options" or "opts" or "config" or "settings" or "headers" or "params" or "kwargs" or "context" or "env")
        {
            return ParameterRole.Map;
        }

        return ParameterRole.Text;
    }

    private static ParameterRole ClassifyC(string name, string type)
    {
        var pointer = type.Contains('*', StringComparison.Ordinal) || type.Contains('[', StringComparison.Ordinal);
        // Pointers to pointers (char **out, argv) and multi-dimensional arrays: no value a probe builds is safe to pass.
        var levels = type.Count(c => c == '*') + Regex.Matches(type, @"\[").Count;
        var baseType = Regex.Replace(type, @"\b(const|volatile|restrict|unsigned|signed|static)\b|\*|\[[^\]]*\]", " ").Trim();
        baseType = Regex.Replace(baseType, @"\s+", " ");
        if (levels > 1 || type.Contains('(', StringComparison.Ordinal))
        {
            return ParameterRole.Opaque;
        }

        if (Regex.IsMatch(type, @"\bfile\b") && pointer)
        {
            return ParameterRole.FileHandle;
        }

        if (baseType == "char" && pointer)
        {
            if (!type.Contains("const", StringComparison.Ordinal) && OutputRegex().IsMatch(name))
            {
                return ParameterRole.OutputBuffer;
            }

            // A C string: what it names decides the benign value (a folder, a file, a host) and which probes attack it.
            if (DirectoryRegex().IsMatch(name))
            {
                return ParameterRole.Directory;
            }

            if (FilePathRegex().IsMatch(name) && name is not ("src" or "source"))
            {
                return ParameterRole.FilePath;
            }

            if (UrlRegex().IsMatch(name))
            {
                return ParameterRole.Url;
            }

            if (name is "host" or "hostname" or "ip" or "address" or "addr" or "ip_address" or "ipaddress" or "domain" or "server")
            {
                return ParameterRole.Host;
            }

            return ParameterRole.Text;
        }

        // A read-only byte buffer (what a parser takes): its content is the probe's to choose.
        if (pointer && type.Contains("const", StringComparison.Ordinal) && (baseType is "uint8_t" or "int8_t" or "void" || Regex.IsMatch(type, @"\bunsigned\s+char\b")))
        {
            return ParameterRole.Bytes;
        }

        if (pointer && baseType is "int" or "long" or "short" or "size_t" or "uint8_t" or "int8_t" or "int16_t" or "uint16_t" or "int32_t" or "uint32_t" or "int64_t" or "uint64_t" or "double" or "float" or "char" or "long long" or "ssize_t"
            || pointer && baseType == "void" && !type.Contains("const", StringComparison.Ordinal) && !OutputRegex().IsMatch(name))
        {
            return ParameterRole.IntArray;
        }

        if (!pointer && baseType.StartsWith("enum ", StringComparison.Ordinal))
        {
            return ParameterRole.Integer;
        }

        if (pointer || baseType.StartsWith("struct", StringComparison.Ordinal) || baseType.StartsWith("union", StringComparison.Ordinal))
        {
            return baseType is "void" && OutputRegex().IsMatch(name) ? ParameterRole.OutputBuffer : ParameterRole.Opaque;
        }

        if (baseType is "double" or "float")
        {
            return ParameterRole.Float;
        }

        if (baseType is "int" or "long" or "short" or "size_t" or "ssize_t" or "long long" or "long int" or "unsigned" or "uint32_t" or "int32_t" or "uint64_t" or "int64_t" or "uint8_t" or "int8_t" or "char" or "bool" or "_Bool" or "uint16_t" or "int16_t" or "off_t" or "")
        {
            if (name is "index" or "idx" or "i" or "pos" or "position" or "offset" or "off" or "k")
            {
                return ParameterRole.Index;
            }

            return LengthRegex().IsMatch(name) ? ParameterRole.Length : ParameterRole.Integer;
        }

        return ParameterRole.Opaque;
    }

    [GeneratedRegex(@"^(db_?path|db_?file|database_?(path|file|name)|db_?name|sqlite_?path)$")]
    private static partial Regex DbPathRegex();

    [GeneratedRegex(@"(zip|archive|tarball|tar_?(file|path)?|bundle)(_?(file|path|name))?$")]
    private static partial Regex ArchiveRegex();

    [GeneratedRegex(@"(^|_)(dir|directory|folder|root|base|basedir|base_?dir|dest|destination|target_?dir|out_?dir|output_?dir|upload_?dir|extract_?(to|dir)|cwd)$")]
    private static partial Regex DirectoryRegex();

    [GeneratedRegex(@"(^|_)(path|filename|file_?name|file|filepath|fname|relpath|rel_?path|name_of_file|src|source|document|doc_?name)$")]
    private static partial Regex FilePathRegex();

    [GeneratedRegex(@"(^|_)(url|uri|link|endpoint|href|webhook|feed|location|image_?url)$")]
    private static partial Regex UrlRegex();

    [GeneratedRegex(@"^(password|passwd|pwd|pass|passphrase|plaintext_?password|raw_?password|pw)$")]
    private static partial Regex PasswordRegex();

    [GeneratedRegex(@"^(is_|has_|enable|allow|verbose|debug|strict|recursive|force|flag)")]
    private static partial Regex BoolRegex();

    [GeneratedRegex(@"^(n|count|num|number|size|limit|length|len|max\w*|min\w*|timeout|age|id|\w+_id|nbytes|bits|width|height|level|retries|iterations|rounds|page|per_page|page_size|year|month|day|days|hours|minutes|seconds|amount|quantity|qty|total|lines|depth|offset|skip|top|num_\w+|\w+_count|\w+_size|\w+_limit|port|ttl|priority|delta)$")]
    private static partial Regex IntRegex();

    [GeneratedRegex(@"^(dst|dest|out|output|buf|buffer|result|res|outbuf|out_buf|target|to|d)$|_?(out|buf|dst)$")]
    private static partial Regex OutputRegex();

    [GeneratedRegex(@"(len|size|n|cap|capacity|count|max|nbytes|bufsize|buflen|outlen|dstlen|destlen|length|sz)$")]
    private static partial Regex LengthRegex();
}
