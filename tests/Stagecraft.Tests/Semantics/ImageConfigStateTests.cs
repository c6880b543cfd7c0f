using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Tests.Semantics;

/// <summary>The working directory and USER each instruction runs under, through FROM &lt;stage&gt; chains.</summary>
public class ImageConfigStateTests
{
    private static (SemanticModel Model, IReadOnlyList<InstructionSyntax> Instructions) Build(string text)
    {
        var model = SemanticModel.Build(SyntaxTree.Parse(text));
        return (model, model.Tree.Root.Instructions);
    }

    [Fact]
    public void Workdirs_apply_in_order_relative_ones_to_the_one_before_and_inherit_through_a_base_stage()
    {
        var (model, all) = Build("""
            FROM alpine AS base
            RUN pwd
            WORKDIR /srv
            WORKDIR app/./x/../y
            RUN pwd
            FROM base
            WORKDIR ..
            RUN pwd
            """);

        Assert.Equal("/", model.Stages[0].WorkingDirectoryAt(all[1]));
        Assert.Equal("/srv", model.Stages[0].WorkingDirectoryAt(all[3]));
        Assert.Equal("/srv/app/y", model.Stages[0].WorkingDirectoryAt(all[4]));
        Assert.Equal("/srv/app/y", model.Stages[1].WorkingDirectoryAt(all[6]));
        Assert.Equal("/srv/app", model.Stages[1].WorkingDirectoryAt(all[7]));
    }

    [Fact]
    public void Workdirs_expand_args_and_env_and_become_unknown_when_they_cannot()
    {
        var (model, all) = Build("""
            FROM alpine
            ARG HOME=/home/app
            WORKDIR $HOME/src
            RUN pwd
            WORKDIR ${MISSING:?must be set}
            RUN pwd
            WORKDIR /abs
            RUN pwd
            """);

        var stage = model.Stages[0];
        Assert.Equal("/home/app/src", stage.WorkingDirectoryAt(all[3]));
        Assert.Equal("/home/app/src", stage.WorkingDirectoryAt(all[4]));
        // Once a WORKDIR cannot be expanded the directory is unknown, and stays so: rules would otherwise guess paths.
        Assert.Null(stage.WorkingDirectoryAt(all[5]));
        Assert.Null(stage.WorkingDirectoryAt(all[7]));
    }

    [Fact]
    public void The_user_is_the_last_USER_before_the_instruction_in_the_stage_chain()
    {
        var (model, all) = Build("""
            FROM alpine AS base
            RUN id
            USER app
            FROM base AS next
            RUN id
            USER root
            RUN id
            FROM alpine
            RUN id
            """);

        Assert.Null(model.Stages[0].UserAt(all[1]));
        Assert.Equal("app", model.Stages[1].UserAt(all[4])?.User);
        Assert.Equal("root", model.Stages[1].UserAt(all[6])?.User);
        Assert.Null(model.Stages[2].UserAt(all[8]));
    }

    [Fact]
    public void An_onbuild_trigger_sees_the_stage_final_state()
    {
        var (model, _) = Build("""
            FROM alpine
            ONBUILD RUN id
            WORKDIR /opt
            USER nobody
            """);

        var stage = model.Stages[0];
        var trigger = stage.OnbuildTriggers.Single();
        Assert.Equal("/opt", stage.WorkingDirectoryAt(trigger));
        Assert.Equal("nobody", stage.UserAt(trigger)?.User);
    }
}
