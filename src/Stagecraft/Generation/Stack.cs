namespace Stagecraft.Generation;

/// <summary>The language ecosystems <c>stagecraft init</c> can write a Dockerfile for.</summary>
public enum Stack
{
    Node,
    Python,
    Go,
}

/// <summary>The names users type for stacks (<c>--stack</c>) and the names shown back to them.</summary>
public static class StackNames
{
    public static IReadOnlyList<string> All { get; } = ["node", "python", "go"];

    public static Stack? Parse(string name) => name.ToLowerInvariant() switch
    {
        "node" or "nodejs" or "javascript" or "typescript" => Stack.Node,
        "python" => Stack.Python,
        "go" or "golang" => Stack.Go,
        _ => null,
    };

    public static string Display(Stack stack) => stack switch
    {
        Stack.Node => "Node.js",
        Stack.Python => "Python",
        _ => "Go",
    };
}
