namespace Stagecraft.Tests.Support;

/// <summary>
/// The images a real-build test made, in the engine and in buildah's storage, removed when the test ends: the engine's
/// (the classic builder's intermediate images go with them), then buildah's, with the cached layers no image uses any
/// more. That prune reaches every test's layers, so the classes that use this belong to
/// <see cref="BuildahStoreCollection"/>.
/// </summary>
internal sealed class BuiltImages : IDisposable
{
    private static readonly TimeSpan Quick = TimeSpan.FromMinutes(2);

    private readonly List<string> _engine = [];
    private readonly List<string> _buildah = [];

    /// <summary>The buildah the test builds with, once it has one.</summary>
    public Buildah? Buildah { get; set; }

    public void InEngine(string image) => _engine.Add(image);

    public void InBuildah(string image) => _buildah.Add(image);

    public void Dispose()
    {
        foreach (var image in _engine)
            RealBuilds.Run(RealBuilds.DockerClient, ["rmi", "-f", image], Quick);
        if (Buildah is { } buildah && _buildah.Count > 0)
        {
            foreach (var image in _buildah.Distinct())
                buildah.Run(["rmi", "-f", image]);
            buildah.Run(["rmi", "--prune"]);
        }
    }
}
