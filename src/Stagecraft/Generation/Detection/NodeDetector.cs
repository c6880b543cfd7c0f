using System.Text.Json;
using System.Text.RegularExpressions;

namespace Stagecraft.Generation.Detection;

/// <summary>Detects a Node.js application from its package.json: package manager, version, kind of app, build, start, port, tests.</summary>
internal static partial class NodeDetector
{
    private static readonly string[] ServerFrameworks = ["express", "fastify", "koa", "@hapi/hapi", "@nestjs/core", "hono", "restify", "polka"];

    // Bundlers whose output is static files, and where they write it by default.
    private static readonly (string Package, string Output, string Name)[] StaticBuilders =
    [
        ("react-scripts", "build", "Create React App"),
        ("@angular/cli", "dist", "Angular"),
        ("@vue/cli-service", "dist", "Vue CLI"),
        ("vite", "dist", "Vite"),
        ("parcel", "dist", "Parcel"),
    ];

    public static bool Matches(ProjectFolder folder) => folder.Exists("package.json");

    public static ProjectPlan Detect(ProjectFolder folder, PlanOptions options)
    {
        var package = PackageJson.Parse(folder.Read("package.json") ?? "{}", "package.json");
        var notes = new List<string>();
        var (manager, lockfile) = NodePackageManager.Detect(folder, package, options.PackageManager);
        if (lockfile is null)
            notes.Add($"no lockfile: the install is not reproducible; commit the lockfile of {PackageManagerNames.Name(manager.Value)} and run init again");
        if (folder.Exists(".npmrc"))
            notes.Add(".npmrc is not copied into the build (it often holds a registry token): pass it as a build secret (RUN --mount=type=secret,id=npmrc,target=/root/.npmrc)");
        if (manager.Value == PackageManagerKind.YarnBerry && folder.Read(".yarnrc.yml")?.Contains("node-modules", StringComparison.Ordinal) != true)
            notes.Add("Yarn Berry: the Dockerfile copies node_modules, so set nodeLinker: node-modules in .yarnrc.yml (Plug'n'Play is not supported yet)");
        if (lockfile is null && package.HasWorkspaces)
            notes.Add("package.json declares workspaces: the Dockerfile builds this folder alone; workspace builds from the repository root are not supported yet");

        var version = Versions.Decide(Stack.Node, options.Version, NodeVersionSource.Find(folder, package), notes);
        var kind = Kind(package, out var framework);
        var build = package.Scripts.ContainsKey("build") ? new Decided<string>("build", "package.json scripts.build") : null;
        var output = Output(folder, package, kind, build);
        if (build is not null && output is null)
        {
            output = Decided<string>.ByDefault("dist");
            notes.Add("the build's output folder was not found (tsconfig.json outDir, a start script running a built file): the Dockerfile assumes dist/");
        }
        var start = options.Start is { } flagStart ? Decided<IReadOnlyList<string>>.ByFlag(flagStart, "--start") : Start(folder, package, kind, output, notes);
        var port = options.Port is { } p ? Decided<int>.ByFlag(p, "--port") : Port(folder, kind);
        if (port is null)
            notes.Add("no port found in the source: pass --port to get EXPOSE and a HEALTHCHECK");
        if (kind == NodeAppKind.NextStandalone && !NextHasStandaloneOutput(folder))
            notes.Add("set output: 'standalone' in next.config: the Dockerfile copies .next/standalone");
        if (kind == NodeAppKind.StaticSite)
            notes.Add("nginx serves the built files with its default configuration: client-side routes other than / need a try_files fallback to index.html");
        var test = package.Scripts.TryGetValue("test", out var testScript) && !testScript.Contains("no test specified", StringComparison.Ordinal)
            ? new Decided<string>(PackageManagerNames.RunScript(manager.Value, "test"), "package.json scripts.test")
            : null;

        var nodeImage = $"node:{version.Value}-bookworm-slim";
        var runtimeDefault = kind == NodeAppKind.StaticSite
            ? new Decided<string>(Images.Nginx, "static files: nginx, unprivileged")
            : new Decided<string>(nodeImage, "Node.js version, Debian slim");
        var manifests = new List<string> { "package.json" };
        if (lockfile is not null)
            manifests.Add(lockfile);
        manifests.AddRange(NodePackageManager.ConfigFiles(folder, manager.Value));

        return new ProjectPlan
        {
            AppDirectory = folder.FullPath,
            ContextDirectory = folder.FullPath,
            Stack = new Decided<Stack>(Stack.Node, "package.json"),
            PackageManager = manager,
            Version = version,
            Framework = framework,
            Start = start,
            Port = port,
            HealthPath = port is null || kind == NodeAppKind.StaticSite ? null : SourceScan.FindHealthPath(folder, SourceFiles(folder)),
            Test = test,
            BuildImage = new Decided<string>(nodeImage, "Node.js version, Debian slim"),
            RuntimeImage = options.BaseImage is { } image ? Decided<string>.ByFlag(image, "--base") : runtimeDefault,
            Notes = notes,
            Node = new NodeProject(kind, manifests, build, output, lockfile is not null),
        };
    }

