using System.CommandLine;
using Stagecraft.Cli.Reporting;
using Stagecraft.Images.Inspection;
using Stagecraft.Images.Sources;
using Stagecraft.Inputs;
using Stagecraft.Reporting.Images;
using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Cli.Commands;

/// <summary>
/// <c>stagecraft inspect REF</c>: reads an image without a daemon and reports where its bytes go — layers and the steps
/// (or Dockerfile lines) that made them, waste, dive's figures, packages, build tools, caches, secrets and how it runs.
/// Exit 0 on success, 2 for a usage error or an image, reference or Dockerfile that cannot be used.
/// </summary>
internal static class InspectCommand
{
    private const string Tty = "tty";
    private const string Json = "json";
    private const int DefaultTop = 10;
    private const int DefaultWidth = 120;

    public static Command Create(CliConsole console)
    {
        var reference = new Argument<string>("REF")
        {
            Description = "The image: docker-archive:PATH[:NAME:TAG|:@N], oci:DIR[:TAG], oci-archive:PATH[:TAG], " +
                "docker-daemon:NAME[:TAG], docker://HOST/REPO[:TAG|@DIGEST], or a bare NAME[:TAG].",
        };
        reference.Validators.Add(result =>
        {
            // System.CommandLine takes an unknown "--flag" as the reference; say what the user most likely meant.
            if (result.GetValueOrDefault<string>() is ['-', _, ..] value)
                result.AddError($"unknown option '{value}'");
        });
        var format = FormatOption.Create(
            "tty: tables and a summary for people (sizes in SI units, 1 MB = 1,000,000 bytes); " +
                "json: every figure in bytes, as documented in docs/inspect-json.md.",
            Tty, Json);
        var platform = new Option<string?>("--platform")
        {
            Description = "For a multi-platform image: os/arch[/variant], e.g. linux/arm64 (default: this machine's, or the only one present).",
            HelpName = "PLATFORM",
        };
        platform.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is not { } value)
                return;
            try
            {
                ImagePlatform.Parse(value);
            }
            catch (ImageReferenceException e)
            {
                result.AddError("--platform " + e.Message);
            }
        });
        var dockerfile = new Option<string?>("--dockerfile")
        {
            Description = "The Dockerfile the image was built from: each layer is mapped to the line that made it.",
            HelpName = "FILE",
        };
        var top = new Option<int>("--top")
        {
            Description = "How many of the largest files (and, in json, of the largest folders and wasted paths) to list.",
            DefaultValueFactory = _ => DefaultTop,
            HelpName = "N",
        };
        top.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
                result.AddError($"--top must be at least 1 (got {result.GetValueOrDefault<int>()})");
        });
        var insecure = new Option<bool>("--insecure")
        {
            Description = "Allow a docker:// registry over plain HTTP or with a certificate that does not verify (localhost always may).",
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the report to FILE (atomically) instead of standard output.",
            HelpName = "FILE",
        };

        var command = new Command("inspect", """
            Inspect an image without a Docker daemon: layers and the steps that made them, sizes
            and what a rebuild could reclaim, dive's efficiency figures, OS packages, build tools,
            caches, likely secrets, setuid files and how the container runs. Layers are read once,
            in parallel, and nothing is extracted to disk. Progress is shown on standard error
            only when it is a terminal. Exit codes: 0 inspected, 2 usage error or an image,
            reference or Dockerfile that cannot be used.
            """)
        {
            reference, format, platform, dockerfile, top, insecure, output,
        };
        command.SetAction(parse => Run(console, new InspectRequest(
            parse.GetValue(reference)!,
            parse.GetValue(format)!,
            parse.GetValue(platform),
            parse.GetValue(dockerfile),
            parse.GetValue(top),
            parse.GetValue(insecure),
            parse.GetValue(output))));
        return command;
    }

    private sealed record InspectRequest(string Reference, string Format, string? Platform, string? Dockerfile, int Top, bool Insecure, string? Output);

    private static int Run(CliConsole console, InspectRequest request)
    {
        // Everything the user typed is checked before the image, which may be gigabytes, is read.
        var reference = Reference(console, request.Reference);
        var model = request.Dockerfile is { } path ? Dockerfile(console, path) : null;
        var progress = ImageReadProgressLine.Wanted(console) ? new ImageReadProgressLine(console.Error) : null;
        var options = new ImageInspectionOptions
        {
            Read = new ImageReadOptions
            {
                Platform = request.Platform is { } platform ? ImagePlatform.Parse(platform) : null,
                Insecure = request.Insecure,
                Progress = progress,
            },
            Dockerfile = model,
        };

        ImageInspection inspection;
        try
        {
            inspection = ImageInspector.Inspect(reference, options);
        }
        finally
        {
            progress?.Clear();
        }

        Action<Stream> write = request.Format == Json
            ? stream => InspectJsonWriter.Write(inspection, stream, request.Top)
            : stream => new InspectTtyReporter(
                request.Output is null && TerminalColors.Enabled(null, console),
                console.TerminalWidth ?? DefaultWidth,
                request.Top).Write(inspection, stream);
        if (request.Output is { } file)
        {
            AtomicFile.Write(Path.GetFullPath(file, console.WorkingDirectory), file, write);
        }
        else
        {
            write(console.Output);
            console.Output.Flush();
        }
        return ExitCodes.Success;
    }

    /// <summary>
    /// Parses the reference. Without a transport prefix the text is an image name (for the Docker engine or a registry),
    /// so an archive or layout named without one gets a hint naming the prefix instead.
    /// </summary>
    internal static ImageReference Reference(CliConsole console, string text)
    {
        ImageReference? parsed = null;
        ImageReferenceException? error = null;
        try
        {
            parsed = ImageReference.Parse(text);
        }
        catch (ImageReferenceException e)
        {
            error = e;
        }
        // A name that fails to parse and is a path here, or a valid name that is plainly an archive or a layout here.
        if ((parsed is null || parsed is ImageNameReference && LooksLikeImageFiles(console, text)) && text.Length > 0 && !text.Contains('\0'))
        {
            var full = Path.GetFullPath(text, console.WorkingDirectory);
            if (Directory.Exists(full))
                throw new StagecraftException($"{text}: is a folder; write oci:{text} to read it as an OCI image layout");
            if (File.Exists(full))
                throw new StagecraftException($"{text}: is a file; write docker-archive:{text} for `docker save` output, or oci-archive:{text} for an OCI layout packed in a tar");
        }
        return parsed ?? throw error!;
    }

    private static bool LooksLikeImageFiles(CliConsole console, string text)
    {
        var full = Path.GetFullPath(text, console.WorkingDirectory);
        return (File.Exists(full) && text.EndsWith(".tar", StringComparison.OrdinalIgnoreCase))
            || File.Exists(Path.Combine(full, "index.json")) || File.Exists(Path.Combine(full, "oci-layout"));
    }

    private static SemanticModel Dockerfile(CliConsole console, string path)
    {
        var input = DockerfileInput.FromFile(Path.GetFullPath(path, console.WorkingDirectory), path);
        return SemanticModel.Build(SyntaxTree.Parse(input.Bytes, input.Path));
    }
}
