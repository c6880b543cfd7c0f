using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Security;

/// <summary>STG274: an ARG or ENV whose name says it holds a secret.</summary>
public sealed class SensitiveArgOrEnvName : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG274", "sensitive-arg-or-env-name",
        "ARG or ENV named like a secret", Severity.Warning, RuleCategory.Security, ["DL3064"]);

    // Names that hold credentials in well-known tools; hadolint checks this set too.
    private static readonly HashSet<string> KnownNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "ACCESS_TOKEN", "APPLICATION_KEY", "APP_SECRET", "AUTH_TOKEN", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AZURE_CLIENT_SECRET", "CF_PASSWORD", "CF_USERNAME", "CIRCLE_TOKEN", "CI_DEPLOY_PASSWORD", "CI_DEPLOY_USER", "DOCKERHUB_PASSWORD",
        "DOCKER_PASSWORD", "DOCKER_USERNAME", "FIREBASE_TOKEN", "GH_TOKEN", "GITHUB_TOKEN", "GITLAB_TOKEN", "HEROKU_API_KEY", "HEROKU_API_USER",
        "NPM_AUTH_TOKEN", "NPM_TOKEN", "NUGET_API_KEY", "OPENAI_API_KEY", "OS_PASSWORD", "OS_USERNAME", "PYPI_TOKEN", "SLACK_TOKEN",
        "SONAR_TOKEN", "STRIPE_API_KEY", "TWINE_PASSWORD", "VAULT_CLIENT_KEY", "VAULT_TOKEN",
    };

    // Parts of a name, split at '_' and '-', that mean a credential.
    private static readonly string[] SecretWords = ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "APIKEY", "PRIVATEKEY"];

    // Parts of a name that mean it points at a secret rather than holding it (the recommended pattern).
    private static readonly string[] ReferenceWords = ["FILE", "PATH", "DIR", "FILENAME", "LOCATION", "URL", "URI", "ENDPOINT", "ENABLED", "LENGTH", "EXPIRY", "TTL"];

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "ARG and ENV names (ONBUILD ones included) that hold credentials: well-known names such as `GITHUB_TOKEN`, `NPM_TOKEN` or `AWS_SECRET_ACCESS_KEY`, and names with a part `PASSWORD`, `PASSWD`, `SECRET`, `TOKEN`, `API_KEY`, `CLIENT_KEY` or `PRIVATE_KEY` (parts are split at `_` and `-`, so `TOKENIZERS_PARALLELISM` is not one). Names that point at a secret instead of holding it (`…_FILE`, `…_PATH`, `…_DIR`, `…_URL`) are left alone, as are `USERNAME` and other plain `PRIVATE…` names, which hadolint's DL3064 also reports (`ARG USERNAME=vscode` is a login, not a secret).",
        WhyItMatters: "ARG values are written into the image history of every RUN that follows (`docker history` shows them), and ENV values are part of the image config: anyone who can pull the image can read them.",
        Bad: "ARG NPM_TOKEN\nRUN echo \"//registry.npmjs.org/:_authToken=${NPM_TOKEN}\" > .npmrc && npm ci",
        Good: "RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN \\\n    echo \"//registry.npmjs.org/:_authToken=${NPM_TOKEN}\" > .npmrc && npm ci && rm .npmrc",
        FixSafety: "No automatic fix: pass the secret with `RUN --mount=type=secret` (and `docker build --secret`) instead.");

    public override void Check(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            foreach (var instruction in context.InstructionsWithTriggers(stage))
                CheckInstruction(context, stage, instruction);
        }
        foreach (var arg in context.Model.GlobalArgs)
            CheckInstruction(context, null, arg);
    }

    private static void CheckInstruction(RuleContext context, Semantics.Stage? stage, InstructionSyntax instruction)
    {
        switch (instruction)
        {
            case ArgInstructionSyntax arg:
                for (var i = 0; i < arg.Declarations.Count; i++)
                {
                    var declaration = arg.Declarations[i];
                    if (IsSensitive(declaration.Name))
                        context.Report(declaration.NameSpan, $"ARG `{declaration.Name}` looks like a secret: its value shows in the image history; use `RUN --mount=type=secret` instead", stage);
                }
                break;
            case EnvInstructionSyntax env:
                for (var i = 0; i < env.Pairs.Count; i++)
                {
                    var pair = env.Pairs[i];
                    if (IsSensitive(pair.Key))
                        context.Report(pair.KeySpan, $"ENV `{pair.Key}` looks like a secret: its value is stored in the image config; use `RUN --mount=type=secret` instead", stage);
                }
                break;
        }
    }

    /// <summary>Whether a name reads as a secret by hadolint's word list. Image facts use it too.</summary>
    internal static bool IsSensitive(string name)
    {
        if (KnownNames.Contains(name))
            return true;
        // Parts compared in place, case-insensitively: every ARG and ENV name of every file comes here, and few are secrets.
        var rest = name.AsSpan();
        var secret = false;
        var previousNamesKey = false;
        while (true)
        {
            var end = rest.IndexOfAny('_', '-');
            var part = end < 0 ? rest : rest[..end];
            if (IsAny(part, ReferenceWords))
                return false;
            secret |= IsAny(part, SecretWords) || (previousNamesKey && part.Equals("KEY", StringComparison.OrdinalIgnoreCase));
            previousNamesKey = part.Equals("API", StringComparison.OrdinalIgnoreCase) || part.Equals("CLIENT", StringComparison.OrdinalIgnoreCase)
                || part.Equals("PRIVATE", StringComparison.OrdinalIgnoreCase);
            if (end < 0)
                return secret;
            rest = rest[(end + 1)..];
        }
    }

    private static bool IsAny(ReadOnlySpan<char> part, string[] words)
    {
        foreach (var word in words)
        {
            if (part.Equals(word, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }
}
