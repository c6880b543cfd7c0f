namespace Stagecraft.Generation.Writing;

/// <summary>
/// The Dockerfile of a Go plan: modules downloaded from go.mod and go.sum alone, a static binary (CGO_ENABLED=0) built
/// with both Go caches mounted, and a final stage with only the binary, CA certificates and, for the health check, wget.
/// </summary>
internal static class GoDockerfile
{
    private const string User = "65532:65532"; // distroless' "nonroot"; scratch needs no passwd entry for a numeric user
    private static readonly string ModuleCache = DockerfileText.Cache("/go/pkg/mod");
    private static readonly string BuildCache = DockerfileText.Cache("/root/.cache/go-build");

    public static string Write(ProjectPlan plan)
    {
        var go = plan.Go!;
        var text = new DockerfileText();
        Header.Write(text, plan, [$"main package {go.MainPackage.Value}", "static binary"]);

        text.Stage("build", plan.BuildImage.Value, "downloads the modules and compiles a static binary");
        text.Line("ENV CGO_ENABLED=0");
        text.Line("WORKDIR /src");
        // Without go.sum the module has no dependencies, so there is nothing to download ahead of the source.
        if (go.HasGoSum)
        {
            text.Line("COPY go.mod go.sum ./");
            text.Run([ModuleCache], "go mod download");
        }
        text.Line("COPY . .");
        text.Run([ModuleCache, BuildCache], $"go build -trimpath -ldflags=\"-s -w\" -o /out/{go.Binary} {go.MainPackage.Value}");

        if (plan.Test is { } test)
        {
            text.Stage("test", "build", "runs go vet and the tests: docker build --target test .");
            text.Run([ModuleCache, BuildCache], test.Value.Split(" && "));
        }

        var probe = Probe.StaticWgetStage(text, plan, "the final image has no shell or tools");

        var scratch = plan.RuntimeImage.Value == Detection.Images.Scratch;
        text.Stage("runtime", plan.RuntimeImage.Value, scratch ? "holds nothing but the binary, CA certificates and the health probe" : "is the image that runs the binary");
        if (scratch)
            text.Line("COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/");
        Probe.CopyStaticWget(text, probe);
        text.Line($"COPY --from=build /out/{go.Binary} /usr/local/bin/{go.Binary}");
        RuntimeTail.Write(text, plan, User, probe);
        return text.ToString();
    }
}
