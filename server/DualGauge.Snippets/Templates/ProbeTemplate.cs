using System.Text.RegularExpressions;
using DualGauge.Core.Execution;
using DualGauge.Core.Tasks;

namespace DualGauge.Snippets.Templates;

/// <summary>
/// A family of generated dual tests keyed on what code does (runs shell commands, builds SQL...).
/// Triggers only CHOOSE the template; the verdict comes from executing the generated probes.
/// </summary>
/// <param name="Triggers">Per language, the API references that make the template applicable.</param>
public sealed record ProbeTemplate(string Id, string Title, IReadOnlyList<string> Cwes, IReadOnlyDictionary<Language, Regex> Triggers)
{
    /// <summary>The distinct API references in <paramref name="code"/> that select this template.</summary>
    public IReadOnlyList<string> Hits(Language language, string code) =>
        Triggers.TryGetValue(language, out var regex)
            ? regex.Matches(code).Select(m => m.Value.Trim()).Distinct(StringComparer.Ordinal).ToList()
            : [];
}

/// <summary>A generated tests file and the test specs the oracles judge.</summary>
public sealed record GeneratedProbes(string TestsFileName, string TestsFile, IReadOnlyList<TestSpec> Tests, IReadOnlyList<HarnessFile> Files);

public static class ProbeTemplates
{
    private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.CultureInvariant;

    private static Regex R(string pattern) => new(pattern, Options);

    public static readonly ProbeTemplate Shell = new("shell", "Shell command execution", ["CWE-78"], new Dictionary<Language, Regex>
    {
        [Language.Python] = R(@"\bos\.(system|popen|exec\w*|spawn\w*)\s*\(|\bsubprocess\.\w+|\b(Popen|check_output|check_call|getoutput|getstatusoutput)\s*\(|shell\s*=\s*True"),
        [Language.JavaScript] = R(@"\bchild_process\b|\b(exec|execSync|spawn|spawnSync|execFile|execFileSync|fork)\s*\("),
        [Language.C] = R(@"\b(system|popen|execl|execlp|execle|execv|execvp|execve)\s*\("),
    });

    public static readonly ProbeTemplate Sql = new("sql", "SQL query", ["CWE-89"], new Dictionary<Language, Regex>
    {
        [Language.Python] = R(@"\.(execute|executemany|executescript)\s*\(|\bsqlite3\b|\bcursor\s*\(|\b(SELECT|INSERT|UPDATE|DELETE)\b[^""'\n]*\b(FROM|INTO|SET|WHERE)\b"),
        [Language.JavaScript] = R(@"\.(query|execute|prepare|all|run|get|exec)\s*\(\s*[`'""(]?\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b|\b(SELECT|INSERT|UPDATE|DELETE)\b[^`'""\n]*\b(FROM|INTO|SET|WHERE)\b"),
    });

    public static readonly ProbeTemplate Path = new("path", "File path from input", ["CWE-22"], new Dictionary<Language, Regex>
    {
        [Language.Python] = R(@"\bopen\s*\(|\bos\.path\.join\b|\bpathlib\b|\bPath\s*\(|\bsend_file\s*\(|\bsend_from_directory\s*\(|\bos\.(remove|unlink|listdir|makedirs)\s*\(|\bshutil\.\w+|\.read_(text|bytes)\s*\(|\.write_(text|bytes)\s*\("),
        [Language.JavaScript] = R(@"\bfs\.\w+|\b(readFile|readFileSync|writeFile|writeFileSync|createReadStream|createWriteStream|sendFile|unlink|unlinkSync|readdir)\s*\(|\bpath\.(join|resolve)\s*\("),
        [Language.C] = R(@"\b(fopen|open|freopen|remove|unlink|opendir)\s*\("),
    });

    public static readonly ProbeTemplate Archive = new("archive", "Archive extraction", ["CWE-22"], new Dictionary<Language, Regex>
    {
        [Language.Python] = R(@"\b(zipfile|tarfile|ZipFile|extractall|shutil\.unpack_archive)\b"),
    });

    public static readonly ProbeTemplate Deserialization = new("deserialization", "Deserialisation of untrusted data", ["CWE-502"], new Dictionary<Language, Regex>
    {
        [Language.Python] = R(@"\bpickle\.(loads?|Unpickler)\b|\bcPickle\b|\byaml\.(load|unsafe_load|full_load)\s*\(|\bmarshal\.loads?\s*\(|\bshelve\.open\s*\(|\bjsonpickle\.decode\s*\(|\bdill\.loads?\s*\("),
    });

    public static readonly ProbeTemplate CodeEval = new("code-eval", "Code evaluation from strings", ["CWE-94", "CWE-95"], new Dictionary<Language, Regex>
    {
        [Language.Python] = R(@"(?<![\w.])(eval|exec|compile)\s*\("),
        [Language.JavaScript] = R(@"(?<![\w.])eval\s*\(|\bnew\s+Function\s*\(|(?<![\w.])Function\s*\(|\bvm\.(runIn\w+|Script|compileFunction)\b|\bset(Timeout|Interval)\s*\(\s*[`'""]"),
    });

    public static readonly ProbeTemplate Xml = new("xml", "XML parsing", ["CWE-611"], new Dictionary<Language, Regex>
    {
        [Language.Python] = R(@"\bxml\.(etree|dom|sax)\b|\blxml\b|\bElementTree\b|\b(fromstring|parseString|XMLParser)\s*\(|\bminidom\b"),
    });

