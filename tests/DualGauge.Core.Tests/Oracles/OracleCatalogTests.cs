using DualGauge.Core.Oracles;
using DualGauge.Core.Tasks;
using DualGauge.Core.Traces;
using FluentAssertions;

namespace DualGauge.Core.Tests.Oracles;

[TestClass]
public sealed class OracleCatalogTests
{
    private static readonly TestSpec Test = new("attack", TestKind.Security, "d", "CWE-89", "a", "w", []);

    [TestMethod]
    [DataRow("sql-no-payload", "payload=' OR '1'='1", """{"ev":"sql","test":"attack","statement":"SELECT * FROM users WHERE name = '' OR '1'='1'"}""", true)]
    [DataRow("sql-no-payload", "payload=' OR '1'='1", """{"ev":"sql","test":"attack","statement":"SELECT * FROM users WHERE name = ?"}""", false)]
    [DataRow("no-shell", "", """{"ev":"process","test":"attack","api":"os.system","command":"ping -c 1 x; id","shell":true}""", true)]
    [DataRow("no-shell", "", """{"ev":"process","test":"attack","api":"subprocess.Popen","argv":["ping","-c","1","x; id"],"shell":false}""", false)]
    [DataRow("shell-no-payload", "payload=; id", """{"ev":"process","test":"attack","executable":"/bin/sh","argv":["/bin/sh","-c","ping x; id"],"command":"/bin/sh -c ping x; id","shell":false}""", true)]
    [DataRow("shell-no-payload", "payload=; id", """{"ev":"process","test":"attack","executable":"/usr/bin/ping","argv":["ping","x; id"],"command":"ping x; id","shell":false}""", false)]
    [DataRow("no-process", "", """{"ev":"process","test":"attack","argv":["ls"]}""", true)]
    [DataRow("files-within", "root={workdir}/public", """{"ev":"file","test":"attack","path":"/tmp/job/work/attack/public/../../../../etc/passwd","realpath":"/etc/passwd","mode":"r"}""", true)]
    [DataRow("files-within", "root={workdir}/public", """{"ev":"file","test":"attack","path":"/tmp/job/work/attack/public/a.txt","realpath":"/tmp/job/work/attack/public/a.txt","mode":"r"}""", false)]
    [DataRow("files-within", "root={workdir}/public", """{"ev":"file","test":"attack","path":"/tmp/job/work/attack/public-evil/a.txt","mode":"r"}""", true)]
    [DataRow("no-code-eval", "", """{"ev":"code","test":"attack","api":"eval","code":"__import__('os')"}""", true)]
    [DataRow("no-code-eval", "payload=__import__", """{"ev":"code","test":"attack","api":"eval","code":"1+2"}""", false)]
    [DataRow("no-code-eval", "", """{"ev":"code","test":"attack","api":"eval","code":"lambda _cls, x: _tuple_new(_cls, (x,))","caller":"library"}""", false)]
    [DataRow("no-code-eval", "payload=__import__", """{"ev":"code","test":"attack","api":"eval","code":"__import__('os')","caller":"library"}""", true)]
    [DataRow("no-connect", "allow=localhost", """{"ev":"socket","test":"attack","address":"169.254.169.254:80","host":"169.254.169.254","port":80}""", true)]
    [DataRow("no-connect", "allow=localhost", """{"ev":"socket","test":"attack","address":"localhost:80","host":"localhost","port":80}""", false)]
    [DataRow("no-connect", "", """{"ev":"socket","test":"attack","api":"socket.getaddrinfo","address":"example.com:80","host":"example.com","port":80}""", false)]
    [DataRow("no-deserialize", "allow=builtins.dict", """{"ev":"deserialize","test":"attack","api":"pickle.find_class","detail":"posix.system"}""", true)]
    [DataRow("no-deserialize", "allow=builtins.dict", """{"ev":"deserialize","test":"attack","api":"pickle.find_class","detail":"builtins.dict"}""", false)]
    [DataRow("no-native", "", """{"ev":"native","test":"attack","api":"ctypes.dlopen","detail":"libc.so.6"}""", true)]
    [DataRow("no-sanitizer-report", "", """{"ev":"sanitizer","test":"attack","tool":"AddressSanitizer","kind":"heap-buffer-overflow","location":"solution.c:7"}""", true)]
    [DataRow("max-duration", "ms=100", """{"ev":"call","test":"attack","function":"f","args":[],"ms":250}""", true)]
    [DataRow("max-duration", "ms=100", """{"ev":"call","test":"attack","function":"f","args":[],"ms":3}""", false)]
    [DataRow("max-duration", "ms=100", """{"ev":"test_end","test":"attack","status":"timeout","message":"timed out after 3000 ms"}""", true)]
    [DataRow("no-event", "event=socket", """{"ev":"socket","test":"attack","address":"x:1"}""", true)]
    public void Judge_Event_FindsViolationOnlyWhenPresent(string kind, string args, string eventJson, bool violates)
    {
        var spec = Spec(kind, args);
        OracleCatalog.Validate(spec).Should().BeNull();
        var trace = Trace.Parse("""{"ev":"test_start","test":"attack","workdir":"/tmp/job/work/attack","fixtures":"/tmp/job/fixtures"}""" + "\n" + eventJson);

        var findings = OracleCatalog.Judge(spec, new OracleContext(Test, trace.ForTest("attack").ToList()));

        if (violates)
        {
            var finding = findings.Should().ContainSingle().Subject;
            finding.Oracle.Should().Be(kind);
            finding.Evidence.Should().NotBeEmpty();
            finding.Message.Should().NotBeNullOrWhiteSpace();
        }
        else
        {
            findings.Should().BeEmpty();
        }
    }

    [TestMethod]
    public void Judge_SqlPayload_MessageNamesPayloadAndStatement()
    {
        var trace = Trace.Parse("""{"ev":"sql","test":"attack","statement":"SELECT 1 WHERE n = 'x' OR 1=1 --'"}""");

        var finding = OracleCatalog.Judge(Spec("sql-no-payload", "payload=' OR 1=1 --"), new OracleContext(Test, trace.Events)).Single();

        finding.Message.Should().Be("payload '' OR 1=1 --' reached the SQL engine inside the statement: SELECT 1 WHERE n = 'x' OR 1=1 --'");
    }

    [TestMethod]
    public void Judge_EventsOfOtherTests_AreIgnored()
    {
        var trace = Trace.Parse("""{"ev":"process","test":"other","argv":["ls"],"shell":true}""");

        OracleCatalog.Judge(Spec("no-shell", ""), new OracleContext(Test, trace.ForTest("attack").ToList())).Should().BeEmpty();
    }

    [TestMethod]
    [DataRow("", "", "oracle without a kind")]
    [DataRow("no-such", "", "unknown oracle kind 'no-such'")]
    [DataRow("sql-no-payload", "", "needs the argument 'payload'")]
    [DataRow("no-shell", "payload=x", "takes no argument 'payload'")]
    [DataRow("max-duration", "ms=fast", "is not a number")]
    public void Validate_BadSpec_SaysWhatIsWrong(string kind, string args, string problem)
    {
        OracleCatalog.Validate(Spec(kind, args)).Should().Contain(problem);
    }

    private static OracleSpec Spec(string kind, string args) => new(kind,
        args.Length == 0 ? new Dictionary<string, string>() : new Dictionary<string, string> { [args[..args.IndexOf('=')]] = args[(args.IndexOf('=') + 1)..] });
}
