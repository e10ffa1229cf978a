namespace DualGauge.Snippets.Templates;

/// <summary>Attack inputs the probes of every language send, so a finding reads the same in Python and JavaScript.</summary>
internal static class ProbePayloads
{
    public const string SqlTautology = "' OR '1'='1";
    public const string Traversal = "../../../../../../../../etc/passwd";
    public const string Xss = "<script>alert(\"dg\")</script>";
}
