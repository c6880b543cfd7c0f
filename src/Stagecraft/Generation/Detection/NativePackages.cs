namespace Stagecraft.Generation.Detection;

/// <summary>
/// Python packages that compile a C extension at install time (no binary wheel on PyPI for Linux), and the Debian
/// bookworm libraries their extension loads at run time. Packages that ship manylinux wheels (numpy, lxml,
/// cryptography, psycopg2-binary, Pillow…) bundle their libraries and need neither.
/// </summary>
internal static class NativePackages
{
    // The pins hold the upstream version of bookworm's package (its soname line), so security updates still apply.
    private static readonly Dictionary<string, string[]> RuntimeLibraries = new(StringComparer.Ordinal)
    {
        ["psycopg2"] = ["libpq5=15.*"],
        ["mysqlclient"] = ["libmariadb3=1:10.11.*"],
        ["python-ldap"] = ["libldap-2.5-0=2.5.*", "libsasl2-2=2.1.*"],
        ["pycairo"] = ["libcairo2=1.16.*"],
        ["pygobject"] = ["libgirepository-1.0-1=1.74.*", "libcairo2=1.16.*"],
        ["mod-wsgi"] = [],
        ["pyodbc"] = ["libodbc2=2.3.*"],
    };

    /// <summary>The native packages among the dependencies, in name order.</summary>
    public static IReadOnlyList<string> Among(IEnumerable<string> dependencies) =>
        [.. dependencies.Where(RuntimeLibraries.ContainsKey).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The Debian packages the final image needs for those native packages, pinned, without repeats.</summary>
    public static IReadOnlyList<string> LibrariesFor(IEnumerable<string> native) =>
        [.. native.SelectMany(n => RuntimeLibraries[n]).Distinct().Order(StringComparer.Ordinal)];
}
