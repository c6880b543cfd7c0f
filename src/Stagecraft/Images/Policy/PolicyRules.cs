namespace Stagecraft.Images.Policy;

/// <summary>The rule ids: policy keys, flag names without <c>--</c>, and the names reports use.</summary>
public static class PolicyRules
{
    public const string MaxSize = "max-size";
    public const string MaxCompressedSize = "max-compressed-size";
    public const string MaxLayers = "max-layers";
    public const string ForbidTools = "forbid-tools";
    public const string ForbidPackages = "forbid-packages";
    public const string RequireNonRoot = "require-non-root";
    public const string RequireHealthcheck = "require-healthcheck";
    public const string MinEfficiency = "min-efficiency";
    public const string MaxReclaimable = "max-reclaimable";
    public const string ForbidSecrets = "forbid-secrets";

    /// <summary>dive's <c>.dive-ci</c> rules, named as dive names them.</summary>
    public const string DiveLowestEfficiency = "dive:lowestEfficiency";
    public const string DiveHighestWastedBytes = "dive:highestWastedBytes";
    public const string DiveHighestUserWastedPercent = "dive:highestUserWastedPercent";

    /// <summary>Every policy rule, in the order reports list them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [MaxSize, MaxCompressedSize, MaxLayers, ForbidTools, ForbidPackages, RequireNonRoot, RequireHealthcheck, MinEfficiency, MaxReclaimable, ForbidSecrets];
}
