namespace Stagecraft.Fixing.MultiStage;

/// <summary>
/// Whether the runtime stage needs the builder's account files: when the image runs as a named user that the file
/// creates (useradd, adduser), or as a named user of a base image that the new base may not have (distroless, busybox).
/// Numeric users and root need nothing.
/// </summary>
internal static class RuntimeUser
{
    public static bool NeedsAccounts(BuildFacts facts, RuntimePlan plan)
    {
        if (facts.FinalUser?.User is not { Length: > 0 } user || user.Contains('$'))
            return false;
        var name = user.Split(':')[0];
        if (name == "root" || name.All(char.IsAsciiDigit))
            return false;
        var created = facts.Commands.Any(c => c.Command.BaseName is "useradd" or "adduser" && c.Command.PositionalArguments.Any(w => w.Value == name));
        var sameFamily = plan.BaseImage.StartsWith(facts.BaseImage!.FullRepository + ":", StringComparison.Ordinal);
        return created || !sameFamily;
    }
}
