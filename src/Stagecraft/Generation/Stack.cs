namespace Stagecraft.Generation;

/// <summary>The language ecosystems <c>stagecraft init</c> can write a Dockerfile for.</summary>
public enum Stack
{
    Node,
    Python,
    Go,
    Rust,
    Java,
    DotNet,
    Ruby,
    Php,
}

/// <summary>The names users type for stacks (<c>--stack</c>) and the names shown back to them.</summary>
public static class StackNames
{
    /// <summary>The names of <c>--stack</c>, in the order of <see cref="Stack"/>.</summary>
    public static IReadOnlyList<string> All { get; } = ["node", "python", "go", "rust", "java", "dotnet", "ruby", "php"];

    public static Stack? Parse(string name) => name.ToLowerInvariant() switch
    {
        "node" or "nodejs" or "javascript" or "typescript" => Stack.Node,
        "python" => Stack.Python,
        "go" or "golang" => Stack.Go,
        "rust" or "cargo" => Stack.Rust,
        "java" or "jvm" or "kotlin" or "spring" => Stack.Java,
        "dotnet" or ".net" or "csharp" or "c#" or "fsharp" or "aspnet" => Stack.DotNet,
        "ruby" or "rails" => Stack.Ruby,
        "php" or "laravel" or "symfony" => Stack.Php,
        _ => null,
    };

    public static string Display(Stack stack) => stack switch
    {
        Stack.Node => "Node.js",
        Stack.Python => "Python",
        Stack.Go => "Go",
        Stack.Rust => "Rust",
        Stack.Java => "Java",
        Stack.DotNet => ".NET",
        Stack.Ruby => "Ruby",
        _ => "PHP",
    };
}
