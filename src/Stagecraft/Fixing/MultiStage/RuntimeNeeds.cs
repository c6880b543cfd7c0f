using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Fixing.MultiStage;

/// <summary>
/// What the runtime stage must offer besides the application: a shell for shell-form commands, and the OS packages that
/// follow from the builder. Shared libraries (<c>lib*</c>, not <c>-dev</c>), CA certificates and time zones follow;
/// so does a package whose program the CMD, ENTRYPOINT or HEALTHCHECK starts (curl for a health check), and the runtime
/// library of each known <c>-dev</c> package (libpq-dev brings libpq5). Compilers,
/// headers, build drivers, version control and everything else (editors, debugging tools) stay in the builder.
/// </summary>
internal static class RuntimeNeeds
{
    private static readonly string[] AlwaysFollow = ["ca-certificates", "tzdata"];

    // The Debian bookworm runtime package of common -dev packages (what a built extension or cgo binary loads), with the
    // upstream version of bookworm's package as its pin, used when the -dev package was pinned too. Empty: the library
    // is in every Debian base already, or the headers have no library.
    private static readonly Dictionary<string, string[]> RuntimeOfHeaders = new(StringComparer.Ordinal)
    {
        ["libpq-dev"] = ["libpq5=15.*"],
        ["default-libmysqlclient-dev"] = ["libmariadb3=1:10.11.*"],
        ["libmariadb-dev"] = ["libmariadb3=1:10.11.*"],
        ["libmariadb-dev-compat"] = ["libmariadb3=1:10.11.*"],
        ["libffi-dev"] = ["libffi8=3.4.*"],
        ["libssl-dev"] = ["libssl3=3.0.*"],
        ["libxml2-dev"] = ["libxml2=2.9.*"],
        ["libxslt1-dev"] = ["libxslt1.1=1.1.*"],
        ["libjpeg-dev"] = ["libjpeg62-turbo=1:2.1.*"],
        ["libjpeg62-turbo-dev"] = ["libjpeg62-turbo=1:2.1.*"],
        ["libpng-dev"] = ["libpng16-16=1.6.*"],
        ["libsqlite3-dev"] = ["libsqlite3-0=3.40.*"],
        ["libyaml-dev"] = ["libyaml-0-2=0.2.*"],
        ["libcurl4-openssl-dev"] = ["libcurl4=7.88.*"],
        ["libldap2-dev"] = ["libldap-2.5-0=2.5.*"],
        ["libsasl2-dev"] = ["libsasl2-2=2.1.*"],
        ["zlib1g-dev"] = [],
        ["libc6-dev"] = [],
        ["libc-dev"] = [],
        ["musl-dev"] = [],
        ["linux-headers"] = [],
        ["python3-dev"] = [],
        ["python-dev"] = [],
    };

    /// <summary>True for headers of a library other than the C library (what makes a Go build use cgo).</summary>
    public static bool IsLibraryHeaders(string package) =>
        package.EndsWith("-dev", StringComparison.Ordinal) && !(RuntimeOfHeaders.TryGetValue(package, out var runtime) && runtime.Length == 0);

    /// <summary>The Debian -dev packages the stage installs whose runtime library the table above does not know.</summary>
    public static IReadOnlyList<string> UnknownHeaders(IReadOnlyList<(string Manager, string Name, string Word)> installed) =>
        [.. installed.Where(p => p.Manager == "apt" && p.Name.EndsWith("-dev", StringComparison.Ordinal) && !RuntimeOfHeaders.ContainsKey(p.Name)).Select(p => p.Name).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The runtime package of headers: Debian's from the table; Alpine splits a library's headers into <c>NAME-dev</c>
    /// from the same source, so the library is NAME (openssl-dev → openssl, zlib-dev → zlib).
    /// </summary>
    private static IEnumerable<string> RuntimeOf((string Manager, string Name, string Word) package)
    {
        var pinned = package.Word.Length > package.Name.Length;
        return package.Manager switch
        {
            "apt" => (RuntimeOfHeaders.GetValueOrDefault(package.Name) ?? []).Select(l => pinned ? l : SystemPackages.Name(l)),
            // Alpine's subpackages share their origin's version, so the pin carries over as written.
            "apk" when package.Name.EndsWith("-dev", StringComparison.Ordinal) && package.Name is not ("musl-dev" or "libc-dev" or "linux-headers" or "python3-dev") =>
                [package.Name[..^4] + package.Word[package.Name.Length..]],
            _ => [],
        };
    }

    /// <summary>True when CMD, ENTRYPOINT or HEALTHCHECK is in shell form, so the runtime image needs /bin/sh.</summary>
    public static bool NeedsShell(Stage stage) => stage.Instructions.Any(i => i switch
    {
        CmdInstructionSyntax or EntrypointInstructionSyntax => !i.IsJsonForm,
        HealthcheckInstructionSyntax { IsNone: false } check => check.Command.Count == 1 && !check.Command[0].Value.TrimStart().StartsWith('['),
        _ => false,
    });

    /// <summary>The OS packages the runtime stage installs, with the manager the builder used for them, in install order.</summary>
    /// <remarks>Packages keep the version pin they were installed with; a library found from headers is pinned when they were.</remarks>
    public static IReadOnlyList<string> Packages(Stage stage, IReadOnlyList<(string Manager, string Name, string Word)> installed)
    {
        var programs = StartedPrograms(stage);
        var libraries = installed.SelectMany(RuntimeOf);
        var words = installed.Where(p => Follows(p.Name, programs)).Select(p => p.Word).Concat(libraries).ToList();
        return [.. words.DistinctBy(SystemPackages.Name, StringComparer.Ordinal)];
    }

    private static bool Follows(string package, HashSet<string> programs)
    {
        if (BuildTools.Classify(package) is not null)
            return false;
        if (AlwaysFollow.Contains(package) || programs.Contains(package))
            return true;
        return package.StartsWith("lib", StringComparison.Ordinal) && !package.EndsWith("-dbg", StringComparison.Ordinal)
            && !package.EndsWith("-doc", StringComparison.Ordinal) && !package.EndsWith("-bin", StringComparison.Ordinal);
    }

    /// <summary>The first word (base name) of each CMD, ENTRYPOINT and HEALTHCHECK command, and of each command in their shell forms' first word.</summary>
    private static HashSet<string> StartedPrograms(Stage stage)
    {
        var programs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var instruction in stage.Instructions)
        {
            IReadOnlyList<ArgumentSyntax> words = instruction switch
            {
                CmdInstructionSyntax or EntrypointInstructionSyntax => instruction.Arguments,
                HealthcheckInstructionSyntax { IsNone: false } check => check.Command,
                _ => [],
            };
            if (words.Count == 0)
                continue;
            var text = words.Count == 1 ? words[0].Value : words[0].Value + " ";
            // Shell form: every command of the line may start a program (`cd /app && python3 app.py`, `curl -f … || exit 1`).
            foreach (var command in Semantics.Shell.ShellScript.Parse(text).Commands)
            {
                if (command.Unwrap().BaseName is { } name)
                    programs.Add(name);
            }
        }
        return programs;
    }
}
