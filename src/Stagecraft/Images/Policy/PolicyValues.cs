using System.Globalization;
using Stagecraft.Images.Facts.Tools;

namespace Stagecraft.Images.Policy;

/// <summary>Values that flags and files write the same way.</summary>
public static class PolicyValues
{
    /// <summary>A ratio from 0 to 1 (0.9); a percentage is refused so that 90 is not read as 90 times.</summary>
    public static bool TryRatio(string text, out double ratio, out string problem)
    {
        problem = "";
        if (double.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out ratio) && ratio is >= 0 and <= 1)
            return true;
        problem = $"'{text}' is not a ratio between 0 and 1 (0.9 means 90 %)";
        return false;
    }

    /// <summary>Comma-separated names, trimmed, empty ones dropped: "gcc, make" is gcc and make.</summary>
    public static List<string> Names(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>
    /// The tool a name stands for as <c>inspect</c> reports it (gcc-12 and gcc are gcc; dotnet-sdk), or null when the
    /// name is not a build tool stagecraft looks for — a ban on it could never fail, so it is refused instead.
    /// </summary>
    public static string? Tool(string name)
    {
        var lower = name.Trim().ToLowerInvariant();
        return lower == BuildToolCatalog.DotnetSdk ? lower : BuildToolCatalog.ToolOf(lower);
    }

    /// <summary>The problem with a tool name that is not one, naming it.</summary>
    public static string UnknownTool(string name) =>
        $"'{name}' is not a build tool stagecraft finds (compilers such as gcc, g++, cc, clang, go, rustc, javac; make, cmake, ninja, cargo, mvn, gradle; npm, yarn, pip, gem; git; dotnet-sdk)";
}
