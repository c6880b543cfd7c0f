namespace Stagecraft.Syntax;

/// <summary>A <c>--name[=value]</c> flag of an instruction, with quotes removed and escapes applied as BuildKit does.</summary>
public sealed class FlagSyntax
{
    internal FlagSyntax(string name, string? value, TextSpan span, TextSpan nameSpan, TextSpan valueSpan)
    {
        Name = name;
        Value = value;
        Span = span;
        NameSpan = nameSpan;
        ValueSpan = valueSpan;
    }

    /// <summary>The name without the leading dashes (<c>mount</c>, <c>from</c>, <c>platform</c>).</summary>
    public string Name { get; }

    /// <summary>The text after '=', or null for a bare <c>--flag</c>.</summary>
    public string? Value { get; }

    public TextSpan Span { get; }
    public TextSpan NameSpan { get; }

    /// <summary>Where the value is written (empty at the end of the flag when there is none).</summary>
    public TextSpan ValueSpan { get; }

    /// <summary>The flag as BuildKit's dump shows it: <c>--name=value</c>.</summary>
    public string DumpText => Value is null ? "--" + Name : "--" + Name + "=" + Value;

    public override string ToString() => DumpText;
}
