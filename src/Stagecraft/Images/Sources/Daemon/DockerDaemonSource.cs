using Stagecraft.Images.Layers;

namespace Stagecraft.Images.Sources.Daemon;

/// <summary>
/// <c>docker-daemon:NAME[:TAG]</c>: an image in the local Docker engine, reached through its unix socket and read
/// from the engine's export stream — nothing written to disk, no docker CLI. The export is a <c>docker save</c>
/// archive, resolved by the docker-archive reader once it has gone by.
/// </summary>
internal static class DockerDaemonSource
{
    /// <summary>Opens the image through the engine's socket (DOCKER_HOST, or the default one unless <paramref name="endpoint"/> names another).</summary>
    /// <param name="requested">What the user asked for, if not <paramref name="reference"/> itself: a bare name found in the engine.</param>
    public static OpenedImage Open(DockerDaemonReference reference, ImageReadOptions options, ImageReference? requested = null, DockerEngineEndpoint? endpoint = null)
    {
        requested ??= reference;
        var where = Display(requested);
        endpoint ??= DockerEngineEndpoint.FromEnvironment(where);
        var name = EngineName(reference);
        var cancellation = options.Cancellation;
        using var client = new DockerEngineClient(endpoint, where);
        var inspect = client.Inspect(name, cancellation) ?? throw NoSuchImage(where, name);
        var id = inspect.Id ?? throw new DockerEngineException(where, $"the engine's answer about {name} has no Id");

        var settings = ImageReader.WalkSettings(options);
        var budget = new ImageBudget(options.MaxImageBytes, options.MaxEntries, options.MaxContentBytes, cancellation);
        // The export's tar members have no length known up front, so progress counts layers, and bytes without a total.
        var progress = options.Progress is { } sink ? new ReadProgress(sink, inspect.RootFs?.Layers?.Length ?? 0, null) : null;
        progress?.Start();
        StreamedArchiveStore store;
        using (var export = client.Export(name, cancellation) ?? throw NoSuchImage(where, name))
        using (cancellation.Register(static stream => ((Stream)stream!).Dispose(), export))
        {
            try
            {
                store = ExportStreamReader.Read(export, where, settings, budget, progress);
            }
            catch (Exception e) when (cancellation.IsCancellationRequested && e is not OperationCanceledException)
            {
                // Cancelling closes the export under the reader, which then sees a broken stream; that is not the story.
                throw new OperationCanceledException(cancellation);
            }
        }

        var notes = new List<string>();
        var (resolved, members) = new DockerArchiveReader(store, notes).ResolveWithLayerMembers(new DockerArchiveReference(where, null, null), options.Platform);
        var layers = new ImageLayer[members.Count];
        var pending = new IReadOnlyList<PendingHardlink>[members.Count];
        for (var index = 0; index < layers.Length; index++)
            (layers[index], pending[index]) = store.LayerAt(members[index], resolved.Layers[index], settings, budget);
        LayerSetReader.ResolveHardlinks(resolved.Layers, layers, pending);
        // Small layers and ones the export links to an earlier copy were not counted while streaming; now all are read.
        progress?.Finish();

        if (resolved.ConfigDigest.ToString() != id)
        {
            if (reference.ImageId is not null)
                throw new DigestMismatchException(where, $"the engine exported an image whose config digest is {resolved.ConfigDigest}");
            notes.Add($"{name} named image {id} when it was looked up but {resolved.ConfigDigest} when it was exported (it was re-tagged meanwhile)");
        }
        return ImageReader.Assemble(requested, resolved, layers, notes);
    }

    /// <summary>
    /// Whether the engine (DOCKER_HOST, or the default socket) has the image — for a bare name, which tries the engine
    /// before a registry. When it does not, <paramref name="whyNot"/> says why: no such image, or no engine to ask.
    /// </summary>
    public static bool HasImage(DockerImageName name, out string whyNot, CancellationToken cancellation = default) =>
        HasImage(name, out whyNot, null, cancellation);

    internal static bool HasImage(DockerImageName name, out string whyNot, DockerEngineEndpoint? endpoint, CancellationToken cancellation = default)
    {
        var familiar = FamiliarName(name);
        try
        {
            endpoint ??= DockerEngineEndpoint.FromEnvironment(familiar);
            using var client = new DockerEngineClient(endpoint, familiar);
            if (client.ImageId(familiar, cancellation) is not null)
            {
                whyNot = "";
                return true;
            }
            whyNot = $"the engine has no image {familiar}";
        }
        catch (DockerEngineException e)
        {
            whyNot = e.Problem;
        }
        return false;
    }

    /// <summary>The platform of the engine's image, or null when it has none of that name; throws when no engine answers.</summary>
    internal static ImagePlatform? PlatformOf(DockerImageName name, DockerEngineEndpoint? endpoint, CancellationToken cancellation)
    {
        var familiar = FamiliarName(name);
        endpoint ??= DockerEngineEndpoint.FromEnvironment(familiar);
        using var client = new DockerEngineClient(endpoint, familiar);
        return client.Inspect(familiar, cancellation) is { Os: { Length: > 0 } os, Architecture: { Length: > 0 } architecture } inspect
            ? new ImagePlatform(os, architecture, string.IsNullOrEmpty(inspect.Variant) ? null : inspect.Variant)
            : null;
    }

    /// <summary>How messages name the image: "docker-daemon:app:1", the way the user would write it.</summary>
    private static string Display(ImageReference reference) => reference switch
    {
        DockerDaemonReference { Name: { } name } => "docker-daemon:" + FamiliarName(name),
        DockerDaemonReference daemon => "docker-daemon:" + daemon.ImageId,
        ImageNameReference bare => FamiliarName(bare.Name),
        _ => reference.ToString(),
    };

    private static string EngineName(DockerDaemonReference reference) =>
        reference.Name is { } name ? FamiliarName(name) : reference.ImageId!.ToString();

    /// <summary>The short form Docker shows: "app:1" for docker.io/library/app:1, "me/app:1" for docker.io/me/app:1.</summary>
    internal static string FamiliarName(DockerImageName name)
    {
        var repository = name.Registry == DockerImageName.DockerHub
            ? (name.Repository.StartsWith("library/", StringComparison.Ordinal) && name.Repository.IndexOf('/', 8) < 0 ? name.Repository[8..] : name.Repository)
            : name.Registry + "/" + name.Repository;
        return repository + (name.Tag is null ? "" : ":" + name.Tag) + (name.Digest is null ? "" : "@" + name.Digest);
    }

    private static ImageSelectionException NoSuchImage(string where, string name) => new(where, $"the engine has no image {name}");
}
