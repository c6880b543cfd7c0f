namespace Stagecraft.Syntax;

/// <summary>Builds typed instruction nodes from BuildKit's split of a logical line, and checks what BuildKit's instruction parser checks.</summary>
internal static class InstructionFactory
{
    private static readonly Dictionary<InstructionKind, string[]> AllowedFlags = new()
    {
        [InstructionKind.From] = ["platform"],
        [InstructionKind.Run] = ["mount", "network", "security", "device"],
        [InstructionKind.Copy] = ["from", "chown", "chmod", "link", "parents", "exclude"],
        [InstructionKind.Add] = ["chown", "chmod", "link", "keep-git-dir", "checksum", "exclude", "unpack"],
        [InstructionKind.Healthcheck] = ["interval", "timeout", "start-period", "start-interval", "retries"],
    };

    /// <param name="scratch">A list reused from instruction to instruction (cleared here): most instructions have no problems to keep.</param>
    public static InstructionSyntax Create(RawInstruction raw, LogicalLine logical, TextSpan span, IReadOnlyList<HeredocSyntax> heredocs,
        int startLine, int endLine, byte escape, List<SyntaxDiagnostic> scratch)
    {
        var diagnostics = scratch;
        diagnostics.Clear();
        var instruction = Build(raw, logical, span, heredocs, startLine, endLine, diagnostics, nested: false);
        instruction.AddDiagnostics(diagnostics);
        return instruction;
    }

    private static InstructionSyntax Build(RawInstruction raw, LogicalLine logical, TextSpan span, IReadOnlyList<HeredocSyntax> heredocs,
        int startLine, int endLine, List<SyntaxDiagnostic> diagnostics, bool nested)
    {
        var kind = raw.Kind;
        var keywordSpan = logical.ToSourceSpan(raw.Keyword.Start, raw.Keyword.End);
        var flags = raw.Flags.Count == 0 ? [] : new FlagSyntax[raw.Flags.Count];
        for (var i = 0; i < flags.Length; i++)
            flags[i] = ToFlag(raw.Flags[i], logical);
        var arguments = raw.Arguments.Count == 0 ? [] : new ArgumentSyntax[raw.Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
            arguments[i] = new ArgumentSyntax(raw.Arguments[i].Value, logical.ToSourceSpan(raw.Arguments[i].Start, raw.Arguments[i].End));
        var argumentsSpan = logical.ToSourceSpan(raw.ArgumentsStart, raw.ArgumentsEnd);
        var parts = new InstructionParts
        {
            Span = nested ? TextSpan.FromBounds(keywordSpan.Start, span.End) : span,
            Logical = logical,
            Kind = kind,
            Keyword = raw.Keyword.Value,
            KeywordSpan = keywordSpan,
            Flags = flags,
            Arguments = arguments,
            IsJson = raw.IsJson,
            ArgumentsSpan = argumentsSpan,
            ArgumentsLogicalStart = raw.ArgumentsStart,
            ArgumentsLogicalEnd = raw.ArgumentsEnd,
            Heredocs = heredocs,
            StartLine = startLine,
            EndLine = endLine,
            Raw = raw,
        };

        if (raw.Error is not null && (raw.Child is null || raw.Child.Error is null))
            diagnostics.Add(new SyntaxDiagnostic("syntax", DiagnosticSeverity.Error, raw.Error, argumentsSpan.IsEmpty ? keywordSpan : argumentsSpan));

        InstructionSyntax instruction = kind switch
        {
            InstructionKind.From => new FromInstructionSyntax(parts),
            InstructionKind.Run => new RunInstructionSyntax(parts, diagnostics),
            InstructionKind.Cmd => new CmdInstructionSyntax(parts),
            InstructionKind.Entrypoint => new EntrypointInstructionSyntax(parts),
            InstructionKind.Shell => new ShellInstructionSyntax(parts),
            InstructionKind.Copy => new CopyInstructionSyntax(parts),
            InstructionKind.Add => new AddInstructionSyntax(parts),
            InstructionKind.Env => new EnvInstructionSyntax(parts),
            InstructionKind.Label => new LabelInstructionSyntax(parts),
            InstructionKind.Arg => new ArgInstructionSyntax(parts),
            InstructionKind.Expose => new ExposeInstructionSyntax(parts),
            InstructionKind.Volume => new VolumeInstructionSyntax(parts),
            InstructionKind.User => new UserInstructionSyntax(parts),
            InstructionKind.Workdir => new WorkdirInstructionSyntax(parts),
            InstructionKind.StopSignal => new StopSignalInstructionSyntax(parts),
            InstructionKind.Maintainer => new MaintainerInstructionSyntax(parts),
            InstructionKind.Healthcheck => new HealthcheckInstructionSyntax(parts, diagnostics),
            InstructionKind.Onbuild => new OnbuildInstructionSyntax(parts,
                raw.Child is null ? null : Build(raw.Child, logical, span, heredocs, startLine, endLine, diagnostics, nested: true)),
            _ => new UnknownInstructionSyntax(parts),
        };

        InstructionRules.Check(instruction, raw, diagnostics);
        CheckFlags(instruction, diagnostics);
        return instruction;
    }

    private static FlagSyntax ToFlag(RawPart flag, LogicalLine logical)
    {
        var text = flag.Value;
        var body = text.StartsWith("--", StringComparison.Ordinal) ? text.AsSpan(2) : text.AsSpan();
        var equals = body.IndexOf('=');
        var name = equals < 0 ? body.ToString() : body[..equals].ToString();
        var value = equals < 0 ? null : body[(equals + 1)..].ToString();
        var span = logical.ToSourceSpan(flag.Start, flag.End);
        var logicalEquals = logical.Bytes[flag.Start..flag.End].IndexOf((byte)'=');
        var nameEndLogical = logicalEquals < 0 ? flag.End : flag.Start + logicalEquals;
        var nameSpan = logical.ToSourceSpan(Math.Min(flag.Start + 2, nameEndLogical), nameEndLogical);
        var valueSpan = logicalEquals < 0 ? new TextSpan(span.End, 0) : logical.ToSourceSpan(flag.Start + logicalEquals + 1, flag.End);
        return new FlagSyntax(name, value, span, nameSpan, valueSpan);
    }

    private static void CheckFlags(InstructionSyntax instruction, List<SyntaxDiagnostic> diagnostics)
    {
        if (instruction.Kind == InstructionKind.Unknown)
            return;
        AllowedFlags.TryGetValue(instruction.Kind, out var allowed);
        foreach (var flag in instruction.Flags)
        {
            if (allowed is null || !allowed.Contains(flag.Name))
                diagnostics.Add(new SyntaxDiagnostic("unknown-flag", DiagnosticSeverity.Error,
                    $"unknown flag --{flag.Name} for {instruction.Kind.ToString().ToUpperInvariant()}", flag.Span));
        }
    }
}
