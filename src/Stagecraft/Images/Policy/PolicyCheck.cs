namespace Stagecraft.Images.Policy;

/// <summary>What a check's measured value and limit count.</summary>
public enum PolicyUnit
{
    /// <summary>Bytes; reports show them in SI units.</summary>
    Bytes,

    /// <summary>A number of things (layers, tools, packages, secrets).</summary>
    Count,

    /// <summary>A ratio from 0 to 1 (efficiency, dive's user-wasted "percent").</summary>
    Ratio,

    /// <summary>A yes/no property (runs as non-root, has a healthcheck): no number.</summary>
    Flag,
}

/// <summary>How the measured value is held against the limit: which side passes.</summary>
public enum PolicyComparison
{
    /// <summary>Passes when measured ≤ limit (the limit itself passes).</summary>
    AtMost,

    /// <summary>Passes when measured ≥ limit.</summary>
    AtLeast,

    /// <summary>dive's: fails only when measured &gt; limit; a value that is not a number passes.</summary>
    DiveAtMost,

    /// <summary>dive's: fails only when measured &lt; limit.</summary>
    DiveAtLeast,

    /// <summary>A flag that must hold, or a list that must be empty (the limit is 0).</summary>
    Required,
}

/// <summary>Something a rule found that it forbids: what it is, where it lives, and the package that brought it.</summary>
/// <param name="What">gcc; gcc-12 12.2.0-14; private-key.</param>
/// <param name="Where">The path in the image (with the links followed to the file that runs), a database, ENV NAME; null when nowhere in particular.</param>
/// <param name="Package">The OS package that installed it; null when none lists it or it is itself the package.</param>
public sealed record PolicyViolation(string What, string? Where, string? Package);

/// <summary>One rule held against one image.</summary>
/// <param name="Rule">The rule id (<see cref="PolicyRules"/>).</param>
/// <param name="Measure">What was measured, in words: "uncompressed size: file data of all layers".</param>
/// <param name="Measured">The value found; null for flags.</param>
/// <param name="Limit">The limit; null for flags.</param>
/// <param name="Detail">For flags and lists, what the image has, in words ("USER app is uid 10001 in /etc/passwd").</param>
/// <param name="Source">Where the limit came from: a flag, file:line, or a .dive-ci file.</param>
public sealed record PolicyCheck(
    string Rule,
    string Measure,
    PolicyUnit Unit,
    PolicyComparison Comparison,
    double? Measured,
    double? Limit,
    bool Passed,
    string? Detail,
    IReadOnlyList<PolicyViolation> Violations,
    string Source);

/// <summary>Every check of one image, in the order <see cref="PolicyRules.All"/> lists them, dive's last.</summary>
/// <param name="Reference">The image as the user named it.</param>
/// <param name="ImageId">The config digest.</param>
public sealed record PolicyReport(string Reference, string ImageId, IReadOnlyList<string> Tags, IReadOnlyList<PolicyCheck> Checks)
{
    public bool Passed => Checks.All(c => c.Passed);

    public int FailedCount => Checks.Count(c => !c.Passed);
}
