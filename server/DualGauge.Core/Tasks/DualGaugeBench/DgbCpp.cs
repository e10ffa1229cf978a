using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace DualGauge.Core.Tasks.DualGaugeBench;

/// <summary>The C++ type a DualGauge-Bench value is given: a JSON string, integer, number, boolean, or a list of one of them.</summary>
public enum DgbCppType
{
    String,
    Integer,
    Double,
    Boolean,
    StringList,
    IntegerList,
    DoubleList,
    BooleanList,
}

/// <summary>The C++ signature of an imported function task, inferred from the tests' values.</summary>
/// <param name="Parameters">Each parameter's name and type, in the order the parameters first appear in the tests' inputs.</param>
public sealed record DgbCppSignature(string EntryPoint, IReadOnlyList<(string Name, DgbCppType Type)> Parameters, DgbCppType Return)
{
    /// <summary>The declaration the prompt asks for and the tests declare (its mangled name must match the sample's).</summary>
    public string Declaration =>
        $"{DgbCpp.TypeName(Return)} {EntryPoint}({string.Join(", ", Parameters.Select(p => $"{DgbCpp.ParameterTypeName(p.Type)}{p.Name}"))})";
}

/// <summary>
/// C++ function mode of an imported task. C++ is typed and its names are mangled, so the task's C++ prompt pins one
/// exact signature, inferred from every value the tests hold: a parameter is <c>const std::string &amp;</c>,
/// <c>long long</c>, <c>double</c> (integers and decimals together), <c>bool</c>, or <c>const std::vector&lt;T&gt; &amp;</c>
/// of one of those; the return type likewise, by value. A task whose values have no such type (objects, null, mixed
/// types, a list empty in every test, a test that omits a parameter) is not imported in C++, with the field and the
/// reason. The generated tests.cpp compares values as the other languages do (numbers within a relative 1e-9, strings
/// exactly, lists element by element); every security test also carries the <c>no-sanitizer-report</c> oracle.
/// </summary>
public static class DgbCpp
{
    public static string TypeName(DgbCppType type) => type switch
    {
        DgbCppType.String => "std::string",
        DgbCppType.Integer => "long long",
        DgbCppType.Double => "double",
        DgbCppType.Boolean => "bool",
        DgbCppType.StringList => "std::vector<std::string>",
        DgbCppType.IntegerList => "std::vector<long long>",
        DgbCppType.DoubleList => "std::vector<double>",
        DgbCppType.BooleanList => "std::vector<bool>",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static string ParameterTypeName(DgbCppType type) =>
        type is DgbCppType.Integer or DgbCppType.Double or DgbCppType.Boolean ? TypeName(type) + " " : "const " + TypeName(type) + " &";

    /// <summary>The signature, or the field and reason why the task has none in C++.</summary>
    public static (DgbCppSignature? Signature, string? Field, string? Problem) Infer(DgbTask task, IReadOnlyList<(DgbTest Test, DgbSecurityCheck Check)> security)
    {
        var types = new Dictionary<string, DgbCppType?>(StringComparer.Ordinal);
        var all = task.FunctionalTests.Select((t, i) => (t, $"fc_tests[{i}]")).Concat(task.SecurityTests.Select((t, i) => (t, $"sec_tests[{i}]")));
        foreach (var (test, field) in all)
        {
            foreach (var name in task.Parameters)
            {
                if (!test.Input.TryGetPropertyValue(name, out var value))
                {
                    return (null, $"{field}.input", $"has no {name}: a C++ call passes every parameter");
                }

                if (!Unify(types.GetValueOrDefault(name), value, out var unified, out var why))
                {
                    return (null, $"{field}.input.{name}", why);
                }

                types[name] = unified;
            }
        }

        DgbCppType? result = null;
        var returns = task.FunctionalTests.Select((t, i) => (t.Expected, $"fc_tests[{i}].expected_output"))
            .Concat(security.Where(s => s.Check.Check == DgbCheck.Value).Select(s => (s.Check.Value, $"sec_tests[{task.SecurityTests.ToList().IndexOf(s.Test)}] (the prompt-defined response)")));
        foreach (var (value, field) in returns)
        {
            if (!Unify(result, value, out result, out var why))
            {
                return (null, field, why);
            }
        }

        foreach (var (name, type) in types)
        {
            if (type is null)
            {
                return (null, $"input.{name}", "is an empty list in every test: no element type for C++");
            }
        }

        if (result is null)
        {
            return (null, "fc_tests[0].expected_output", "is an empty list in every test: no element type for C++");
        }

        return (new DgbCppSignature(task.EntryPoint, task.Parameters.Select(p => (p, types[p]!.Value)).ToList(), result.Value), null, null);
    }

    // A null "current" is either nothing seen yet or only empty lists seen (kept apart by `seenEmptyList`).
    private static bool Unify(DgbCppType? current, JsonNode? value, out DgbCppType? unified, out string why)
    {
        why = "";
        unified = current;
        DgbCppType? own;
        switch (value)
        {
            case JsonArray list:
                DgbCppType? element = null;
                foreach (var item in list)
                {
                    if (item is JsonArray or JsonObject || !Scalar(item, out var t, out why) || !Merge(element, t, out element))
                    {
                        why = why.Length > 0 ? why : "a list must hold values of one type (strings, numbers or booleans) for C++";
                        return false;
                    }
                }

                if (element is null)
                {
                    // An empty list fits any list type; a scalar type cannot take it.
                    if (current is DgbCppType c && !IsList(c))
                    {
                        why = $"a list where other tests have {TypeName(c)}";
                        return false;
                    }

                    return true;
                }

                own = element switch
                {
                    DgbCppType.String => DgbCppType.StringList,
                    DgbCppType.Integer => DgbCppType.IntegerList,
                    DgbCppType.Double => DgbCppType.DoubleList,
                    _ => DgbCppType.BooleanList,
                };
                break;
            case JsonObject:
                why = "an object has no C++ type here (only strings, numbers, booleans and lists of them)";
                return false;
            default:
                if (!Scalar(value, out var scalar, out why))
                {
                    return false;
                }

                own = scalar;
                break;
        }

        if (!Merge(current, own.Value, out unified))
        {
            why = $"{TypeName(own.Value)} where other tests have {TypeName(current!.Value)}";
            return false;
        }

        return true;
    }

    private static bool Scalar(JsonNode? value, out DgbCppType type, out string why)
    {
        why = "";
        type = default;
        if (value is not JsonValue v)
        {
            why = "null has no C++ type here";
            return false;
        }

        if (v.TryGetValue<bool>(out _))
        {
            type = DgbCppType.Boolean;
        }
        else if (v.TryGetValue<string>(out _))
        {
            type = DgbCppType.String;
        }
        else if (v.TryGetValue<long>(out _))
        {
            type = DgbCppType.Integer;
        }
        else if (v.TryGetValue<double>(out _))
        {
            type = DgbCppType.Double;
        }
        else
        {
            why = "a value of no C++ type";
            return false;
        }

        return true;
    }

    private static bool IsList(DgbCppType t) => t is DgbCppType.StringList or DgbCppType.IntegerList or DgbCppType.DoubleList or DgbCppType.BooleanList;

    private static bool Merge(DgbCppType? current, DgbCppType next, out DgbCppType? merged)
    {
        merged = (current, next) switch
        {
            (null, _) => next,
            var (c, n) when c == n => n,
            (DgbCppType.Integer, DgbCppType.Double) or (DgbCppType.Double, DgbCppType.Integer) => DgbCppType.Double,
            (DgbCppType.IntegerList, DgbCppType.DoubleList) or (DgbCppType.DoubleList, DgbCppType.IntegerList) => DgbCppType.DoubleList,
            _ => null,
        };
        return merged is not null;
    }

    /// <summary>tests.cpp of an imported function task: one DG_TEST per test, the data as C++ literals.</summary>
    public static string TestsFile(string header, DgbTask task, DgbCppSignature signature, IReadOnlyList<(DgbTest Test, DgbSecurityCheck Check)> security)
    {
        var sb = new StringBuilder();
        sb.Append("// ").Append(header).Append('\n').Append(
            """
            #include "dg_harness.h"

            #include <algorithm>
            #include <cmath>
            #include <cstdio>
            #include <string>
            #include <unistd.h>
            #include <vector>


            """);
        sb.Append(signature.Declaration).Append(";\n\n").Append(
            """
            static bool dg_same(const std::string &a, const std::string &b) { return a == b; }
            static bool dg_same(long long a, long long b) { return a == b; }
            static bool dg_same(bool a, bool b) { return a == b; }
            static bool dg_same(double a, double b)
            {
                return a == b || std::fabs(a - b) <= std::max(1e-12, 1e-9 * std::max(std::fabs(a), std::fabs(b)));
            }
            template <class T> static bool dg_same(const std::vector<T> &a, const std::vector<T> &b)
            {
                if (a.size() != b.size())
                    return false;
                for (std::size_t i = 0; i < a.size(); i++)
                    if (!dg_same(static_cast<T>(a[i]), static_cast<T>(b[i])))
                        return false;
                return true;
            }

            static std::string dg_show(const std::string &s)
            {
                std::string out = "\"";
                for (unsigned char c : s) {
                    if (c == '"' || c == '\\') { out += '\\'; out += static_cast<char>(c); }
                    else if (c < 0x20 || c == 0x7f) { char hex[8]; std::snprintf(hex, sizeof hex, "\\u%04x", c); out += hex; }
                    else out += static_cast<char>(c);
                }
                return out.size() <= 300 ? out + "\"" : out.substr(0, 297) + "...";
            }
            static std::string dg_show(long long v) { return std::to_string(v); }
            static std::string dg_show(bool v) { return v ? "true" : "false"; }
            static std::string dg_show(double v) { char buf[64]; std::snprintf(buf, sizeof buf, "%.17g", v); return buf; }
            template <class T> static std::string dg_show(const std::vector<T> &v)
            {
                std::string out = "[";
                for (std::size_t i = 0; i < v.size() && out.size() < 300; i++)
                    out += (i ? ", " : "") + dg_show(static_cast<T>(v[i]));
                return out + "]";
            }

            static void dg_enter()
            {

            """);
        sb.Append(task.HasFixtureFolder
            ? "    // Tests name fixture files as test_dir/...: run where test_dir lies.\n    if (chdir(dg_fixtures()) != 0)\n        dg_fail(__FILE__, __LINE__, \"cannot enter the fixture folder\");\n"
            : "").Append("}\n");

        var ret = TypeName(signature.Return);
        foreach (var test in task.FunctionalTests)
        {
            sb.Append($"\nDG_TEST({test.Id})\n{{\n    dg_enter();\n    {ret} dg_expected = {Literal(test.Expected, signature.Return)};\n")
                .Append($"    {ret} dg_actual = {Call(signature, test)};\n")
                .Append("    std::string dg_e = dg_show(dg_expected), dg_a = dg_show(dg_actual);\n")
                .Append("    DG_ASSERT(dg_same(dg_actual, dg_expected), \"expected %s, got %s\", dg_e.c_str(), dg_a.c_str());\n}\n");
        }

        foreach (var (test, check) in security)
        {
            sb.Append($"\nDG_TEST({test.Id})\n{{\n    dg_enter();\n");
            switch (check.Check)
            {
                case DgbCheck.Value:
                    sb.Append($"    {ret} dg_expected = {Literal(check.Value, signature.Return)};\n    std::string dg_e = dg_show(dg_expected);\n")
                        .Append($"    {ret} dg_actual;\n    try {{\n        dg_actual = {Call(signature, test)};\n    }} catch (const std::exception &dg_x) {{\n")
                        .Append("        dg_fail(__FILE__, __LINE__, \"expected the prompt-defined response %s, got an exception: %.500s\", dg_e.c_str(), dg_x.what());\n    }\n")
                        .Append("    std::string dg_a = dg_show(dg_actual);\n")
                        .Append("    DG_ASSERT(dg_same(dg_actual, dg_expected), \"expected the prompt-defined response %s, got %s\", dg_e.c_str(), dg_a.c_str());\n");
                    break;
                case DgbCheck.NoError:
                    sb.Append($"    try {{\n        (void){Call(signature, test)};\n    }} catch (const std::exception &dg_x) {{\n")
                        .Append("        dg_fail(__FILE__, __LINE__, \"threw %s: %.500s\", typeid(dg_x).name(), dg_x.what());\n    }\n");
                    break;
                default:
                    // The oracles decide (an exception counts as a rejection); the judge's tests end not judged.
                    sb.Append($"    try {{\n        (void){Call(signature, test)};\n    }} catch (...) {{\n    }}\n");
                    if (check.Check == DgbCheck.Judge)
                    {
                        sb.Append($"    dg_not_judged(\"%s\", {StringLiteral("decided by the LLM judge only (run bench with --judge): " + check.Why)}.c_str());\n");
                    }

                    break;
            }

            sb.Append("}\n");
        }

        return sb.ToString();
    }

    /// <summary>
    /// Program mode in C++: the harness compiles the sample with its <c>main</c> renamed <c>dg_candidate_main</c>; each test
    /// forks the test process, and the child (same seccomp filter, same sanitizers) runs that main with the test's argv and a
    /// memory-file stdin and stdout, then exits with its status. The parent compares stdout and the exit status.
    /// </summary>
    public static string ProgramTestsFile(string header, DgbTask task, IReadOnlyList<(DgbTest Test, DgbSecurityCheck Check)> security)
    {
        var sb = new StringBuilder();
        sb.Append("// ").Append(header).Append('\n').Append(ProgramRuntime);
        sb.Append("static void dg_enter()\n{\n").Append(task.HasFixtureFolder
            ? "    // Tests name fixture files as test_dir/...: run where test_dir lies.\n    if (chdir(dg_fixtures()) != 0)\n        dg_fail(__FILE__, __LINE__, \"cannot enter the fixture folder\");\n"
            : "").Append("}\n");

        static string Run(DgbTest test) =>
            $"    dg_ran dg_r = dg_program({{{string.Join(", ", ((JsonArray)test.Input["args"]!).Select(a => StringLiteral(a is JsonValue v && v.TryGetValue<string>(out var text) ? text : a!.ToJsonString())))}}}, "
            + $"{StringLiteral(test.Input["stdin"]?.GetValue<string>() ?? "")});\n";

        foreach (var test in task.FunctionalTests)
        {
            var expected = (JsonObject)test.Expected!;
            sb.Append($"\nDG_TEST({test.Id})\n{{\n    dg_enter();\n").Append(Run(test)).Append("    std::string dg_p = dg_r.sig ? \"killed by signal \" + std::to_string(dg_r.sig) + \"; \" : \"\";\n");
            if (expected["stdout"] is JsonValue stdout)
            {
                sb.Append($"    std::string dg_e = {StringLiteral(stdout.GetValue<string>())};\n")
                    .Append("    if (dg_out(dg_r.out) != dg_out(dg_e))\n        dg_p += \"stdout \" + dg_show(dg_r.out) + \", expected \" + dg_show(dg_e) + \"; \";\n");
            }

            if (expected["exit_code"] is JsonValue code)
            {
                sb.Append($"    if (!dg_r.sig && dg_r.code != {code.GetValue<long>().ToString(CultureInfo.InvariantCulture)})\n")
                    .Append($"        dg_p += \"exit code \" + std::to_string(dg_r.code) + \", expected {code.GetValue<long>().ToString(CultureInfo.InvariantCulture)}; \";\n");
            }

            sb.Append("    DG_ASSERT(dg_p.empty(), \"%s\", dg_p.c_str());\n}\n");
        }

        foreach (var (test, check) in security)
        {
            sb.Append($"\nDG_TEST({test.Id})\n{{\n    dg_enter();\n").Append(Run(test));
            switch (check.Check)
            {
                case DgbCheck.Value:
                    var value = check.Value is JsonValue v && v.TryGetValue<string>(out var text) ? text : check.Value?.ToJsonString() ?? "null";
                    sb.Append($"    std::string dg_e = {StringLiteral(value)};\n")
                        .Append("    DG_ASSERT(!dg_r.sig && dg_out(dg_r.out) == dg_out(dg_e), \"expected the prompt-defined response %s on stdout, got %s%s\", dg_show(dg_e).c_str(), dg_show(dg_r.out).c_str(), dg_r.sig ? \" (killed by a signal)\" : \"\");\n");
                    break;
                case DgbCheck.NoError:
                    sb.Append("    DG_ASSERT(!dg_r.sig, \"the program was killed by signal %d\", dg_r.sig);\n");
                    break;
                case DgbCheck.Judge:
                    // The oracles decide what they see; the judge's tests end not judged.
                    sb.Append($"    dg_not_judged(\"%s\", {StringLiteral("decided by the LLM judge only (run bench with --judge): " + check.Why)}.c_str());\n");
                    break;
            }

            sb.Append("}\n");
        }

        return sb.ToString();
    }

    private const string ProgramRuntime =
        """"
        #include "dg_harness.h"

        #include <cerrno>
        #include <cstdio>
        #include <cstdlib>
        #include <iostream>
        #include <string>
        #include <sys/mman.h>
        #include <sys/wait.h>
        #include <unistd.h>
        #include <vector>

        // The sample's main, renamed by the harness; whichever of the two forms it defines is non-null.
        int dg_candidate_main(int, char **) __attribute__((weak));
        int dg_candidate_main() __attribute__((weak));
        extern "C" void __lsan_disable(void) __attribute__((weak));

        struct dg_ran { std::string out; int code; int sig; };

        // Program output: line endings as \n, trailing whitespace at the very end not significant.
        static std::string dg_out(const std::string &s)
        {
            std::string r;
            for (std::size_t i = 0; i < s.size(); i++)
                if (!(s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n'))
                    r += s[i];
            while (!r.empty() && (r.back() == ' ' || r.back() == '\n' || r.back() == '\t' || r.back() == '\r' || r.back() == '\f' || r.back() == '\v'))
                r.pop_back();
            return r;
        }

        static std::string dg_show(const std::string &s)
        {
            std::string out = "\"";
            for (unsigned char c : s) {
                if (c == '"' || c == '\\') { out += '\\'; out += static_cast<char>(c); }
                else if (c < 0x20 || c == 0x7f) { char hex[8]; std::snprintf(hex, sizeof hex, "\\u%04x", c); out += hex; }
                else out += static_cast<char>(c);
            }
            return out.size() <= 300 ? out + "\"" : out.substr(0, 297) + "...";
        }

        static dg_ran dg_program(const std::vector<std::string> &args, const std::string &in)
        {
            int (*with_args)(int, char **) = static_cast<int (*)(int, char **)>(dg_candidate_main);
            int (*no_args)() = static_cast<int (*)()>(dg_candidate_main);
            if (!with_args && !no_args)
                dg_fail(__FILE__, __LINE__, "the program defines no main");
            int fd_in = memfd_create("dg-stdin", 0), fd_out = memfd_create("dg-stdout", 0);
            if (fd_in < 0 || fd_out < 0)
                dg_fail(__FILE__, __LINE__, "cannot make the program's stdin and stdout");
            for (std::size_t done = 0; done < in.size();) {
                ssize_t n = write(fd_in, in.data() + done, in.size() - done);
                if (n <= 0)
                    dg_fail(__FILE__, __LINE__, "cannot write the program's stdin");
                done += static_cast<std::size_t>(n);
            }
            lseek(fd_in, 0, SEEK_SET);
            std::fflush(nullptr);
            pid_t pid = fork();
            if (pid < 0)
                dg_fail(__FILE__, __LINE__, "cannot start the program (fork)");
            if (pid == 0) {
                // Memory not freed when a program ends is not its failure: no leak check at exit.
                if (__lsan_disable)
                    __lsan_disable();
                dup2(fd_in, 0);
                dup2(fd_out, 1);
                close(fd_in);
                close(fd_out);
                std::vector<std::string> store{"solution"};
                store.insert(store.end(), args.begin(), args.end());
                std::vector<char *> argv;
                for (auto &a : store)
                    argv.push_back(&a[0]);
                argv.push_back(nullptr);
                int rc = with_args ? with_args(static_cast<int>(store.size()), argv.data()) : no_args();
                std::cout.flush();
                std::exit(rc);
            }
            int status = 0;
            while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
            }
            dg_ran r{"", WIFEXITED(status) ? WEXITSTATUS(status) : -1, WIFSIGNALED(status) ? WTERMSIG(status) : 0};
            char buf[65536];
            ssize_t n;
            for (off_t at = 0; (n = pread(fd_out, buf, sizeof buf, at)) > 0 && r.out.size() < (1u << 20); at += n)
                r.out.append(buf, static_cast<std::size_t>(n));
            close(fd_in);
            close(fd_out);
            return r;
        }


        """";

    private static string Call(DgbCppSignature signature, DgbTest test) =>
        $"{signature.EntryPoint}({string.Join(", ", signature.Parameters.Select(p => Literal(test.Input[p.Name], p.Type)))})";

    private static string Literal(JsonNode? value, DgbCppType type) => type switch
    {
        DgbCppType.String => StringLiteral(value!.GetValue<string>()),
        DgbCppType.Integer => Integer(value!.GetValue<long>()),
        DgbCppType.Double => Double(value!.GetValue<double>()),
        DgbCppType.Boolean => value!.GetValue<bool>() ? "true" : "false",
        _ => $"{TypeName(type)}{{{string.Join(", ", ((JsonArray)value!).Select(v => Literal(v, Element(type))))}}}",
    };

    private static DgbCppType Element(DgbCppType list) => list switch
    {
        DgbCppType.StringList => DgbCppType.String,
        DgbCppType.IntegerList => DgbCppType.Integer,
        DgbCppType.DoubleList => DgbCppType.Double,
        _ => DgbCppType.Boolean,
    };

    private static string Integer(long v) => v == long.MinValue ? "(-9223372036854775807LL - 1)" : v.ToString(CultureInfo.InvariantCulture) + "LL";

    private static string Double(double v)
    {
        var text = v.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }

    /// <summary>A std::string of exactly these UTF-8 bytes: printable ASCII as is, every other byte as a 3-digit octal escape.</summary>
    internal static string StringLiteral(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var sb = new StringBuilder("std::string(\"");
        foreach (var b in bytes)
        {
            if (b is (byte)'"' or (byte)'\\' or (byte)'?' || b < 0x20 || b >= 0x7f)
            {
                sb.Append('\\').Append(Convert.ToString(b, 8).PadLeft(3, '0'));
            }
            else
            {
                sb.Append((char)b);
            }
        }

        return sb.Append("\", ").Append(bytes.Length.ToString(CultureInfo.InvariantCulture)).Append(')').ToString();
    }
}
