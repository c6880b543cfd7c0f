using Stagecraft.Semantics;
using Stagecraft.Semantics.Shell;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>An application dependency install (npm, yarn, pnpm, pip, poetry, uv, pipenv, bundler, composer) and whether it includes development packages.</summary>
/// <param name="IsJavaScript">npm, yarn or pnpm, whose dev dependencies a later build script may need.</param>
/// <param name="Remedy">What to add to install production dependencies only.</param>
internal sealed record DependencyInstall(ShellCommand Command, string Description, bool IsJavaScript, string Remedy);

/// <summary>Recognises dependency installs that bring development packages along.</summary>
internal static class DevelopmentDependencies
{
    /// <summary>True for a whole-project npm install (<c>npm install</c>/<c>npm i</c> with no package names and no -g).</summary>
    public static bool IsProjectNpmInstall(ShellCommand command) =>
        command.IsNamed("npm") && command.PositionalArguments is [{ Value: "install" or "i" }] && !command.HasOption("-g", "--global");

    /// <summary>True for a bare <c>yarn</c> or <c>bundle</c>, which installs, unlike <c>yarn --version</c> or <c>bundle --help</c>.</summary>
    public static bool IsBareInstall(ShellCommand command) =>
        command.PositionalArguments.Count == 0 && !command.HasOption("--version", "-v", "--help", "-h", "-V");

    /// <summary>Whether an (unwrapped) command is one of the programs <see cref="WithDevelopmentPackages"/> reads, by name alone.</summary>
    public static bool MayInstall(ShellCommand command) =>
        command.BaseName is "npm" or "yarn" or "pnpm" or "pip" or "pip3" or "python" or "python3" or "poetry" or "uv" or "pipenv" or "bundle" or "composer";

    /// <summary>Reads an (unwrapped) command; returns the install when it includes development dependencies, null otherwise.</summary>
    /// <param name="earlier">Commands that ran before it in the same RUN (for <c>export</c> and <c>bundle config</c>).</param>
    public static DependencyInstall? WithDevelopmentPackages(ShellCommand command, VariableScope scope, IEnumerable<ShellCommand> earlier)
    {
        if (!MayInstall(command))
            return null;
        var words = command.PositionalArguments.Select(w => w.Value).ToArray();
        // Read only by the cases that need them: walking the earlier commands for every command made long RUNs quadratic.
        string? Env(string name) => command.Assignments.LastOrDefault(a => a.Name == name)?.Value
            ?? earlier.SelectMany(c => c.Name is null || c.IsNamed("export") ? c.Assignments.Concat(c.Arguments.Select(ShellAssignment.TryCreate).OfType<ShellAssignment>()) : [])
                .LastOrDefault(a => a.Name == name)?.Value
            ?? (scope.TryGetValue(name, out var value) ? value : null);
        bool Production() => Env("NODE_ENV") == "production";
        switch (command.BaseName)
        {
            case "npm" when (words is ["ci"] || IsProjectNpmInstall(command)) && !Production()
                && !(command.HasOption("--production") && command.GetOptionValue("--production") != "false")
                && command.GetOptionValue("--omit") != "dev" && command.GetOptionValue("--only") is not ("prod" or "production")
                && Env("npm_config_production") is not "true" && Env("NPM_CONFIG_PRODUCTION") is not "true"
                && Env("npm_config_omit") is not "dev" && Env("NPM_CONFIG_OMIT") is not "dev":
                return new(command, "npm " + words[0], true, "--omit=dev");
            case "yarn" when (words is ["install"] || IsBareInstall(command)) && !Production()
                && !(command.HasOption("--production", "--prod") && command.GetOptionValue("--production", "--prod") != "false"):
                return new(command, "yarn install", true, "--production");
            case "pnpm" when words is ["install" or "i"] && !Production() && !command.HasOption("--prod", "-P", "--production"):
                return new(command, "pnpm install", true, "--prod");
            case "pip" or "pip3" or "python" or "python3" when words.Contains("install") && DevRequirement(command) is { } file:
                return new(command, "pip install " + file, false, "a requirements file without development tools");
            case "poetry" when words is ["install", ..] && !command.HasOption("--no-dev", "--only-root", "--without", "--only"):
                return new(command, "poetry install", false, "--only main");
            case "uv" when words is ["sync", ..] && !command.HasOption("--no-dev", "--only-group", "--no-default-groups") && Env("UV_NO_DEV") is null:
                return new(command, "uv sync", false, "--no-dev");
            case "pipenv" when words is ["install", ..] && command.HasOption("--dev", "-d"):
                return new(command, "pipenv install --dev", false, "no --dev");
            case "bundle" when (words is ["install", ..] || IsBareInstall(command)) && !command.HasOption("--without")
                && Env("BUNDLE_WITHOUT") is null && !earlier.Any(c => c.IsNamed("bundle") && c.HasArgument("config") && c.Arguments.Any(a => a.Value.Contains("without", StringComparison.Ordinal))):
                return new(command, "bundle install", false, "BUNDLE_WITHOUT=development:test");
            case "composer" when words is ["install", ..] && !command.HasOption("--no-dev") && Env("COMPOSER_NO_DEV") is not ("1" or "true"):
                return new(command, "composer install", false, "--no-dev");
            default:
                return null;
        }
    }

    /// <summary>The <c>-r</c> file or extras that name development requirements (requirements-dev.txt, dev-requirements.txt, .[dev]).</summary>
    private static string? DevRequirement(ShellCommand command)
    {
        for (var i = 0; i < command.Arguments.Count; i++)
        {
            var value = command.Arguments[i].Value;
            var file = value is "-r" or "--requirement" && i + 1 < command.Arguments.Count ? command.Arguments[i + 1].Value
                : value.StartsWith("--requirement=", StringComparison.Ordinal) ? value["--requirement=".Length..]
                : value.StartsWith("-r", StringComparison.Ordinal) && value.Length > 2 ? value[2..] : null;
            var name = file is null ? null : Path.GetFileNameWithoutExtension(file).ToLowerInvariant();
            if (name is not null && (name.Split('-', '_', '.').Any(p => p is "dev" or "test" or "tests" or "develop") || file!.Contains("/dev.", StringComparison.Ordinal)))
                return file;
            if (value.Contains('[') && value.EndsWith(']') && value[(value.IndexOf('[') + 1)..^1].Split(',').Any(e => e.Trim() is "dev" or "test" or "tests"))
                return value;
        }
        return null;
    }
}