    private static NodeAppKind Kind(PackageJson package, out Decided<string>? framework)
    {
        if (package.Dependencies.Contains("next"))
        {
            framework = new Decided<string>("Next.js", "package.json dependencies.next");
            return NodeAppKind.NextStandalone;
        }
        var server = ServerFrameworks.FirstOrDefault(package.Dependencies.Contains);
        var startsNode = package.Scripts.TryGetValue("start", out var start) && NodeCommand().IsMatch(start);
        var builder = StaticBuilders.FirstOrDefault(b => package.Uses(b.Package));
        if (server is null && !startsNode && builder.Package is not null && package.Scripts.ContainsKey("build"))
        {
            framework = new Decided<string>($"{builder.Name} static site", $"package.json {(package.Dependencies.Contains(builder.Package) ? "dependencies" : "devDependencies")}.{builder.Package}");
            return NodeAppKind.StaticSite;
        }
        framework = server is null ? null : new Decided<string>(server, $"package.json dependencies.{server}");
        return NodeAppKind.Server;
    }

    private static Decided<string>? Output(ProjectFolder folder, PackageJson package, NodeAppKind kind, Decided<string>? build)
    {
        if (build is null)
            return null;
        switch (kind)
        {
            case NodeAppKind.NextStandalone:
                return new Decided<string>(".next/standalone", "Next.js standalone output");
            case NodeAppKind.StaticSite:
                var builder = StaticBuilders.First(b => package.Uses(b.Package));
                var output = builder.Package == "@angular/cli" && package.Name is { } name ? $"dist/{name}/browser" : builder.Output;
                return new Decided<string>(output, $"{builder.Package} default output");
        }
        if (folder.Exists("tsconfig.json"))
        {
            using var tsconfig = PackageJson.TryParseLoose(folder.Read("tsconfig.json"));
            if (tsconfig is not null && tsconfig.RootElement.ValueKind == JsonValueKind.Object
                && tsconfig.RootElement.TryGetProperty("compilerOptions", out var compiler) && compiler.ValueKind == JsonValueKind.Object
                && compiler.TryGetProperty("outDir", out var outDir) && outDir.ValueKind == JsonValueKind.String
                && Clean(outDir.GetString()!) is { Length: > 0 } dir)
                return new Decided<string>(dir, "tsconfig.json compilerOptions.outDir");
        }
        // A start script or main that runs a file from a build folder names that folder.
        var entry = package.Scripts.TryGetValue("start", out var start) && NodeCommand().Match(start) is { Success: true } m ? m.Groups[1].Value : package.Main;
        if (entry is not null && Clean(entry) is { } path && path.Contains('/'))
            return new Decided<string>(path[..path.IndexOf('/')], package.Scripts.ContainsKey("start") ? "package.json scripts.start" : "package.json main");
        return null;
    }

    private static Decided<IReadOnlyList<string>> Start(ProjectFolder folder, PackageJson package, NodeAppKind kind, Decided<string>? output, List<string> notes)
    {
        switch (kind)
        {
            case NodeAppKind.NextStandalone:
                return new(["node", "server.js"], "Next.js standalone output");
            case NodeAppKind.StaticSite:
                return new(["nginx", "-g", "daemon off;"], "nginx image");
        }
        if (package.Scripts.TryGetValue("start", out var script))
        {
            var words = CommandWords.Split(script)?.SkipWhile(w => w.Contains('=')).ToArray();
            if (words is ["node", ..])
                return new(words, "package.json scripts.start");
        }
        if (package.Main is { } main && (folder.Exists(main) || output is not null))
            return new(["node", Clean(main) ?? main], "package.json main");
        if (folder.FirstExisting("server.js", "index.js", "app.js", "main.js", "src/server.js", "src/index.js") is { } file)
            return new(["node", file], file);
        if (script is not null)
            return new(["npm", "start"], "package.json scripts.start (not a plain node command)");
        notes.Add("no start script, main or server.js: pass --start");
        return new(["node", "index.js"], Decided<string>.Default);
    }

    private static Decided<int>? Port(ProjectFolder folder, NodeAppKind kind) => kind switch
    {
        NodeAppKind.NextStandalone => new Decided<int>(3000, "Next.js default"),
        NodeAppKind.StaticSite => new Decided<int>(8080, "nginx-unprivileged listens on 8080"),
        _ => SourceScan.FindPort(folder, SourceFiles(folder), EnvPortDefault(), ListenLiteral()),
    };

    private static IReadOnlyList<string> SourceFiles(ProjectFolder folder) => folder.SourceFiles(".ts", ".js", ".mjs", ".cjs", ".mts");

    private static bool NextHasStandaloneOutput(ProjectFolder folder) =>
        folder.FirstExisting("next.config.js", "next.config.mjs", "next.config.ts", "next.config.cjs") is { } config
        && folder.Read(config)?.Contains("standalone", StringComparison.Ordinal) == true;

    private static string? Clean(string path)
    {
        var value = path.Replace('\\', '/').Trim();
        while (value.StartsWith("./", StringComparison.Ordinal))
            value = value[2..];
        return value.TrimEnd('/') is { Length: > 0 } clean && !clean.StartsWith("..", StringComparison.Ordinal) && !clean.StartsWith('/') ? clean : null;
    }

    [GeneratedRegex(@"^\s*(?:\w+=\S*\s+)*node\s+(?:--?[\w-]+(?:=\S+)?\s+)*([^\s&|;]+\.[cm]?js)\b")]
    private static partial Regex NodeCommand();

    [GeneratedRegex(@"process\.env\.PORT\)?\s*(?:\|\||\?\?)\s*['""]?(\d{2,5})")]
    private static partial Regex EnvPortDefault();

    [GeneratedRegex(@"\.listen\(\s*(\d{2,5})\b")]
    private static partial Regex ListenLiteral();
}
