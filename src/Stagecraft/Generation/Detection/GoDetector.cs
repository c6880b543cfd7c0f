using System.Text.RegularExpressions;

namespace Stagecraft.Generation.Detection;

/// <summary>Detects a Go application: the module (here or in a folder above), its Go version, the main package, port and tests.</summary>
internal static partial class GoDetector
{
    /// <summary>True when the folder is in a Go module: go.mod here, or here a main package and go.mod in a folder above.</summary>
    public static bool Matches(ProjectFolder folder) => folder.Exists("go.mod") || (ModuleRoot(folder.FullPath) is not null && folder.SourceFiles(".go").Count > 0);

    public static ProjectPlan Detect(ProjectFolder folder, PlanOptions options)
    {
        var root = ModuleRoot(folder.FullPath) ?? throw new NoStackDetectedException($"{folder.FullPath}: no go.mod here or in a folder above");
        var module = new ProjectFolder(root);
        var toApp = Path.GetRelativePath(folder.FullPath, root).Replace('\\', '/');
        var goModEvidence = toApp == "." ? "go.mod" : $"{toApp}/go.mod";
        var goMod = module.Read("go.mod") ?? "";
        var notes = new List<string>();

        (string, string)? stated = ToolchainLine().Match(goMod) is { Success: true } toolchain
            ? (toolchain.Groups[1].Value, $"{goModEvidence} toolchain")
            : GoLine().Match(goMod) is { Success: true } go ? (go.Groups[1].Value, $"{goModEvidence} go") : null;
        var version = Versions.Decide(Stack.Go, options.Version, stated, notes);

        var appInModule = Path.GetRelativePath(root, folder.FullPath).Replace('\\', '/');
        var main = MainPackage(folder, appInModule);
        var binary = Path.GetFileName(main.Value == "." ? (ModulePath().Match(goMod) is { Success: true } m ? m.Groups[1].Value : folder.FullPath) : main.Value).TrimEnd('/');
        if (binary.Length == 0 || binary == ".")
            binary = "app";
        var sources = folder.SourceFiles(".go");
        var port = options.Port is { } p ? Decided<int>.ByFlag(p, "--port") : SourceScan.FindPort(folder, sources, PortDefault(), AddressLiteral());
        if (port is null)
            notes.Add("no port found in the source: pass --port to get EXPOSE and a HEALTHCHECK");
        var hasTests = module.SourceFiles("_test.go").Count > 0;
        var health = port is null ? null : SourceScan.FindHealthPath(folder, sources);
        if (port is not null && health is null)
            notes.Add("no health route (/health, /healthz, …) found in the source: no HEALTHCHECK, as the scratch image has nothing else to probe with");

        return new ProjectPlan
        {
            AppDirectory = folder.FullPath,
            ContextDirectory = root,
            Stack = new Decided<Stack>(Stack.Go, goModEvidence),
            PackageManager = options.PackageManager is { } pm ? Decided<PackageManagerKind>.ByFlag(pm, "--package-manager") : new Decided<PackageManagerKind>(PackageManagerKind.GoModules, goModEvidence),
            Version = version,
            Start = options.Start is { } start ? Decided<IReadOnlyList<string>>.ByFlag(start, "--start") : new Decided<IReadOnlyList<string>>([$"/usr/local/bin/{binary}"], $"main package {main.Value}"),
            Port = port,
            HealthPath = health,
            Test = hasTests ? new Decided<string>("go vet ./... && go test ./...", "*_test.go files") : null,
            BuildImage = new Decided<string>($"golang:{version.Value}-bookworm", "Go version, Debian"),
            RuntimeImage = options.BaseImage is { } image ? Decided<string>.ByFlag(image, "--base") : new Decided<string>(Images.Scratch, "static binary (CGO_ENABLED=0)"),
            Notes = notes,
            Go = new GoProject(main, binary, module.Exists("go.sum")),
        };
    }

    /// <summary>The folder of the nearest go.mod at or above <paramref name="start"/>, stopping at a repository root.</summary>
    private static string? ModuleRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "go.mod")))
                return dir.FullName;
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
                return null;
        }
        return null;
    }

    /// <summary>
    /// The package to build, relative to the module root: the app folder itself when it is a main package, else its only
    /// main package under cmd/ (or anywhere), else the first one in name order.
    /// </summary>
    private static Decided<string> MainPackage(ProjectFolder folder, string appInModule)
    {
        var mains = folder.SourceFiles(".go")
            .Where(f => !f.EndsWith("_test.go", StringComparison.Ordinal) && folder.Read(f) is { } text && MainDeclaration().IsMatch(text))
            .Select(f => f.Contains('/') ? f[..f.LastIndexOf('/')] : ".")
            .Distinct()
            .ToList();
        string Package(string dir)
        {
            var path = appInModule == "." ? dir : dir == "." ? appInModule : $"{appInModule}/{dir}";
            return path == "." ? "." : "./" + path;
        }
        if (mains.Contains("."))
            return new Decided<string>(Package("."), $"{FirstMain(folder, ".")} package main");
        var cmd = mains.Where(d => d.StartsWith("cmd/", StringComparison.Ordinal)).ToList();
        var pick = cmd.Count > 0 ? cmd : mains;
        if (pick.Count == 0)
            return Decided<string>.ByDefault(Package("."));
        var evidence = pick.Count == 1 ? $"{FirstMain(folder, pick[0])} package main" : $"first of {pick.Count} main packages ({string.Join(", ", pick)}); run init in the one you want";
        return new Decided<string>(Package(pick[0]), evidence);
    }

    private static string FirstMain(ProjectFolder folder, string dir) =>
        folder.SourceFiles(".go").First(f => (dir == "." ? !f.Contains('/') : f.StartsWith(dir + "/", StringComparison.Ordinal) && f.LastIndexOf('/') == dir.Length)
            && !f.EndsWith("_test.go", StringComparison.Ordinal) && folder.Read(f) is { } t && MainDeclaration().IsMatch(t));

    [GeneratedRegex(@"(?m)^package\s+main\s*$")]
    private static partial Regex MainDeclaration();

    [GeneratedRegex(@"(?m)^go\s+(\d+\.\d+(?:\.\d+)?)\s*$")]
    private static partial Regex GoLine();

    [GeneratedRegex(@"(?m)^toolchain\s+go(\d+\.\d+\.\d+)\s*$")]
    private static partial Regex ToolchainLine();

    /// <summary>The module path a go.mod declares, or null (also used by the multi-stage rewrite to name a binary).</summary>
    public static string? ModulePathOf(string goMod) => ModulePath().Match(goMod) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"(?m)^module\s+(\S+)")]
    private static partial Regex ModulePath();

    // port = "8080" after a PORT lookup, or a default in a helper such as getEnv("PORT", "8080").
    [GeneratedRegex(@"(?:\bport\s*:?=\s*""|""PORT""\s*,\s*"")(\d{2,5})""", RegexOptions.IgnoreCase)]
    private static partial Regex PortDefault();

    [GeneratedRegex(@"""(?:0\.0\.0\.0|localhost|127\.0\.0\.1)?:(\d{2,5})""")]
    private static partial Regex AddressLiteral();
}
