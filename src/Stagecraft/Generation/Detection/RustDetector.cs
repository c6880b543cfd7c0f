using System.Text.RegularExpressions;
using Stagecraft.Analysis.Rules.Knowledge;

namespace Stagecraft.Generation.Detection;

/// <summary>
/// Detects a Rust application: the package and binary (in a workspace, the member with a binary), the toolchain
/// version, glibc or musl, the web framework, port and tests.
/// </summary>
internal static partial class RustDetector
{
    private static readonly string[] Frameworks = ["axum", "actix-web", "rocket", "warp", "poem", "tide", "salvo", "hyper"];

    public static bool Matches(ProjectFolder folder) => folder.Exists("Cargo.toml");

    public static ProjectPlan Detect(ProjectFolder folder, PlanOptions options)
    {
        var notes = new List<string>();
        var own = TomlTables.Parse(folder.Read("Cargo.toml") ?? "");
        // A package inside a workspace builds from the workspace root: the lockfile and the other members are there.
        var root = own.HasTable("package") && Ancestors.Find(folder.FullPath, IsWorkspaceRoot) is { } above ? above : folder.FullPath;
        var workspace = new ProjectFolder(root);
        var rootToml = root == folder.FullPath ? own : TomlTables.Parse(workspace.Read("Cargo.toml") ?? "");
        var members = rootToml.HasTable("workspace") ? Members(workspace, rootToml) : ["."];
        if (!members.Contains(".") && rootToml.HasTable("package"))
            members.Insert(0, ".");
        var toRoot = Ancestors.Relative(folder.FullPath, root);
        var evidencePrefix = toRoot == "." ? "" : toRoot + "/";

        var appMember = own.HasTable("package") ? Ancestors.Relative(root, folder.FullPath) : null;
        var (member, memberEvidence) = appMember is not null
            ? (appMember, $"{evidencePrefix}Cargo.toml [workspace] members")
            : PickBinaryMember(workspace, members);
        if (appMember is null && member != ".")
            notes.Add($"builds the workspace member {member} ({memberEvidence})");
        var memberFolder = new ProjectFolder(Path.GetFullPath(Path.Combine(root, member)));
        var memberText = memberFolder.Read("Cargo.toml") ?? "";
        var memberToml = TomlTables.Parse(memberText);
        var packageName = memberToml.String("package", "name") ?? Path.GetFileName(memberFolder.FullPath);
        var at = Prefix(root, memberFolder.FullPath, folder.FullPath);
        // Cargo's own target discovery: [[bin]] first, then src/main.rs (named after the package), then src/bin/*.rs.
        var extraBins = memberFolder.FolderExists("src/bin")
            ? Directory.GetFiles(Path.Combine(memberFolder.FullPath, "src/bin"), "*.rs").Order(StringComparer.Ordinal).Select(Path.GetFileNameWithoutExtension).ToArray()
            : [];
        var binary = FirstBin().Match(memberText) is { Success: true } bin ? new Decided<string>(bin.Groups[1].Value, $"{at}Cargo.toml [[bin]] name")
            : memberFolder.Exists("src/main.rs") ? new Decided<string>(packageName, $"{at}Cargo.toml package.name")
            : extraBins.Length > 0 ? new Decided<string>(extraBins[0]!, $"{at}src/bin/{extraBins[0]}.rs")
            : throw new StagecraftException($"{at}Cargo.toml: package {packageName} is a library (no src/main.rs, src/bin/ or [[bin]]): nothing to run; run init in the package that builds the program");
        var inWorkspace = members.Count > 1 || member != ".";

        var version = Versions.Decide(Stack.Rust, options.Version, StatedVersion(folder, workspace, memberToml, rootToml, evidencePrefix, notes), notes);
        var lockfile = workspace.Exists("Cargo.lock");
        if (!lockfile)
            notes.Add("no Cargo.lock: the build resolves the newest versions the manifests allow; commit Cargo.lock for reproducible application builds");

        var lockText = workspace.Read("Cargo.lock") ?? "";
        var dependencies = memberToml.Keys("dependencies").ToHashSet(StringComparer.Ordinal);
        var framework = Frameworks.FirstOrDefault(dependencies.Contains) is { } name
            ? new Decided<string>(name, $"{Prefix(root, memberFolder.FullPath, folder.FullPath)}Cargo.toml [dependencies]")
            : null;
        var musl = options.BaseImage is { } requested && IsStaticBase(requested)
            ? Decided<bool>.ByFlag(true, "--base")
            : Decided<bool>.ByDefault(false);
        var openssl = lockText.Contains("name = \"openssl-sys\"", StringComparison.Ordinal) || dependencies.Contains("openssl") || dependencies.Contains("native-tls");
        if (openssl && musl.Value)
            notes.Add("openssl-sys links OpenSSL, which the musl build does not have: switch to rustls, or build for glibc");

        var sources = memberFolder.SourceFiles(".rs");
        var port = options.Port is { } p ? Decided<int>.ByFlag(p, "--port")
            : SourceScan.FindPort(memberFolder, sources, AddressLiteral(), AddressTuple(), HostPortTuple(), PortDefault())
              ?? (framework?.Value == "rocket" ? new Decided<int>(8000, "Rocket's default port") : null);
        if (port is null)
            notes.Add("no port found in the source: pass --port to get EXPOSE and a HEALTHCHECK");
        var health = port is null ? null : SourceScan.FindHealthPath(memberFolder, sources);
        if (port is not null && health is null)
            notes.Add("no health route (/health, /healthz, …) found in the source: no HEALTHCHECK, as the final image has no shell to probe with");
        var hasTests = memberFolder.FolderExists("tests") || sources.Any(f => memberFolder.Read(f)?.Contains("#[cfg(test)]", StringComparison.Ordinal) == true);

        // rust:*-alpine has gcc and musl-dev and targets musl by default (rust-lang/docker-rust stable/alpine*/Dockerfile),
        // so cargo's output in target/release is already a static binary.
        var buildImage = musl.Value
            ? new Decided<string>($"rust:{version.Value}-alpine", "static musl binary for --base")
            : openssl
                ? new Decided<string>($"rust:{version.Value}-bookworm", "openssl-sys needs OpenSSL headers and pkg-config (full image)")
                : new Decided<string>($"rust:{version.Value}-slim-bookworm", "Rust version, Debian slim");
        return new ProjectPlan
        {
            AppDirectory = folder.FullPath,
            ContextDirectory = root,
            ContextReason = "the Cargo workspace root",
            Stack = new Decided<Stack>(Stack.Rust, $"{evidencePrefix}Cargo.toml"),
            PackageManager = options.PackageManager is { } pm ? Decided<PackageManagerKind>.ByFlag(pm, "--package-manager") : new Decided<PackageManagerKind>(PackageManagerKind.Cargo, $"{evidencePrefix}Cargo.toml"),
            Version = version,
            Framework = framework,
            Start = options.Start is { } start ? Decided<IReadOnlyList<string>>.ByFlag(start, "--start") : new Decided<IReadOnlyList<string>>([$"/usr/local/bin/{binary.Value}"], binary.Evidence),
            Port = port,
            HealthPath = health,
            Test = hasTests ? new Decided<string>("cargo test --release" + (lockfile ? " --locked" : "") + (inWorkspace ? $" -p {packageName}" : ""), "tests/ or #[cfg(test)] in the source") : null,
            BuildImage = buildImage,
            RuntimeImage = options.BaseImage is { } image ? Decided<string>.ByFlag(image, "--base") : new Decided<string>(Images.DistrolessCc, "binary linked against glibc; distroless has no shell"),
            Notes = notes,
            Rust = new RustProject(binary, inWorkspace ? packageName : null, Manifests(members, lockfile), Stubs(workspace, members), lockfile, musl),
        };

        static string Prefix(string root, string member, string app) => Ancestors.Relative(app, member) is var r && r == "." ? "" : r + "/";
    }

