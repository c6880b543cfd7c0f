using Stagecraft.Generation;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Generation;

/// <summary>Cargo: binary and version, the dependency-caching stub build, glibc on distroless or musl on scratch, workspace members.</summary>
public sealed class RustDetectionTests : IDisposable
{
    private const string Server = """
        use axum::{routing::get, Router};

        #[tokio::main]
        async fn main() {
            let app = Router::new().route("/healthz", get(|| async { "ok" }));
            let listener = tokio::net::TcpListener::bind("0.0.0.0:3000").await.unwrap();
            axum::serve(listener, app).await.unwrap();
        }
        """;

    private readonly TempDirectory _temp = new TempDirectory().AsRepository();

    public void Dispose() => _temp.Dispose();

    private string Project(params (string Name, string Text)[] files) => _temp.WithFiles(files);

    [Fact]
    public void A_package_builds_its_dependencies_from_the_manifests_first_and_ships_the_binary_on_distroless()
    {
        var generated = Generated.For(Project(
            ("Cargo.toml", "[package]\nname = \"shop\"\nversion = \"0.1.0\"\nrust-version = \"1.80\"\n\n[dependencies]\naxum = \"0.8\"\ntokio = { version = \"1\", features = [\"full\"] }\n"),
            ("Cargo.lock", "version = 4\n"),
            ("src/main.rs", Server),
            ("tests/api.rs", "#[test]\nfn works() {}\n")));
        var plan = generated.Plan;

        Assert.Equal(new Decided<string>("1.95.0", "Cargo.toml package.rust-version (>=1.80)"), plan.Version);
        Assert.Equal(new Decided<string>("shop", "Cargo.toml package.name"), plan.Rust!.Binary);
        Assert.Equal(new Decided<int>(3000, "src/main.rs:6"), plan.Port);
        Assert.Equal("/healthz", plan.HealthPath?.Value);
        Assert.Equal("axum", plan.Framework?.Value);
        Assert.Equal("gcr.io/distroless/cc-debian12:nonroot", plan.RuntimeImage.Value);

        var dockerfile = generated.Files.Dockerfile;
        Assert.Contains("FROM rust:1.95.0-slim-bookworm AS build\nWORKDIR /app\nCOPY Cargo.toml Cargo.lock ./\n", dockerfile);
        Assert.Contains("mkdir -p src \\\n    && echo 'fn main() {}' > src/main.rs \\\n    && cargo build --release --locked\nCOPY . .\n", dockerfile);
        Assert.Contains("touch src/main.rs \\\n    && cargo build --release --locked \\\n    && cp target/release/shop /usr/local/bin/shop", dockerfile);
        Assert.Contains("--mount=type=cache,target=/usr/local/cargo/registry", dockerfile);
        Assert.Contains("--mount=type=cache,target=/app/target,sharing=locked", dockerfile);
        Assert.Contains("cargo test --release --locked", generated.Stage("test"));
        var final = generated.FinalStage;
        Assert.Contains("FROM gcr.io/distroless/cc-debian12:nonroot AS runtime", final);
        Assert.Contains("COPY --from=healthcheck /bin/wget /usr/local/bin/wget", final);
        Assert.Contains("USER 65532:65532", final);
        Assert.Contains("http://127.0.0.1:3000/healthz", final);
        Assert.EndsWith("CMD [\"/usr/local/bin/shop\"]\n", dockerfile);
        Assert.Contains("\ntarget\n", generated.Files.DockerIgnore);
        generated.AssertLintsClean();
    }

    [Fact]
    public void A_static_base_builds_a_musl_binary_on_alpine_and_copies_the_CA_certificates()
    {
        var generated = Generated.For(Project(
            ("Cargo.toml", "[package]\nname = \"tool\"\nversion = \"0.1.0\"\n\n[[bin]]\nname = \"toold\"\npath = \"src/bin/daemon.rs\"\n"),
            ("Cargo.lock", ""),
            ("rust-toolchain.toml", "[toolchain]\nchannel = \"1.93\"\n"),
            ("src/bin/daemon.rs", "fn main() {}\n")), new PlanOptions { BaseImage = "scratch" });

        Assert.Equal(new Decided<string>("1.93.1", "rust-toolchain.toml toolchain.channel (1.93)"), generated.Plan.Version);
        Assert.Equal("toold", generated.Plan.Rust!.Binary.Value);
        Assert.True(generated.Plan.Rust.Musl.Value);
        var dockerfile = generated.Files.Dockerfile;
        Assert.Contains("FROM rust:1.93.1-alpine AS build", dockerfile);
        Assert.Contains("mkdir -p src/bin \\\n    && echo 'fn main() {}' > src/bin/daemon.rs", dockerfile);
        Assert.Contains("FROM scratch AS runtime\nCOPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\n", dockerfile);
        Assert.Null(generated.Plan.Port);
        Assert.Contains(generated.Plan.Notes, n => n.StartsWith("no port found", StringComparison.Ordinal));
        Assert.DoesNotContain("EXPOSE", dockerfile);
        generated.AssertLintsClean();
    }

