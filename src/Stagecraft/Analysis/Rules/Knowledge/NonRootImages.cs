using System.Text.RegularExpressions;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>Base images known to set a non-root USER in their image config, so an image built on them without USER is not root.</summary>
internal static partial class NonRootImages
{
    private static readonly string[] Repositories = ["nginxinc/nginx-unprivileged", "jenkins/jenkins", "grafana/grafana", "sonarqube", "prom/prometheus",
        "prom/alertmanager", "prom/node-exporter", "quay.io/prometheus/prometheus"];

    [GeneratedRegex(@"^(registry\.access\.redhat\.com|registry\.redhat\.io)/ubi[0-9]+/(nodejs|python|ruby|php|perl|go-toolset|openjdk|dotnet)-")]
    private static partial Regex RedHatS2i();

    public static bool IsKnown(ImageReference image)
    {
        var tag = image.EffectiveTag.ToLowerInvariant();
        var repository = image.FullRepository;
        if (tag.Contains("nonroot", StringComparison.Ordinal) || Repositories.Contains(repository) || RedHatS2i().IsMatch(repository + "-"))
            return true;
        if (repository.StartsWith("cgr.dev/chainguard/", StringComparison.Ordinal))
            return !tag.Contains("dev", StringComparison.Ordinal) && image.Name != "wolfi-base";
        if (repository.StartsWith("bitnami/", StringComparison.Ordinal) || repository.StartsWith("docker.io/bitnami/", StringComparison.Ordinal))
            return image.Name is not ("minideb" or "os-shell");
        return repository.StartsWith("mcr.microsoft.com/dotnet/", StringComparison.Ordinal)
            && (tag.Contains("chiseled", StringComparison.Ordinal) || tag.Contains("distroless", StringComparison.Ordinal));
    }
}
