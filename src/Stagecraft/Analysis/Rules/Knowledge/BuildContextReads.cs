using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>
/// Instructions whose cache key depends on the build context (COPY/ADD of local files, RUN with a bind mount of the
/// context). Steps after the first of them rerun when the project changes; steps before it only when the Dockerfile or a
/// base image does.
/// </summary>
internal static class BuildContextReads
{
    /// <summary>True when a stage below <paramref name="stage"/> in its FROM chain reads the build context.</summary>
    public static bool Before(Stage stage)
    {
        // A stage's base always comes earlier in the file, so this ends; no iterator, as STG014 asks it for every stage.
        for (var below = stage.Base.Stage; below is not null; below = below.Base.Stage)
        {
            foreach (var instruction in below.Instructions)
            {
                if (Reads(instruction))
                    return true;
            }
        }
        return false;
    }

    /// <summary>True for a COPY without --from or an ADD of local paths, and a RUN that bind-mounts the context.</summary>
    public static bool Reads(InstructionSyntax instruction)
    {
        switch (instruction)
        {
            case CopyInstructionSyntax { From: not null }:
                return false;
            case FileTransferInstructionSyntax transfer:
                foreach (var source in transfer.PathSources)
                {
                    if (!source.Value.Contains("://", StringComparison.Ordinal) && !source.Value.StartsWith("git@", StringComparison.Ordinal))
                        return true;
                }
                return false;
            case RunInstructionSyntax run:
                foreach (var mount in run.Mounts)
                {
                    if (mount.Type == "bind" && mount.From is null)
                        return true;
                }
                return false;
            default:
                return false;
        }
    }
}
