namespace Stagecraft.Generation.Writing;

/// <summary>
/// The Dockerfile of a Node.js plan: dependencies installed from the manifests alone (all of them for the build and
/// tests, production ones for the image), the build in its own stage, and a final stage with neither dev dependencies
/// nor sources it does not run.
/// </summary>
internal static class NodeDockerfile
{
    private const string User = "1000:1000"; // the node images' "node" user

    public static string Write(ProjectPlan plan)
    {
        var node = plan.Node!;
        var manager = plan.PackageManager.Value;
        var text = new DockerfileText();
        var build = node.BuildScript is not null;
        Header.Write(text, plan, [build && node.BuildOutput is { } o && node.Kind == NodeAppKind.Server ? $"build to {o.Value}/" : build ? "build step" : null]);

        text.Stage("base", node.Kind == NodeAppKind.StaticSite ? plan.BuildImage.Value : BaseImage(plan), "is the Node.js image every stage starts from");
        text.Line("WORKDIR /app");
        if (manager is PackageManagerKind.YarnBerry or PackageManagerKind.Pnpm)
            text.Run("corepack enable");

        text.Stage("deps", "base", "installs every dependency, for the build and the tests");
        CopyManifests(text, node);
        text.Run([Mount(manager)], Install(manager, node.HasLockfile, production: false));

        var testFrom = "deps";
        if (build)
        {
            text.Stage("build", "deps", "compiles the application");
            text.Line("COPY . .");
            text.Run(NodeScript(manager, node.BuildScript!.Value));
            testFrom = "build";
        }
        if (plan.Test is { } test)
        {
            text.Stage("test", testFrom, "runs the tests: docker build --target test .");
            if (!build)
                text.Line("COPY . .");
            text.Run(test.Value);
        }

        switch (node.Kind)
        {
            case NodeAppKind.StaticSite:
                text.Stage("runtime", plan.RuntimeImage.Value, "is nginx serving the built files");
                text.Line($"COPY --from=build /app/{node.BuildOutput!.Value}/ /usr/share/nginx/html/");
                RuntimeTail.Write(text, plan, "101:101", Probe.Wget(plan));
                break;
            case NodeAppKind.NextStandalone:
                text.Stage("runtime", "base", "runs the standalone Next.js server");
                text.Line($"ENV NODE_ENV=production HOSTNAME=0.0.0.0 PORT={plan.Port?.Value ?? 3000}");
                if (Directory.Exists(Path.Combine(plan.AppDirectory, "public")))
                    text.Line("COPY --from=build /app/public ./public");
                // Next.js writes its cache under .next at run time, so that folder belongs to the user the server runs as.
                text.Line($"COPY --from=build --chown={User} /app/.next/standalone ./");
                text.Line($"COPY --from=build --chown={User} /app/.next/static ./.next/static");
                RuntimeTail.Write(text, plan, User, Probe.Node(plan));
                break;
            default:
                text.Stage("prod-deps", "base", "installs the production dependencies only");
                CopyManifests(text, node);
                text.Run([Mount(manager)], Install(manager, node.HasLockfile, production: true));

                text.Stage("runtime", "base", "is the image that runs the application");
                text.Line("ENV NODE_ENV=production");
                text.Line("COPY --from=prod-deps /app/node_modules ./node_modules");
                if (build && node.BuildOutput is { } output)
                {
                    // What runs is the build output, the production dependencies and package.json, plus the usual asset folders.
                    text.Line("COPY package.json ./");
                    text.Line($"COPY --from=build /app/{output.Value} ./{output.Value}");
                    foreach (var assets in new[] { "public", "views" }.Where(a => Directory.Exists(Path.Combine(plan.AppDirectory, a))))
                        text.Line($"COPY {assets} ./{assets}");
                }
                else
                    text.Line(build ? "COPY --from=build /app ./" : "COPY . .");
                RuntimeTail.Write(text, plan, User, Probe.Node(plan));
                break;
        }
        return text.ToString();
    }

    private static string BaseImage(ProjectPlan plan) => plan.RuntimeImage.Evidence == "--base" ? plan.RuntimeImage.Value : plan.BuildImage.Value;

    private static void CopyManifests(DockerfileText text, NodeProject node)
    {
        var files = node.Manifests.Where(m => !m.StartsWith(".yarn/", StringComparison.Ordinal) && m != "patches").ToArray();
        text.Line($"COPY {string.Join(' ', files)} ./");
        foreach (var folder in node.Manifests.Except(files))
            text.Line($"COPY {folder} ./{folder}");
    }

    private static string Mount(PackageManagerKind manager) => DockerfileText.Cache(manager switch
    {
        PackageManagerKind.YarnClassic => "/usr/local/share/.cache/yarn",
        PackageManagerKind.YarnBerry => "/root/.yarn/berry/cache",
        PackageManagerKind.Pnpm => "/root/.local/share/pnpm/store",
        _ => "/root/.npm",
    });

    private static string Install(PackageManagerKind manager, bool locked, bool production) => (manager, locked, production) switch
    {
        (PackageManagerKind.YarnClassic, true, false) => "yarn install --frozen-lockfile",
        (PackageManagerKind.YarnClassic, true, true) => "yarn install --frozen-lockfile --production",
        (PackageManagerKind.YarnClassic, false, var p) => p ? "yarn install --production" : "yarn install",
        (PackageManagerKind.YarnBerry, _, false) => locked ? "yarn install --immutable" : "yarn install",
        (PackageManagerKind.YarnBerry, _, true) => "yarn workspaces focus --all --production",
        (PackageManagerKind.Pnpm, var l, var p) => "pnpm install" + (l ? " --frozen-lockfile" : "") + (p ? " --prod" : ""),
        (_, true, var p) => p ? "npm ci --omit=dev" : "npm ci",
        (_, false, var p) => p ? "npm install --omit=dev" : "npm install",
    };

    private static string NodeScript(PackageManagerKind manager, string script) => PackageManagerNames.RunScript(manager, script);
}
