namespace Stagecraft.Analysis.Context;

/// <summary>How a pattern is tested against a path, chosen as moby/patternmatcher chooses it.</summary>
internal enum PatternKind
{
    /// <summary>No wildcard: the path must equal the pattern.</summary>
    Exact,

    /// <summary>Literal text then a final <c>**</c> (<c>dir/**</c>): the path must start with the text.</summary>
    Prefix,

    /// <summary>A leading <c>**</c> then literal text (<c>**/name</c>, <c>**name</c>): the path must end with the text.</summary>
    Suffix,

    /// <summary>Anything else: the pattern becomes a Go regular expression.</summary>
    Expression,
}
