using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Reflection;

namespace Stagecraft.Cli;

/// <summary>
/// The root's --help and --version, as System.CommandLine's RootCommand offers them (same names, aliases and behaviour)
/// but with their descriptions written here instead of read from the library's resources.
/// </summary>
internal static class RootOptions
{
    public static Option Help() => new Option<bool>("--help", "-h", "/h", "-?", "/?")
    {
        Description = "Show help and usage information",
        Recursive = true,
        Arity = ArgumentArity.Zero,
        Action = new HelpAction(),
    };

    public static Option Version()
    {
        var version = new Option<bool>("--version")
        {
            Description = "Show version information",
            Arity = ArgumentArity.Zero,
            Action = new PrintVersion(),
        };
        version.Validators.Add(result =>
        {
            // Option<bool> has a default, so an unused --version still has a (implicit) result that is validated.
            if (!result.Implicit && result.Parent is CommandResult parent
                && parent.Children.Any(child => child != result && child is not OptionResult { Implicit: true }))
                result.AddError($"{result.IdentifierToken?.Value ?? "--version"} cannot be combined with other arguments");
        });
        return version;
    }

    /// <summary>The informational version stamped at build time (version and commit).</summary>
    public static string Text =>
        typeof(RootOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(RootOptions).Assembly.GetName().Version?.ToString() ?? "unknown";

    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Text);
            return 0;
        }
    }
}
