using Stagecraft.Generation;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Generation;

/// <summary>Go modules: version from go.mod, the main package, a static binary on scratch, and packages inside a larger module.</summary>
public sealed class GoDetectionTests : IDisposable
{
    private const string Server = """
        package main

        import "net/http"

        func main() {
            http.HandleFunc("/healthz", nil)
            http.ListenAndServe(":9090", nil)
        }
        """;

    private readonly TempDirectory _temp = new TempDirectory().AsRepository();

    public void Dispose() => _temp.Dispose();

    private string Project(params (string Name, string Text)[] files) => _temp.WithFiles(files);

    [Fact]
    public void A_module_with_a_cmd_package_downloads_modules_first_and_ships_a_static_binary_on_scratch()
    {
        var generated = Generated.For(Project(
            ("go.mod", "module example.com/shop\n\ngo 1.22.3\n\nrequire github.com/x/y v1.0.0\n"),
            ("go.sum", ""),
            ("cmd/shop/main.go", Server),
            ("internal/store/store.go", "package store\n"),
            ("internal/store/store_test.go", "package store\n")));
        var plan = generated.Plan;

        Assert.Equal(new Decided<string>("1.22.3", "go.mod go (1.22.3)"), plan.Version);
        Assert.Equal(new Decided<string>("./cmd/shop", "cmd/shop/main.go package main"), plan.Go!.MainPackage);
        Assert.Equal("shop", plan.Go.Binary);
        Assert.Equal(new Decided<int>(9090, "cmd/shop/main.go:7"), plan.Port);
        Assert.Equal("/healthz", plan.HealthPath?.Value);
        Assert.Equal("scratch", plan.RuntimeImage.Value);

        var dockerfile = generated.Files.Dockerfile;
        Assert.Contains("FROM golang:1.22.3-bookworm AS build\nENV CGO_ENABLED=0\n", dockerfile);
        Assert.True(dockerfile.IndexOf("go mod download", StringComparison.Ordinal) < dockerfile.IndexOf("COPY . .", StringComparison.Ordinal));
        Assert.Contains("COPY go.mod go.sum ./", dockerfile);
        Assert.Contains("go build -trimpath -ldflags=\"-s -w\" -o /out/shop ./cmd/shop", dockerfile);
        Assert.Contains("--mount=type=cache,target=/root/.cache/go-build", dockerfile);
        Assert.Contains("go vet ./... \\\n    && go test ./...", generated.Stage("test"));
        var final = generated.FinalStage;
        Assert.Contains("FROM scratch AS runtime", final);
        Assert.Contains("COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/", final);
        Assert.Contains("USER 65532:65532", final);
        Assert.Contains("http://127.0.0.1:9090/healthz", final);
        Assert.EndsWith("CMD [\"/usr/local/bin/shop\"]\n", dockerfile);
        generated.AssertLintsClean();
    }

    [Fact]
    public void A_toolchain_line_wins_over_the_go_line()
    {
        Project(("go.mod", "module m\n\ngo 1.21\n\ntoolchain go1.23.4\n"), ("main.go", Server));

        Assert.Equal(new Decided<string>("1.23.4", "go.mod toolchain (1.23.4)"), ProjectDetector.Detect(_temp.FullPath).Version);
    }

    [Fact]
    public void A_go_line_without_patch_gets_the_newest_release_of_that_line()
    {
        Project(("go.mod", "module m\n\ngo 1.19\n"), ("main.go", Server));

        Assert.Equal(new Decided<string>("1.19.13", "go.mod go (1.19)"), ProjectDetector.Detect(_temp.FullPath).Version);
    }

    [Fact]
    public void A_service_folder_inside_a_module_builds_from_the_module_root_with_its_own_dockerignore()
    {
        var app = Project(("go.mod", "module example.com/mono\n\ngo 1.24\n"), ("go.sum", ""), ("services/api/main.go", Server), ("libs/db/db.go", "package db\n"))
            + "/services/api";

        var generated = Generated.For(app);
        var plan = generated.Plan;

        Assert.Equal(_temp.FullPath, plan.ContextDirectory);
        Assert.Equal(Path.GetFullPath(app), plan.AppDirectory);
        Assert.Equal(new Decided<Stack>(Stack.Go, "../../go.mod"), plan.Stack);
        Assert.Equal("./services/api", plan.Go!.MainPackage.Value);
        Assert.Equal("api", plan.Go.Binary);
        Assert.Equal("services/api/Dockerfile", plan.DockerfileInContext);
        Assert.Equal("Dockerfile.dockerignore", generated.Files.DockerIgnoreFileName);
        Assert.Contains("# Build: docker build -f services/api/Dockerfile . (from ", generated.Files.Dockerfile);
        Assert.Contains("-o /out/api ./services/api", generated.Files.Dockerfile);
        generated.AssertLintsClean();
    }

    [Fact]
    public void Without_a_health_route_there_is_no_health_check_since_scratch_has_nothing_to_probe_with_but_wget()
    {
        var generated = Generated.For(Project(("go.mod", "module m\n\ngo 1.24\n"), ("main.go", "package main\n\nfunc main() { serve(\":8080\") }\n")));

        Assert.Equal(8080, generated.Plan.Port?.Value);
        Assert.DoesNotContain("HEALTHCHECK", generated.Files.Dockerfile);
        Assert.DoesNotContain("busybox", generated.Files.Dockerfile);
        Assert.Contains("EXPOSE 8080", generated.FinalStage);
        generated.AssertLintsClean();
    }
}
