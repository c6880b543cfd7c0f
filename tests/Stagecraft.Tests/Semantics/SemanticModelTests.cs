using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Tests.Semantics;

public class SemanticModelTests
{
    private static SemanticModel Model(string text, BuildSettings? settings = null) => SemanticModel.Build(SyntaxTree.Parse(text), settings);

    [Fact]
    public void Stages_resolve_their_bases_to_images_earlier_stages_or_scratch()
    {
        var model = Model("""
            ARG VERSION=1.19
            FROM golang:${VERSION} AS Build
            RUN go build
            FROM build AS test
            FROM scratch
            COPY --from=build /app /app
            """);

        Assert.Equal(3, model.Stages.Count);
        Assert.Equal("build", model.Stages[0].Name);
        Assert.Equal(new StageBase(StageBaseKind.Image, "golang:1.19", null), model.Stages[0].Base);
        Assert.Same(model.Stages[0], model.Stages[1].Base.Stage);
        Assert.Equal(StageBaseKind.Scratch, model.Stages[2].Base.Kind);
        Assert.Null(model.Stages[2].Name);
        Assert.Equal("2", model.Stages[2].DisplayName);
    }

    [Fact]
    public void A_target_needs_only_the_stages_it_builds_on_or_copies_from()
    {
        var model = Model("""
            FROM alpine AS base
            FROM base AS deps
            FROM alpine AS unused
            FROM alpine AS assets
            RUN --mount=type=bind,from=assets,target=/a true
            FROM deps
            COPY --from=0 /x /x
            RUN --mount=from=assets,target=/a true
            """);

        Assert.Equal(["base", "deps", "assets", "4"], model.StagesNeededFor().Select(s => s.DisplayName));
        Assert.Equal(["base", "deps"], model.StagesNeededFor("DEPS").Select(s => s.DisplayName));
        Assert.Equal(["unused"], model.StagesNeededFor("unused").Select(s => s.DisplayName));
        Assert.Empty(model.StagesNeededFor("nope"));
    }

    [Fact]
    public void From_references_resolve_to_names_indexes_or_images()
    {
        var model = Model("""
            FROM alpine AS one
            FROM alpine
            ARG SRC=one
            COPY --from=${SRC} /a /a
            COPY --from=0 /b /b
            COPY --from=nginx:1.25 /c /c
            """);

        var references = model.Stages[1].References;
        Assert.Equal([StageReferenceKind.StageName, StageReferenceKind.StageIndex, StageReferenceKind.Image], references.Select(r => r.Kind));
        Assert.All(references.Take(2), r => Assert.Same(model.Stages[0], r.Stage));
        Assert.Equal("nginx:1.25", references[2].Value);
        Assert.Equal("${SRC}", model.Tree.GetText(references[0].Span));
    }

    [Fact]
    public void Meta_args_need_redeclaring_inside_a_stage_and_build_args_win()
    {
        var settings = new BuildSettings { BuildArgs = new Dictionary<string, string> { ["B"] = "from-cli" } };
        var model = Model("""
            ARG A=global
            ARG B=default
            FROM alpine
            WORKDIR /$A
            ARG A
            ARG B
            ARG C=${A}-c
            ARG TARGETARCH
            ENV A=env
            ARG A=later
            USER nobody
            """, settings);

        var stage = model.Stages[0];
        var workdir = stage.Instructions[0];
        Assert.False(stage.ScopeAt(workdir).IsDeclared("A"));
        Assert.Equal("/", model.Expand(workdir, "/$A").Value);

        var user = stage.Instructions[^1];
        var scope = stage.ScopeAt(user);
        Assert.Equal("from-cli", scope.Find("B")?.Value);
        Assert.Equal("global-c", scope.Find("C")?.Value);
        Assert.Equal("amd64", scope.Find("TARGETARCH")?.Value);
        Assert.Equal("env", scope.Find("A")?.Value); // ENV wins over ARG whatever the order
        Assert.Equal(VariableOrigin.Env, scope.Find("A")?.Origin);
    }

    [Fact]
    public void Env_pairs_expand_against_the_scope_before_the_instruction_and_are_inherited_by_child_stages()
    {
        var model = Model("""
            FROM alpine AS base
            ENV X=old
            ENV X=new Y=$X
            FROM base
            ARG ONLY_IN_BASE=1
            RUN echo
            """);

        var child = model.Stages[1];
        var scope = child.ScopeAt(child.Instructions[^1]);
        Assert.Equal("new", scope.Find("X")?.Value);
        Assert.Equal("old", scope.Find("Y")?.Value);
        Assert.False(model.Stages[1].ScopeAt(child.Instructions[0]).IsDeclared("ONLY_IN_BASE"));
    }

