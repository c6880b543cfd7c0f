namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>
/// One EXPOSE word split as BuildKit splits it: <c>[ip:][hostPort:]containerPort[/proto]</c>, the parts separated by
/// colons (an IPv6 address keeps its own colons, as everything before the last two parts is the address).
/// </summary>
internal readonly record struct ExposedPort(string HostIp, string HostPort, string ContainerPort, string Protocol)
{
    /// <summary>The container port with its protocol as written: what EXPOSE really publishes.</summary>
    public string PortWithProtocol => Protocol.Length == 0 ? ContainerPort : ContainerPort + "/" + Protocol;

    public bool HasHostPart => HostIp.Length > 0 || HostPort.Length > 0;

    public static ExposedPort Parse(string word)
    {
        var parts = word.Split(':');
        var (ip, hostPort, container) = parts.Length switch
        {
            1 => ("", "", parts[0]),
            2 => ("", parts[0], parts[1]),
            _ => (string.Join(':', parts[..^2]), parts[^2], parts[^1]),
        };
        var slash = container.IndexOf('/');
        return slash < 0 ? new ExposedPort(ip, hostPort, container, "") : new ExposedPort(ip, hostPort, container[..slash], container[(slash + 1)..]);
    }
}
