using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Security;

/// <summary>STG113: an ARG or ENV whose name says it holds a secret (TOKEN, PASSWORD, API_KEY, …); BuildKit's SecretsUsedInArgOrEnv.</summary>
public sealed class SecretInArgOrEnv : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG113", "secret-in-arg-or-env",
        "ARG or ENV named like a secret", Severity.Warning, RuleCategory.Security, ["SecretsUsedInArgOrEnv"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "ARG and ENV names in stages (ONBUILD ones included; ARGs before the first FROM only reach FROM lines and are checked where a stage declares them again) that contain one of `apikey`, `auth`, `credential(s)`, `key`, `password`, `passwd`, `pword`, `secret` or `token` as a whole `_`-separated word, in any case (`NPM_TOKEN`, `db_password`, `AWS_SECRET_ACCESS_KEY`), unless a word also says the value is public: `public`, `file` or `version` (`PUBLIC_KEY`, `PASSWORD_FILE`). BuildKit's `SecretsUsedInArgOrEnv` check, with two exceptions it does not make: a value that is only a hexadecimal key fingerprint (`ENV GPG_KEY 7169605F…`, as official images verify downloads) is public by nature, and a value that is a file path (`ENV SSL_KEY=/run/secrets/tls.key`) names where a secret is, not the secret.",
        WhyItMatters: "ENV values are stored in the image config: anyone who can pull the image reads them with `docker inspect`. ARG values end up in the build history of every RUN that runs after the ARG (`docker history --no-trunc`) and in provenance attestations. Build secrets mounted with `RUN --mount=type=secret` are never written to the image.",
        Bad: "FROM node:22-slim\nARG NPM_TOKEN\nRUN echo \"//registry.npmjs.org/:_authToken=$NPM_TOKEN\" > ~/.npmrc && npm ci",
        Good: "# syntax=docker/dockerfile:1\nFROM node:22-slim\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN \\\n    echo \"//registry.npmjs.org/:_authToken=$NPM_TOKEN\" > ~/.npmrc && npm ci && rm ~/.npmrc",
        FixSafety: "No automatic fix: the secret has to be passed with `docker build --secret` instead.");

    // Matched by hand rather than with generated regexes (see TextPatterns): the words as the regex
    // (?:_|^)(?:apikey|…|token)(?:_|$) with IgnoreCase found them.
    private static readonly string[] SecretWords = ["apikey", "auth", "credential", "credentials", "key", "password", "pword", "passwd", "secret", "token"];
    private static readonly string[] PublicWords = ["public", "file", "version"];

    public override void Check(RuleContext context)
    {
        // ARGs before the first FROM reach only FROM lines; a stage that uses one declares it again, and that ARG is checked.
        foreach (var stage in context.Model.Stages)
        {
            foreach (var instruction in context.InstructionsWithTriggers(stage))
                Inspect(context, instruction);
        }
    }

    private static void Inspect(RuleContext context, InstructionSyntax instruction)
    {
        switch (instruction)
        {
            case ArgInstructionSyntax arg:
                for (var i = 0; i < arg.Declarations.Count; i++)
                {
                    var declaration = arg.Declarations[i];
                    if (IsSecretName(declaration.Name, declaration.DefaultValue))
                        context.Report(declaration.NameSpan,
                            $"ARG `{declaration.Name}` is named like a secret: its value is recorded in the build history of later RUN steps; pass it with `RUN --mount=type=secret,id={declaration.Name.ToLowerInvariant()},env={declaration.Name}` instead");
                }
                break;
            case EnvInstructionSyntax env:
                for (var i = 0; i < env.Pairs.Count; i++)
                {
                    var pair = env.Pairs[i];
                    if (IsSecretName(pair.Key, pair.Value))
                        context.Report(pair.KeySpan,
                            $"ENV `{pair.Key}` is named like a secret: ENV values are stored in the image config for anyone who can pull it; use a secret mount while building, or set it when the container starts");
                }
                break;
        }
    }

    /// <summary>Whether a variable named so holds a secret; a public value (a key fingerprint, a file path) lets it through. Image facts use it too.</summary>
    internal static bool IsSecretName(string name, string? value) =>
        TextPatterns.HasUnderscoreWord(name, SecretWords) && !TextPatterns.HasUnderscoreWord(name, PublicWords)
        && !(value is not null && IsPublicValue(value.Trim('"', '\'').Trim()));

    /// <summary>A key fingerprint, or a path to a file that holds the secret (mounted or copied in at run time).</summary>
    private static bool IsPublicValue(string value) => IsFingerprints(value) || IsFilePath(value);

    /// <summary>Hex key fingerprints separated by blanks: <c>^(?:0x)?[0-9A-Fa-f]{16,}(?:[ \t]+(?:0x)?[0-9A-Fa-f]{16,})*$</c>.</summary>
    internal static bool IsFingerprints(string value)
    {
        var text = TextPatterns.BeforeEnd(value);
        if (text.Length == 0)
            return false;
        while (true)
        {
            var end = text.IndexOfAny(' ', '\t');
            var token = end < 0 ? text : text[..end];
            if (token.StartsWith("0x"))
                token = token[2..];
            if (token.Length < 16 || token.ContainsAnyExcept("0123456789ABCDEFabcdef"))
                return false;
            if (end < 0)
                return true;
            text = text[end..].TrimStart(" \t");
            if (text.Length == 0)
                return false; // blanks at the end
        }
    }

    /// <summary>An absolute, home or relative path, or a Windows drive path, without blanks or <c>$</c>:
    /// <c>^(?:/|~/|\./|[A-Za-z]:[\\/])[^\s$]*$</c>.</summary>
    internal static bool IsFilePath(string value)
    {
        var text = TextPatterns.BeforeEnd(value);
        int start;
        if (text is ['/', ..])
            start = 1;
        else if (text is ['~' or '.', '/', ..])
            start = 2;
        else if (text is [var drive, ':', '\\' or '/', ..] && char.IsAsciiLetter(drive))
            start = 3;
        else
            return false;
        foreach (var c in text[start..])
        {
            if (c == '$' || char.IsWhiteSpace(c))
                return false;
        }
        return true;
    }
}
