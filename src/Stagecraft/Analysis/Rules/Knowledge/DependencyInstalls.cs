using Stagecraft.Semantics.Shell;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>Whether a command only fetches dependencies (<c>npm ci</c>) or builds the project and fetches them on the way (<c>go build</c>).</summary>
internal enum DependencyStepKind
{
    Install,
    Build,
}

/// <summary>
/// A command that fetches a project's dependencies, with the manifests it reads. <paramref name="Required"/> must be
/// copied; <paramref name="Usual"/> (lockfiles) are named even when the context is unknown; <paramref name="IfPresent"/>
/// only when the context shows them. <paramref name="Prefetch"/> is the dependency-only command to run first for a build
/// step whose manifests are enough for it; <paramref name="Manager"/> says where the downloaded dependencies are cached.
/// </summary>
internal sealed record DependencyStep(string Ecosystem, DependencyStepKind Kind, string Display, string[] Required, string[] Usual,
    string[] IfPresent, string? Prefetch, PackageManager Manager);

/// <summary>Language package managers: which commands install a project's dependencies and from which manifest files.</summary>
internal static class DependencyInstalls
{

    /// <summary>Classifies an unwrapped command, or returns null when it installs no project dependencies.</summary>
    public static DependencyStep? Classify(ShellCommand command)
    {
        // Most commands are none of these: decide that from the name before reading any argument.
        var name = command.BaseName;
        if (name is null || (!IsManagerName(name) && !PackageManagers.IsPip(command)))
            return null;
        var positionals = command.PositionalArguments;
        var sub = positionals.Count > 0 ? positionals[0].Value : null;
        return name switch
        {
            "npm" when sub is "install" or "i" or "ci" or "clean-install" && positionals.Count == 1 && !command.HasOption("-g", "--global")
                => Node("npm", "npm " + sub, "package-lock.json", ["npm-shrinkwrap.json", ".npmrc"]),
            "yarn" when (sub is null && !command.HasOption("--version", "-v", "--help", "-h")) || (sub == "install" && positionals.Count == 1)
                => Node("yarn", sub is null ? "yarn" : "yarn install", "yarn.lock", [".yarnrc", ".yarnrc.yml"]),
            "pnpm" when (sub is "install" or "i" && positionals.Count == 1) || sub == "fetch"
                => Node("pnpm", "pnpm " + sub, "pnpm-lock.yaml", ["pnpm-workspace.yaml", ".npmrc"]),
            "bun" when sub is "install" or "i" && positionals.Count == 1
                => Node("bun", "bun install", "", ["bun.lock", "bun.lockb", "bunfig.toml"]),
            _ when IsPip(command, out var pipArguments) => Pip(command, pipArguments),
            "uv" when sub == "sync" => Python("uv", "uv sync", ["pyproject.toml"], ["uv.lock"]),
            "uv" when sub == "pip" && positionals.Count > 1 && positionals[1].Value == "install" => Pip(command, 2),
            "poetry" when sub == "install" => Python("poetry", "poetry install", ["pyproject.toml"], ["poetry.lock"]),
            "pipenv" when sub is "install" or "sync" && positionals.Count == 1 => Python("pipenv", "pipenv " + sub, ["Pipfile"], ["Pipfile.lock"]),
            "go" => Go(command, positionals),
            "bundle" when sub is null or "install" => new("bundler", DependencyStepKind.Install, "bundle install", ["Gemfile"], ["Gemfile.lock"], [], null, PackageManagers.Named("bundle")),
            "composer" when sub == "install" => new("composer", DependencyStepKind.Install, "composer install", ["composer.json"], ["composer.lock"], [], null, PackageManagers.Named("composer")),
            "cargo" when sub == "fetch" => new("cargo", DependencyStepKind.Install, "cargo fetch", ["Cargo.toml"], ["Cargo.lock"], [], null, PackageManagers.Named("cargo")),
            "cargo" when sub is "build" or "install" or "test" && (sub != "install" || command.HasOption("--path"))
                => Build("cargo", "cargo " + sub, ["Cargo.toml"], ["Cargo.lock"], null, PackageManagers.Named("cargo")),
            "mvn" or "mvnw" => Maven(command, positionals),
            "gradle" or "gradlew" when positionals.Any(p => p.Value is "dependencies" or "androidDependencies")
                => new("gradle", DependencyStepKind.Install, "gradle dependencies", ["build.gradle"], [], [], null, PackageManagers.Named("gradle")),
            "gradle" or "gradlew" when positionals.FirstOrDefault(p => p.Value is "build" or "assemble" or "bootJar" or "jar" or "shadowJar" or "installDist") is { } task
                => Build("gradle", "gradle " + task.Value, ["build.gradle"], [], null, PackageManagers.Named("gradle")),
            "dotnet" when sub == "restore" => new("dotnet", DependencyStepKind.Install, "dotnet restore", ["*.csproj"], [], [], null, PackageManagers.Named("dotnet")),
            "dotnet" when sub is "publish" or "build" && !command.HasOption("--no-restore")
                => Build("dotnet", "dotnet " + sub, ["*.csproj"], [], "dotnet restore", PackageManagers.Named("dotnet")),
            _ => null,
        };
    }

