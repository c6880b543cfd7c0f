using Stagecraft.Analysis.Rules.Knowledge;

namespace Stagecraft.Images.Facts.Caches;

/// <summary>
/// Where leftovers live. The package-manager caches come from the lint rules' own table (<see cref="PackageManagers"/>:
/// apt's /var/lib/apt/lists and /var/cache/apt, apk's /var/cache/apk, yum/dnf's /var/cache/{yum,dnf,libdnf5}, zypper's
/// /var/cache/zypp, pip's ~/.cache/pip, uv, poetry, pipenv, npm's ~/.npm, yarn's /usr/local/share/.cache/yarn and
/// ~/.cache/yarn, pnpm's ~/.local/share/pnpm/store, bun, go's ~/.cache/go-build and /go/pkg/mod, cargo's registry and git
/// folders, ~/.m2/repository, ~/.gradle, ~/.nuget/packages, bundler and composer caches) so the linter and the image
/// facts cannot disagree; the variables that move a cache (PIP_CACHE_DIR, GOMODCACHE, CARGO_HOME, …) are read from the
/// image's ENV. Added here: /tmp and /var/tmp, which an image should ship empty.
/// </summary>
internal sealed record CacheLocation(string Tool, string Location, string Root);

internal static class CacheLocations
{
    private static readonly (string Tool, string Root)[] Temporary = [("tmp", "/tmp"), ("tmp", "/var/tmp")];

    /// <summary>
    /// The known locations: absolute roots (the image's ENV applied) and home-relative ones (<see cref="CacheLocation.Root"/>
    /// starting with "~/"), first owner first when two managers share one.
    /// </summary>
    public static List<CacheLocation> For(ImageConfig config)
    {
        var environment = Environment(config);
        var locations = new List<CacheLocation>();
        var roots = new HashSet<string>(StringComparer.Ordinal);
        foreach (var manager in PackageManagers.All)
        {
            foreach (var cache in manager.Caches)
            {
                foreach (var path in cache.Paths)
                {
                    if (roots.Add(path.TrimEnd('/')))
                        locations.Add(new CacheLocation(manager.Family, path, path.TrimEnd('/')));
                }
                foreach (var variable in cache.MovedBy)
                {
                    // BUNDLE_PATH is where bundler installs gems; its cache is only a part of it.
                    if (variable.Name == "BUNDLE_PATH" || !environment.TryGetValue(variable.Name, out var value))
                        continue;
                    var root = (value.TrimEnd('/') + variable.Suffix).TrimEnd('/');
                    if (root.Length > 1 && root[0] == '/' && roots.Add(root))
                        locations.Add(new CacheLocation(manager.Family, "$" + variable.Name + variable.Suffix, root));
                }
            }
        }
        foreach (var (tool, root) in Temporary)
        {
            if (roots.Add(root))
                locations.Add(new CacheLocation(tool, root, root));
        }
        return locations;
    }

    private static Dictionary<string, string> Environment(ImageConfig config)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in config.Env)
        {
            var equals = variable.IndexOf('=');
            if (equals > 0)
                values[variable[..equals]] = variable[(equals + 1)..];
        }
        return values;
    }
}
