namespace Stagecraft.Generation.Writing;

/// <summary>
/// The Dockerfile of a Rust plan: the dependencies compiled from the manifests alone (the targets stubbed), so a
/// source change rebuilds only the application; registry and target folders on cache mounts; a final stage with the
/// binary alone (distroless cc for glibc, scratch with CA certificates for a static musl binary).
/// </summary>
internal static class RustDockerfile
{
    private const string User = "65532:65532"; // distroless' "nonroot"; scratch needs no passwd entry for a numeric user
    private static readonly string[] Caches =
    [
        DockerfileText.Cache("/usr/local/cargo/registry"),
        DockerfileText.Cache("/usr/local/cargo/git"),
        // One build at a time in target/: cargo's lock file does not guard a folder shared between builders.
        DockerfileText.Cache("/app/target", locked: true),
    ];

    public static string Write(ProjectPlan plan)
    {
        var rust = plan.Rust!;
        var text = new DockerfileText();
        var binary = rust.Binary.Value;
        Header.Write(text, plan, [$"binary {binary}", rust.Musl.Value ? "static musl binary" : "glibc"]);
        var build = "cargo build --release" + (rust.HasLockfile ? " --locked" : "") + (rust.Package is { } package ? $" -p {package}" : "");

        text.Stage("build", plan.BuildImage.Value, "compiles the dependencies from the manifests alone, then the application");
        text.Line("WORKDIR /app");
        CopyManifests(text, rust.Manifests);
        var folders = rust.StubSources.Select(Folder).Where(f => f.Length > 0).Distinct().ToArray();
        var stub = new List<string>();
        if (folders.Length > 0)
            stub.Add($"mkdir -p {string.Join(' ', folders)}");
        stub.AddRange(rust.StubSources.Select(f => f.EndsWith("lib.rs", StringComparison.Ordinal) ? $"touch {f}" : $"echo 'fn main() {{}}' > {f}"));
        stub.Add(build);
        text.Run(Caches, [.. stub]);
        text.Line("COPY . .");
        // The real sources are older than the stubs' build; touching them makes cargo rebuild the application's crates.
        var touch = rust.StubSources.Count > 0 ? new[] { $"touch {string.Join(' ', rust.StubSources)}" } : [];
        text.Run(Caches, [.. touch, build, $"cp target/release/{binary} /usr/local/bin/{binary}"]);

        if (plan.Test is { } test)
        {
            text.Stage("test", "build", "runs the tests: docker build --target test .");
            text.Run(Caches, test.Value);
        }

        var probe = Probe.StaticWgetStage(text, plan, "the final image has no shell or tools");

        var scratch = plan.RuntimeImage.Value == Detection.Images.Scratch;
        text.Stage("runtime", plan.RuntimeImage.Value, scratch ? "holds nothing but the binary, CA certificates and the health probe" : "is the image that runs the binary");
        if (scratch)
            text.Line("COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/");
        Probe.CopyStaticWget(text, probe);
        if (plan.Framework?.Value == "rocket")
            text.Line($"ENV ROCKET_ADDRESS=0.0.0.0 ROCKET_PORT={plan.Port?.Value ?? 8000}");
        text.Line($"COPY --from=build /usr/local/bin/{binary} /usr/local/bin/{binary}");
        RuntimeTail.Write(text, plan, User, probe);
        return text.ToString();
    }

    /// <summary>COPY lines for the manifests: the root's together, each member's into its folder.</summary>
    internal static void CopyManifests(DockerfileText text, IReadOnlyList<string> manifests)
    {
        var top = manifests.Where(m => !m.Contains('/')).ToArray();
        if (top.Length > 0)
            text.Line($"COPY {string.Join(' ', top)} ./");
        foreach (var group in manifests.Where(m => m.Contains('/')).GroupBy(Folder))
            text.Line($"COPY {string.Join(' ', group)} {group.Key}/");
    }

    private static string Folder(string path) => path.Contains('/') ? path[..path.LastIndexOf('/')] : "";
}
