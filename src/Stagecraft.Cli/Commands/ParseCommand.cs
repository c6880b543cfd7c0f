using System.CommandLine;
using System.Text;
using Stagecraft.Inputs;
using Stagecraft.Reporting;
using Stagecraft.Reporting.SyntaxJson;
using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Cli.Commands;

/// <summary><c>stagecraft parse FILE [--format json|buildkit|source]</c>: prints the syntax tree of one Dockerfile.</summary>
internal static class ParseCommand
{
    private const string Json = "json";
    private const string BuildKit = "buildkit";
    private const string Source = "source";
    private static readonly string[] Formats = [Json, BuildKit, Source];

    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE")
        {
            Description = "The Dockerfile to parse, or - to read standard input.",
        };
        file.Validators.Add(result =>
        {
            // System.CommandLine takes an unknown "--flag" as the file name; say what the user most likely meant.
            var value = result.GetValueOrDefault<string>();
            if (value is ['-', _, ..] && !File.Exists(value))
                result.AddError($"unknown option '{value}' (for a file whose name starts with '-', write ./{value})");
        });
        var format = FormatOption.Create(
            """
                What to print on standard output:
                json: the syntax tree with positions and the stages (see docs/parse-json.md);
                buildkit: BuildKit's parser dump, where only errors of BuildKit's line parser
                give exit code 1, as that dump ignores BuildKit's later instruction checks;
                source: the file written back from the tree, byte for byte.
                """,
            Formats);

        var command = new Command("parse", """
            Parse a Dockerfile and print its syntax tree and build stages. Diagnostics go
            to standard error as 'path:line:col code severity: message'. Exit codes:
            0 no errors (warnings allowed), 1 syntax or build errors, 2 usage or input error.
            """)
        {
            file,
            format,
        };
        command.SetAction(result => Run(console, result.GetValue(file)!, result.GetValue(format)!));
        return command;
    }

    private static int Run(CliConsole console, string path, string format)
    {
        var input = DockerfileInput.Read(path, () => console.Input);
        var tree = SyntaxTree.Parse(input.Bytes, input.Path);
        var model = SemanticModel.Build(tree);

        switch (format)
        {
            case Source:
                console.Output.Write(tree.ToBytes());
                break;
            case BuildKit:
                console.Output.Write(Encoding.UTF8.GetBytes(BuildKitDump.Write(tree)));
                break;
            default:
                SyntaxJsonWriter.Write(model, console.Output);
                break;
        }
        console.Output.Flush();

        // Build errors need the whole file (stage names, --from targets); BuildKit's parser dump does not see them.
        var diagnostics = format == BuildKit ? tree.Diagnostics : tree.Diagnostics.Concat(model.Diagnostics).OrderBy(d => d.Span.Start).ToArray();
        foreach (var diagnostic in diagnostics)
            console.Error.WriteLine(DiagnosticLine.Format(tree, diagnostic, input.Path));

        var failed = format == BuildKit
            ? tree.Diagnostics.Any(d => d.IsLineParserError)
            : diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        return failed ? ExitCodes.Findings : ExitCodes.Success;
    }
}
