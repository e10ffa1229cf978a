namespace DualGauge.Sandbox;

/// <summary>Labels every DualGauge container carries, so leftovers are found by filter.</summary>
public static class ContainerLabels
{
    public const string Managed = "dualgauge.managed";
    public const string Session = "dualgauge.session";
    public const string Pid = "dualgauge.pid";
    public const string Host = "dualgauge.host";

    public static string HostName => Environment.MachineName;

    public static IDictionary<string, string> For(Guid session) => new Dictionary<string, string>
    {
        [Managed] = "true",
        [Session] = session.ToString("D"),
        [Pid] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [Host] = HostName,
    };
}
