using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>Instructions of which an image keeps only the last one per stage (CMD, ENTRYPOINT): every earlier one is dead.</summary>
internal static class OverriddenInstructions
{
    /// <summary>Reports each <typeparamref name="T"/> after the first in a stage, with a safe fix that deletes the one it overrides.</summary>
    public static void Report<T>(RuleContext context, string keyword) where T : InstructionSyntax
    {
        foreach (var stage in context.Model.Stages)
        {
            InstructionSyntax? previous = null;
            foreach (var instruction in stage.Instructions)
            {
                if (instruction is not T)
                    continue;
                if (previous is not null)
                {
                    context.Report(TextSpan.FromBounds(instruction.KeywordSpan.Start, Math.Max(instruction.KeywordSpan.End, instruction.ArgumentsSpan.End)),
                        $"the {keyword} on line {previous.StartLine} has no effect: an image keeps only the last {keyword}, this one",
                        stage, new Fix($"Remove the earlier {keyword}", FixSafety.Safe, [TextEdit.Delete(previous.Span)]));
                }
                previous = instruction;
            }
        }
    }
}
