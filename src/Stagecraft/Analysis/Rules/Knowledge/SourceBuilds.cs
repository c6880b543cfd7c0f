using Stagecraft.Semantics.Shell;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>A command that compiles or bundles source: its ecosystem, a short description, and where its output goes when the command says.</summary>
internal sealed record SourceBuild(ShellCommand Command, string Ecosystem, string Description, string? Output);

/// <summary>Recognises commands that compile or bundle an application (go build, cargo build, mvn package, npm run build, dotnet publish, make, …).</summary>
internal static class SourceBuilds
{
    private static readonly string[] MavenGoals = ["package", "install", "verify", "compile", "spring-boot:repackage"];
    private static readonly string[] GradleTasks = ["build", "assemble", "bootJar", "jar", "shadowJar", "installDist", "distTar", "distZip"];

    /// <summary>Reads an (unwrapped) command; null when it does not build anything.</summary>
    public static SourceBuild? Read(ShellCommand command)
    {
        // Every command of every RUN comes through here: decide on the name before looking at the arguments.
        if (command.BaseName is not ("go" or "cargo" or "mvn" or "mvnw" or "gradle" or "gradlew" or "dotnet" or "tsc" or "npm" or "yarn" or "pnpm" or "bun" or "make" or "gmake"))
            return null;
        var positionals = command.PositionalArguments.Select(w => w.Value).ToArray();
        var first = positionals.FirstOrDefault();
        switch (command.BaseName)
        {
            case "go" when first is "build" or "install":
                return new(command, "go", "go " + first, command.GetOptionValue("-o"));
            case "cargo" when first is "build" or "install":
                return new(command, "rust", "cargo " + first, command.HasOption("--release") ? "target/release/" : "target/debug/");
            case "mvn" or "mvnw" when positionals.Any(MavenGoals.Contains):
                return new(command, "java", "mvn " + positionals.First(MavenGoals.Contains), "target/*.jar");
            case "gradle" or "gradlew" when positionals.Any(GradleTasks.Contains):
                return new(command, "java", "gradle " + positionals.First(GradleTasks.Contains), "build/libs/*.jar");
            case "dotnet" when first is "publish" or "build":
                return new(command, "dotnet", "dotnet " + first, command.GetOptionValue("-o", "--output"));
            case "tsc":
                return new(command, "node", "tsc", command.GetOptionValue("--outDir"));
            case "npm" or "yarn" or "pnpm" or "bun" when RunsScript(command) is { } script && IsBuildScript(script):
                return new(command, "node", command.BaseName + " run " + script, null);
            case "make" or "gmake" when !positionals.Any(p => p is "clean" or "distclean" or "test" or "check"):
                return new(command, "c", "make", null);
            default:
                return null;
        }
    }

    private static readonly string[] OwnVerbs = ["install", "i", "ci", "add", "remove", "global", "cache", "config", "exec", "dlx", "create", "init",
        "prune", "start", "publish", "pack", "link", "unlink", "audit", "outdated", "upgrade", "up", "set", "workspaces", "workspace", "fetch", "store", "import", "info", "why", "list", "ls", "version", "rebuild", "dedupe"];

    /// <summary>The package.json script a JavaScript package manager runs (<c>npm run x</c>, <c>yarn x</c>, <c>pnpm x</c>, <c>npm test</c>), or null.</summary>
    public static string? RunsScript(ShellCommand command)
    {
        var words = command.PositionalArguments;
        if (words.Count == 0)
            return null;
        var first = words[0].Value;
        if (first is "run" or "run-script")
            return words.Count > 1 ? words[1].Value : null;
        if (first is "test" or "t")
            return "test";
        // yarn and pnpm run scripts by bare name; their own verbs are not scripts.
        return command.BaseName is "yarn" or "pnpm" or "bun" && Array.IndexOf(OwnVerbs, first) < 0 ? first : null;
    }

    private static bool IsBuildScript(string script) =>
        script.Contains("build", StringComparison.OrdinalIgnoreCase) || script.Contains("compile", StringComparison.OrdinalIgnoreCase)
        || script.Contains("bundle", StringComparison.OrdinalIgnoreCase) || script is "dist" or "prod" or "production";
}
