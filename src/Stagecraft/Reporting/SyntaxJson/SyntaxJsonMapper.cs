using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Reporting.SyntaxJson;

/// <summary>Turns a syntax tree into the JSON records: spans become line/column/offset positions; nothing is analysed.</summary>
public static class SyntaxJsonMapper
{
    /// <summary>Maps the model's tree and stages; <paramref name="path"/> overrides the path the tree was parsed with.</summary>
    public static SyntaxJsonDocument ToDocument(SemanticModel model, string? path = null)
    {
        var tree = model.Tree;
        var map = new Mapper(tree);
        var root = tree.Root;
        return new SyntaxJsonDocument(
            SyntaxJsonDocument.CurrentVersion,
            path ?? tree.Source.Path,
            tree.Source.Length,
            tree.Source.ByteOrderMarkLength > 0,
            root.EscapeCharacter.ToString(),
            root.Directives.Select(map.Directive).ToArray(),
            root.Children.Select(map.Node).ToArray(),
            model.Stages.Select(map.Stage).ToArray(),
            model.StagesNeededFor().Select(s => s.Index).ToArray(),
            tree.Diagnostics.Concat(model.Diagnostics).OrderBy(d => d.Span.Start).Select(map.Diagnostic).ToArray());
    }

    private sealed class Mapper(SyntaxTree tree)
    {
        public SpanJson Span(TextSpan span)
        {
            var range = tree.GetRange(span);
            return new SpanJson(Position(range.Start), Position(range.End));
        }

        private static PositionJson Position(SourcePosition position) => new(position.Line, position.Column, position.Offset);

        public NodeJson Node(SyntaxNode node) => node switch
        {
            DirectiveSyntax directive => Directive(directive),
            CommentSyntax comment => new CommentJson(Span(comment.Span), comment.Text, Span(comment.CommentSpan)),
            BlankLineSyntax blank => new BlankLineJson(Span(blank.Span)),
            InstructionSyntax instruction => Instruction(instruction),
            _ => throw new InvalidOperationException("No JSON shape for top-level node " + node.GetType().Name),
        };

        public DirectiveJson Directive(DirectiveSyntax directive) =>
            new(Span(directive.Span), directive.Name, directive.Value, Span(directive.NameSpan), Span(directive.ValueSpan));

        public StageJson Stage(Stage stage) => new(
            stage.Index,
            stage.Name,
            stage.Base.Kind.ToString().ToLowerInvariant(),
            stage.Base.Reference,
            stage.Base.Stage?.Index,
            stage.Platform,
            stage.IsWindows,
            Span(stage.From.Span),
            stage.Dependencies.Select(d => d.Index).ToArray(),
            stage.References.Select(r => new StageReferenceJson(
                r.Kind switch { StageReferenceKind.StageName => "stageName", StageReferenceKind.StageIndex => "stageIndex", _ => "image" },
                r.Value, r.Stage?.Index, Span(r.Span))).ToArray());

        public DiagnosticJson Diagnostic(SyntaxDiagnostic diagnostic) => new(
            diagnostic.Code,
            SeverityNames.Of(diagnostic.Severity),
            diagnostic.Message,
            diagnostic.IsLineParserError,
            Span(diagnostic.Span));

        public InstructionJson Instruction(InstructionSyntax instruction)
        {
            var mounts = instruction is RunInstructionSyntax run ? run.Mounts : [];
            return new InstructionJson(Span(instruction.Span))
            {
                Instruction = instruction.Kind.ToString().ToLowerInvariant(),
                Keyword = instruction.Keyword,
                KeywordSpan = Span(instruction.KeywordSpan),
                StartLine = instruction.StartLine,
                EndLine = instruction.EndLine,
                Flags = instruction.Flags.Select(f => Flag(f, mounts.FirstOrDefault(m => ReferenceEquals(m.Flag, f)))).ToArray(),
                Arguments = Arguments(instruction.Arguments),
                JsonForm = instruction.IsJsonForm,
                ArgumentsText = instruction.ArgumentsText,
                ArgumentsSpan = Span(instruction.ArgumentsSpan),
                Heredocs = instruction.Heredocs.Select(Heredoc).ToArray(),
                Form = instruction is CommandInstructionSyntax command ? Form(command) : null,
                Image = instruction is FromInstructionSyntax { Image: { } image } ? Argument(image) : null,
                StageName = instruction is FromInstructionSyntax { StageName: { } stage } ? Argument(stage) : null,
                Platform = instruction is FromInstructionSyntax { Platform: { } platform } ? Flag(platform, null) : null,
                Sources = instruction is FileTransferInstructionSyntax transfer ? Arguments(transfer.Sources) : null,
                Destination = instruction is FileTransferInstructionSyntax { Destination: { } destination } ? Argument(destination) : null,
                Pairs = instruction is KeyValueInstructionSyntax keyValue ? keyValue.Pairs.Select(Pair).ToArray() : null,
                Declarations = instruction is ArgInstructionSyntax arg ? arg.Declarations.Select(Declaration).ToArray() : null,
                Healthcheck = instruction is HealthcheckInstructionSyntax healthcheck ? Healthcheck(healthcheck) : null,
                User = (instruction as UserInstructionSyntax)?.User,
                Group = (instruction as UserInstructionSyntax)?.Group,
                Trigger = instruction is OnbuildInstructionSyntax { Trigger: { } trigger } ? Instruction(trigger) : null,
            };
        }

        private static string? Form(CommandInstructionSyntax command) =>
            command.IsJsonForm ? "exec" : command.IsShellForm ? "shell" : null;

        private FlagJson Flag(FlagSyntax flag, MountSyntax? mount) => new(
            flag.Name,
            flag.Value,
            Span(flag.Span),
            Span(flag.NameSpan),
            Span(flag.ValueSpan),
            mount is null ? null : new MountJson(mount.Type, mount.Options.Select(o => new MountOptionJson(o.Key, o.Value)).ToArray()));

        private ArgumentJson Argument(ArgumentSyntax argument) => new(argument.Value, Span(argument.Span));

        private ArgumentJson[] Arguments(IEnumerable<ArgumentSyntax> arguments) => arguments.Select(Argument).ToArray();

        private HeredocJson Heredoc(HeredocSyntax heredoc) => new(
            heredoc.Name,
            heredoc.Expand,
            heredoc.Chomp,
            heredoc.FileDescriptor,
            heredoc.IsTerminated,
            Span(heredoc.MarkerSpan),
            Span(heredoc.BodySpan),
            Span(heredoc.TerminatorSpan),
            heredoc.Content);

        private KeyValueJson Pair(KeyValueSyntax pair) =>
            new(pair.Key, pair.Value, pair.IsLegacyForm, Span(pair.Span), Span(pair.KeySpan), Span(pair.ValueSpan));

        private ArgDeclarationJson Declaration(ArgDeclarationSyntax declaration) =>
            new(declaration.Name, declaration.DefaultValue, Span(declaration.Span), Span(declaration.NameSpan));

        private HealthcheckJson Healthcheck(HealthcheckInstructionSyntax healthcheck) => new(
            healthcheck.Type?.Value,
            healthcheck.IsNone,
            Arguments(healthcheck.Command),
            healthcheck.Interval?.TotalSeconds,
            healthcheck.Timeout?.TotalSeconds,
            healthcheck.StartPeriod?.TotalSeconds,
            healthcheck.StartInterval?.TotalSeconds,
            healthcheck.Retries);
    }
}
