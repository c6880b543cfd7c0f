using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG207: an EXPOSE port above 65535.</summary>
public sealed class ExposePortOutOfRange : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG207", "expose-port-out-of-range",
        "EXPOSE port outside 0–65535", Severity.Error, RuleCategory.Correctness, ["DL3011"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "EXPOSE ports and port ranges (`8080`, `8080/tcp`, `7000-7100/udp`), after ARG and ENV values are filled in, with a number above 65535. Values that depend on an unset variable are not judged.",
        WhyItMatters: "TCP and UDP port numbers are 16 bits, so 65535 is the highest there is: Docker refuses to publish such a port, and the number is almost always a typo (an extra digit) for the port the application really listens on.",
        Bad: "FROM nginx:1.27-alpine\nEXPOSE 80800",
        Good: "FROM nginx:1.27-alpine\nEXPOSE 8080",
        FixSafety: "No automatic fix: only the author knows which port was meant.");

    public override void Check(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            foreach (var instruction in context.InstructionsWithTriggers(stage))
            {
                if (instruction is not ExposeInstructionSyntax expose)
                    continue;
                foreach (var port in expose.Ports)
                {
                    if (context.Model.Expand(expose, port.Value) is not { Succeeded: true, Unmatched.Count: 0 } expanded)
                        continue;
                    foreach (var value in expanded.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (TooHigh(value) is { } number)
                        {
                            context.Report(port.Span, $"port {number} in `EXPOSE {value}` is above 65535, the highest TCP/UDP port", stage);
                            break;
                        }
                    }
                }
            }
        }
    }

    /// <summary>The first number of <c>port[-port][/proto]</c> above 65535, or null (also for values that are not such numbers).</summary>
    private static string? TooHigh(string value)
    {
        var ports = value.AsSpan(0, value.IndexOf('/') is var slash and >= 0 ? slash : value.Length);
        foreach (var range in ports.Split('-'))
        {
            var number = ports[range];
            if (number.IsEmpty || number.IndexOfAnyExceptInRange('0', '9') >= 0)
                return null;
            if (number.TrimStart('0').Length > 5 || (number.Length >= 5 && int.Parse(number, System.Globalization.CultureInfo.InvariantCulture) > 65535))
                return number.ToString();
        }
        return null;
    }
}
