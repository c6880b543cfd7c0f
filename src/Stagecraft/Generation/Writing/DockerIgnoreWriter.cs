using System.Text;

namespace Stagecraft.Generation.Writing;

/// <summary>
/// The .dockerignore of a plan: version control, local environment and secret files, editor folders, and the stack's
/// dependency, cache and build-output folders, which the image makes itself. Nothing a generated COPY names is excluded.
/// </summary>
internal static class DockerIgnoreWriter
{
    private static readonly string[] Common =
    [
        "# Version control and editors",
        ".git", ".gitignore", ".gitattributes", ".github", ".gitlab-ci.yml", ".vscode", ".idea", "**/.DS_Store", "**/*.swp",
        "",
        "# The build files themselves: a change to them should not invalidate `COPY . .`",
        "**/Dockerfile*", "**/*.Dockerfile", "**/.dockerignore", "**/docker-compose*.yml", "**/compose*.yaml",
        "",
        "# Local environment and secrets",
        "**/.env", "**/.env.*", "**/*.pem", "**/*.key", "**/*.p12", "**/*.pfx", "**/id_rsa*", "**/id_ed25519*", "**/.npmrc", "**/.pypirc", "**/.netrc",
    ];

    public static string Write(ProjectPlan plan)
    {
        var text = new StringBuilder();
        text.Append("# Written by `stagecraft init` for a ").Append(StackNames.Display(plan.Stack.Value)).Append(" app: what the build never needs stays out of the context.\n\n");
        foreach (var line in Common)
            text.Append(line).Append('\n');
        text.Append('\n');
        foreach (var line in StackLines(plan))
            text.Append(line).Append('\n');
        return text.ToString();
    }

    private static IEnumerable<string> StackLines(ProjectPlan plan)
    {
        switch (plan.Stack.Value)
        {
            case Stack.Node:
                yield return "# Dependencies, caches and build output: the image installs and builds its own";
                foreach (var line in (string[])["**/node_modules", ".npm", ".pnpm-store", ".yarn/cache", ".yarn/install-state.gz", "**/npm-debug.log*", "**/yarn-debug.log*", "**/yarn-error.log*", "coverage", ".nyc_output", ".next", ".turbo", ".cache"])
                    yield return line;
                if (plan.Node?.BuildOutput is { } output && output.Value.Split('/')[0] is var top && top != ".next")
                    yield return top;
                break;
            case Stack.Python:
                yield return "# Virtual environments, caches and build output: the image makes its own";
                foreach (var line in (string[])["**/__pycache__", "**/*.py[cod]", ".venv", "venv", ".tox", ".nox", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".coverage", "htmlcov", "*.egg-info", "build", "dist"])
                    yield return line;
                break;
            case Stack.Go:
                yield return "# Build output and test artefacts: the image compiles its own";
                foreach (var line in (string[])["bin", "**/*.test", "**/*.out", "coverage.*"])
                    yield return line;
                break;
            case Stack.Rust:
                yield return "# Build output: the image compiles its own";
                foreach (var line in (string[])["target", "*/target", "*/*/target", "**/*.rs.bk"])
                    yield return line;
                break;
            case Stack.Java:
                yield return "# Build output and tool caches: the image resolves and builds its own (the wrapper's files stay)";
                foreach (var line in (string[])["target", "*/target", "build", "*/build", "**/.gradle", "out", ".m2", "**/*.class", "**/*.log", "**/.settings", "**/.classpath", "**/.project", "**/*.iml"])
                    yield return line;
                break;
            case Stack.DotNet:
                yield return "# Build output and local caches: the image restores and publishes its own";
                foreach (var line in (string[])["**/bin", "**/obj", "**/TestResults", "**/*.user", ".vs", "**/appsettings.Development.json", "**/secrets.json"])
                    yield return line;
                break;
            case Stack.Ruby:
                yield return "# Installed gems, logs, temporary files and built assets: the image makes its own";
                foreach (var line in (string[])["vendor/bundle", ".bundle", "log/*", "tmp/*", "storage/*", "public/assets", "public/packs", "node_modules", "coverage", "spec/examples.txt", "config/master.key", "config/credentials/*.key"])
                    yield return line;
                break;
            case Stack.Php:
                yield return "# Installed packages, caches and logs: the image installs its own";
                foreach (var line in (string[])["vendor", "node_modules", "storage/logs/*", "storage/framework/cache/*", "storage/framework/sessions/*", "storage/framework/views/*", "bootstrap/cache/*.php", "var/cache", "var/log", ".phpunit.cache", ".phpunit.result.cache", "auth.json"])
                    yield return line;
                break;
        }
    }
}
