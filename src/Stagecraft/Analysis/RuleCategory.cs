namespace Stagecraft.Analysis;

/// <summary>What a rule protects: image size, build cache, security, correctness or maintainability.</summary>
public enum RuleCategory
{
    Size,
    Cache,
    Security,
    Correctness,
    Maintainability,
}
