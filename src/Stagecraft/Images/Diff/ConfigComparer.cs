using System.Globalization;
using Stagecraft.Images.Facts;

namespace Stagecraft.Images.Diff;

/// <summary>The settings of two run configurations that differ, one entry per setting, variable, port and label.</summary>
internal static class ConfigComparer
{
    private const string Redacted = "(redacted)";

    public static List<ConfigDiff> Compare(ConfigFacts before, ConfigFacts after)
    {
        var result = new List<ConfigDiff>();
        One(result, "user", Empty(before.User), Empty(after.User));
        One(result, "entrypoint", Words(before.Entrypoint), Words(after.Entrypoint));
        One(result, "cmd", Words(before.Cmd), Words(after.Cmd));
        One(result, "working dir", Empty(before.WorkingDir), Empty(after.WorkingDir));
        Many(result, "env", Env(before.Env), Env(after.Env));
        Many(result, "exposed port", before.ExposedPorts.ToDictionary(p => p, p => (string?)p), after.ExposedPorts.ToDictionary(p => p, p => (string?)p));
        One(result, "healthcheck", Healthcheck(before.Healthcheck), Healthcheck(after.Healthcheck));
        Many(result, "label", before.Labels.ToDictionary(l => l.Key, l => (string?)l.Value), after.Labels.ToDictionary(l => l.Key, l => (string?)l.Value));
        One(result, "os", before.Os, after.Os);
        One(result, "architecture", before.Architecture, after.Architecture);
        return result;
    }

    private static void One(List<ConfigDiff> result, string setting, string? before, string? after)
    {
        if (before != after)
            result.Add(new ConfigDiff(setting, before, after));
    }

    private static void Many(List<ConfigDiff> result, string setting, Dictionary<string, string?> before, Dictionary<string, string?> after)
    {
        foreach (var name in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var was = before.GetValueOrDefault(name);
            var now = after.GetValueOrDefault(name);
            if (!before.ContainsKey(name) || !after.ContainsKey(name) || was != now)
                result.Add(new ConfigDiff($"{setting} {name}", before.ContainsKey(name) ? was ?? "" : null, after.ContainsKey(name) ? now ?? "" : null));
        }
    }

    // A secret's value is never shown: two redacted values are reported as changed only when one side is not redacted.
    private static Dictionary<string, string?> Env(IReadOnlyList<EnvironmentVariable> env)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var variable in env)
            result[variable.Name] = variable.Value ?? Redacted;
        return result;
    }

    private static string? Empty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static string? Words(IReadOnlyList<string>? words) => words is null ? null : "[" + string.Join(", ", words.Select(w => "\"" + w + "\"")) + "]";

    private static string? Healthcheck(ImageHealthcheck? check)
    {
        if (check is null)
            return null;
        var text = string.Join(' ', check.Test);
        var options = new List<string>();
        if (check.Interval is { } interval)
            options.Add("interval " + Seconds(interval));
        if (check.Timeout is { } timeout)
            options.Add("timeout " + Seconds(timeout));
        if (check.StartPeriod is { } start)
            options.Add("start period " + Seconds(start));
        if (check.Retries is { } retries)
            options.Add("retries " + retries.ToString(CultureInfo.InvariantCulture));
        return options.Count == 0 ? text : text + " (" + string.Join(", ", options) + ")";
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
}
