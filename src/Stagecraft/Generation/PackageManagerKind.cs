namespace Stagecraft.Generation;

/// <summary>The dependency managers a plan can install with.</summary>
public enum PackageManagerKind
{
    Npm,
    YarnClassic,
    YarnBerry,
    Pnpm,
    Pip,
    Poetry,
    Uv,
    Pipenv,
    GoModules,
    Cargo,
    Maven,
    Gradle,
    NuGet,
    Bundler,
    Composer,
}

/// <summary>The names of package managers on the command line (<c>--package-manager</c>) and in plans.</summary>
public static class PackageManagerNames
{
    public static IReadOnlyList<string> All { get; } =
        ["npm", "yarn", "yarn-berry", "pnpm", "pip", "poetry", "uv", "pipenv", "go", "cargo", "maven", "gradle", "dotnet", "bundler", "composer"];

    public static PackageManagerKind? Parse(string name) => name.ToLowerInvariant() switch
    {
        "npm" => PackageManagerKind.Npm,
        "yarn" or "yarn-classic" or "yarn1" => PackageManagerKind.YarnClassic,
        "yarn-berry" or "berry" => PackageManagerKind.YarnBerry,
        "pnpm" => PackageManagerKind.Pnpm,
        "pip" => PackageManagerKind.Pip,
        "poetry" => PackageManagerKind.Poetry,
        "uv" => PackageManagerKind.Uv,
        "pipenv" => PackageManagerKind.Pipenv,
        "go" or "go-modules" => PackageManagerKind.GoModules,
        "cargo" => PackageManagerKind.Cargo,
        "maven" or "mvn" => PackageManagerKind.Maven,
        "gradle" => PackageManagerKind.Gradle,
        "dotnet" or "nuget" => PackageManagerKind.NuGet,
        "bundler" or "bundle" => PackageManagerKind.Bundler,
        "composer" => PackageManagerKind.Composer,
        _ => null,
    };

    public static string Name(PackageManagerKind kind) => kind switch
    {
        PackageManagerKind.Npm => "npm",
        PackageManagerKind.YarnClassic => "yarn",
        PackageManagerKind.YarnBerry => "yarn-berry",
        PackageManagerKind.Pnpm => "pnpm",
        PackageManagerKind.Pip => "pip",
        PackageManagerKind.Poetry => "poetry",
        PackageManagerKind.Uv => "uv",
        PackageManagerKind.Pipenv => "pipenv",
        PackageManagerKind.GoModules => "go",
        PackageManagerKind.Cargo => "cargo",
        PackageManagerKind.Maven => "maven",
        PackageManagerKind.Gradle => "gradle",
        PackageManagerKind.NuGet => "dotnet",
        PackageManagerKind.Bundler => "bundler",
        _ => "composer",
    };

    /// <summary>The stack a package manager belongs to.</summary>
    public static Stack StackOf(PackageManagerKind kind) => kind switch
    {
        PackageManagerKind.Npm or PackageManagerKind.YarnClassic or PackageManagerKind.YarnBerry or PackageManagerKind.Pnpm => Stack.Node,
        PackageManagerKind.GoModules => Stack.Go,
        PackageManagerKind.Cargo => Stack.Rust,
        PackageManagerKind.Maven or PackageManagerKind.Gradle => Stack.Java,
        PackageManagerKind.NuGet => Stack.DotNet,
        PackageManagerKind.Bundler => Stack.Ruby,
        PackageManagerKind.Composer => Stack.Php,
        _ => Stack.Python,
    };

    /// <summary>The command that runs a package.json script with a Node.js package manager (<c>npm run build</c>, <c>yarn build</c>).</summary>
    public static string RunScript(PackageManagerKind manager, string script) => manager switch
    {
        PackageManagerKind.YarnClassic or PackageManagerKind.YarnBerry => $"yarn {script}",
        PackageManagerKind.Pnpm => $"pnpm {script}",
        _ => script == "test" ? "npm test" : $"npm run {script}",
    };
}
