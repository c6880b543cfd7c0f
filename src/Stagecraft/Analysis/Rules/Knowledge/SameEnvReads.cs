using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>
/// ENV values that read a name another pair of the same ENV sets (hadolint's DL3044): BuildKit expands every value of an
/// ENV before it sets any, so such a value still reads the name's value from before the ENV.
/// </summary>
internal static class SameEnvReads
{
    /// <summary>
    /// True when <paramref name="word"/> is the value of one pair of a multi-pair ENV and another pair sets
    /// <paramref name="name"/>. A pair reading its own name (<c>PATH=/opt/bin:$PATH</c>) extends it, on purpose.
    /// </summary>
    public static bool SetByAnotherPair(InstructionSyntax instruction, WrittenWord word, string name) =>
        instruction is EnvInstructionSyntax { Pairs.Count: > 1 } env && env.Pairs.FirstOrDefault(p => p.ValueSpan == word.Span) is { } own
        && own.Key != name && env.Pairs.Any(p => p.Key == name);
}
