using Stagecraft.Syntax;

namespace Stagecraft.Fixing.MultiStage;

/// <summary>
/// Decides which instructions of the single stage belong to the runtime stage. Image settings that no later build step
/// reads (CMD, ENTRYPOINT, EXPOSE, HEALTHCHECK, STOPSIGNAL, LABEL, MAINTAINER, VOLUME) move there with the comment lines
/// right above them. ENV, ARG and USER move when no RUN, COPY, ADD or WORKDIR follows them; before one, they stay in the
/// builder (which may need them) and ENV and ARG are written again in the runtime stage, so the image keeps them.
/// </summary>
internal sealed class StageSplit
{
    public StageSplit(SyntaxTree tree, Semantics.Stage stage)
    {
        var instructions = stage.Instructions;
        var lastBuilding = -1;
        for (var i = 0; i < instructions.Count; i++)
        {
            if (instructions[i] is RunInstructionSyntax or FileTransferInstructionSyntax or WorkdirInstructionSyntax)
                lastBuilding = i;
        }
        var moved = new HashSet<InstructionSyntax>();
        for (var i = 0; i < instructions.Count; i++)
        {
            var instruction = instructions[i];
            var isSetting = instruction is CmdInstructionSyntax or EntrypointInstructionSyntax or HealthcheckInstructionSyntax or ExposeInstructionSyntax
                or StopSignalInstructionSyntax or LabelInstructionSyntax or MaintainerInstructionSyntax or VolumeInstructionSyntax;
            var isState = instruction is EnvInstructionSyntax or ArgInstructionSyntax or UserInstructionSyntax;
            if (isSetting || (isState && i > lastBuilding))
                moved.Add(instruction);
            else if (instruction is EnvInstructionSyntax or ArgInstructionSyntax)
                Repeated.Add(instruction);
            else if (instruction is UserInstructionSyntax)
                KeptUser = (UserInstructionSyntax)instruction;
        }

        var nodes = tree.Root.Children;
        var deleted = new bool[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i] is not InstructionSyntax instruction || !moved.Contains(instruction))
                continue;
            deleted[i] = true;
            var first = i;
            for (var j = i - 1; j >= 0 && nodes[j] is CommentSyntax && !deleted[j]; j--)
                first = j;
            for (var j = first; j < i; j++)
                deleted[j] = true;
            Moved.Add(TextSpan.FromBounds(nodes[first].Span.Start, nodes[i].Span.End));
        }
        TidyBlankLines(nodes, deleted);
        for (var i = 0; i < nodes.Count; i++)
        {
            if (deleted[i])
                Deleted.Add(nodes[i].Span);
        }
        LastKept = nodes.Where((n, i) => !deleted[i] && n is InstructionSyntax).LastOrDefault() as InstructionSyntax;
        EndsDeleted = nodes.Count > 0 && deleted[^1];
    }

    /// <summary>The moved instructions with their comments, in file order: each span is copied into the runtime stage.</summary>
    public List<TextSpan> Moved { get; } = [];

    /// <summary>Every top-level node to remove from the builder (moved ones, and blank lines they leave doubled).</summary>
    public List<TextSpan> Deleted { get; } = [];

    /// <summary>ENV and ARG instructions that stay in the builder and are written again in the runtime stage.</summary>
    public List<InstructionSyntax> Repeated { get; } = [];

    /// <summary>A USER that stays in the builder because build steps follow it (the runtime stage states it again).</summary>
    public UserInstructionSyntax? KeptUser { get; private set; }

    /// <summary>The builder's last instruction after the move; extra builder steps go after it.</summary>
    public InstructionSyntax? LastKept { get; }

    /// <summary>True when the file's last node moves away.</summary>
    public bool EndsDeleted { get; }

    /// <summary>
    /// A blank line next to a removed node goes too when it would now follow another blank line or end the builder,
    /// so the move leaves no gaps; blank lines elsewhere stay as they are.
    /// </summary>
    private static void TidyBlankLines(IReadOnlyList<SyntaxNode> nodes, bool[] deleted)
    {
        bool NextToDeleted(int i) => (i > 0 && deleted[i - 1]) || (i + 1 < nodes.Count && deleted[i + 1]);
        var candidates = Enumerable.Range(0, nodes.Count).Where(i => nodes[i] is BlankLineSyntax && !deleted[i] && NextToDeleted(i)).ToArray();
        foreach (var i in candidates)
        {
            var previous = Enumerable.Range(0, i).Reverse().FirstOrDefault(j => !deleted[j], -1);
            var trailing = Enumerable.Range(i + 1, nodes.Count - i - 1).All(j => deleted[j] || nodes[j] is BlankLineSyntax);
            if (trailing || (previous >= 0 && nodes[previous] is BlankLineSyntax))
                deleted[i] = true;
        }
    }
}
