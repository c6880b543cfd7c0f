namespace Stagecraft.Generation.Writing;

/// <summary>Health check commands that need nothing but what the final image already has.</summary>
internal static class Probe
{
    /// <summary>Node.js asks the health URL, or without one opens a connection to the port.</summary>
    public static IReadOnlyList<string>? Node(ProjectPlan plan)
    {
        if (plan.Port is not { } port)
            return null;
        var script = RuntimeTail.HealthUrl(plan) is { } url
            ? $"require('http').get('{url}', r => process.exit(r.statusCode < 400 ? 0 : 1)).on('error', () => process.exit(1))"
            : $"require('net').connect({port.Value}, '127.0.0.1').on('connect', () => process.exit(0)).on('error', () => process.exit(1))";
        return ["node", "-e", script];
    }

    /// <summary>Python asks the health URL (an error status raises), or without one opens a connection to the port.</summary>
    public static IReadOnlyList<string>? Python(ProjectPlan plan)
    {
        if (plan.Port is not { } port)
            return null;
        var script = RuntimeTail.HealthUrl(plan) is { } url
            ? $"import urllib.request; urllib.request.urlopen('{url}', timeout=4)"
            : $"import socket; socket.create_connection(('127.0.0.1', {port.Value}), timeout=4).close()";
        return ["python", "-c", script];
    }

    /// <summary>wget (busybox's, in nginx's alpine image or copied into scratch) asks the health URL, or / without one.</summary>
    public static IReadOnlyList<string>? Wget(ProjectPlan plan, string wget = "wget") =>
        plan.Port is { } port ? [wget, "-q", "--spider", RuntimeTail.HealthUrl(plan) ?? $"http://127.0.0.1:{port.Value}/"] : null;

    /// <summary>
    /// For a final image without a shell or an HTTP client: when the app has a health route, a stage that provides
    /// busybox's static wget and the probe that uses it from /usr/local/bin (copy it in with <see cref="CopyStaticWget"/>);
    /// null without a route.
    /// </summary>
    public static IReadOnlyList<string>? StaticWgetStage(DockerfileText text, ProjectPlan plan, string why)
    {
        var probe = plan.HealthPath is null ? null : Wget(plan, "/usr/local/bin/wget");
        if (probe is not null)
            text.Stage("healthcheck", Detection.Images.Busybox, "provides a static wget for the health check, as " + why);
        return probe;
    }

    /// <summary>Copies the wget of <see cref="StaticWgetStage"/> into the stage being written, when there is a probe.</summary>
    public static void CopyStaticWget(DockerfileText text, IReadOnlyList<string>? probe)
    {
        if (probe is not null)
            text.Line("COPY --from=healthcheck /bin/wget /usr/local/bin/wget");
    }

    /// <summary>Ruby asks the health URL (an error status fails), or without one opens a connection to the port.</summary>
    public static IReadOnlyList<string>? Ruby(ProjectPlan plan)
    {
        if (plan.Port is not { } port)
            return null;
        return RuntimeTail.HealthUrl(plan) is { } url
            ? ["ruby", "-rnet/http", "-e", $"exit Net::HTTP.get_response(URI('{url}')).is_a?(Net::HTTPSuccess)"]
            : ["ruby", "-rsocket", "-e", $"TCPSocket.new('127.0.0.1', {port.Value}).close"];
    }

    /// <summary>PHP asks the health URL (an error status gives false), or without one opens a connection to the port (FPM's FastCGI).</summary>
    public static IReadOnlyList<string>? Php(ProjectPlan plan)
    {
        if (plan.Port is not { } port)
            return null;
        return RuntimeTail.HealthUrl(plan) is { } url
            ? ["php", "-r", $"exit(@file_get_contents('{url}') === false ? 1 : 0);"]
            : ["php", "-r", $"exit(@fsockopen('127.0.0.1', {port.Value}) ? 0 : 1);"];
    }
}