    [Fact]
    public void Args_with_a_value_are_inherited_by_child_stages_as_in_buildkit()
    {
        var model = Model("""
            FROM alpine AS base
            ARG WITH_VALUE=1
            ARG WITHOUT_VALUE
            FROM base
            RUN echo
            ARG WITH_VALUE
            RUN echo
            """);

        var child = model.Stages[1];
        Assert.Equal("1", child.ScopeAt(child.Instructions[0]).Find("WITH_VALUE")?.Value);
        Assert.False(child.ScopeAt(child.Instructions[0]).IsDeclared("WITHOUT_VALUE"));
        Assert.Equal("1", child.ScopeAt(child.Instructions[2]).Find("WITH_VALUE")?.Value); // redeclaring keeps the value
    }

    [Fact]
    public void A_repeated_stage_name_resolves_to_the_latest_stage_as_in_buildkit()
    {
        var model = Model("FROM alpine AS a\nFROM debian AS a\nFROM a\nCOPY --from=a / /\nFROM scratch AS scratch\nFROM scratch\n");

        Assert.Empty(model.Diagnostics);
        Assert.Same(model.Stages[1], model.Stages[2].Base.Stage);
        Assert.Same(model.Stages[1], model.Stages[2].References[0].Stage);
        Assert.Same(model.Stages[1], model.FindStage("A"));
        Assert.Same(model.Stages[3], model.Stages[4].Base.Stage); // a stage named scratch shadows the empty image
    }

    [Theory]
    [InlineData(null, "final")]
    [InlineData("build", "build")]
    public void Targetstage_names_the_stage_being_built(string? target, string expected)
    {
        var model = SemanticModel.Build(SyntaxTree.Parse("FROM alpine AS build\nFROM alpine AS final\nARG TARGETSTAGE\n"),
            BuildSettings.Default with { Target = target });
        Assert.Equal(expected, model.GlobalScope.Find("TARGETSTAGE")?.Value);
        Assert.Equal(expected, model.Stages[1].FinalScope.Find("TARGETSTAGE")?.Value);
    }

    [Fact]
    public void Platform_is_expanded_with_built_in_arguments()
    {
        var model = Model("FROM --platform=$BUILDPLATFORM golang AS build\nFROM --platform=${TARGETOS}/arm64 alpine\n");
        Assert.Equal("linux/amd64", model.Stages[0].Platform);
        Assert.Equal("linux/arm64", model.Stages[1].Platform);
    }

    [Fact]
    public void Shell_changes_follow_the_stage_and_are_inherited()
    {
        var model = Model("""
            FROM alpine AS a
            SHELL ["/bin/bash", "-o", "pipefail", "-c"]
            RUN echo a
            FROM a
            RUN echo b
            FROM alpine
            RUN echo c
            """);

        Assert.Equal(["/bin/bash", "-o", "pipefail", "-c"], model.Stages[1].ShellAt(model.Stages[1].Instructions[0]));
        Assert.Equal(Stage.DefaultShell, model.Stages[2].ShellAt(model.Stages[2].Instructions[0]));
    }

    [Fact]
    public void Onbuild_triggers_are_kept_as_instructions()
    {
        var model = Model("FROM node\nONBUILD COPY . /app\nONBUILD RUN npm install\n");
        var triggers = model.Stages[0].OnbuildTriggers.ToArray();
        Assert.IsType<CopyInstructionSyntax>(triggers[0]);
        Assert.Equal("npm install", Assert.IsType<RunInstructionSyntax>(triggers[1]).ShellText);
    }

    [Theory]
    [InlineData("FROM alpine AS 1st\n", "invalid name for build stage")]
    [InlineData("FROM alpine AS a\nCOPY --from=b / /\nFROM alpine AS b\nCOPY --from=a / /\n", "circular dependency")]
    [InlineData("FROM alpine\nCOPY --from=3 / /\n", "names no stage")]
    [InlineData("RUN echo\nFROM alpine\n", "cannot come before the first FROM")]
    [InlineData("FROM alpine AS a\nCOPY --from=a / /\n", "copies from itself")]
    public void Build_errors_are_reported_where_they_are_written(string text, string message)
    {
        var model = Model(text);
        var diagnostic = Assert.Single(model.Diagnostics);
        Assert.Contains(message, diagnostic.Message);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public void A_valid_multi_stage_file_has_no_build_errors()
    {
        var model = Model("ARG V=1\nFROM alpine:$V AS a\nFROM a AS b\nCOPY --from=a / /\nFROM scratch\nCOPY --from=b / /\n");
        Assert.Empty(model.Diagnostics);
    }
}
