using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Semantics.Shell;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Size;

/// <summary>
/// Dependency installs that are not production installs: <c>npm install</c> where a lockfile makes <c>npm ci</c> fit, and
/// development packages installed into the final image.
/// </summary>
public sealed class NonProductionDependencyInstall : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG016", "non-production-dependency-install",
        "npm install where npm ci fits, or development dependencies in the final image", Severity.Info, RuleCategory.Size);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "`npm install` with no package names when a package-lock.json or npm-shrinkwrap.json is copied into the stage or sits in the build context, in any stage the build runs; and, in the final stage and the stages it is built FROM, installs that bring development packages: npm ci/install without --omit=dev or NODE_ENV=production, yarn install without --production, pnpm install without --prod, `pip install -r requirements-dev.txt` or `.[dev]`, poetry install without --only main/--without dev, uv sync without --no-dev, pipenv install --dev, bundle install without BUNDLE_WITHOUT, composer install without --no-dev. When a JavaScript build runs after the install in the same image, the dev dependencies are needed there, so the message points to a separate build stage (or `npm prune --omit=dev` after the build) instead of --omit=dev. Development targets (a final stage named dev, development, dev-envs, test, debug, ci, lint or validate, or a Dockerfile under .devcontainer) and images whose CMD runs a dev server (npm run dev, nodemon, ng serve, --watch) are left alone.",
        WhyItMatters: "`npm install` may rewrite the lockfile and resolve different versions than were tested; `npm ci` installs exactly the lockfile, fails when it is out of sync with package.json, and is faster. Development dependencies (test runners, bundlers, type checkers, linters) often outweigh the production ones several times over: a typical React or Nest project has 300–800 MB of node_modules of which the server needs a fraction, and every extra package is more CVEs for scanners to report.",
        Bad: "FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm install\nCOPY . .\nCMD [\"node\", \"server.js\"]",
        Good: "FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD [\"node\", \"server.js\"]",
        FixSafety: "`npm install` → `npm ci` is unsafe: the build then fails when the lockfile is out of sync with package.json, and ci deletes an existing node_modules first. Development-dependency findings have no automatic fix, because whether anything in the image still needs them (a build, tests, a dev server) is the author's call.");

    private static readonly string[] DevServers = ["run dev", "run start:dev", "run watch", "nodemon", "ng serve", "yarn dev", "pnpm dev", "run serve", "--watch"];

    public override void Check(RuleContext context)
    {
        // Plain loops: this runs over every command of every file, and few commands are installs at all.
        foreach (var stage in context.TargetStages)
        {
            if (stage.IsWindows)
                continue;
            foreach (var run in stage.Instructions.OfType<RunInstructionSyntax>())
            {
                if (context.Script(run) is not { } script)
                    continue;
                foreach (var command in script.Script.Commands)
                {
                    var npm = command.Unwrap();
                    if (!DevelopmentDependencies.IsProjectNpmInstall(npm) || LockfileFor(context, stage, run) is not { } found)
                        continue;
                    var (lockfile, copied) = found;
                    var verb = npm.PositionalArguments[0];
                    if (copied)
                        context.Report(script.ToFileSpan(npm.Span), $"`npm {verb.Value}` can resolve other versions than {lockfile} pins: use `npm ci`, which installs exactly the lockfile",
                            stage, new Fix("Use npm ci", FixSafety.Unsafe, [new TextEdit(script.ToFileSpan(verb.Span), "ci")]));
                    else
                        context.Report(script.ToFileSpan(npm.Span), $"`npm {verb.Value}` ignores the {lockfile} in the build context: copy it in next to package.json and use `npm ci`", stage);
                }
            }
        }
        if (context.FinalStage is not { IsWindows: false } || IsDevelopmentImage(context))
            return;
        var image = ImageRuns(context);
        for (var i = 0; i < image.Count; i++)
        {
            var (stage, run, script) = image[i];
            ShellCommand[]? commands = null;
            for (var j = 0; j < script.Script.Commands.Count; j++)
            {
                if (!DevelopmentDependencies.MayInstall(script.Script.Commands[j].Unwrap()))
                    continue;
                commands ??= script.Script.Commands.Select(c => c.Unwrap()).ToArray();
                if (DevelopmentDependencies.WithDevelopmentPackages(commands[j], context.Model.ScopeAt(run), new ArraySegment<ShellCommand>(commands, 0, j)) is not { } install)
                    continue;
                var later = commands[(j + 1)..].Select(c => (Line: run.StartLine, Command: c))
                    .Concat(image.Skip(i + 1).SelectMany(x => x.Script.Script.Commands.Select(c => (Line: x.Run.StartLine, Command: c.Unwrap()))));
                var message = $"`{install.Description}` installs development dependencies into the final image: add {install.Remedy}";
                if (install.IsJavaScript && later.FirstOrDefault(c => RunsBuild(c.Command)) is { Command: not null } build)
                {
                    if (later.Any(c => c.Command.IsNamed("npm", "yarn", "pnpm") && c.Command.HasArgument("prune") || c.Command.IsNamed("rm") && c.Command.Arguments.Any(a => a.Value.TrimEnd('/').EndsWith("node_modules", StringComparison.Ordinal))))
                        continue;
                    message = context.IsMultiStage
                        ? $"`{install.Description}` installs development dependencies that the build on line {build.Line} needs, and they stay in the final image: build in a separate stage and install with {install.Remedy} in the runtime stage, or prune after the build"
                        : $"`{install.Description}` installs development dependencies that the build on line {build.Line} needs, and they stay in the image: move the build to its own stage (see STG013) and install with {install.Remedy} in the runtime stage";
                }
                context.Report(script.ToFileSpan(commands[j].Span), message, stage);
            }
        }
    }

    /// <summary>The RUNs with a shell script of the image's stages, the deepest base stage first.</summary>
    private static List<(Stage Stage, RunInstructionSyntax Run, RunScript Script)> ImageRuns(RuleContext context)
    {
        var runs = new List<(Stage, RunInstructionSyntax, RunScript)>();
        for (var s = context.ImageStages.Count - 1; s >= 0; s--)
        {
            var stage = context.ImageStages[s];
            foreach (var run in stage.Instructions.OfType<RunInstructionSyntax>())
            {
                if (context.Script(run) is { } script)
                    runs.Add((stage, run, script));
            }
        }
        return runs;
    }

    private static bool RunsBuild(ShellCommand command) =>
        SourceBuilds.RunsScript(command) is { } script && script is not ("start" or "serve")
        || command.IsNamed("tsc", "npx", "next", "vite", "webpack", "ng", "nest", "gulp", "grunt");

    /// <summary>Development targets (see <see cref="DevelopmentImages"/>) and images whose command runs a dev server need their dev dependencies.</summary>
    private static bool IsDevelopmentImage(RuleContext context)
    {
        if (DevelopmentImages.IsDevelopmentImage(context))
            return true;
        var command = LastCommandInstruction(context);
        if (command is null)
            return false;
        var text = string.Join(' ', command.Arguments.Select(a => a.Value));
        foreach (var server in DevServers)
        {
            if (text.Contains(server, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    /// <summary>The last CMD or ENTRYPOINT read in image-stage order (final stage first), as the check has always taken it.</summary>
    private static InstructionSyntax? LastCommandInstruction(RuleContext context)
    {
        for (var s = context.ImageStages.Count - 1; s >= 0; s--)
        {
            var instructions = context.ImageStages[s].Instructions;
            for (var i = instructions.Count - 1; i >= 0; i--)
            {
                if (instructions[i] is CmdInstructionSyntax or EntrypointInstructionSyntax)
                    return instructions[i];
            }
        }
        return null;
    }

    /// <summary>
    /// The lockfile npm would use, and whether it is copied into the stage (or a stage it is built on) before the RUN: by
    /// name, or with the folder or <c>package*.json</c> glob it sits in; a lockfile only in the build context is not copied.
    /// </summary>
    private static (string File, bool Copied)? LockfileFor(RuleContext context, Stage stage, RunInstructionSyntax run)
    {
        string[] names = ["package-lock.json", "npm-shrinkwrap.json"];
        (string, bool)? inContext = null;
        foreach (var instruction in StageChain.Earlier(stage, run))
        {
            if (instruction is not FileTransferInstructionSyntax copy || copy is CopyInstructionSyntax { From: not null })
                continue;
            foreach (var source in copy.PathSources.Select(s => s.Value))
            {
                if (names.FirstOrDefault(n => Path.GetFileName(source) == n) is { } named)
                    return (named, true);
                var folder = source is "." or "./" || source.EndsWith('/') ? source
                    : Path.GetFileName(source) is "package*.json" or "package.json" or "*.json" ? source[..^Path.GetFileName(source).Length] : null;
                if (folder is null || names.FirstOrDefault(n => context.BuildContext.Exists(Path.Combine(folder, n))) is not { } found)
                    continue;
                if (Path.GetFileName(source) != "package.json")
                    return (found, true);
                inContext ??= (found, false);
            }
        }
        return inContext;
    }
}
