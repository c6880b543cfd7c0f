using System.Text;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Maintainability;

/// <summary>STG102: an instruction keyword in mixed case, or in the minority case of the file; BuildKit's ConsistentInstructionCasing.</summary>
public sealed class InconsistentInstructionCasing : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG102", "inconsistent-instruction-casing",
        "Instruction keyword not in the case most of the file uses", Severity.Style, RuleCategory.Maintainability, ["ConsistentInstructionCasing"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "Instruction keywords written in mixed case (`Run`, `frOM`), and keywords in lower case in a file that mostly uses upper case (or the other way round; a tie counts as upper case). The majority is counted over the file's instructions; instructions kept by ONBUILD are checked against it too. BuildKit's `ConsistentInstructionCasing` check, which counts and checks only instructions after the first FROM; Stagecraft also counts the ARGs before it.",
        WhyItMatters: "Instructions in one case make a Dockerfile easy to scan, and tools and reviewers that search for `RUN` find every one.",
        Bad: "FROM alpine:3.20\nrun apk add --no-cache curl\nCopy app /app",
        Good: "FROM alpine:3.20\nRUN apk add --no-cache curl\nCOPY app /app",
        FixSafety: "Safe: rewrites the keyword in the majority case; keywords are case-insensitive.");

    public override void Check(RuleContext context)
    {
        int lower = 0, upper = 0;
        foreach (var instruction in context.Tree.Root.Instructions)
        {
            if (IsLower(instruction.Keyword))
                lower++;
            else if (IsUpper(instruction.Keyword))
                upper++;
        }
        var majorityLower = lower > upper;
        foreach (var instruction in context.Tree.Root.Instructions)
        {
            Check(context, instruction, majorityLower);
            if (instruction is OnbuildInstructionSyntax { Trigger: { } trigger })
                Check(context, trigger, majorityLower);
        }
    }

    private void Check(RuleContext context, InstructionSyntax instruction, bool majorityLower)
    {
        var keyword = instruction.Keyword;
        if (majorityLower ? IsLower(keyword) : IsUpper(keyword))
            return;
        var wanted = majorityLower ? keyword.ToLowerInvariant() : keyword.ToUpperInvariant();
        var message = IsLower(keyword) || IsUpper(keyword)
            ? $"`{keyword}` is in {(majorityLower ? "upper" : "lower")} case while most instructions in this file are in {(majorityLower ? "lower" : "upper")} case: write `{wanted}`"
            : $"`{keyword}` mixes upper and lower case: write `{wanted}` like most instructions in this file";
        context.Report(instruction.KeywordSpan, message, fix: new Fix($"Write `{wanted}`", FixSafety.Safe, [new TextEdit(instruction.KeywordSpan, wanted)]));
    }

    // Keywords are ASCII in practice: test the letters in place rather than building a cased copy of every keyword.
    private static bool IsLower(string keyword) =>
        Ascii.IsValid(keyword) ? !keyword.AsSpan().ContainsAnyInRange('A', 'Z') : keyword == keyword.ToLowerInvariant();

    private static bool IsUpper(string keyword) =>
        Ascii.IsValid(keyword) ? !keyword.AsSpan().ContainsAnyInRange('a', 'z') : keyword == keyword.ToUpperInvariant();
}
