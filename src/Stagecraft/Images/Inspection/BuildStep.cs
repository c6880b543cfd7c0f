namespace Stagecraft.Images.Inspection;

/// <summary>
/// A history entry's <c>created_by</c> read back as the Dockerfile instruction that wrote it, whichever builder wrote it:
/// the classic builder (<c>/bin/sh -c #(nop) COPY file:… in /app</c>, <c>/bin/sh -c apt-get …</c>), BuildKit
/// (<c>RUN /bin/sh -c … # buildkit</c>, <c>COPY . . # buildkit</c>) or kaniko (<c>RUN apt-get …</c>).
/// </summary>
/// <param name="Keyword">The instruction in upper case (RUN, COPY, ENV, …).</param>
/// <param name="Text">What follows the keyword, whitespace collapsed: for RUN the command line as the builder recorded it
/// (build-argument prefix removed, shell prefix kept when the builder wrote one); for the classic builder's COPY and ADD
/// only the destination, since it records the sources as a content hash.</param>
/// <param name="DestinationOnly">True for the classic builder's COPY/ADD, whose <see cref="Text"/> is the destination alone.</param>
internal sealed record BuildStep(string Keyword, string Text, bool DestinationOnly = false)
{
    private const string NoOperation = "#(nop)";
    private const string BuildKitSuffix = "# buildkit";

    private static readonly string[] Keywords =
    [
        "RUN", "COPY", "ADD", "ENV", "LABEL", "CMD", "ENTRYPOINT", "WORKDIR", "USER", "EXPOSE", "VOLUME", "ARG", "ONBUILD",
        "STOPSIGNAL", "HEALTHCHECK", "SHELL", "MAINTAINER",
    ];

    /// <summary>
    /// <see cref="Text"/> without the flags in front: BuildKit writes some flags into its COPY record (--from=…,
    /// --chown=…) and kaniko writes all of them, while the Dockerfile's argument text has none.
    /// </summary>
    public string TextWithoutFlags { get; } = WithoutFlags(Text);

    /// <summary>The step a <c>created_by</c> describes; null when it is empty.</summary>
    public static BuildStep? Parse(string? createdBy)
    {
        var text = Collapse(createdBy ?? "");
        if (text.EndsWith(BuildKitSuffix, StringComparison.Ordinal))
            text = text[..^BuildKitSuffix.Length].TrimEnd();
        if (text.Length == 0)
            return null;

        // BuildKit and kaniko start with the instruction itself, in upper case ("env …" would be a classic RUN of env).
        var (first, remainder) = SplitKeyword(text);
        if (Array.IndexOf(Keywords, first) >= 0)
            return new BuildStep(first, first == "RUN" ? WithoutBuildArguments(remainder) : remainder);

        // The classic builder records metadata steps as a no-op shell command: "/bin/sh -c #(nop)  ENV A=b".
        var nop = text.IndexOf(NoOperation, StringComparison.Ordinal);
        if (nop > 0)
        {
            var (written, arguments) = SplitKeyword(text[(nop + NoOperation.Length)..].Trim());
            var keyword = written.ToUpperInvariant();
            if (keyword is "COPY" or "ADD" && ClassicDestination(arguments) is { } destination)
                return new BuildStep(keyword, destination, DestinationOnly: true);
            return new BuildStep(keyword, arguments);
        }

        // The classic builder records a RUN as the command it ran: "[|N A=1 …] /bin/sh -c apt-get …".
        return new BuildStep("RUN", WithoutBuildArguments(text));
    }

    /// <summary>
    /// The classic builder writes <c>COPY [--chown=…] file:HASH in DEST </c> (also <c>dir:</c> and <c>multi:</c>); only the
    /// destination can be compared with the Dockerfile.
    /// </summary>
    private static string? ClassicDestination(string arguments)
    {
        var marker = arguments.LastIndexOf(" in ", StringComparison.Ordinal);
        return marker < 0 ? null : arguments[(marker + 4)..].Trim();
    }

