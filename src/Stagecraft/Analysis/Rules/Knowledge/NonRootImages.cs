namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>Base images known to set a non-root USER in their image config, so an image built on them without USER is not root.</summary>
internal static class NonRootImages
{
    private static readonly string[] Repositories = ["nginxinc/nginx-unprivileged", "jenkins/jenkins", "grafana/grafana", "sonarqube", "prom/prometheus",
        "prom/alertmanager", "prom/node-exporter", "quay.io/prometheus/prometheus"];

    private static readonly string[] RedHatRegistries = ["registry.access.redhat.com/", "registry.redhat.io/"];
    private static readonly string[] RedHatS2iImages = ["nodejs", "python", "ruby", "php", "perl", "go-toolset", "openjdk", "dotnet"];

    public static bool IsKnown(ImageReference image)
    {
        var tag = image.EffectiveTag.ToLowerInvariant();
        var repository = image.FullRepository;
        if (tag.Contains("nonroot", StringComparison.Ordinal) || Repositories.Contains(repository) || IsRedHatS2i(repository))
            return true;
        if (repository.StartsWith("cgr.dev/chainguard/", StringComparison.Ordinal))
            return !tag.Contains("dev", StringComparison.Ordinal) && image.Name != "wolfi-base";
        if (repository.StartsWith("bitnami/", StringComparison.Ordinal) || repository.StartsWith("docker.io/bitnami/", StringComparison.Ordinal))
            return image.Name is not ("minideb" or "os-shell");
        return repository.StartsWith("mcr.microsoft.com/dotnet/", StringComparison.Ordinal)
            && (tag.Contains("chiseled", StringComparison.Ordinal) || tag.Contains("distroless", StringComparison.Ordinal));
    }

    /// <summary>
    /// Red Hat's UBI source-to-image builders, which run as user 1001: <c>registry.redhat.io/ubi9/nodejs-20</c>. Matched by
    /// hand (see TextPatterns) as <c>^(registry\.access\.redhat\.com|registry\.redhat\.io)/ubi[0-9]+/(nodejs|…|dotnet)-</c>
    /// on the repository followed by a hyphen.
    /// </summary>
    internal static bool IsRedHatS2i(string repository)
    {
        var registry = Array.Find(RedHatRegistries, r => repository.StartsWith(r, StringComparison.Ordinal));
        if (registry is null)
            return false;
        var text = repository.AsSpan(registry.Length);
        if (!text.StartsWith("ubi", StringComparison.Ordinal))
            return false;
        var digits = text[3..].IndexOfAnyExceptInRange('0', '9');
        if (digits <= 0 || text[3 + digits] != '/')
            return false;
        text = text[(3 + digits + 1)..];
        foreach (var image in RedHatS2iImages)
        {
            // The hyphen after the name may be the one the pattern is matched with, after the repository.
            if (text.StartsWith(image, StringComparison.Ordinal) && (text.Length == image.Length || text[image.Length] == '-'))
                return true;
        }
        return false;
    }
}
