using System.Net;

namespace Stagecraft.Images.Sources.Registry;

/// <summary>
/// Where a registry named in an image reference is reached: Docker Hub's "docker.io" is served at
/// registry-1.docker.io; loopback hosts may be reached over plain HTTP.
/// </summary>
internal sealed record RegistryEndpoint(string Name, string Authority, bool IsLoopback)
{
    /// <summary>The host Docker Hub's registry API answers at.</summary>
    public const string DockerHubAuthority = "registry-1.docker.io";

    /// <summary>The key Docker's config file keeps Docker Hub credentials under (and the server a credential helper is asked about).</summary>
    public const string DockerHubConfigKey = "https://index.docker.io/v1/";

    public static RegistryEndpoint For(string registry) =>
        registry == DockerImageName.DockerHub
            ? new RegistryEndpoint(registry, DockerHubAuthority, false)
            : new RegistryEndpoint(registry, registry, IsLoopbackHost(HostOf(registry)));

    public bool IsDockerHub => Name == DockerImageName.DockerHub;

    /// <summary>The server name credentials are stored under in Docker's config file and asked of credential helpers.</summary>
    public string CredentialKey => IsDockerHub ? DockerHubConfigKey : Name;

    public Uri Uri(string scheme, string pathAndQuery) => new(scheme + "://" + Authority + pathAndQuery);

    /// <summary>The host without its port ("[::1]:5000" → "[::1]").</summary>
    internal static string HostOf(string authority)
    {
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']');
            return close < 0 ? authority : authority[..(close + 1)];
        }
        var colon = authority.LastIndexOf(':');
        return colon < 0 ? authority : authority[..colon];
    }

    internal static bool IsLoopbackHost(string host)
    {
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }
}
