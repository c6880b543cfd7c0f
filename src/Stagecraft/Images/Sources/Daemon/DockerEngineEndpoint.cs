namespace Stagecraft.Images.Sources.Daemon;

/// <summary>Where the Docker engine listens: its unix socket, from DOCKER_HOST (<c>unix://PATH</c>) or the default.</summary>
internal sealed record DockerEngineEndpoint(string SocketPath)
{
    public const string DefaultSocket = "/var/run/docker.sock";

    /// <summary>How the socket was chosen, for messages ("/var/run/docker.sock", "/run/user/1000/docker.sock (DOCKER_HOST)").</summary>
    public string Description { get; init; } = SocketPath;

    /// <param name="where">The reference being opened, which messages start with.</param>
    public static DockerEngineEndpoint FromEnvironment(string where) => From(Environment.GetEnvironmentVariable("DOCKER_HOST"), where);

    public static DockerEngineEndpoint From(string? dockerHost, string where)
    {
        if (string.IsNullOrEmpty(dockerHost))
            return new DockerEngineEndpoint(DefaultSocket);
        const string unix = "unix://";
        if (dockerHost.StartsWith(unix, StringComparison.Ordinal) && dockerHost.Length > unix.Length)
        {
            var path = dockerHost[unix.Length..];
            return new DockerEngineEndpoint(path) { Description = $"{path} (DOCKER_HOST)" };
        }
        var scheme = dockerHost.IndexOf("://", StringComparison.Ordinal) is var end and > 0 ? dockerHost[..end] : null;
        throw new DockerEngineException(where, scheme is "tcp" or "ssh" or "npipe" or "fd" or "http" or "https"
            ? $"DOCKER_HOST={dockerHost} is a {scheme}:// address; only the engine's unix socket is supported (unset DOCKER_HOST or set it to unix://PATH)"
            : $"DOCKER_HOST={dockerHost} is not an address this reader understands (expected unix://PATH)");
    }
}
