namespace Stagecraft.Generation.Detection;

/// <summary>Which Node.js package manager a project uses, from its lockfile (or corepack's packageManager field), and the files to copy before installing.</summary>
internal static class NodePackageManager
{
    private static readonly (string File, PackageManagerKind Kind)[] Lockfiles =
    [
        ("package-lock.json", PackageManagerKind.Npm),
        ("npm-shrinkwrap.json", PackageManagerKind.Npm),
        ("yarn.lock", PackageManagerKind.YarnClassic),
        ("pnpm-lock.yaml", PackageManagerKind.Pnpm),
    ];

    /// <summary>The manager and its lockfile (null when there is none).</summary>
    /// <exception cref="AmbiguousProjectException">Lockfiles of two managers and no <c>--package-manager</c> to choose.</exception>
    public static (Decided<PackageManagerKind> Manager, string? Lockfile) Detect(ProjectFolder folder, PackageJson package, PackageManagerKind? chosen)
    {
        var present = Lockfiles.Where(l => folder.Exists(l.File)).Select(l => (l.File, Kind: Refine(folder, l.File, l.Kind))).ToArray();
        if (chosen is { } flag)
        {
            var own = present.FirstOrDefault(p => SameFamily(p.Kind, flag)).File;
            return (Decided<PackageManagerKind>.ByFlag(flag, "--package-manager"), own);
        }
        var kinds = present.Select(p => p.Kind).Distinct().ToArray();
        if (kinds.Length > 1)
        {
            var list = string.Join(" and ", present.Select(p => $"{p.File} ({PackageManagerNames.Name(p.Kind)})"));
            throw new AmbiguousProjectException($"{Path.GetFileName(folder.FullPath)}: conflicting lockfiles {list}: delete the stale one or pass --package-manager");
        }
        if (present.Length > 0)
        {
            var evidence = present[0].Kind == PackageManagerKind.YarnBerry ? $"{present[0].File} (Yarn Berry format)" : present[0].File;
            return (new Decided<PackageManagerKind>(present[0].Kind, evidence), present[0].File);
        }
        if (package.PackageManager is { } field && PackageManagerNames.Parse(field.Split('@')[0]) is { } named && PackageManagerNames.StackOf(named) == Stack.Node)
        {
            if (named == PackageManagerKind.YarnClassic && !field.StartsWith("yarn@1.", StringComparison.Ordinal))
                named = PackageManagerKind.YarnBerry;
            return (new Decided<PackageManagerKind>(named, "package.json packageManager"), null);
        }
        return (Decided<PackageManagerKind>.ByDefault(PackageManagerKind.Npm), null);
    }

    /// <summary>The files the install needs besides package.json, when they exist.</summary>
    public static IEnumerable<string> ConfigFiles(ProjectFolder folder, PackageManagerKind kind)
    {
        string[] candidates = kind switch
        {
            PackageManagerKind.YarnBerry => [".yarnrc.yml", ".yarn/releases", ".yarn/plugins", ".yarn/patches"],
            PackageManagerKind.YarnClassic => [".yarnrc"],
            PackageManagerKind.Pnpm => ["pnpm-workspace.yaml", "patches"],
            // .npmrc is left out on purpose: it often holds a registry token, which belongs in a build secret.
            _ => [],
        };
        return candidates.Where(c => folder.Exists(c) || folder.FolderExists(c));
    }

    // yarn.lock of Yarn 2+ is YAML with a __metadata block; Yarn 1's is its own format.
    private static PackageManagerKind Refine(ProjectFolder folder, string file, PackageManagerKind kind) =>
        kind == PackageManagerKind.YarnClassic && (folder.Exists(".yarnrc.yml") || folder.Read(file)?.Contains("__metadata:", StringComparison.Ordinal) == true)
            ? PackageManagerKind.YarnBerry
            : kind;

    private static bool SameFamily(PackageManagerKind lockKind, PackageManagerKind flag) =>
        lockKind == flag || (lockKind is PackageManagerKind.YarnClassic or PackageManagerKind.YarnBerry && flag is PackageManagerKind.YarnClassic or PackageManagerKind.YarnBerry);
}
