using System.Text;
using Stagecraft.Generation;

namespace Stagecraft.Cli.Commands;

/// <summary>The text of <c>init --explain</c>: each decision of the plan with its value and its evidence, then the notes.</summary>
internal static class PlanText
{
    public static string Format(ProjectPlan plan, Func<string, string> display, IEnumerable<string> targets)
    {
        var rows = new List<(string Name, string Value, string Evidence)>
        {
            ("stack", StackNames.Display(plan.Stack.Value), plan.Stack.Evidence),
            ("package manager", PackageManagerNames.Name(plan.PackageManager.Value), plan.PackageManager.Evidence),
            ("version", plan.Version.Value, plan.Version.Evidence),
        };
        if (plan.Framework is { } framework)
            rows.Add(("framework", framework.Value, framework.Evidence));
        if (plan.Node is { } node)
        {
            rows.Add(("app kind", node.Kind switch
            {
                NodeAppKind.NextStandalone => "Next.js standalone server",
                NodeAppKind.StaticSite => "static site served by nginx",
                _ => "server",
            }, plan.Framework?.Evidence ?? "no static-site builder or Next.js among the dependencies"));
            if (node.BuildScript is { } build)
                rows.Add(("build", PackageManagerNames.RunScript(plan.PackageManager.Value, build.Value), build.Evidence));
            if (node.BuildOutput is { } output)
                rows.Add(("build output", output.Value + "/", output.Evidence));
        }
        if (plan.Python is { } python)
        {
            rows.Add(("dependency files", python.Manifests.Count == 0 ? "none" : string.Join(", ", python.Manifests), python.Manifests.Count == 0 ? "no requirements file or lockfile" : plan.PackageManager.Evidence));
            rows.Add(("C extensions", python.NativePackages.Value.Count == 0 ? "none" : string.Join(", ", python.NativePackages.Value), python.NativePackages.Evidence));
            if (python.RuntimeLibraries.Count > 0)
                rows.Add(("runtime libraries", string.Join(" ", python.RuntimeLibraries), "Debian packages those extensions load"));
        }
        if (plan.Go is { } go)
        {
            rows.Add(("main package", go.MainPackage.Value, go.MainPackage.Evidence));
            rows.Add(("binary", go.Binary, "main package folder or module path"));
        }
        if (plan.Rust is { } rust)
        {
            rows.Add(("binary", rust.Binary.Value, rust.Binary.Evidence));
            rows.Add(("libc", rust.Musl.Value ? "musl (static)" : "glibc", rust.Musl.Value ? rust.Musl.Evidence : "default: distroless cc"));
        }
        if (plan.Java is { } java)
        {
            rows.Add(("packaging", java.Kind.Value switch
            {
                JavaAppKind.SpringBoot => "Spring Boot layered jar",
                JavaAppKind.Application => "application plugin (installDist)",
                _ => "jar (java -jar)",
            }, java.Kind.Evidence));
            if (java.Module is { } module)
                rows.Add(("module", module, "multi-module build"));
        }
        if (plan.DotNet is { } dotnet)
        {
            rows.Add(("project", dotnet.Project.Value, dotnet.Project.Evidence));
            rows.Add(("publish", dotnet.SelfContained.Value ? "self-contained" : "framework-dependent", dotnet.SelfContained.Evidence));
        }
        if (plan.Ruby is { } ruby)
        {
            if (ruby.BundlerVersion is { } bundler)
                rows.Add(("bundler", bundler, "Gemfile.lock BUNDLED WITH"));
            rows.Add(("native gems", ruby.NativeGems.Value.Count == 0 ? "none" : string.Join(", ", ruby.NativeGems.Value), ruby.NativeGems.Evidence));
        }
        if (plan.Php is { } php)
        {
            rows.Add(("server", php.Fpm.Value ? "PHP-FPM" : "Apache (mod_php)", php.Fpm.Evidence));
            rows.Add(("document root", php.DocumentRoot.Value.Length == 0 ? "." : php.DocumentRoot.Value + "/", php.DocumentRoot.Evidence));
            rows.Add(("extensions", php.Extensions.Value.Count == 0 ? "none" : string.Join(", ", php.Extensions.Value), php.Extensions.Evidence));
        }
        rows.Add(("start", string.Join(' ', plan.Start.Value.Select(Quote)), plan.Start.Evidence));
        rows.Add(("port", plan.Port is { } port ? port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unknown", plan.Port?.Evidence ?? "not found: no EXPOSE or HEALTHCHECK"));
        if (plan.Port is not null)
        {
            // Images without a shell get a health check only when there is a route for the copied wget to ask.
            var connects = plan.Stack.Value is Stack.Node or Stack.Python or Stack.Ruby or Stack.Php;
            rows.Add(("health check", plan.HealthPath is { } path ? "GET " + path.Value : connects ? "connect to the port" : "none",
                plan.HealthPath?.Evidence ?? (connects ? "no health route found in the source" : "no health route found in the source, and the image has nothing else to probe with")));
        }
        rows.Add(("tests", plan.Test?.Value ?? "none", plan.Test?.Evidence ?? "no tests found: no test stage"));
        rows.Add(("build image", plan.BuildImage.Value, plan.BuildImage.Evidence));
        rows.Add(("runtime image", plan.RuntimeImage.Value, plan.RuntimeImage.Evidence));
        rows.Add(("build context", display(plan.ContextDirectory) is var context && context.Length > 0 ? context : ".",
            plan.ContextDirectory == plan.AppDirectory ? "the application's folder" : plan.ContextReason));

        var width = rows.Max(r => r.Name.Length) + 2;
        var valueWidth = Math.Min(40, rows.Max(r => r.Value.Length)) + 2;
        var text = new StringBuilder();
        text.Append($"Plan for {Folder(display(plan.AppDirectory))} (nothing written; without --explain, init writes {string.Join(" and ", targets)}):\n");
        foreach (var (name, value, evidence) in rows)
            text.Append("  ").Append(name.PadRight(width)).Append(value.Length >= valueWidth ? value + "  " : value.PadRight(valueWidth)).Append("from ").Append(evidence).Append('\n');
        if (plan.Notes.Count > 0)
        {
            text.Append("Notes:\n");
            foreach (var note in plan.Notes)
                text.Append("  - ").Append(note).Append('\n');
        }
        return text.Append(BuildHint(plan, display)).ToString();
    }

    /// <summary>How to build and test the result, from the folder the user is in.</summary>
    public static string BuildHint(ProjectPlan plan, Func<string, string> display)
    {
        var context = Folder(display(plan.ContextDirectory));
        var dockerfile = display(Path.Combine(plan.AppDirectory, "Dockerfile"));
        var file = plan.ContextDirectory == plan.AppDirectory ? "" : $"-f {dockerfile} ";
        var build = $"docker build {file}{context}";
        return plan.Test is null ? $"Build: {build}\n" : $"Build: {build}\nTest:  docker build --target test {file}{context}\n";
    }

    private static string Folder(string path) => path.Length == 0 ? "." : path;

    private static string Quote(string word) => word.Contains(' ') ? $"'{word}'" : word;
}
