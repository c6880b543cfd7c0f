using Stagecraft.Images.Layers;

namespace Stagecraft.Images.Sources.Registry;

/// <summary>
/// A registry that could not give the image: unreachable, no such repository or tag, access refused, or still failing
/// after every retry. The one-line message starts with the reference and the manifest or blob at fault.
/// </summary>
public sealed class RegistryException(string where, string problem, Exception? inner = null)
    : ImageReadException(where, problem, inner)
{
    /// <summary>The message after the place, so a caller can add what it tried before (the local Docker engine).</summary>
    public string Problem { get; } = problem;
}

/// <summary>Credentials that could not be read: an unreadable Docker config file, or a credential helper that is missing or fails.</summary>
public sealed class RegistryCredentialsException(string where, string problem, Exception? inner = null)
    : ImageReadException(where, problem, inner);