    /// <summary>True for a base the binary must be static for: scratch, distroless static, Alpine (musl).</summary>
    private static bool IsStaticBase(string image) =>
        image == Images.Scratch || image.Contains("static", StringComparison.Ordinal) || image.Contains("alpine", StringComparison.Ordinal);

    private static bool IsWorkspaceRoot(string dir) =>
        File.Exists(Path.Combine(dir, "Cargo.toml")) && TomlTables.Parse(File.ReadAllText(Path.Combine(dir, "Cargo.toml"))).HasTable("workspace");

    /// <summary>The members of a workspace, relative to its root; <c>crates/*</c> expands to the folders with a Cargo.toml.</summary>
    private static List<string> Members(ProjectFolder workspace, TomlTables toml)
    {
        var members = new List<string>();
        foreach (var pattern in toml.Strings("workspace", "members"))
        {
            var path = pattern.TrimEnd('/');
            if (path.EndsWith("/*", StringComparison.Ordinal))
            {
                var parent = Path.Combine(workspace.FullPath, path[..^2]);
                if (Directory.Exists(parent))
                {
                    members.AddRange(Directory.GetDirectories(parent).Order(StringComparer.Ordinal)
                        .Where(d => File.Exists(Path.Combine(d, "Cargo.toml")))
                        .Select(d => Ancestors.Relative(workspace.FullPath, d)));
                }
            }
            else if (workspace.Exists($"{path}/Cargo.toml"))
            {
                members.Add(path);
            }
        }
        return members;
    }

    /// <summary>In a virtual workspace: the member with a binary (src/main.rs or [[bin]]), the first when there are several.</summary>
    private static (string Member, string Evidence) PickBinaryMember(ProjectFolder workspace, List<string> members)
    {
        var binaries = members.Where(m => workspace.Exists($"{m}/src/main.rs") || (workspace.Read($"{m}/Cargo.toml")?.Contains("[[bin]]", StringComparison.Ordinal) ?? false)).ToList();
        if (binaries.Count == 0)
            return (members.FirstOrDefault() ?? ".", "Cargo.toml [workspace] members (no member has a binary)");
        return binaries.Count == 1
            ? (binaries[0], $"{binaries[0]}/Cargo.toml, the only member with a binary")
            : (binaries[0], $"first of {binaries.Count} members with a binary ({string.Join(", ", binaries)}); run init in the one you want");
    }

