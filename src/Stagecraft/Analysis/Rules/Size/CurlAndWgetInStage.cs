using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Semantics.Shell;

namespace Stagecraft.Analysis.Rules.Size;

/// <summary>STG279: a stage that downloads with both curl and wget.</summary>
public sealed class CurlAndWgetInStage : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG279", "curl-and-wget-in-stage",
        "Both curl and wget used in one stage", Severity.Warning, RuleCategory.Size, ["DL4001"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "A stage whose RUNs call both `curl` and `wget`; reported once, on the first call of the second tool. Each stage counts on its own, and ONBUILD RUNs (which run in later builds) are left out.",
        WhyItMatters: "Both tools do the same job, so one of them is in the image for nothing (wget and curl with their libraries are a few MB each), and two tools mean two sets of options, proxies and certificate settings to keep right.",
        Bad: "RUN curl -fsSLo /tmp/a.tgz https://example.com/a.tgz\nRUN wget -q -O /tmp/b.tgz https://example.com/b.tgz",
        Good: "RUN curl -fsSLo /tmp/a.tgz https://example.com/a.tgz \\\n && curl -fsSLo /tmp/b.tgz https://example.com/b.tgz",
        FixSafety: "No automatic fix: the two tools take different options.");

    public override void Check(RuleContext context)
    {
        Stage? current = null;
        (ShellCommand Command, RunScript Script)? curl = null, wget = null;
        var reported = false;
        foreach (var (stage, _, script, _) in RunScripts.Of(context, triggers: false))
        {
            if (!ReferenceEquals(stage, current))
                (current, curl, wget, reported) = (stage, null, null, false);
            if (reported)
                continue;
            foreach (var written in script.Script.Commands)
            {
                var command = written.Unwrap();
                if (command.IsNamed("curl"))
                    curl ??= (written, script);
                else if (command.IsNamed("wget"))
                    wget ??= (written, script);
                else
                    continue;
                if (curl is not { } c || wget is not { } w)
                    continue;
                var (second, first, secondName, firstName) = ReferenceEquals(written, c.Command) ? (c, w, "curl", "wget") : (w, c, "wget", "curl");
                var line = context.Tree.GetRange(first.Script.ToFileSpan(first.Command.Span)).Start.Line;
                context.Report(second.Script.ToFileSpan(second.Command.Span),
                    $"this stage downloads with {secondName} here and with {firstName} on line {line}: use one of them", stage);
                reported = true;
                break;
            }
        }
    }
}
