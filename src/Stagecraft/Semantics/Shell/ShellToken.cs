namespace Stagecraft.Semantics.Shell;

/// <summary>One token: its kind, its bounds in the script, and the word it carries when it is a word.</summary>
internal readonly struct ShellToken(ShellTokenKind kind, int start, int end, ShellWord? word = null)
{
    public ShellTokenKind Kind { get; } = kind;

    public int Start { get; } = start;

    public int End { get; } = end;

    public ShellWord? Word { get; } = word;

    public bool IsRedirection => Kind is >= ShellTokenKind.Less and <= ShellTokenKind.AndDoubleGreat;

    public bool IsCaseTerminator => Kind is ShellTokenKind.DoubleSemicolon or ShellTokenKind.SemicolonAmpersand or ShellTokenKind.DoubleSemicolonAmpersand;

    public bool IsKeyword(string keyword) => Kind == ShellTokenKind.Word && Word!.IsKeyword(keyword);
}
