namespace Stagecraft.Syntax;

/// <summary><c>FROM [--platform=…] image [AS name]</c>.</summary>
public sealed class FromInstructionSyntax : InstructionSyntax
{
    internal FromInstructionSyntax(InstructionParts parts) : base(parts)
    {
        Image = Arguments.Count > 0 ? Arguments[0] : null;
        if (Arguments.Count == 3 && Arguments[1].Value.Equals("as", StringComparison.OrdinalIgnoreCase))
        {
            AsKeyword = Arguments[1];
            StageName = Arguments[2];
        }
        Platform = GetFlag("platform");
    }

    /// <summary>The image reference as written (variables not expanded).</summary>
    public ArgumentSyntax? Image { get; }

    /// <summary>The <c>AS</c> word, in whatever case it was written.</summary>
    public ArgumentSyntax? AsKeyword { get; }

    public ArgumentSyntax? StageName { get; }

    public FlagSyntax? Platform { get; }
}