    /// <summary>Both builders put the build arguments a RUN saw before its command: "|2 A=1 B=2 /bin/sh -c …".</summary>
    private static string WithoutBuildArguments(string command)
    {
        if (command.Length < 3 || command[0] != '|')
            return command;
        var space = command.IndexOf(' ');
        if (space < 0 || !int.TryParse(command.AsSpan(1, space - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count))
            return command;
        var rest = command[(space + 1)..];
        for (var i = 0; i < count; i++)
        {
            var next = rest.IndexOf(' ');
            if (next < 0 || !rest.AsSpan(0, next).Contains('='))
                return command;
            rest = rest[(next + 1)..];
        }
        return rest;
    }

    private static (string Keyword, string Arguments) SplitKeyword(string text)
    {
        var space = text.IndexOf(' ');
        return space < 0 ? (text, "") : (text[..space], text[(space + 1)..].Trim());
    }

    /// <summary>
    /// A <c>created_by</c> as a short instruction for people, whichever builder wrote it: "RUN apt-get update",
    /// "COPY file:ce026b62356e… in /app", "CMD ["sh"]". The shell prefix, the classic builder's no-op marker, BuildKit's
    /// suffix and the build-argument prefix go; content hashes are shortened to 12 digits.
    /// </summary>
    public static string Display(string createdBy)
    {
        var text = Collapse(createdBy);
        if (text.EndsWith(BuildKitSuffix, StringComparison.Ordinal))
            text = text[..^BuildKitSuffix.Length].TrimEnd();
        var (first, remainder) = SplitKeyword(text);
        string shown;
        if (Array.IndexOf(Keywords, first) >= 0)
            shown = first == "RUN" ? "RUN " + WithoutShell(WithoutBuildArguments(remainder)) : text;
        else if (text.IndexOf(NoOperation, StringComparison.Ordinal) is var nop and > 0)
            shown = text[(nop + NoOperation.Length)..].Trim();
        else
            shown = "RUN " + WithoutShell(WithoutBuildArguments(text));
        return ShortenHashes(shown);
    }

    private static string WithoutShell(string command)
    {
        foreach (var shell in (string[])["/bin/sh -c ", "/bin/bash -c ", "cmd /S /C "])
        {
            if (command.StartsWith(shell, StringComparison.Ordinal))
                return command[shell.Length..];
        }
        return command;
    }

    /// <summary>"file:" followed by 64 hex digits (the classic builder's content hash of COPY sources) keeps 12 of them.</summary>
    private static string ShortenHashes(string text)
    {
        const int Full = 64, Kept = 12;
        var builder = new System.Text.StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var colon = text.IndexOf(':', i);
            if (colon < 0 || colon + 1 + Full > text.Length || text.AsSpan(colon + 1, Full).ContainsAnyExcept("0123456789abcdef")
                || (colon + 1 + Full < text.Length && char.IsAsciiHexDigit(text[colon + 1 + Full])))
            {
                builder.Append(text, i, (colon < 0 ? text.Length : colon + 1) - i);
                i = colon < 0 ? text.Length : colon + 1;
                continue;
            }
            builder.Append(text, i, colon + 1 - i).Append(text, colon + 1, Kept).Append('…');
            i = colon + 1 + Full;
        }
        return builder.ToString();
    }

    private static string WithoutFlags(string text)
    {
        var rest = text.AsSpan();
        while (rest.StartsWith("--"))
        {
            var space = rest.IndexOf(' ');
            rest = space < 0 ? [] : rest[(space + 1)..];
        }
        return rest.Length == text.Length ? text : rest.ToString();
    }

    /// <summary>Runs of whitespace (line continuations joined differently by each builder) become one space.</summary>
    internal static string Collapse(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
                builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }
        return builder.ToString();
    }
}
