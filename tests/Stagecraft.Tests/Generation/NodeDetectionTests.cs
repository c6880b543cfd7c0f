using Stagecraft.Generation;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Generation;

/// <summary>Node.js projects: package manager by lockfile, version by .nvmrc/.node-version/engines, kind of app, and the Dockerfile for each.</summary>
public sealed class NodeDetectionTests : IDisposable
{
    private const string TypeScriptServer = """
        {
          "name": "api",
          "main": "dist/server.js",
          "scripts": { "build": "tsc -p tsconfig.json", "start": "node dist/server.js", "test": "node --test" },
          "engines": { "node": ">=20" },
          "dependencies": { "express": "^4.21.2" },
          "devDependencies": { "typescript": "~5.9.3" }
        }
        """;

    private readonly TempDirectory _temp = new TempDirectory().AsRepository();

    public void Dispose() => _temp.Dispose();

    private string Project(params (string Name, string Text)[] files) => _temp.WithFiles(files);

    private string TypeScriptProject(string lockfile = "package-lock.json", string lockText = "{}") => Project(
        ("package.json", TypeScriptServer),
        (lockfile, lockText),
        ("tsconfig.json", """{ "compilerOptions": { "outDir": "./build/", /* comments are allowed */ }, }"""),
        ("src/server.ts", "const port = Number(process.env.PORT) || 4000;\napp.get('/healthz', (_, res) => res.send('ok'));\n"));

    [Fact]
    public void A_TypeScript_server_with_npm_is_built_in_its_own_stage_and_runs_without_dev_dependencies()
    {
        var generated = Generated.For(TypeScriptProject());
        var plan = generated.Plan;

        Assert.Equal(Stack.Node, plan.Stack.Value);
        Assert.Equal(new Decided<PackageManagerKind>(PackageManagerKind.Npm, "package-lock.json"), plan.PackageManager);
        Assert.Equal(new Decided<string>("24.11.0", "package.json engines.node (>=20)"), plan.Version);
        Assert.Equal(NodeAppKind.Server, plan.Node!.Kind);
        Assert.Equal(new Decided<string>("build", "tsconfig.json compilerOptions.outDir"), plan.Node.BuildOutput);
        Assert.Equal(["node", "dist/server.js"], plan.Start.Value);
        Assert.Equal(new Decided<int>(4000, "src/server.ts:1"), plan.Port);
        Assert.Equal(new Decided<string>("/healthz", "src/server.ts:2"), plan.HealthPath);
        Assert.Equal("npm test", plan.Test?.Value);

        var dockerfile = generated.Files.Dockerfile;
        Assert.StartsWith("# syntax=docker/dockerfile:1\n# Written by `stagecraft init` for a Node.js 24.11.0 app (npm, express, build to build/, port 4000).\n", dockerfile);
        Assert.True(dockerfile.IndexOf("COPY package.json package-lock.json ./", StringComparison.Ordinal) < dockerfile.IndexOf("COPY . .", StringComparison.Ordinal));
        Assert.Contains("RUN --mount=type=cache,target=/root/.npm \\\n    npm ci\n", dockerfile);
        Assert.Contains("FROM node:24.11.0-bookworm-slim AS base", dockerfile);
        Assert.Contains("npm ci --omit=dev", generated.Stage("prod-deps"));
        Assert.Contains("RUN npm test", generated.Stage("test"));
        var final = generated.FinalStage;
        Assert.Contains("COPY --from=build /app/build ./build", final);
        Assert.DoesNotContain("COPY . .", final);
        Assert.DoesNotContain("npm run build", final);
        Assert.Contains("USER 1000:1000", final);
        Assert.Contains("EXPOSE 4000", final);
        Assert.Contains("http://127.0.0.1:4000/healthz", final);
        Assert.EndsWith("CMD [\"node\", \"dist/server.js\"]\n", dockerfile);
        Assert.Contains("build\n", generated.Files.DockerIgnore.Split("# Dependencies")[1]);
        generated.AssertLintsClean();
    }

    [Fact]
    public void Yarn_classic_installs_with_a_frozen_lockfile()
    {
        var generated = Generated.For(TypeScriptProject("yarn.lock", "# yarn lockfile v1\n"));

        Assert.Equal(PackageManagerKind.YarnClassic, generated.Plan.PackageManager.Value);
        Assert.Contains("--mount=type=cache,target=/usr/local/share/.cache/yarn \\\n    yarn install --frozen-lockfile\n", generated.Stage("deps"));
        Assert.Contains("yarn install --frozen-lockfile --production", generated.Stage("prod-deps"));
        Assert.Contains("RUN yarn build", generated.Stage("build"));
        generated.AssertLintsClean();
    }

