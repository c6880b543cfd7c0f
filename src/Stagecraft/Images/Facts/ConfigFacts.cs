using Stagecraft.Images.Facts.Security;

namespace Stagecraft.Images.Facts;

/// <summary>An ENV variable; <see cref="Value"/> is null when it looks like a secret (the facts never carry one).</summary>
public sealed record EnvironmentVariable(string Name, string? Value)
{
    public bool Redacted => Value is null;
}

/// <summary>What the image config says about how the container runs, with the user resolved against the image's /etc/passwd.</summary>
/// <param name="RunsAsRoot">True for root, false for another user, null when USER names an account the image does not have.</param>
/// <param name="UserReason">Why <see cref="RunsAsRoot"/> is what it is, in words.</param>
/// <param name="HasHealthcheck">True when a HEALTHCHECK is set and is not NONE.</param>
public sealed record ConfigFacts(
    string? User,
    bool? RunsAsRoot,
    string UserReason,
    ImageHealthcheck? Healthcheck,
    bool HasHealthcheck,
    IReadOnlyList<string> ExposedPorts,
    IReadOnlyList<string>? Entrypoint,
    IReadOnlyList<string>? Cmd,
    string? WorkingDir,
    IReadOnlyList<EnvironmentVariable> Env,
    IReadOnlyDictionary<string, string> Labels,
    string? Os,
    string? Architecture,
    string? Variant,
    DateTimeOffset? Created)
{
    internal static ConfigFacts From(ImageConfig config, ImageUsers users)
    {
        var (root, reason) = ResolveUser(config.User, users);
        var healthcheck = config.Healthcheck;
        var hasHealthcheck = healthcheck is { Test.Count: > 0 } && healthcheck.Test[0] != "NONE";
        return new ConfigFacts(config.User, root, reason, healthcheck, hasHealthcheck, config.ExposedPorts, config.Entrypoint, config.Cmd,
            config.WorkingDir, Environment(config.Env), config.Labels, config.Os, config.Architecture, config.Variant, config.Created);
    }

    private static (bool?, string) ResolveUser(string? user, ImageUsers users)
    {
        if (string.IsNullOrEmpty(user))
            return (true, "no USER is set, so the container runs as root");
        var name = user.Split(':')[0];
        if (int.TryParse(name, out var uid))
            return uid == 0 ? (true, $"USER {user} is uid 0 (root)") : (false, $"USER {user} is uid {uid}");
        if (name == "root")
            return (true, $"USER {user} is root");
        if (users.UidOf(name) is { } found)
            return found == 0 ? (true, $"USER {user} has uid 0 in /etc/passwd: it is root under another name") : (false, $"USER {user} is uid {found} in /etc/passwd");
        return users.HasPasswd
            ? (null, $"USER {user} is not in /etc/passwd: the container will not start")
            : (null, $"USER {user} cannot be resolved: the image has no /etc/passwd");
    }

    private static List<EnvironmentVariable> Environment(IReadOnlyList<string> env)
    {
        var variables = new List<(string Name, string Value)>();
        foreach (var assignment in env)
        {
            var equals = assignment.IndexOf('=');
            variables.Add(equals > 0 ? (assignment[..equals], assignment[(equals + 1)..]) : (assignment, ""));
        }
        var secret = SecretNames.Flag(variables);
        return variables
            .Select((v, i) => new EnvironmentVariable(v.Name, v.Value.Length > 0 && (secret.Contains(i) || TokenShapes.Describe(v.Value) is not null) ? null : v.Value))
            .ToList();
    }
}
