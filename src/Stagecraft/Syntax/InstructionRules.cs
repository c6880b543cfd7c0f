namespace Stagecraft.Syntax;

/// <summary>The argument checks BuildKit makes when it turns parsed lines into instructions; failures are errors it would refuse to build.</summary>
internal static class InstructionRules
{
    public static void Check(InstructionSyntax instruction, RawInstruction raw, List<SyntaxDiagnostic> diagnostics)
    {
        void Error(string message, TextSpan? at = null) =>
            diagnostics.Add(new SyntaxDiagnostic("invalid-instruction", DiagnosticSeverity.Error, message, at ?? instruction.KeywordSpan));

        string Name() => instruction.Keyword.ToUpperInvariant();
        var count = instruction.Arguments.Count;
        switch (instruction)
        {
            case UnknownInstructionSyntax:
                diagnostics.Add(new SyntaxDiagnostic("unknown-instruction", DiagnosticSeverity.Error, $"unknown instruction: {instruction.Keyword}", instruction.KeywordSpan));
                break;
            case FromInstructionSyntax from:
                if (count is not (1 or 3) || (count == 3 && from.AsKeyword is null))
                    Error("FROM requires either one argument, or three: FROM <image> AS <name>");
                break;
            case FileTransferInstructionSyntax transfer when transfer.DestinationIsHeredoc:
                Error($"{Name()} cannot accept a heredoc as a destination", transfer.Destination!.Span);
                break;
            case FileTransferInstructionSyntax when count < 2 && raw.Error is null:
                Error($"{Name()} requires at least two arguments: a source and a destination");
                break;
            case ArgInstructionSyntax or ExposeInstructionSyntax or VolumeInstructionSyntax or EnvInstructionSyntax or LabelInstructionSyntax
                when count == 0 && raw.Error is null:
                Error($"{Name()} requires at least one argument");
                break;
            case SingleValueInstructionSyntax when count == 0:
                Error($"{Name()} requires exactly one argument");
                break;
            case ShellInstructionSyntax when !instruction.IsJsonForm && raw.Error is null:
                Error("SHELL requires the arguments to be in JSON form, such as SHELL [\"/bin/sh\", \"-c\"]",
                    instruction.ArgumentsSpan.IsEmpty ? null : instruction.ArgumentsSpan);
                break;
            case OnbuildInstructionSyntax onbuild:
                if (onbuild.Trigger is null)
                    Error("ONBUILD requires an instruction to run later");
                else if (onbuild.Trigger.Kind is InstructionKind.Onbuild or InstructionKind.From or InstructionKind.Maintainer)
                    diagnostics.Add(new SyntaxDiagnostic(SyntaxDiagnostic.TriggerNotAllowed, DiagnosticSeverity.Error,
                        $"{onbuild.Trigger.Keyword.ToUpperInvariant()} isn't allowed as an ONBUILD trigger", onbuild.Trigger.KeywordSpan));
                break;
            case StopSignalInstructionSyntax or WorkdirInstructionSyntax or UserInstructionSyntax or MaintainerInstructionSyntax:
                break;
        }
    }
}
