using System.CommandLine;
using Stagecraft.Cli.Reporting;
using Stagecraft.Images.Diff;
using Stagecraft.Images.Inspection;
using Stagecraft.Images.Sources;
using Stagecraft.Reporting.Images;

namespace Stagecraft.Cli.Commands;

/// <summary>
/// <c>stagecraft diff REF_A REF_B</c>: what changed from one image to another — sizes, layers, files, OS packages, build
/// tools, secrets, caches and the run configuration. Both images are read without a daemon. Exit 0 when compared
/// (whatever differs), 2 for a usage error or an image that cannot be used.
/// </summary>
internal static class DiffCommand
{
    private static readonly string[] Formats = ["tty", "json", "markdown"];

    public static Command Create(CliConsole console)
    {
        var before = new Argument<string>("REF_A") { Description = "The image before (any reference inspect takes)." };
        var after = new Argument<string>("REF_B") { Description = "The image after." };
        foreach (var argument in new[] { before, after })
        {
            argument.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<string>() is ['-', _, ..] value)
                    result.AddError($"unknown option '{value}'");
            });
        }
        var format = FormatOption.Create(
            "tty: for people; json: exact bytes (docs/check.md); markdown: for a pull-request comment or $GITHUB_STEP_SUMMARY.",
            Formats);
        var top = new Option<int>("--top")
        {
            Description = "How many of the largest added, removed and changed files to list (the counts and byte totals cover all).",
            DefaultValueFactory = _ => ImageComparer.DefaultTop,
            HelpName = "N",
        };
        top.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
                result.AddError($"--top must be at least 1 (got {result.GetValueOrDefault<int>()})");
        });
        var platform = new Option<string?>("--platform") { Description = "For multi-platform images: os/arch[/variant].", HelpName = "PLATFORM" };
        var insecure = new Option<bool>("--insecure") { Description = "Allow a docker:// registry over plain HTTP or with a certificate that does not verify." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to FILE (atomically) instead of standard output.", HelpName = "FILE" };

        var command = new Command("diff", """
            Compare two images without a Docker daemon: total and per-layer sizes, layers
            shared by digest, files added, removed and changed (largest first), OS packages
            added, removed and upgraded, build tools, secrets and caches that appeared or
            disappeared, and run configuration changes. Exit codes: 0 compared, 2 usage error
            or an image that cannot be used.
            """)
        {
            before, after, format, top, platform, insecure, output,
        };
        command.SetAction(parse => Run(console, parse.GetValue(before)!, parse.GetValue(after)!, parse.GetValue(format)!, parse.GetValue(top),
            parse.GetValue(platform), parse.GetValue(insecure), parse.GetValue(output)));
        return command;
    }

    private static int Run(CliConsole console, string beforeText, string afterText, string format, int top, string? platform, bool insecure, string? outputPath)
    {
        var beforeReference = InspectCommand.Reference(console, beforeText);
        var afterReference = InspectCommand.Reference(console, afterText);
        var read = new ImageReadOptions { Platform = platform is null ? null : ImagePlatform.Parse(platform), Insecure = insecure };
        var before = Inspect(console, beforeReference, read);
        var after = Inspect(console, afterReference, read);
        var diff = ImageComparer.Compare(before, after, top);

        Action<Stream> write = format switch
        {
            "json" => stream => DiffJsonWriter.Write(diff, stream),
            "markdown" => stream => DiffMarkdownWriter.Write(diff, stream),
            _ => stream => DiffTextWriter.Write(diff, stream),
        };
        if (outputPath is not null)
        {
            AtomicFile.Write(Path.GetFullPath(outputPath, console.WorkingDirectory), outputPath, write);
        }
        else
        {
            write(console.Output);
            console.Output.Flush();
        }
        return ExitCodes.Success;
    }

    private static ImageInspection Inspect(CliConsole console, ImageReference reference, ImageReadOptions read)
    {
        var progress = ImageReadProgressLine.Wanted(console) ? new ImageReadProgressLine(console.Error) : null;
        try
        {
            return ImageInspector.Inspect(reference, new ImageInspectionOptions { Read = read with { Progress = progress } });
        }
        finally
        {
            progress?.Clear();
        }
    }
}
