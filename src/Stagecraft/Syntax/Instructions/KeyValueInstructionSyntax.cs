namespace Stagecraft.Syntax;

/// <summary>One <c>key=value</c> (or legacy <c>key value</c>) pair of ENV or LABEL, as written.</summary>
public sealed record KeyValueSyntax(string Key, string Value, TextSpan KeySpan, TextSpan ValueSpan, bool IsLegacyForm)
{
    /// <summary>From the key's first byte to the value's last.</summary>
    public TextSpan Span => TextSpan.FromBounds(KeySpan.Start, Math.Max(KeySpan.End, ValueSpan.End));
}

/// <summary>ENV and LABEL: a list of key/value pairs. Values are as written (quotes kept, nothing expanded).</summary>
public abstract class KeyValueInstructionSyntax : InstructionSyntax
{
    private protected KeyValueInstructionSyntax(InstructionParts parts) : base(parts)
    {
        var pairs = new List<KeyValueSyntax>();
        for (var i = 0; i + 2 < Arguments.Count; i += 3)
        {
            var legacy = Arguments[i + 2].Value.Length == 0;
            pairs.Add(new KeyValueSyntax(Arguments[i].Value, Arguments[i + 1].Value, Arguments[i].Span, Arguments[i + 1].Span, legacy));
        }
        Pairs = pairs;
    }

    public IReadOnlyList<KeyValueSyntax> Pairs { get; }

    /// <summary>True for the legacy <c>ENV key value</c> form, which sets one variable to the rest of the line.</summary>
    public bool IsLegacyForm => Pairs.Count == 1 && Pairs[0].IsLegacyForm;
}

/// <summary><c>ENV key=value …</c> or the legacy <c>ENV key value</c>.</summary>
public sealed class EnvInstructionSyntax : KeyValueInstructionSyntax
{
    internal EnvInstructionSyntax(InstructionParts parts) : base(parts) { }
}

/// <summary><c>LABEL key=value …</c>.</summary>
public sealed class LabelInstructionSyntax : KeyValueInstructionSyntax
{
    internal LabelInstructionSyntax(InstructionParts parts) : base(parts) { }
}
