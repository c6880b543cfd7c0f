using Stagecraft.Images.Layers;

namespace Stagecraft.Images.Sources.Daemon;

/// <summary>The Docker engine cannot be reached, refuses a request, or its export stream breaks off.</summary>
public sealed class DockerEngineException(string where, string problem, Exception? inner = null)
    : ImageReadException(where, problem, inner)
{
    /// <summary>The message without the reference in front ("no Docker engine at /var/run/docker.sock: …").</summary>
    public string Problem { get; } = problem;
}
