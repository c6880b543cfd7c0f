namespace Stagecraft.Semantics.Shell;

/// <summary>What the lexer saw while reading one word.</summary>
[Flags]
internal enum ShellWordFlags : byte
{
    None = 0,
    Quoted = 1 << 0,
    Expansion = 1 << 1,
    CommandSubstitution = 1 << 2,
    Glob = 1 << 3,
}
