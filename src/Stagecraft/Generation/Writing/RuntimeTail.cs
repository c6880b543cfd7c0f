namespace Stagecraft.Generation.Writing;

/// <summary>The end every final stage shares: the non-root USER, EXPOSE, HEALTHCHECK and CMD.</summary>
internal static class RuntimeTail
{
    private const string HealthTiming = "--interval=30s --timeout=5s --start-period=15s --retries=3";

    /// <param name="user">A numeric <c>uid:gid</c>, so no passwd lookup is needed and Kubernetes' runAsNonRoot can verify it.</param>
    /// <param name="probe">The health check command, or null when none can be written.</param>
    public static void Write(DockerfileText text, ProjectPlan plan, string user, IReadOnlyList<string>? probe)
    {
        text.Line($"USER {user}");
        if (plan.Port is { } port)
        {
            text.Line($"EXPOSE {port.Value}");
            if (probe is not null)
                text.Line($"HEALTHCHECK {HealthTiming} CMD {DockerfileText.Exec(probe)}");
        }
        text.Line($"CMD {DockerfileText.Exec(plan.Start.Value)}");
    }

    /// <summary>The URL the health check asks, or null when only the port is known.</summary>
    public static string? HealthUrl(ProjectPlan plan) =>
        plan.Port is { } port && plan.HealthPath is { } path ? $"http://127.0.0.1:{port.Value}{path.Value}" : null;
}
