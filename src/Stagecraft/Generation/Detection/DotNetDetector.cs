using System.Xml;
using System.Xml.Linq;
using Stagecraft.Analysis.Rules.Knowledge;

namespace Stagecraft.Generation.Detection;

/// <summary>
/// Detects a .NET application: the one executable project (in a folder or under a solution), its target framework,
/// ASP.NET or console, self-contained publishing, the projects and build-wide files restore needs, and tests.
/// </summary>
internal static class DotNetDetector
{
    // Files restore reads besides the project files; a change to them must invalidate the restore layer too.
    private static readonly string[] BuildWideFiles = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "NuGet.config", "nuget.config", "NuGet.Config", "global.json"];

    // MSBuild imports these from every folder above a project, so a folder above that has one is part of the build.
    private static readonly string[] ImportedFromAbove = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props"];

    public static bool Matches(ProjectFolder folder) =>
        Directory.EnumerateFiles(folder.FullPath).Any(f => f.EndsWith(".csproj", StringComparison.Ordinal) || f.EndsWith(".fsproj", StringComparison.Ordinal)
            || f.EndsWith(".sln", StringComparison.Ordinal) || f.EndsWith(".slnx", StringComparison.Ordinal));

    private sealed record ProjectFile(string FullPath, XElement Root)
    {
        public string? Property(string name) => Root.Descendants().FirstOrDefault(e => e.Name.LocalName == name && e.Parent?.Name.LocalName == "PropertyGroup")?.Value.Trim();

        public bool IsTrue(string name) => string.Equals(Property(name), "true", StringComparison.OrdinalIgnoreCase);

        public string Sdk => Root.Attribute("Sdk")?.Value ?? "";

        public bool IsTest => IsTrue("IsTestProject") || Root.Descendants().Any(e => e.Name.LocalName == "PackageReference" && e.Attribute("Include")?.Value == "Microsoft.NET.Test.Sdk");

        public bool IsExecutable => Sdk.StartsWith("Microsoft.NET.Sdk.Web", StringComparison.Ordinal) || Sdk.StartsWith("Microsoft.NET.Sdk.Worker", StringComparison.Ordinal)
            || string.Equals(Property("OutputType"), "Exe", StringComparison.OrdinalIgnoreCase);

        public IEnumerable<string> References => Root.Descendants().Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => e.Attribute("Include")?.Value.Replace('\\', '/'))
            .Where(p => p is not null)
            .Select(p => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(FullPath)!, p!)));
    }

    public static ProjectPlan Detect(ProjectFolder folder, PlanOptions options)
    {
        var notes = new List<string>();
        var top = Directory.EnumerateFiles(folder.FullPath).Where(IsProjectFile).Order(StringComparer.Ordinal).ToList();
        var candidates = (top.Count > 0 ? top : folder.SourceFiles(".csproj", ".fsproj").Select(f => Path.Combine(folder.FullPath, f)).ToList())
            .Select(Load).ToList();
        var apps = candidates.Where(p => !p.IsTest && p.IsExecutable).ToList();
        if (apps.Count == 0)
            apps = candidates.Where(p => !p.IsTest).ToList();
        if (apps.Count == 0)
            throw new NoStackDetectedException($"{Path.GetFileName(folder.FullPath)}: no application project here: the project files are test projects");
        var web = apps.Where(p => p.Sdk.StartsWith("Microsoft.NET.Sdk.Web", StringComparison.Ordinal)).ToList();
        var chosen = (web.Count > 0 ? web : apps)[0];
        var chosenRelative = Ancestors.Relative(folder.FullPath, chosen.FullPath);
        var projectEvidence = apps.Count == 1 ? (chosen.IsExecutable ? $"{chosenRelative}, the only executable project" : chosenRelative)
            : $"first of {apps.Count} executable projects ({string.Join(", ", apps.Select(a => Path.GetFileName(a.FullPath)))}){(web.Count > 0 ? ", preferring ASP.NET" : "")}; run init in the one you want";

        // Every project the chosen one references, however deep, must be in the build context.
        var projects = new List<ProjectFile> { chosen };
        for (var i = 0; i < projects.Count; i++)
        {
            foreach (var reference in projects[i].References)
            {
                if (File.Exists(reference) && projects.All(p => p.FullPath != reference))
                    projects.Add(Load(reference));
            }
        }
        var root = folder.FullPath;
        foreach (var project in projects)
            root = CommonRoot(root, Path.GetDirectoryName(project.FullPath)!);
        if (Ancestors.Find(root, dir => ImportedFromAbove.Any(f => File.Exists(Path.Combine(dir, f)))) is { } buildRoot)
            root = buildRoot;
        var context = new ProjectFolder(root);
        var restore = projects.Select(p => Ancestors.Relative(root, p.FullPath)).ToList();
        foreach (var dir in projects.SelectMany(p => Upwards(Path.GetDirectoryName(p.FullPath)!, root)).Distinct())
        {
            foreach (var file in BuildWideFiles.Where(f => File.Exists(Path.Combine(dir, f))))
                restore.Add(Ancestors.Relative(root, Path.Combine(dir, file)));
        }
        restore = [.. restore.Distinct().OrderBy(f => f.Count(c => c == '/')).ThenBy(f => f, StringComparer.Ordinal)];
        var buildProps = Upwards(Path.GetDirectoryName(chosen.FullPath)!, root).Select(d => Path.Combine(d, "Directory.Build.props")).Where(File.Exists).Select(Load).ToList();

        var frameworkEvidence = $"{chosenRelative} TargetFramework";
        var framework = chosen.Property("TargetFramework") ?? chosen.Property("TargetFrameworks");
        if (framework is null && buildProps.Select(b => b.Property("TargetFramework")).FirstOrDefault(f => f is not null) is { } inherited)
        {
            framework = inherited;
            frameworkEvidence = "Directory.Build.props TargetFramework";
        }
        (string, string)? stated = framework?.Split(';').Select(f => f.Trim()).Where(f => f.StartsWith("net", StringComparison.Ordinal) && char.IsAsciiDigit(f.ElementAtOrDefault(3)))
            .Select(f => f[3..].Split('-')[0]).OrderByDescending(v => ReleaseVersion.Parse(v)?.Major ?? 0).FirstOrDefault() is { } line
            ? (line, frameworkEvidence)
            : null;
        if (framework is not null && stated is null)
            notes.Add($"{frameworkEvidence} '{framework}' is not a .NET (Core) target: using the default; pass --version");
        var version = Versions.Decide(Stack.DotNet, options.Version, stated, notes);

        var isWeb = chosen.Sdk.StartsWith("Microsoft.NET.Sdk.Web", StringComparison.Ordinal);
        var selfContained = (string[])["PublishAot", "PublishTrimmed", "SelfContained"] is var keys && keys.FirstOrDefault(chosen.IsTrue) is { } key
            ? new Decided<bool>(true, $"{chosenRelative} {key}")
            : Decided<bool>.ByDefault(false);
        if (chosen.IsTrue("PublishAot"))
            notes.Add("PublishAot needs clang in the build image: the Dockerfile publishes self-contained and trimmed-free (-p:PublishAot=false); add clang and drop that switch for native AOT");
        if (!chosen.IsTrue("InvariantGlobalization") && options.BaseImage is null)
            notes.Add("chiseled images have no ICU or time zone data: if the app needs cultures or time zones, pass --base with the -noble-chiseled-extra variant");

        var assembly = chosen.Property("AssemblyName") ?? Path.GetFileNameWithoutExtension(chosen.FullPath);
        var sources = new ProjectFolder(Path.GetDirectoryName(chosen.FullPath)!).SourceFiles(".cs", ".fs");
        Decided<int>? port = options.Port is { } p ? Decided<int>.ByFlag(p, "--port")
            : isWeb ? new Decided<int>(8080, "ASPNETCORE_HTTP_PORTS of the aspnet image") : null;
        if (port is null)
            notes.Add("not an ASP.NET project and no --port: no EXPOSE or HEALTHCHECK");
        var health = port is null ? null : SourceScan.FindHealthPath(new ProjectFolder(Path.GetDirectoryName(chosen.FullPath)!), sources);
        if (port is not null && health is null)
            notes.Add("no health route (MapHealthChecks(\"/healthz\"), …) found in the source: no HEALTHCHECK, as the chiseled image has nothing to probe with");

        var tests = context.SourceFiles(".csproj", ".fsproj").Where(f => Load(Path.Combine(root, f)).IsTest).ToList();
        var solution = Directory.EnumerateFiles(root).Where(f => f.EndsWith(".sln", StringComparison.Ordinal) || f.EndsWith(".slnx", StringComparison.Ordinal)).Order(StringComparer.Ordinal).FirstOrDefault();
        var testTarget = tests.Count == 0 ? null : solution is not null ? Path.GetFileName(solution) : tests[0];

        var flavour = selfContained.Value ? "runtime-deps" : isWeb ? "aspnet" : "runtime";
        var runtime = new Decided<string>($"{Images.DotNetRegistry}/{flavour}:{version.Value}-noble-chiseled",
            $"{(selfContained.Value ? "self-contained" : isWeb ? "ASP.NET Core" : "console app")}; chiseled Ubuntu: no shell or package manager, non-root");
        var start = selfContained.Value ? (IReadOnlyList<string>)[$"/app/{assembly}"] : ["dotnet", $"/app/{assembly}.dll"];
        return new ProjectPlan
        {
            AppDirectory = folder.FullPath,
            ContextDirectory = root,
            ContextReason = "the folder holding every referenced project and Directory.Build.props/Directory.Packages.props",
            Stack = new Decided<Stack>(Stack.DotNet, chosenRelative),
            PackageManager = options.PackageManager is { } pm ? Decided<PackageManagerKind>.ByFlag(pm, "--package-manager") : new Decided<PackageManagerKind>(PackageManagerKind.NuGet, chosenRelative),
            Version = version,
            Framework = isWeb ? new Decided<string>("ASP.NET Core", $"{chosenRelative} Sdk=\"{chosen.Sdk}\"") : null,
            Start = options.Start is { } s ? Decided<IReadOnlyList<string>>.ByFlag(s, "--start") : new Decided<IReadOnlyList<string>>(start, chosen.Property("AssemblyName") is null ? $"{chosenRelative} file name" : $"{chosenRelative} AssemblyName"),
            Port = port,
            HealthPath = health,
            Test = testTarget is null ? null : new Decided<string>($"dotnet test {testTarget}", $"{Ancestors.Relative(folder.FullPath, Path.Combine(root, tests[0]))} (Microsoft.NET.Test.Sdk)"),
            BuildImage = new Decided<string>($"{Images.DotNetRegistry}/sdk:{KnownVersions.DotNetSdk(version.Value)}-noble", $"the SDK that ships .NET {version.Value}"),
            RuntimeImage = options.BaseImage is { } image ? Decided<string>.ByFlag(image, "--base") : runtime,
            Notes = notes,
            DotNet = new DotNetProject(new Decided<string>(Ancestors.Relative(root, chosen.FullPath), projectEvidence), assembly, isWeb, selfContained, restore, testTarget),
        };
    }

    private static bool IsProjectFile(string path) => path.EndsWith(".csproj", StringComparison.Ordinal) || path.EndsWith(".fsproj", StringComparison.Ordinal);

    private static ProjectFile Load(string path)
    {
        try
        {
            return new ProjectFile(path, XDocument.Parse(File.ReadAllText(path), LoadOptions.SetLineInfo).Root ?? new XElement("Project"));
        }
        catch (XmlException e)
        {
            throw new StagecraftException($"{Path.GetFileName(path)}:{e.LineNumber}: not valid XML: {e.Message.Split(" Line ")[0].TrimEnd('.', ' ')}", e);
        }
    }

    /// <summary>The folder and its parents up to and including <paramref name="root"/>.</summary>
    private static IEnumerable<string> Upwards(string dir, string root)
    {
        for (var d = new DirectoryInfo(dir); d is not null; d = d.Parent)
        {
            yield return d.FullName;
            if (d.FullName == root)
                yield break;
        }
    }

    private static string CommonRoot(string a, string b)
    {
        var root = a;
        while (!(b + Path.DirectorySeparatorChar).StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && Path.GetDirectoryName(root) is { } parent)
            root = parent;
        return root;
    }
}
