using System.Text;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG257: an ENV value that reads a variable the same ENV sets, and so gets the old (usually empty) value.</summary>
public sealed class EnvUsesVariableItSets : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG257", "env-uses-variable-it-sets",
        "ENV value reads a variable set by the same ENV", Severity.Error, RuleCategory.Correctness, ["DL3044"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "An ENV with several pairs where one value refers to a variable that another pair of the same ENV sets (`ENV HOME=/app CACHE=$HOME/.cache`), and no earlier ARG or ENV of the stage declares it. A value that refers to its own variable (`ENV PATH=/opt/bin:$PATH`) is the usual way to extend it and is fine; so is a reference in single quotes or escaped with a backslash, which stays literal.",
        WhyItMatters: "BuildKit expands every value of an ENV before it sets any of them, so `$HOME` above is the value from before the instruction: empty here, giving `CACHE=/.cache`. The file reads as if it were the new value, and nothing warns when it is not.",
        Bad: "ENV APP_HOME=/app APP_CACHE=$APP_HOME/.cache",
        Good: "ENV APP_HOME=/app\nENV APP_CACHE=$APP_HOME/.cache",
        FixSafety: "No automatic fix: split the ENV so the variable is set first.");

    public override void Check(RuleContext context)
    {
        var escape = context.Tree.Root.EscapeCharacter;
        foreach (var stage in context.Model.Stages)
        {
            foreach (var instruction in stage.Instructions)
            {
                if (instruction is not EnvInstructionSyntax { Pairs.Count: > 1 } env)
                    continue;
                CheckPairs(context, stage, env, escape);
            }
        }
    }

    private static void CheckPairs(RuleContext context, Semantics.Stage stage, EnvInstructionSyntax env, char escape)
    {
        var pairs = env.Pairs;
        Semantics.VariableScope? before = null;
        for (var j = 0; j < pairs.Count; j++)
        {
            var value = pairs[j].Value;
            for (var start = value.IndexOf('$'); start >= 0; start = value.IndexOf('$', start + 1))
            {
                if (!Expands(value, start, escape) || Reference(value, start) is not { } name || name == pairs[j].Key || !SetByOther(pairs, j, name))
                    continue;
                before ??= context.Model.ScopeAt(env);
                if (before.IsDeclared(name))
                    continue;
                context.Report(ReferenceSpan(context, pairs[j], start, value),
                    $"`{name}` is set by this same ENV, but here it still has its value from before the ENV (empty unless the base image sets it): set `{name}` in an earlier ENV",
                    stage);
            }
        }
    }

    /// <summary>The variable name a <c>$</c> at <paramref name="at"/> starts (<c>$NAME</c>, <c>${NAME}</c>, <c>${NAME:-x}</c>), or null.</summary>
    private static string? Reference(string value, int at)
    {
        var start = at + 1;
        var braced = start < value.Length && value[start] == '{';
        if (braced)
            start++;
        var end = start;
        while (end < value.Length && (char.IsAsciiLetterOrDigit(value[end]) || value[end] == '_'))
            end++;
        if (end == start || char.IsAsciiDigit(value[start]))
            return null;
        return value[start..end];
    }

    /// <summary>False inside single quotes and after the escape character, where BuildKit keeps <c>$</c> literal.</summary>
    private static bool Expands(string value, int at, char escape)
    {
        var single = false;
        var isDouble = false;
        for (var i = 0; i < at; i++)
        {
            var c = value[i];
            if (c == escape && !single)
            {
                i++;
                if (i == at)
                    return false;
            }
            else if (c == '\'' && !isDouble)
                single = !single;
            else if (c == '"' && !single)
                isDouble = !isDouble;
        }
        return !single;
    }

    private static bool SetByOther(IReadOnlyList<KeyValueSyntax> pairs, int except, string name)
    {
        for (var i = 0; i < pairs.Count; i++)
        {
            if (i != except && pairs[i].Key == name)
                return true;
        }
        return false;
    }

    /// <summary>The reference's bytes in the file, or the whole value when the value is not written as one piece.</summary>
    private static TextSpan ReferenceSpan(RuleContext context, KeyValueSyntax pair, int at, string value)
    {
        if (context.Tree.GetText(pair.ValueSpan) != value)
            return pair.ValueSpan;
        var length = value[at + 1] == '{' && value.IndexOf('}', at) is var close and > 0 ? close + 1 - at : 1 + Reference(value, at)!.Length;
        var start = pair.ValueSpan.Start + Encoding.UTF8.GetByteCount(value.AsSpan(0, at));
        return new TextSpan(start, Encoding.UTF8.GetByteCount(value.AsSpan(at, length)));
    }
}
