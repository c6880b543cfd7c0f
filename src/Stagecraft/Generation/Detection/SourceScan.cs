using System.Globalization;
using System.Text.RegularExpressions;

namespace Stagecraft.Generation.Detection;

/// <summary>
/// Looks through an application's own source for the port it listens on and the path of its health endpoint, and
/// reports the file and line that said so.
/// </summary>
internal static partial class SourceScan
{
    /// <summary>The first port one of the patterns finds (group 1), in file order, with <c>file:line</c> as evidence.</summary>
    public static Decided<int>? FindPort(ProjectFolder folder, IReadOnlyList<string> files, params Regex[] patterns)
    {
        foreach (var file in files)
        {
            if (folder.Read(file) is not { } text)
                continue;
            foreach (var pattern in patterns)
            {
                var match = pattern.Match(text);
                if (match.Success && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536)
                    return new Decided<int>(port, $"{file}:{LineOf(text, match.Index)}");
            }
        }
        return null;
    }

    /// <summary>A health endpoint the source routes (<c>/health</c>, <c>/healthz</c>, <c>/api/health</c>, <c>/ping</c>…), or null.</summary>
    public static Decided<string>? FindHealthPath(ProjectFolder folder, IReadOnlyList<string> files)
    {
        foreach (var file in files)
        {
            if (folder.Read(file) is not { } text)
                continue;
            var match = HealthRoute().Match(text);
            if (match.Success)
                return new Decided<string>(match.Groups[1].Value, $"{file}:{LineOf(text, match.Index)}");
        }
        return null;
    }

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    [GeneratedRegex("""["'`](/(?:api/)?(?:health|healthz|healthcheck|livez|readyz|ping))["'`]""")]
    private static partial Regex HealthRoute();
}