    [Fact]
    public void Yarn_berry_is_told_apart_by_its_lockfile_and_copies_its_settings()
    {
        Project((".yarnrc.yml", "nodeLinker: node-modules\n"), (".yarn/releases/yarn-4.5.0.cjs", "//"));
        var generated = Generated.For(TypeScriptProject("yarn.lock", "__metadata:\n  version: 8\n"));

        Assert.Equal(new Decided<PackageManagerKind>(PackageManagerKind.YarnBerry, "yarn.lock (Yarn Berry format)"), generated.Plan.PackageManager);
        Assert.Contains("RUN corepack enable", generated.Stage("base"));
        Assert.Contains("COPY package.json yarn.lock .yarnrc.yml ./\nCOPY .yarn/releases ./.yarn/releases\n", generated.Stage("deps"));
        Assert.Contains("yarn install --immutable", generated.Stage("deps"));
        Assert.Contains("yarn workspaces focus --all --production", generated.Stage("prod-deps"));
        generated.AssertLintsClean();
    }

    [Fact]
    public void Pnpm_installs_from_its_store_with_a_frozen_lockfile()
    {
        var generated = Generated.For(TypeScriptProject("pnpm-lock.yaml", "lockfileVersion: '9.0'\n"));

        Assert.Equal(PackageManagerKind.Pnpm, generated.Plan.PackageManager.Value);
        Assert.Contains("--mount=type=cache,target=/root/.local/share/pnpm/store \\\n    pnpm install --frozen-lockfile\n", generated.Stage("deps"));
        Assert.Contains("pnpm install --frozen-lockfile --prod", generated.Stage("prod-deps"));
        generated.AssertLintsClean();
    }

    [Fact]
    public void Two_lockfiles_are_an_error_naming_both_unless_the_package_manager_is_given()
    {
        var folder = Project(("package.json", TypeScriptServer), ("package-lock.json", "{}"), ("yarn.lock", ""));

        var error = Assert.Throws<AmbiguousProjectException>(() => ProjectDetector.Detect(folder));
        Assert.Contains("conflicting lockfiles package-lock.json (npm) and yarn.lock (yarn)", error.Message);
        Assert.Contains("--package-manager", error.Message);

        var plan = ProjectDetector.Detect(folder, new PlanOptions { PackageManager = PackageManagerKind.YarnClassic });
        Assert.Equal(new Decided<PackageManagerKind>(PackageManagerKind.YarnClassic, "--package-manager"), plan.PackageManager);
        Assert.Equal(["package.json", "yarn.lock"], plan.Node!.Manifests);
    }

    [Fact]
    public void Without_a_lockfile_the_install_is_npm_install_and_a_note_says_why()
    {
        var generated = Generated.For(Project(("package.json", """{ "scripts": { "start": "node index.js" } }"""), ("index.js", "require('http').createServer().listen(8081);\n")));

        Assert.Equal(Decided<PackageManagerKind>.ByDefault(PackageManagerKind.Npm), generated.Plan.PackageManager);
        Assert.Contains(generated.Plan.Notes, n => n.StartsWith("no lockfile", StringComparison.Ordinal));
        Assert.Contains("npm install --omit=dev", generated.Stage("prod-deps"));
        Assert.Equal(new Decided<int>(8081, "index.js:1"), generated.Plan.Port);
        Assert.Null(generated.Plan.HealthPath);
        Assert.Contains("require('net').connect(8081, '127.0.0.1')", generated.FinalStage);
        Assert.Contains("COPY . .", generated.FinalStage);
        generated.AssertLintsClean();
    }

    [Theory]
    [InlineData(".nvmrc", "20\n", "20.19.5", ".nvmrc (20)")]
    [InlineData(".nvmrc", "lts/iron\n", "20.19.5", ".nvmrc lts/iron (20)")]
    [InlineData(".nvmrc", "lts/*\n", "24.11.0", ".nvmrc lts/*")]
    [InlineData(".node-version", "v22.1.0\n", "22.1.0", ".node-version (v22.1.0)")]
    [InlineData("engines", "^18.17.0", "18.20.8", "package.json engines.node (^18.17.0)")]
    [InlineData("engines", "18.x || 20.x", "20.19.5", "package.json engines.node (18.x || 20.x)")]
    [InlineData("engines", ">=18 <23", "22.20.0", "package.json engines.node (>=18 <23)")]
    public void The_version_comes_from_nvmrc_node_version_or_engines(string file, string text, string version, string evidence)
    {
        var engines = file == "engines" ? $$""", "engines": { "node": "{{text}}" }""" : "";
        Project(("package.json", $$"""{ "name": "x"{{engines}} }"""), ("server.js", ""));
        if (file != "engines")
            Project((file, text));

        var plan = ProjectDetector.Detect(_temp.FullPath);

        Assert.Equal(new Decided<string>(version, evidence), plan.Version);
    }

