using System.Globalization;

namespace Stagecraft.Images.Sources;

/// <summary>Maps a parsed config blob onto the shared <see cref="ImageConfig"/> record.</summary>
internal static class ImageConfigMapping
{
    public static ImageConfig ToImageConfig(this ImageConfigJson json)
    {
        var config = json.Config;
        return new ImageConfig
        {
            Os = json.Os,
            Architecture = json.Architecture,
            Variant = json.Variant,
            Created = ParseTime(json.Created),
            User = config?.User,
            Env = config?.Env ?? [],
            Entrypoint = config?.Entrypoint,
            Cmd = config?.Cmd,
            WorkingDir = config?.WorkingDir,
            ExposedPorts = config?.ExposedPorts?.Keys.ToArray() ?? [],
            Labels = config?.Labels?.ToDictionary(pair => pair.Key, pair => pair.Value ?? "", StringComparer.Ordinal) ?? new Dictionary<string, string>(),
            Healthcheck = config?.Healthcheck is { Test: { } test } health
                ? new ImageHealthcheck(test, Duration(health.Interval), Duration(health.Timeout), Duration(health.StartPeriod), health.Retries is > 0 ? health.Retries : null)
                : null,
            Shell = config?.Shell,
            StopSignal = config?.StopSignal,
            DiffIds = json.RootFs?.DiffIds ?? [],
            History = json.History?.Select(h => new ImageHistoryEntry(ParseTime(h.Created), h.CreatedBy, h.Comment, h.EmptyLayer == true)).ToArray() ?? [],
        };
    }

    /// <summary>
    /// RFC 3339 as Go writes it, with up to nine fractional digits (.NET keeps seven). Go's zero time
    /// (0001-01-01T00:00:00Z, which kaniko writes for "unknown") and unreadable values become null.
    /// </summary>
    internal static DateTimeOffset? ParseTime(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        var dot = text.IndexOf('.');
        if (dot > 0)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
                end++;
            if (end - dot - 1 > 7)
                text = string.Concat(text.AsSpan(0, dot + 8), text.AsSpan(end));
        }
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            return null;
        return time.UtcTicks == 0 || time.Year == 1 ? null : time;
    }

    private static TimeSpan? Duration(long? nanoseconds) =>
        nanoseconds is > 0 ? TimeSpan.FromTicks(nanoseconds.Value / 100) : null;
}