    private static (string, string)? StatedVersion(ProjectFolder app, ProjectFolder workspace, TomlTables member, TomlTables root, string prefix, List<string> notes)
    {
        foreach (var (folder, at) in new[] { (app, ""), (workspace, prefix) }.Distinct())
        {
            if (folder.Read("rust-toolchain.toml") is { } toolchain)
                return Channel(TomlTables.Parse(toolchain).String("toolchain", "channel"), $"{at}rust-toolchain.toml toolchain.channel", notes);
            if (folder.Read("rust-toolchain") is { } legacy)
            {
                var text = legacy.Trim();
                return Channel(text.Contains('=') ? TomlTables.Parse(text).String("toolchain", "channel") : text, $"{at}rust-toolchain", notes);
            }
        }
        // rust-version is the oldest toolchain the package builds with, so any newer release fits.
        if (member.String("package", "rust-version") is { } minimum)
            return Minimum(minimum, "Cargo.toml package.rust-version");
        if (root.String("workspace.package", "rust-version") is { } shared)
            return Minimum(shared, $"{prefix}Cargo.toml workspace.package.rust-version");
        return null;

        // A minimum newer than every known release names its own line, which is newer than the default too.
        static (string, string) Minimum(string version, string evidence) =>
            ReleaseVersion.Parse(version) is { } v && KnownVersions.Lines(Stack.Rust).All(k => k.ComparePrefix(v) < 0) ? (version, evidence) : (">=" + version, evidence);
    }

    private static (string, string)? Channel(string? channel, string evidence, List<string> notes)
    {
        if (channel is null or "stable")
            return null;
        if (channel.StartsWith("nightly", StringComparison.Ordinal) || channel.StartsWith("beta", StringComparison.Ordinal))
        {
            notes.Add($"{evidence} asks for {channel}: the rust image has stable releases only; using the default (install the channel with rustup in the build stage if the code needs it)");
            return null;
        }
        return (channel, evidence);
    }

    private static IReadOnlyList<string> Manifests(List<string> members, bool lockfile)
    {
        var files = new List<string> { "Cargo.toml" };
        if (lockfile)
            files.Add("Cargo.lock");
        files.AddRange(members.Where(m => m != ".").Select(m => $"{m}/Cargo.toml"));
        return files;
    }

    /// <summary>The target source files cargo needs to exist to build from the manifests: entry points, build scripts, declared target paths.</summary>
    private static IReadOnlyList<string> Stubs(ProjectFolder workspace, List<string> members)
    {
        var stubs = new List<string>();
        foreach (var member in members)
        {
            var prefix = member == "." ? "" : member + "/";
            foreach (var file in (string[])["src/main.rs", "src/lib.rs", "build.rs"])
            {
                if (workspace.Exists(prefix + file))
                    stubs.Add(prefix + file);
            }
            if (workspace.FolderExists(prefix + "src/bin"))
            {
                stubs.AddRange(Directory.GetFiles(Path.Combine(workspace.FullPath, prefix + "src/bin"), "*.rs").Order(StringComparer.Ordinal)
                    .Select(f => prefix + "src/bin/" + Path.GetFileName(f)));
            }
            foreach (Match path in TargetPath().Matches(workspace.Read(prefix + "Cargo.toml") ?? ""))
            {
                if (!stubs.Contains(prefix + path.Groups[1].Value))
                    stubs.Add(prefix + path.Groups[1].Value);
            }
        }
        return stubs;
    }

    [GeneratedRegex(@"\[\[bin\]\][^\[]*?\bname\s*=\s*""([^""]+)""")]
    private static partial Regex FirstBin();

    [GeneratedRegex(@"(?m)^\s*path\s*=\s*""([^""]+\.rs)""")]
    private static partial Regex TargetPath();

    [GeneratedRegex(@"""(?:0\.0\.0\.0|127\.0\.0\.1|localhost|\[::\])?:(\d{2,5})""")]
    private static partial Regex AddressLiteral();

    // SocketAddr::from(([0, 0, 0, 0], 3000))
    [GeneratedRegex(@"\(\s*\[\s*0\s*,\s*0\s*,\s*0\s*,\s*0\s*\]\s*,\s*(\d{2,5})\s*\)")]
    private static partial Regex AddressTuple();

    // .bind(("0.0.0.0", 8080))
    [GeneratedRegex(@"\(\s*""(?:0\.0\.0\.0|127\.0\.0\.1|localhost)""\s*,\s*(\d{2,5})\s*\)")]
    private static partial Regex HostPortTuple();

    // env::var("PORT").unwrap_or_else(|_| "8080".into())
    [GeneratedRegex(@"""PORT""[^\n]*?""(\d{2,5})""")]
    private static partial Regex PortDefault();
}