    public static readonly ProbeTemplate UrlFetch = new("url-fetch", "Fetching a URL from input", ["CWE-918"], new Dictionary<Language, Regex>
    {
        [Language.Python] = R(@"\brequests\.(get|post|put|head|request|Session)\b|\burllib\.request\b|\burlopen\s*\(|\bhttp\.client\b|\bhttpx\.\w+|\bHTTPConnection\s*\(|\bsocket\.create_connection\s*\("),
        [Language.JavaScript] = R(@"(?<![\w.])fetch\s*\(|\b(http|https)\.(get|request)\s*\(|\baxios\b|\bgot\s*\(|\bnet\.connect\s*\("),
    });

    public static readonly ProbeTemplate Redirect = new("redirect", "Redirect to a URL from input", ["CWE-601"], new Dictionary<Language, Regex>
    {
        [Language.Python] = R(@"\bredirect\s*\(|\bHttpResponseRedirect\b|\bRedirectResponse\b|['""]Location['""]|\b(next_url|return_to|redirect_to|redirect_url)\b"),
        [Language.JavaScript] = R(@"\.redirect\s*\(|['""]Location['""]|\bwriteHead\s*\(\s*30[1278]|\b(returnTo|redirectTo|redirectUrl|nextUrl)\b"),
    });

    public static readonly ProbeTemplate Html = new("html", "HTML built from input", ["CWE-79"], new Dictionary<Language, Regex>
    {
        [Language.Python] = R(@"[fF]?['""]{1,3}[^'""\n]*<(html|div|p|span|a|li|ul|td|tr|h[1-6]|b|i|em|strong|body|script|img|input|form|table|pre|code)\b|\brender_template_string\s*\(|\bMarkup\s*\(|\bmark_safe\s*\("),
        [Language.JavaScript] = R(@"[`'""][^`'""\n]*<(html|div|p|span|a|li|ul|td|tr|h[1-6]|b|i|em|strong|body|script|img|input|form|table|pre|code)\b|\.innerHTML\b|\.outerHTML\b|\bdocument\.write\s*\(|\binsertAdjacentHTML\s*\("),
    });

    public static readonly ProbeTemplate Randomness = new("randomness", "Random tokens and secrets", ["CWE-330", "CWE-338"], new Dictionary<Language, Regex>
    {
        [Language.Python] = R(@"\brandom\.(random|randint|choice|choices|randrange|getrandbits|sample|shuffle|uniform)\s*\(|(?<![\w.])(randint|choices|randrange|getrandbits)\s*\(|\bsecrets\.\w+|\bos\.urandom\s*\(|\buuid\.uuid[14]\s*\("),
        [Language.JavaScript] = R(@"\bMath\.random\s*\(|\bcrypto\.(randomBytes|randomUUID|getRandomValues|randomInt)\s*\("),
    });

    public static readonly ProbeTemplate PasswordHash = new("password-hash", "Password hashing", ["CWE-916", "CWE-759"], new Dictionary<Language, Regex>
    {
        [Language.Python] = R(@"\bhashlib\.(md5|sha1|sha224|sha256|sha384|sha512|new|pbkdf2_hmac|scrypt|blake2b)\s*\(|\bbcrypt\.\w+|\bargon2\b|\bcrypt\.crypt\s*\("),
        [Language.JavaScript] = R(@"\bcreateHash\s*\(|\b(pbkdf2|pbkdf2Sync|scrypt|scryptSync)\s*\(|\bbcrypt\w*\.\w+"),
    });

    public static readonly ProbeTemplate Redos = new("regex", "Regular expression on input", ["CWE-1333"], new Dictionary<Language, Regex>
    {
        [Language.Python] = R(@"\bre\.(match|search|fullmatch|findall|finditer|sub|subn|split|compile)\s*\("),
        [Language.JavaScript] = R(@"\bnew\s+RegExp\s*\(|(?<![\w)\]])/(?![/*\s])(?:\\.|\[(?:\\.|[^\]\n])*\]|[^/\n\\\[])+/[gimsuyd]*\.(test|exec)\s*\(|\.(match|matchAll|replace|search|split)\s*\(\s*/"),
    });

    public static readonly ProbeTemplate Memory = new("memory", "Memory copies into buffers", ["CWE-787", "CWE-120", "CWE-125"], new Dictionary<Language, Regex>
    {
        [Language.C] = R(@"\b(strcpy|strncpy|strcat|strncat|memcpy|memmove|sprintf|vsprintf|gets|sscanf|scanf|fgets|read|strlcpy|memset)\s*\(|\b(char|int|uint8_t|unsigned char)\s+\w+\s*\[\s*\w+\s*\]|\[\s*\w+\s*\]\s*="),
    });

    public static readonly ProbeTemplate FormatString = new("format-string", "Format strings", ["CWE-134"], new Dictionary<Language, Regex>
    {
        [Language.C] = R(@"\b(printf|fprintf|sprintf|snprintf|vprintf|vfprintf|vsnprintf|syslog|dprintf)\s*\("),
    });

    /// <summary>All templates, in order of preference when several fit equally well.</summary>
    public static IReadOnlyList<ProbeTemplate> All { get; } =
        [Sql, Shell, CodeEval, Deserialization, Archive, Xml, UrlFetch, Path, Redirect, Html, PasswordHash, Randomness, Redos, Memory, FormatString];

    public static ProbeTemplate? Find(string id) => All.FirstOrDefault(t => t.Id == id);
}
