namespace Stagecraft.Fixing.MultiStage;

/// <summary>The Debian release an image tag names (<c>1.22-bookworm</c> → bookworm), for matching a runtime's C library.</summary>
internal static class DebianRelease
{
    private static readonly string[] Codenames = ["trixie", "bookworm", "bullseye", "buster"];

    public static string? Of(string tag) => tag.Split('-').FirstOrDefault(Codenames.Contains);
}
