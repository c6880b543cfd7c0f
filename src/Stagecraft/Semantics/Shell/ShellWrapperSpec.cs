namespace Stagecraft.Semantics.Shell;

/// <summary>How a wrapper command's own options look, so the wrapped command can be found after them.</summary>
/// <param name="ShortValueOptions">Short option letters that take a value (attached, or as the next word).</param>
/// <param name="LongValueOptions">Long options that take a value as the next word when written without <c>=</c>.</param>
/// <param name="LeadingOperands">Operands before the wrapped command (the duration of <c>timeout</c>, the user of <c>gosu</c>).</param>
/// <param name="TakesAssignments">Whether <c>NAME=value</c> words may precede the wrapped command (<c>env</c>).</param>
/// <param name="QueryOptions">Short option letters that make the wrapper look the command up instead of running it (<c>command -v</c>).</param>
internal sealed record ShellWrapperSpec(
    string ShortValueOptions,
    string[] LongValueOptions,
    int LeadingOperands = 0,
    bool TakesAssignments = false,
    string QueryOptions = "");
