using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Maintainability;

/// <summary>
/// STG119 (off by default): the comment right above a named FROM or an ARG, which BuildKit shows as its description,
/// does not start with that name; BuildKit's experimental InvalidDefinitionDescription.
/// </summary>
public sealed class DescriptionCommentMismatch : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG119", "description-comment-mismatch",
        "Comment above a stage or ARG does not describe it", Severity.Style, RuleCategory.Maintainability, ["InvalidDefinitionDescription"],
        enabledByDefault: false);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "A comment line directly above `FROM … AS name` or an `ARG` (no blank line between) whose first word is not the stage's name or one of the ARG's names. Off by default, as BuildKit's experimental `InvalidDefinitionDescription` check is: turn it on with `# check=experimental=InvalidDefinitionDescription` in the Dockerfile, or `--enable STG119`. Differences from BuildKit: a blank line ends a comment's reach (BuildKit's documentation says so, its parser does not), and `# check=`, `# stagecraft` and `# hadolint` pragma lines are not taken for descriptions.",
        WhyItMatters: "`docker build --call=outline` and `--call=targets` show the comment right above a stage or ARG as its description when it starts with the name, so a stray comment there is either a missing description or one that tools will not find.",
        Bad: "# the version to install\nARG VERSION=1.4.2\n# build the binary\nFROM golang:1.22 AS build",
        Good: "# VERSION is the release of the tool to install\nARG VERSION=1.4.2\n# build compiles the binary\nFROM golang:1.22 AS build",
        FixSafety: "No automatic fix: either the comment is a description that needs the name in front, or a note that needs a blank line below it.");

    private static readonly string[] Pragmas = ["check=", "check ", "stagecraft ", "hadolint "];

    public override void Check(RuleContext context)
    {
        var children = context.Tree.Root.Children;
        for (var i = 1; i < children.Count; i++)
        {
            var names = children[i] switch
            {
                FromInstructionSyntax { StageName: { } name } => new[] { name.Value.ToLowerInvariant() },
                ArgInstructionSyntax arg when arg.Declarations.Count > 0 => arg.Declarations.Select(d => d.Name).ToArray(),
                _ => null,
            };
            if (names is null || children[i - 1] is not CommentSyntax comment || comment.Text.Length == 0)
                continue;
            var text = comment.Text;
            if (Pragmas.Any(p => text.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
                continue;
            var firstWord = text.Split(' ')[0];
            if (names.Contains(firstWord, StringComparer.Ordinal))
                continue;
            var instruction = (InstructionSyntax)children[i];
            var wanted = names.Length == 1 ? $"`# {names[0]} …`" : $"one of its names first (`# {names[0]} …`)";
            context.Report(comment.CommentSpan,
                $"this comment sits right above {(instruction is FromInstructionSyntax ? $"stage `{names[0]}`" : $"`ARG {names[0]}{(names.Length > 1 ? " …" : "")}`")}, so BuildKit takes it as its description: start it with {wanted}, or leave a blank line below it");
        }
    }
}
