namespace Stagecraft.Images.Sources.Registry;

/// <summary>How the registry client reaches out: its HTTP handler, where Docker's config and credential helpers are found, timeouts and retries.</summary>
internal sealed record RegistrySettings
{
    public static RegistrySettings Default { get; } = new();

    /// <summary>Makes the HTTP handler for one open; null makes a <see cref="SocketsHttpHandler"/> (tests pass an in-process registry).</summary>
    public Func<HttpMessageHandler>? Handler { get; init; }

    /// <summary>The folder holding config.json; null means DOCKER_CONFIG, or ~/.docker.</summary>
    public string? DockerConfigDirectory { get; init; }

    /// <summary>Folders searched for docker-credential-NAME programs, ':'-separated; null means PATH.</summary>
    public string? HelperSearchPath { get; init; }

    public RetryPolicy Retries { get; init; } = RetryPolicy.Default;

    /// <summary>Longest wait for a TCP (and TLS) connection.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait from sending a request to the end of the response headers.</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest a blob download may go without receiving a byte before it counts as a dropped connection.</summary>
    public TimeSpan ReadIdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest a credential helper may take to answer.</summary>
    public TimeSpan HelperTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>DOCKER_CONFIG, or ~/.docker.</summary>
    public string ConfigDirectory =>
        DockerConfigDirectory
        ?? (Environment.GetEnvironmentVariable("DOCKER_CONFIG") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker"));
}
