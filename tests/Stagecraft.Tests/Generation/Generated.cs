using Stagecraft.Analysis;
using Stagecraft.Generation;
using Stagecraft.Syntax;

namespace Stagecraft.Tests.Generation;

/// <summary>What init produces for a folder, written into it and linted as <c>stagecraft lint</c> would lint it.</summary>
internal sealed record Generated(ProjectPlan Plan, GeneratedFiles Files, IReadOnlyList<Finding> Findings, SyntaxTree Tree)
{
    /// <summary>Detects, generates, writes the files beside the application and lints the Dockerfile in its build context.</summary>
    public static Generated For(string folder, PlanOptions? options = null)
    {
        var plan = ProjectDetector.Detect(folder, options);
        var files = DockerfileGenerator.Generate(plan);
        var dockerfile = Path.Combine(plan.AppDirectory, "Dockerfile");
        File.WriteAllText(dockerfile, files.Dockerfile);
        File.WriteAllText(Path.Combine(plan.AppDirectory, files.DockerIgnoreFileName), files.DockerIgnore);
        var tree = SyntaxTree.Parse(System.Text.Encoding.UTF8.GetBytes(files.Dockerfile), "Dockerfile");
        var findings = Linter.Default.Lint(tree, "Dockerfile", new BuildContext(plan.ContextDirectory, dockerfile));
        return new Generated(plan, files, findings, tree);
    }

    /// <summary>The Dockerfile parses without diagnostics and no rule reports anything at warning or above.</summary>
    public void AssertLintsClean()
    {
        Assert.Empty(Tree.Diagnostics);
        var serious = Findings.Where(f => f.Severity.AtLeast(Severity.Warning)).Select(f => $"{f.Range.Start.Line}: {f.Rule.Id} {f.Message}").ToArray();
        Assert.True(serious.Length == 0, "generated Dockerfile has findings:\n" + string.Join('\n', serious) + "\n---\n" + Files.Dockerfile);
    }

    /// <summary>The lines of the final stage (from the last FROM on).</summary>
    public string FinalStage => Files.Dockerfile[Files.Dockerfile.LastIndexOf("\nFROM ", StringComparison.Ordinal)..];

    /// <summary>The lines of one named stage.</summary>
    public string Stage(string name)
    {
        var text = Files.Dockerfile;
        var at = text.IndexOf($" AS {name}\n", StringComparison.Ordinal);
        Assert.True(at >= 0, $"no stage {name} in\n{text}");
        var start = text.LastIndexOf('\n', at) + 1;
        var end = text.IndexOf("\nFROM ", start, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }
}