    /// <summary>The program names <see cref="Classify"/> looks at besides pip's.</summary>
    private static bool IsManagerName(string name) => name is "npm" or "yarn" or "pnpm" or "bun" or "uv" or "poetry" or "pipenv" or "go"
        or "bundle" or "composer" or "cargo" or "mvn" or "mvnw" or "gradle" or "gradlew" or "dotnet";

    private static DependencyStep Node(string ecosystem, string display, string lockfile, string[] ifPresent) =>
        new(ecosystem, DependencyStepKind.Install, display, ["package.json"], lockfile.Length > 0 ? [lockfile] : [], ifPresent, null, PackageManagers.Named(ecosystem));

    private static DependencyStep Python(string ecosystem, string display, string[] required, string[] usual) =>
        new(ecosystem, DependencyStepKind.Install, display, required, usual, [], null, PackageManagers.Named(ecosystem));

    private static DependencyStep Build(string ecosystem, string display, string[] required, string[] usual, string? prefetch, PackageManager manager) =>
        new(ecosystem, DependencyStepKind.Build, display, required, usual, [], prefetch, manager);

    /// <summary>True for <c>pip install</c> and <c>python -m pip install</c>; <paramref name="skip"/> is the index of the <c>install</c> word.</summary>
    private static bool IsPip(ShellCommand command, out int skip)
    {
        skip = -1;
        if (!PackageManagers.IsPip(command))
            return false;
        for (var i = 1; i < command.Words.Count && skip < 0; i++)
        {
            var value = command.Words[i].Value;
            if (value == "install")
                skip = i;
            else if (!value.StartsWith('-') && value != "pip")
                return false;
        }
        return skip > 0;
    }

    /// <summary><c>pip install -r requirements.txt</c> installs dependencies; <c>pip install .</c> builds the project; named packages are neither.</summary>
    private static DependencyStep? Pip(ShellCommand command, int skip)
    {
        var words = command.Words;
        var files = new List<string>();
        var installsProject = false;
        for (var i = skip + 1; i < words.Count; i++)
        {
            var value = words[i].Value;
            if (value is "-r" or "--requirement" && i + 1 < words.Count)
                files.Add(words[++i].Value);
            else if (value.StartsWith("--requirement=", StringComparison.Ordinal))
                files.Add(value["--requirement=".Length..]);
            else if (value.StartsWith("-r", StringComparison.Ordinal) && value.Length > 2)
                files.Add(value[2..]);
            else if (value is "." or "./" || value.StartsWith(".[", StringComparison.Ordinal) || value.StartsWith("./", StringComparison.Ordinal))
                installsProject = true;
        }
        // `uv pip install` caches where uv does.
        var manager = command.IsNamed("uv") ? PackageManagers.Named("uv") : PackageManagers.Pip;
        if (files.Count > 0 && files.All(f => !f.Contains('$')))
            return new("pip", DependencyStepKind.Install, "pip install -r " + string.Join(" -r ", files), files.ToArray(), [], [], null, manager);
        return installsProject
            ? new("pip", DependencyStepKind.Build, "pip install .", ["pyproject.toml"], [], [], null, manager)
            : null;
    }

    private static DependencyStep? Go(ShellCommand command, IReadOnlyList<ShellWord> positionals)
    {
        if (positionals is [{ Value: "mod" }, { Value: "download" }, ..])
            return new("go", DependencyStepKind.Install, "go mod download", ["go.mod"], ["go.sum"], [], null, PackageManagers.Named("go"));
        if (positionals.Count == 0 || positionals[0].Value is not ("build" or "install" or "test" or "vet" or "run")
            || positionals.Any(p => p.Value.Contains('@')) || command.GetOptionValue("-mod") == "vendor" || command.HasArgument("-mod=vendor"))
            return null;
        return Build("go", "go " + positionals[0].Value, ["go.mod"], ["go.sum"], "go mod download", PackageManagers.Named("go"));
    }

    private static DependencyStep? Maven(ShellCommand command, IReadOnlyList<ShellWord> positionals)
    {
        var maven = PackageManagers.Named("mvn");
        if (positionals.Any(p => p.Value.StartsWith("dependency:", StringComparison.Ordinal)))
            return new("maven", DependencyStepKind.Install, "mvn dependency:go-offline", ["pom.xml"], [], [], null, maven);
        var goal = positionals.FirstOrDefault(p => p.Value is "package" or "install" or "verify" or "compile" or "test");
        return goal is null ? null : Build("maven", "mvn " + goal.Value, ["pom.xml"], [], command.IsNamed("mvn") ? "mvn dependency:go-offline" : null, maven);
    }
}