    [Fact]
    public void The_version_flag_wins_and_a_line_becomes_its_newest_release()
    {
        Project(("package.json", """{ "engines": { "node": "20" } }"""), (".nvmrc", "18"));

        Assert.Equal(new Decided<string>("22.20.0", "--version"), ProjectDetector.Detect(_temp.FullPath, new PlanOptions { Version = "22" }).Version);
        Assert.Equal(Decided<string>.ByDefault("24.11.0"), ProjectDetector.Detect(Project(("other/package.json", "{}")) + "/other").Version);
    }

    [Fact]
    public void A_Next_app_runs_its_standalone_server_and_is_told_to_enable_it()
    {
        var folder = Project(
            ("package.json", """{ "scripts": { "build": "next build", "start": "next start" }, "dependencies": { "next": "15.0.0", "react": "19.0.0" } }"""),
            ("package-lock.json", "{}"),
            ("next.config.mjs", "export default {};\n"),
            ("public/favicon.ico", ""));

        var generated = Generated.For(folder);

        Assert.Equal(NodeAppKind.NextStandalone, generated.Plan.Node!.Kind);
        Assert.Equal(new Decided<string>("Next.js", "package.json dependencies.next"), generated.Plan.Framework);
        Assert.Equal(new Decided<int>(3000, "Next.js default"), generated.Plan.Port);
        Assert.Contains(generated.Plan.Notes, n => n.Contains("output: 'standalone'", StringComparison.Ordinal));
        var final = generated.FinalStage;
        Assert.Contains("COPY --from=build --chown=1000:1000 /app/.next/standalone ./", final);
        Assert.Contains("COPY --from=build --chown=1000:1000 /app/.next/static ./.next/static", final);
        Assert.Contains("COPY --from=build /app/public ./public", final);
        Assert.EndsWith("CMD [\"node\", \"server.js\"]\n", generated.Files.Dockerfile);
        Assert.DoesNotContain("prod-deps", generated.Files.Dockerfile);
        generated.AssertLintsClean();

        File.WriteAllText(Path.Combine(folder, "next.config.mjs"), "export default { output: 'standalone' };\n");
        Assert.DoesNotContain(ProjectDetector.Detect(folder).Notes, n => n.Contains("standalone", StringComparison.Ordinal));
    }

    [Fact]
    public void A_Vite_single_page_app_is_built_then_served_by_unprivileged_nginx()
    {
        var generated = Generated.For(Project(
            ("package.json", """{ "scripts": { "build": "vite build", "dev": "vite" }, "dependencies": { "react": "19.0.0" }, "devDependencies": { "vite": "6.0.0" } }"""),
            ("package-lock.json", "{}")));

        Assert.Equal(NodeAppKind.StaticSite, generated.Plan.Node!.Kind);
        Assert.Equal(new Decided<string>("dist", "vite default output"), generated.Plan.Node.BuildOutput);
        Assert.Equal("nginxinc/nginx-unprivileged:1.28.0-alpine", generated.Plan.RuntimeImage.Value);
        var final = generated.FinalStage;
        Assert.Contains("FROM nginxinc/nginx-unprivileged:1.28.0-alpine AS runtime", final);
        Assert.Contains("COPY --from=build /app/dist/ /usr/share/nginx/html/", final);
        Assert.Contains("EXPOSE 8080", final);
        Assert.Contains("[\"wget\", \"-q\", \"--spider\", \"http://127.0.0.1:8080/\"]", final);
        Assert.DoesNotContain("node_modules", final);
        generated.AssertLintsClean();
    }

    [Fact]
    public void Flags_replace_what_detection_found()
    {
        var plan = ProjectDetector.Detect(TypeScriptProject(), new PlanOptions
        {
            Port = 9000, Start = ["node", "dist/main.js"], BaseImage = "node:24.11.0-alpine3.22",
        });

        Assert.Equal(new Decided<int>(9000, "--port"), plan.Port);
        Assert.Equal("--start", plan.Start.Evidence);
        Assert.Equal(["node", "dist/main.js"], plan.Start.Value);
        Assert.Contains("FROM node:24.11.0-alpine3.22 AS base", DockerfileGenerator.Generate(plan).Dockerfile);
    }
}
