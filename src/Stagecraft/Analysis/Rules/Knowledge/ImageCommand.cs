using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>The ENTRYPOINT and CMD an image gets from the last of each along its stages (final stage first), as words.</summary>
internal sealed record ImageCommand(string[] Entrypoint, string[] Cmd)
{
    public static ImageCommand Of(ItemList<Stage> imageStages) =>
        new(Words(StageChain.LastIn<EntrypointInstructionSyntax>(imageStages)), Words(StageChain.LastIn<CmdInstructionSyntax>(imageStages)));

    /// <summary>True when the Dockerfile says what the image runs.</summary>
    public bool IsSet => Entrypoint.Length > 0 || Cmd.Length > 0;

    /// <summary>True for a WebAssembly module run by a Wasm runtime: no Linux user, no system certificate store.</summary>
    public bool IsWasm => (Entrypoint.Length > 0 ? Entrypoint[0] : Cmd.FirstOrDefault())?.EndsWith(".wasm", StringComparison.OrdinalIgnoreCase) == true;

    private static string[] Words(CommandInstructionSyntax? instruction) =>
        instruction is null ? [] : instruction.IsJsonForm ? instruction.ExecForm.Select(a => a.Value).ToArray()
            : instruction.ShellText?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
}
