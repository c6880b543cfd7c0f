using System.Text.Json.Serialization;

namespace Stagecraft.Analysis.ShellCheck;

/// <summary>One entry of ShellCheck's <c>-f json1</c> output. Lines and columns are 1-based; json1 counts a tab as one column.</summary>
internal sealed class ShellCheckComment
{
    public string File { get; init; } = "";

    public int Line { get; init; }

    public int EndLine { get; init; }

    public int Column { get; init; }

    public int EndColumn { get; init; }

    public string Level { get; init; } = "";

    public int Code { get; init; }

    public string Message { get; init; } = "";

    /// <summary>The code as users write it in ignores: <c>SC2086</c>.</summary>
    public string CodeName => $"SC{Code:0000}";
}

/// <summary>The top level of <c>-f json1</c> output.</summary>
internal sealed class ShellCheckOutput
{
    public List<ShellCheckComment> Comments { get; init; } = [];
}

/// <summary>Source-generated reader for ShellCheck's output (no reflection, so Native AOT stays clean).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ShellCheckOutput))]
internal sealed partial class ShellCheckJsonContext : JsonSerializerContext;
