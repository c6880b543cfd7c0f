using Stagecraft.Images.Facts;
using Stagecraft.Images.Inspection;

namespace Stagecraft.Images.Policy;

/// <summary>
/// Holds an inspected image against a policy and dive's CI rules. Reads only the <see cref="ImageInspection"/>: the image
/// is never read again and no container runs. Every configured rule gives one <see cref="PolicyCheck"/>.
/// </summary>
public static class PolicyEvaluator
{
    public const string Flag = "flag";

    public static PolicyReport Evaluate(ImageInspection image, ImagePolicy policy, DiveCiRules? dive = null)
    {
        var checks = new List<PolicyCheck>();
        string Source(string rule) => policy.Sources.GetValueOrDefault(rule, Flag);

        if (policy.MaxSize is { } maxSize)
            checks.Add(AtMost(PolicyRules.MaxSize, "uncompressed size: file data of all layers, as docker image inspect's Size", PolicyUnit.Bytes,
                image.TotalSize, maxSize, Source(PolicyRules.MaxSize)));
        if (policy.MaxCompressedSize is { } maxCompressed)
            checks.Add(AtMost(PolicyRules.MaxCompressedSize, "compressed size: the stored layer blobs a registry keeps and a pull moves", PolicyUnit.Bytes,
                image.CompressedSize, maxCompressed, Source(PolicyRules.MaxCompressedSize)));
        if (policy.MaxLayers is { } maxLayers)
            checks.Add(AtMost(PolicyRules.MaxLayers, "layers", PolicyUnit.Count, image.Layers.Count, maxLayers, Source(PolicyRules.MaxLayers)));
        if (policy.ForbidTools is { Count: > 0 } tools)
            checks.Add(Forbidden(PolicyRules.ForbidTools, "forbidden build tools present: " + string.Join(", ", tools), ForbiddenTools(image.Facts, tools), Source(PolicyRules.ForbidTools)));
        if (policy.ForbidPackages is { Count: > 0 } packages)
            checks.Add(Forbidden(PolicyRules.ForbidPackages, "forbidden OS packages installed: " + string.Join(", ", packages), ForbiddenPackages(image.Facts, packages), Source(PolicyRules.ForbidPackages)));
        if (policy.RequireNonRoot is true)
        {
            var config = image.Facts.Config;
            checks.Add(Required(PolicyRules.RequireNonRoot, "the container's user is not root", config.RunsAsRoot == false, config.UserReason, Source(PolicyRules.RequireNonRoot)));
        }
        if (policy.RequireHealthcheck is true)
        {
            var config = image.Facts.Config;
            var detail = config.HasHealthcheck ? "HEALTHCHECK " + string.Join(' ', config.Healthcheck!.Test)
                : config.Healthcheck is null ? "no HEALTHCHECK is set" : "HEALTHCHECK NONE disables the base image's check";
            checks.Add(Required(PolicyRules.RequireHealthcheck, "a HEALTHCHECK is set", config.HasHealthcheck, detail, Source(PolicyRules.RequireHealthcheck)));
        }
        if (policy.MinEfficiency is { } minEfficiency)
        {
            var score = image.DiveCompatible.EfficiencyScore;
            checks.Add(new PolicyCheck(PolicyRules.MinEfficiency, "efficiency score (dive's): 1 means no byte is shipped twice", PolicyUnit.Ratio,
                PolicyComparison.AtLeast, score, minEfficiency, score >= minEfficiency, null, [], Source(PolicyRules.MinEfficiency)));
        }
        if (policy.MaxReclaimable is { } maxReclaimable)
            checks.Add(AtMost(PolicyRules.MaxReclaimable, "reclaimable bytes: shipped in a layer, then overwritten or deleted by a later one", PolicyUnit.Bytes,
                image.ReclaimableBytes, maxReclaimable, Source(PolicyRules.MaxReclaimable)));
        if (policy.ForbidSecrets is true)
        {
            var found = image.Facts.Secrets.Where(s => !s.InTestData).Select(s => new PolicyViolation(SecretKinds.Name(s.Kind) + ": " + s.Hint, s.Location, null)).ToList();
            checks.Add(Forbidden(PolicyRules.ForbidSecrets, "likely secrets (files in test or example folders are not counted)", found, Source(PolicyRules.ForbidSecrets)));
        }
        if (dive is not null)
            checks.AddRange(dive.Evaluate(image.DiveCompatible));

        return new PolicyReport(image.Reference.ToString(), image.ConfigDigest.ToString(), image.Tags, checks);
    }

    private static PolicyCheck AtMost(string rule, string measure, PolicyUnit unit, long measured, long limit, string source) =>
        new(rule, measure, unit, PolicyComparison.AtMost, measured, limit, measured <= limit, null, [], source);

    private static PolicyCheck Required(string rule, string measure, bool holds, string detail, string source) =>
        new(rule, measure, PolicyUnit.Flag, PolicyComparison.Required, null, null, holds, detail, [], source);

    private static PolicyCheck Forbidden(string rule, string measure, IReadOnlyList<PolicyViolation> found, string source) =>
        new(rule, measure, PolicyUnit.Count, PolicyComparison.Required, found.Count, 0, found.Count == 0, null, found, source);

    /// <summary>Every place a forbidden tool lives, with the links followed and the package that installed it.</summary>
    private static List<PolicyViolation> ForbiddenTools(ImageFacts facts, IReadOnlyList<string> names)
    {
        var found = new List<PolicyViolation>();
        foreach (var tool in facts.BuildTools.Where(t => names.Contains(t.Name, StringComparer.OrdinalIgnoreCase)))
        {
            foreach (var location in tool.Locations)
            {
                var where = location.RealPath == location.Path ? location.Path : location.Path + " -> " + location.RealPath;
                found.Add(new PolicyViolation(tool.Name, where, location.Package));
            }
        }
        return found;
    }

    private static List<PolicyViolation> ForbiddenPackages(ImageFacts facts, IReadOnlyList<string> patterns)
    {
        var found = new List<PolicyViolation>();
        foreach (var database in facts.Packages.Databases)
        {
            foreach (var package in database.Packages.Where(p => patterns.Any(pattern => NamePattern.Matches(pattern, p.Name))))
                found.Add(new PolicyViolation(package.Name + " " + package.Version, database.Path, package.Name));
        }
        return found;
    }
}
