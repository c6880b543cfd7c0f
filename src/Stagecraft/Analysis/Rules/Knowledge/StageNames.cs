using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>Suggests a name for an unnamed stage from what it does (<c>build</c>, <c>deps</c>) or what it is built on.</summary>
internal static class StageNames
{
    private static readonly string[] Builders = ["make", "cmake", "gcc", "cc", "mvn", "mvnw", "gradle", "gradlew", "msbuild", "javac", "tsc", "webpack", "vite"];

    /// <summary>A valid stage name not in <paramref name="taken"/> (which it joins), so no FROM or --from changes meaning.</summary>
    public static string Derive(SemanticModel model, Stage stage, ISet<string> taken)
    {
        var candidates = new List<string>();
        var role = Role(model, stage);
        if (role is not null)
            candidates.Add(role);
        var image = stage.Base.Kind == StageBaseKind.Scratch ? "scratch" : ImageReference.Parse(stage.Base.Reference)?.Name;
        if (image is not null && Sanitize(image) is { Length: > 0 } clean)
        {
            candidates.Add(clean + "-stage");
            if (role is not null)
                candidates.Add(clean + "-" + role);
        }
        candidates.Add("stage-" + stage.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        for (var n = 2; ; n++)
        {
            foreach (var candidate in candidates)
            {
                var name = n == 2 ? candidate : candidate + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (taken.Add(name))
                    return name;
            }
        }
    }

    private static string? Role(SemanticModel model, Stage stage)
    {
        var installs = false;
        foreach (var run in stage.Instructions.OfType<RunInstructionSyntax>())
        {
            if (model.ScriptOf(run) is not { } script)
                continue;
            foreach (var command in script.Script.Commands.Select(c => c.Unwrap()))
            {
                var step = DependencyInstalls.Classify(command);
                if (step?.Kind == DependencyStepKind.Build || command.IsNamed(Builders) || IsScriptBuild(command))
                    return "build";
                installs |= step is not null;
            }
        }
        return installs ? "deps" : null;
    }

    private static bool IsScriptBuild(Semantics.Shell.ShellCommand command) =>
        command.IsNamed("npm", "yarn", "pnpm", "bun") && command.PositionalArguments.Any(a => a.Value is "build" or "compile");

    private static string Sanitize(string image)
    {
        var chars = image.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.').ToArray();
        var text = new string(chars).TrimStart('-', '_', '.');
        while (text.Length > 0 && !char.IsAsciiLetter(text[0]))
            text = text[1..];
        return text;
    }
}
