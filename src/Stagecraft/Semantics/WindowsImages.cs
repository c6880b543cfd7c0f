namespace Stagecraft.Semantics;

/// <summary>
/// Recognises Windows base images, whose default shell is <c>cmd /S /C</c>: their RUN lines must not be read as POSIX sh.
/// Without image metadata this goes by the names Microsoft publishes Windows images under.
/// </summary>
public static class WindowsImages
{
    private static readonly string[] Markers = ["windows/servercore", "windows/nanoserver", "windowsservercore", "nanoserver", "mcr.microsoft.com/windows", "-windows",
        "microsoft/iis", "microsoft/aspnet", "microsoft/dotnet-framework", "dotnet/framework/"];

    public static IReadOnlyList<string> DefaultShell { get; } = ["cmd", "/S", "/C"];

    public static bool IsWindowsReference(string reference, string? platform)
    {
        if (platform is not null && platform.StartsWith("windows", StringComparison.OrdinalIgnoreCase))
            return true;
        var lower = reference.ToLowerInvariant();
        return Markers.Any(lower.Contains);
    }
}