    [Fact]
    public void A_workspace_member_builds_from_the_workspace_root_with_every_member_manifest()
    {
        var app = Project(
            ("Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\n\n[workspace.package]\nrust-version = \"1.91\"\n"),
            ("Cargo.lock", ""),
            ("crates/api/Cargo.toml", "[package]\nname = \"api\"\nversion = \"0.1.0\"\nrust-version.workspace = true\n\n[dependencies]\ncore = { path = \"../core\" }\n"),
            ("crates/api/src/main.rs", Server),
            ("crates/core/Cargo.toml", "[package]\nname = \"core\"\nversion = \"0.1.0\"\n"),
            ("crates/core/src/lib.rs", "")) + "/crates/api";

        var generated = Generated.For(app);
        var plan = generated.Plan;

        Assert.Equal(_temp.FullPath, plan.ContextDirectory);
        Assert.Equal("1.95.0", plan.Version.Value);
        Assert.Equal("../../Cargo.toml workspace.package.rust-version (>=1.91)", plan.Version.Evidence);
        Assert.Equal("api", plan.Rust!.Package);
        Assert.Equal("Dockerfile.dockerignore", generated.Files.DockerIgnoreFileName);
        var dockerfile = generated.Files.Dockerfile;
        Assert.Contains("COPY Cargo.toml Cargo.lock ./\nCOPY crates/api/Cargo.toml crates/api/\nCOPY crates/core/Cargo.toml crates/core/\n", dockerfile);
        Assert.Contains("touch crates/api/src/main.rs crates/core/src/lib.rs", dockerfile);
        Assert.Contains("cargo build --release --locked -p api", dockerfile);
        Assert.Contains("# Build: docker build -f crates/api/Dockerfile . (from ", dockerfile);
        generated.AssertLintsClean();
    }

    [Fact]
    public void A_virtual_workspace_builds_its_member_with_a_binary()
    {
        Project(
            ("Cargo.toml", "[workspace]\nmembers = [\"lib\", \"server\"]\n"),
            ("lib/Cargo.toml", "[package]\nname = \"lib\"\n"),
            ("lib/src/lib.rs", ""),
            ("server/Cargo.toml", "[package]\nname = \"server\"\n"),
            ("server/src/main.rs", "fn main() {}\n"));

        var plan = ProjectDetector.Detect(_temp.FullPath);

        Assert.Equal(new Decided<string>("server", "server/Cargo.toml package.name"), plan.Rust!.Binary);
        Assert.Equal("server", plan.Rust.Package);
        Assert.Contains(plan.Notes, n => n.Contains("server/Cargo.toml, the only member with a binary", StringComparison.Ordinal));
    }

    [Fact]
    public void A_library_is_an_error_naming_its_manifest()
    {
        Project(("Cargo.toml", "[package]\nname = \"util\"\n"), ("src/lib.rs", ""));

        var error = Assert.Throws<StagecraftException>(() => ProjectDetector.Detect(_temp.FullPath));

        Assert.Equal("Cargo.toml: package util is a library (no src/main.rs, src/bin/ or [[bin]]): nothing to run; run init in the package that builds the program", error.Message);
    }

    [Fact]
    public void A_program_under_src_bin_is_the_binary_and_a_minimum_newer_than_the_table_names_its_line()
    {
        Project(("Cargo.toml", "[package]\nname = \"suite\"\nrust-version = \"1.99\"\n"), ("src/bin/serve.rs", "fn main() {}\n"), ("src/bin/zap.rs", "fn main() {}\n"));

        var plan = ProjectDetector.Detect(_temp.FullPath);

        Assert.Equal(new Decided<string>("serve", "src/bin/serve.rs"), plan.Rust!.Binary);
        Assert.Equal("1.99", plan.Version.Value);
        Assert.Equal("rust:1.99-slim-bookworm", plan.BuildImage.Value);
        Assert.Equal(["src/bin/serve.rs", "src/bin/zap.rs"], plan.Rust.StubSources);
        Assert.Contains(plan.Notes, n => n.StartsWith("Cargo.toml package.rust-version asks for 1.99, newer than the releases Stagecraft knows", StringComparison.Ordinal));
    }
}
