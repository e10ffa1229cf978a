using DualGauge.Core.Metrics;

namespace DualGauge.Core.Reports;

/// <summary>A weakness DualGauge tests for, with the advice shown next to a failed security test.</summary>
/// <param name="Id">Canonical id, e.g. <c>CWE-89</c>.</param>
/// <param name="Name">Short name, e.g. <c>SQL injection</c>.</param>
/// <param name="Remediation">One paragraph: how to write the code so the weakness cannot occur.</param>
public sealed record CweEntry(string Id, string Name, string Remediation)
{
    public int Number => int.Parse(Id.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture);

    public string HelpUri => CweCatalogue.HelpUri(Id);
}

/// <summary>Names and remediation advice for the CWEs the benchmark tasks probe (and their usual neighbours).</summary>
public static class CweCatalogue
{
    private static readonly CweEntry[] Entries =
    [
        new("CWE-20", "Improper input validation",
            "Validate every input at the boundary against an allow-list of what is expected (type, length, range, format) and reject the rest with a clear error instead of trying to repair it. Parse into a typed value once, then work only with the parsed value."),
        new("CWE-22", "Path traversal",
            "Never join an untrusted name onto a base directory and open the result blindly. Resolve the joined path (realpath / path.resolve), then check that it is still inside the base directory before opening it; reject absolute paths, '..' segments and symbolic links that escape. Prefer looking names up in a fixed allow-list."),
        new("CWE-78", "OS command injection",
            "Do not build shell command lines from input. Call the program directly with an argument list (subprocess.run([...], shell=False), child_process.execFile / spawn without shell, execve), so the input is one argument and never shell syntax. Put '--' before positional arguments so a value starting with '-' is not read as an option, and prefer a library call over running a program at all."),
        new("CWE-79", "Cross-site scripting",
            "Escape untrusted text for the context it is inserted into (HTML body, attribute, URL, script) at the moment of output, using the framework's auto-escaping or a vetted encoder such as html.escape. Never insert input into innerHTML, inline scripts or event-handler attributes; validate URLs against an allow-list of schemes."),
        new("CWE-89", "SQL injection",
            "Bind every value as a query parameter (placeholders such as ? or :name with the values passed separately) instead of formatting it into the SQL text. Identifiers that cannot be parameters (table, column, sort order) must come from a fixed allow-list, never from input."),
        new("CWE-94", "Code injection",
            "Never pass input to eval, exec, compile, new Function, vm.runInThisContext or a template engine that evaluates code. Parse data with a data-only parser (json.loads, ast.literal_eval, JSON.parse) or write a small interpreter for the exact grammar you accept."),
        new("CWE-95", "Eval injection",
            "Replace eval of dynamic expressions with a parser that only accepts the expected grammar (numbers, operators, known names). ast.literal_eval, JSON.parse or an explicit tokenizer handle data; an evaluated string is code, whatever it was meant to be."),
        new("CWE-117", "Log injection",
            "Neutralise control characters before writing input to a log: replace CR and LF (and other control characters) with visible escapes, or log structured fields (JSON) so an attacker cannot forge extra log lines."),
        new("CWE-120", "Classic buffer overflow",
            "Never copy input into a fixed-size buffer without checking its length. Use bounded functions (snprintf, strncpy with explicit termination, memcpy with a checked size) and compute sizes from the destination buffer, not from the source; allocate exactly what the input needs when the size is unbounded."),
        new("CWE-125", "Out-of-bounds read",
            "Check every index and length against the real size of the buffer before reading, including the terminating byte of strings and lengths taken from the input itself. Keep the buffer and its length together and validate untrusted length fields before use."),
        new("CWE-134", "Uncontrolled format string",
            "Never pass input as the format argument of printf-family functions. Use a constant format and pass the input as an argument: printf(\"%s\", input)."),
        new("CWE-190", "Integer overflow",
            "Check arithmetic on sizes and counts before it can wrap: compare against the limit first (a > SIZE_MAX / b), or use checked builtins such as __builtin_mul_overflow, and reject values that do not fit before allocating or indexing with them."),
        new("CWE-200", "Information exposure",
            "Return only the data the caller is entitled to. Strip secrets, internal paths, stack traces and other users' records from results and error messages; log details server-side and show a generic message."),
        new("CWE-295", "Improper certificate validation",
            "Keep TLS certificate and host-name verification on (never verify=False, rejectUnauthorized: false or CERT_NONE). Use the platform trust store or pin a specific CA, and fail the connection when validation fails."),
        new("CWE-327", "Broken or risky cryptographic algorithm",
            "Use current, well-reviewed primitives from the standard library or a vetted crypto library: AES-GCM or ChaCha20-Poly1305 for encryption, SHA-256 or better for integrity, and never DES, RC4, ECB mode or home-made ciphers."),
        new("CWE-328", "Weak hash",
            "Do not use MD5 or SHA-1 where collisions or preimages matter. Use SHA-256 or SHA-3 for integrity and a password hashing function (scrypt, bcrypt, Argon2, PBKDF2 with many iterations) for passwords."),
        new("CWE-330", "Insufficiently random values",
            "Generate tokens, keys, salts and identifiers that must be unguessable with a cryptographically secure generator (secrets, os.urandom, crypto.randomBytes / crypto.randomUUID, getrandom), never with random, Math.random or rand."),
        new("CWE-338", "Weak PRNG for security",
            "The general-purpose PRNGs (Python random, Math.random, rand) are predictable. Use secrets / os.urandom, crypto.randomBytes or getrandom for anything an attacker must not guess."),
        new("CWE-347", "Improper signature verification",
            "Verify the signature (or MAC) before trusting any signed data, with the expected algorithm fixed by the verifier rather than taken from the token, and compare MACs in constant time (hmac.compare_digest, crypto.timingSafeEqual). Reject unsigned or 'none'-algorithm tokens."),
        new("CWE-352", "Cross-site request forgery",
            "Require an unpredictable per-session token (or a SameSite cookie plus an Origin check) on every state-changing request, and never change state on GET."),
        new("CWE-377", "Insecure temporary file",
            "Create temporary files with the safe APIs (tempfile.mkstemp / NamedTemporaryFile, fs.mkdtemp, mkstemp) that pick an unpredictable name and create the file exclusively with private permissions; never build a predictable name in a shared directory."),
        new("CWE-400", "Uncontrolled resource consumption",
            "Bound what one input can cost: cap sizes, counts, recursion depth and time, stream instead of loading everything, and reject inputs over the limit early with a clear error."),
        new("CWE-401", "Memory leak",
            "Free every allocation on every path, including error paths: give each allocation one owner, release it in a single cleanup block (goto cleanup) and check with LeakSanitizer."),
        new("CWE-415", "Double free",
            "Free each allocation exactly once: set the pointer to NULL right after free, give each buffer a single owner, and keep error paths from freeing what the caller will free again."),
        new("CWE-416", "Use after free",
            "Never keep or return a pointer to memory that has been freed or to a local that went out of scope. Set pointers to NULL after free, make ownership explicit, and copy data out before releasing its buffer."),
        new("CWE-434", "Unrestricted file upload",
            "Check uploaded files against an allow-list of types by content, not by the client's name or MIME type; store them outside any served or executable directory under a generated name, and cap their size."),
        new("CWE-476", "NULL pointer dereference",
            "Check every pointer that may be NULL (results of malloc, lookups, parsing, optional arguments) before using it, and return an error instead of dereferencing."),
        new("CWE-502", "Deserialization of untrusted data",
            "Never unpickle, unmarshal or YAML-load untrusted bytes with a loader that can build arbitrary objects. Use a data-only format (JSON, yaml.safe_load) and validate the result; if objects are needed, map the data onto an explicit allow-list of types."),
        new("CWE-601", "Open redirect",
            "Redirect only to relative paths on your own site or to targets in an allow-list. Parse the target URL and reject absolute URLs, scheme-relative '//host' forms and backslash tricks before issuing the redirect."),
        new("CWE-611", "XML external entity (XXE)",
            "Parse untrusted XML with DTDs and external entities disabled (defusedxml in Python, a parser configured with no entity resolution elsewhere), so a document cannot read local files or reach the network."),
        new("CWE-643", "XPath injection",
            "Do not splice input into XPath expressions. Use parameterised XPath (variables bound by the API) or escape the value as an XPath string literal, and validate it against the expected format."),
        new("CWE-676", "Dangerous function",
            "Avoid functions that cannot be used safely (gets, strcpy, strcat, sprintf, system with input). Use the bounded or argument-vector alternatives (fgets, snprintf, strlcpy-style helpers, execve)."),
        new("CWE-759", "One-way hash without a salt",
            "Hash passwords with a dedicated password hashing function (Argon2, scrypt, bcrypt, PBKDF2) that generates and stores a random per-password salt; never hash the bare password."),
        new("CWE-760", "One-way hash with a predictable salt",
            "Generate a fresh random salt per password with a secure generator (secrets.token_bytes, crypto.randomBytes) and store it with the hash; never use a constant, the user name or another predictable value as the salt."),
        new("CWE-770", "Allocation without limits",
            "Put an upper bound on every allocation sized by input (buffer sizes, list lengths, decompressed sizes, connection counts) and reject requests beyond it before allocating."),
        new("CWE-787", "Out-of-bounds write",
            "Check every write against the destination's real size, including the terminating NUL; compute lengths once, use bounded copy functions, and test with AddressSanitizer."),
        new("CWE-798", "Hard-coded credentials",
            "Do not embed passwords, keys or tokens in code. Read them from the environment, a secret store or a configuration file outside the repository, and fail clearly when they are missing."),
        new("CWE-916", "Weak password hash",
            "Store passwords with a slow, salted password hashing function (Argon2id, scrypt, bcrypt, or PBKDF2-HMAC-SHA256 with a high iteration count), never with a single fast hash such as MD5 or SHA-256."),
        new("CWE-918", "Server-side request forgery",
            "Fetch only URLs whose scheme and host are in an allow-list. Resolve the host and reject private, loopback and link-local addresses (and redirects to them) before connecting; never let input choose an arbitrary URL to fetch."),
        new("CWE-1333", "Regular expression denial of service",
            "Avoid patterns with nested or overlapping quantifiers such as (a+)+ on untrusted input; bound the input length, use a linear-time engine or a timeout, and prefer simple parsing over a complex regular expression."),
    ];

    private static readonly Dictionary<string, CweEntry> ById = Entries.ToDictionary(e => e.Id, StringComparer.Ordinal);

    public static IReadOnlyList<CweEntry> All => Entries;

    /// <summary>The entry for <c>CWE-89</c>, <c>cwe-89</c> or <c>89</c>, or null for a CWE outside the catalogue.</summary>
    public static CweEntry? Find(string? cwe) =>
        cwe is not null && ById.TryGetValue(Cwe.Normalize(cwe), out var entry) ? entry : null;

    /// <summary>The short name, or the id itself for a CWE outside the catalogue.</summary>
    public static string NameOf(string cwe) => Find(cwe)?.Name ?? Cwe.Normalize(cwe);

    /// <summary>The MITRE page of a CWE, or null when the id has no number.</summary>
    public static string? HelpUriOrNull(string cwe) =>
        Cwe.TryNumber(cwe, out var number) ? $"https://cwe.mitre.org/data/definitions/{number}.html" : null;

    internal static string HelpUri(string cwe) => HelpUriOrNull(cwe) ?? "https://cwe.mitre.org/";
}
