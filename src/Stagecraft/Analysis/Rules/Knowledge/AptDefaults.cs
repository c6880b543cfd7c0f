using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>
/// apt settings a Dockerfile changes for every later apt-get call by writing apt.conf files: <c>APT::Get::Assume-Yes</c>
/// and <c>APT::Install-Recommends</c>. Read once per file, stage by stage; a stage built FROM another inherits its files.
/// A COPY or ADD into /etc/apt/apt.conf.d whose content cannot be read counts as setting both, since it may.
/// </summary>
internal sealed class AptDefaults
{
    private readonly Dictionary<Stage, (int AssumeYes, int NoRecommends)> _setAt = [];

    private AptDefaults()
    {
    }

    public static AptDefaults Read(RuleContext context)
    {
        var defaults = new AptDefaults();
        foreach (var stage in context.Model.Stages)
        {
            // Offsets of the first instruction that sets each default; -1 when the stage inherits it, MaxValue when never.
            var inherited = stage.Base.Stage is { } parent && defaults._setAt.TryGetValue(parent, out var fromParent) ? fromParent : (int.MaxValue, int.MaxValue);
            var assumeYes = inherited.Item1 == int.MaxValue ? int.MaxValue : -1;
            var noRecommends = inherited.Item2 == int.MaxValue ? int.MaxValue : -1;
            foreach (var instruction in context.InstructionsWithTriggers(stage))
            {
                if (assumeYes != int.MaxValue && noRecommends != int.MaxValue)
                    break;
                var (yes, recommends) = Sets(context, instruction);
                if (yes && assumeYes == int.MaxValue)
                    assumeYes = instruction.Span.Start;
                if (recommends && noRecommends == int.MaxValue)
                    noRecommends = instruction.Span.Start;
            }
            defaults._setAt[stage] = (assumeYes, noRecommends);
        }
        return defaults;
    }

    /// <summary>Whether apt answers yes by itself for a call in <paramref name="at"/>.</summary>
    public bool AssumesYes(Stage stage, InstructionSyntax at) => _setAt.TryGetValue(stage, out var set) && set.AssumeYes <= at.Span.Start;

    /// <summary>Whether apt skips recommended packages by itself for a call in <paramref name="at"/>.</summary>
    public bool SkipsRecommends(Stage stage, InstructionSyntax at) => _setAt.TryGetValue(stage, out var set) && set.NoRecommends <= at.Span.Start;

    private static (bool AssumeYes, bool NoRecommends) Sets(RuleContext context, InstructionSyntax instruction)
    {
        switch (instruction)
        {
            case RunInstructionSyntax run:
                // Only a RUN that writes an apt.conf file changes later calls; `-o` on one apt-get call does not.
                var text = context.Script(run)?.Text ?? run.ArgumentsText;
                if (!text.Contains("apt.conf", StringComparison.Ordinal))
                    return (false, false);
                return (Mentions(text, "Assume-Yes", "true", "1", "yes"), Mentions(text, "Install-Recommends", "false", "0", "no"));
            case FileTransferInstructionSyntax { Destination: { } destination } transfer
                when destination.Value.StartsWith("/etc/apt/apt.conf", StringComparison.Ordinal):
                var content = transfer.HeredocSources.Count == 1 ? transfer.HeredocSources[0].Heredoc.Content
                    : transfer.PathSources.Count == 1 && transfer is CopyInstructionSyntax { From: null } ? context.BuildContext.ReadText(transfer.PathSources[0].Value) : null;
                return content is null ? (true, true)
                    : (Mentions(content, "Assume-Yes", "true", "1", "yes"), Mentions(content, "Install-Recommends", "false", "0", "no"));
            default:
                return (false, false);
        }
    }

    /// <summary>Whether <paramref name="text"/> names the option and, within the rest of that line, one of the values.</summary>
    private static bool Mentions(string text, string option, params ReadOnlySpan<string> values)
    {
        var at = text.IndexOf(option, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
            return false;
        var rest = text.AsSpan(at + option.Length);
        var end = rest.IndexOf('\n');
        rest = end < 0 ? rest : rest[..end];
        foreach (var value in values)
        {
            var found = rest.IndexOf(value, StringComparison.OrdinalIgnoreCase);
            if (found >= 0 && (found + value.Length == rest.Length || !char.IsAsciiLetterOrDigit(rest[found + value.Length])))
                return true;
        }
        return false;
    }
}
