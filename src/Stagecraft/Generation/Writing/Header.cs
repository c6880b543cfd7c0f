namespace Stagecraft.Generation.Writing;

/// <summary>The top of every generated Dockerfile: the syntax directive and what was detected, in two or three comment lines.</summary>
internal static class Header
{
    public static void Write(DockerfileText text, ProjectPlan plan, IEnumerable<string?> details)
    {
        // Cache mounts need the Dockerfile 1.2+ frontend; the 1 tag follows its stable releases.
        text.Line("# syntax=docker/dockerfile:1");
        var what = string.Join(", ", new[] { PackageManagerNames.Name(plan.PackageManager.Value), plan.Framework?.Value }.Concat(details)
            .Concat([plan.Port is { } port ? $"port {port.Value}" : null]).Where(d => !string.IsNullOrEmpty(d)));
        text.Line($"# Written by `stagecraft init` for a {StackNames.Display(plan.Stack.Value)} {plan.Version.Value} app ({what}).");
        var build = plan.ContextDirectory == plan.AppDirectory ? "docker build ." : $"docker build -f {plan.DockerfileInContext} . (from {Path.GetFileName(plan.ContextDirectory)}/)";
        text.Line(plan.Test is null ? $"# Build: {build}" : $"# Build: {build}   Run the tests: add --target test");
    }
}
