using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG007: a runnable image built FROM scratch has no CA certificates, so TLS connections from it fail.</summary>
public sealed class ScratchImageWithoutCaCertificates : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG007", "scratch-image-without-ca-certificates",
        "Scratch image without CA certificates", Severity.Info, RuleCategory.Correctness);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "A final image built FROM scratch that has an ENTRYPOINT or CMD but into which nothing that looks like a certificate bundle is copied (`/etc/ssl`, `/etc/pki`, `*cert*`, `*.pem`, `*.crt`, or a whole filesystem `/`) and no `SSL_CERT_FILE`/`SSL_CERT_DIR` is set. WebAssembly images (`ENTRYPOINT [\"app.wasm\"]`) are skipped: the Wasm runtime provides TLS, if any. distroless images (static included) already ship ca-certificates and are not flagged. Info: an application that makes no TLS connections needs no certificates.",
        WhyItMatters: "scratch is empty: without /etc/ssl/certs/ca-certificates.crt every outgoing HTTPS call fails at run time with `x509: certificate signed by unknown authority`, a failure no build step shows.",
        Bad: "FROM golang:1.22 AS build\nRUN CGO_ENABLED=0 go build -o /app .\n\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT [\"/app\"]",
        Good: "FROM golang:1.22 AS build\nRUN CGO_ENABLED=0 go build -o /app .\n\nFROM scratch\nCOPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\nCOPY --from=build /app /app\nENTRYPOINT [\"/app\"]",
        FixSafety: "Unsafe, offered when the final stage copies from a stage built on an image known to have /etc/ssl/certs/ca-certificates.crt (golang, rust, python, buildpack-deps, alpine): adds `COPY --from=<that stage> /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/` after the final FROM.");

    private static readonly string[] CertificateHints = ["cert", "/etc/ssl", "/etc/pki", ".pem", ".crt"];
    private static readonly string[] ImagesWithCertificates = ["golang", "rust", "python", "buildpack-deps", "alpine"];

    public override void Check(RuleContext context)
    {
        if (context.FinalStage is not { } final || context.ImageStages[^1] is not { Base.Kind: StageBaseKind.Scratch } root
            || ImageCommand.Of(context.ImageStages) is not { IsSet: true, IsWasm: false })
            return;
        foreach (var instruction in context.ImageStages.SelectMany(s => s.Instructions))
        {
            if (instruction is FileTransferInstructionSyntax transfer && transfer.PathSources.Any(s => HasCertificates(context.Model, instruction, s.Value)))
                return;
            if (instruction is EnvInstructionSyntax env && env.Pairs.Any(p => p.Key is "SSL_CERT_FILE" or "SSL_CERT_DIR"))
                return;
        }
        var source = context.ImageStages.SelectMany(s => s.References).Select(r => r.Stage).FirstOrDefault(s => s is not null && HasCertificates(s));
        Fix? fix = null;
        if (source is not null)
        {
            var text = context.Tree.GetText(final.From.Span);
            var newline = text.EndsWith("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
            fix = new Fix($"Copy the CA bundle from stage {source.DisplayName}", FixSafety.Unsafe,
                [TextEdit.Insert(final.From.Span.End, (text.EndsWith('\n') ? "" : newline) + $"COPY --from={source.DisplayName} /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/" + newline)]);
        }
        context.Report(root.From.Image?.Span ?? root.From.KeywordSpan,
            "the image is built FROM scratch and no CA certificates are copied into it: HTTPS calls will fail with `certificate signed by unknown authority`; copy /etc/ssl/certs/ca-certificates.crt from a builder stage",
            root, fix);
    }

    private static bool HasCertificates(SemanticModel model, InstructionSyntax instruction, string source)
    {
        var value = (model.Expand(instruction, source) is { Succeeded: true } r ? r.Value : source).ToLowerInvariant();
        return value.TrimEnd('/', '.').Length == 0 || CertificateHints.Any(value.Contains);
    }

    private static bool HasCertificates(Stage stage)
    {
        var root = stage;
        for (var guard = 0; root.Base.Stage is { } parent && guard < 100; guard++)
            root = parent;
        return root.Base.Kind == StageBaseKind.Image && ImageReference.Parse(root.Base.Reference) is { } image
            && (ImagesWithCertificates.Contains(image.OfficialName) || image.EffectiveTag.Contains("alpine", StringComparison.Ordinal));
    }
}
