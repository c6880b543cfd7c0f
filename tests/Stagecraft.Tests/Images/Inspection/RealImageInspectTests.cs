using Stagecraft.Images.Facts;
using Stagecraft.Images.Inspection;
using Stagecraft.Semantics;
using Stagecraft.Syntax;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Images.Inspection;

/// <summary>
/// The real images scripts/test.sh builds with a Docker engine (docs/testing.md): the facts must be the facts the
/// container itself shows. Without them these tests skip and say how to get them.
/// </summary>
public sealed class RealImageInspectTests
{
    [Fact]
    public void The_single_stage_image_reports_gcc_where_it_lives_and_the_package_that_installed_it()
    {
        var image = RealImages.Require(RealImages.GccSingle);

        var inspection = ImageInspector.Inspect("docker-archive:" + image.DockerArchive);

        var gcc = Assert.Single(inspection.Facts.BuildTools, t => t.Name == "gcc");
        Assert.Equal(BuildToolCategory.Compiler, gcc.Category);
        var onPath = Assert.Single(gcc.Locations, l => l.Path == "/usr/bin/gcc");
        Assert.True(onPath.OnPath);
        Assert.StartsWith("/usr/bin/", onPath.RealPath);
        // Debian's gcc is a link to gcc-12 and on to the triplet-named binary, which the gcc-12 package installs.
        Assert.NotNull(onPath.Package);
        Assert.StartsWith("gcc", onPath.Package);
        Assert.True(inspection.Facts.Config.RunsAsRoot);
    }

    [Theory]
    [InlineData(RealImages.GccSingle)]
    [InlineData(RealImages.MultiStage)]
    public void The_dpkg_package_count_is_what_dpkg_lists_inside_the_container(string name)
    {
        var image = RealImages.Require(name);

        var inspection = ImageInspector.Inspect("docker-archive:" + image.DockerArchive);

        var dpkg = inspection.Facts.Packages.Of(OsPackageManager.Dpkg);
        Assert.NotNull(dpkg);
        Assert.Equal(image.DpkgCount, dpkg.Count);
        Assert.Equal("debian", inspection.Facts.OsRelease?.Id);
    }

    [Fact]
    public void The_multi_stage_image_reports_no_build_tools_and_a_non_root_user()
    {
        var image = RealImages.Require(RealImages.MultiStage);

        var inspection = ImageInspector.Inspect("docker-archive:" + image.DockerArchive);

        Assert.Empty(inspection.Facts.BuildTools);
        Assert.False(inspection.Facts.Config.RunsAsRoot);
        Assert.Equal("app", inspection.Facts.Config.User);
    }

    [Theory]
    [InlineData(RealImages.GccSingle)]
    [InlineData(RealImages.MultiStage)]
    public void The_OCI_layout_gives_the_same_layers_and_facts_as_the_docker_archive(string name)
    {
        var image = RealImages.Require(name);

        var archive = ImageInspector.Inspect("docker-archive:" + image.DockerArchive);
        var layout = ImageInspector.Inspect($"oci:{image.OciLayout}:latest");

        Assert.Equal(archive.Layers.Select(l => (l.DiffId, l.Size, l.Files)), layout.Layers.Select(l => (l.DiffId, l.Size, l.Files)));
        // skopeo rewrites the config as an OCI config, so its digest differs from the engine's id; what it says stays the same.
        Assert.Equal(archive.Config.User ?? "", layout.Config.User ?? "");
        Assert.Equal(archive.Config.Cmd, layout.Config.Cmd);
        Assert.Equal(archive.Config.Env, layout.Config.Env);
        Assert.True(layout.CompressedSize < layout.TarSize, "skopeo writes gzip layers");
        Assert.Equal(archive.Facts.BuildTools.Select(t => t.Name), layout.Facts.BuildTools.Select(t => t.Name));
        Assert.Equal(archive.Facts.Packages.Count, layout.Facts.Packages.Count);
        Assert.Equal((archive.TotalSize, archive.ReclaimableBytes), (layout.TotalSize, layout.ReclaimableBytes));
    }

    [Theory]
    [InlineData(RealImages.GccSingle)]
    [InlineData(RealImages.MultiStage)]
    public void Each_layer_maps_to_the_Dockerfile_line_the_classic_builder_ran(string name)
    {
        var image = RealImages.Require(name);
        var dockerfile = Path.Combine(SharedData.RepositoryRoot, "tests", "images", name, "Dockerfile");
        if (!File.Exists(dockerfile))
            Assert.Skip($"{dockerfile} is missing: the real images' Dockerfiles come with scripts/test.sh");
        var model = SemanticModel.Build(SyntaxTree.Parse(File.ReadAllBytes(dockerfile), dockerfile));

        var inspection = ImageInspector.Inspect("docker-archive:" + image.DockerArchive, new ImageInspectionOptions { Dockerfile = model });

        var final = model.TargetStage!;
        // The base image was made by `docker import`: its layer came with FROM; every later step is one of the final stage's instructions.
        Assert.Equal(final.From.StartLine, inspection.Layers[0].Instruction?.Line);
        Assert.Equal(DockerfileMatch.BaseImage, inspection.Layers[0].Instruction?.Match);
        // scripts/test.sh builds with `docker build --label org.stagecraft.test.inputs=…`: the engine records that label as
        // one more step, which no Dockerfile line made and which must stay unmapped.
        var buildLabel = Assert.Single(inspection.History, step => step.CreatedBy?.Contains("org.stagecraft.test.inputs", StringComparison.Ordinal) == true);
        Assert.Null(buildLabel.Instruction);
        Assert.All(inspection.History.Skip(1).Where(step => step != buildLabel), step =>
        {
            Assert.NotNull(step.Instruction);
            Assert.Equal(DockerfileMatch.Exact, step.Instruction.Match);
            Assert.Contains(final.Instructions, i => i.StartLine == step.Instruction.Line);
        });
        // The only note about the Dockerfile is that label step: every instruction has its step.
        var note = Assert.Single(inspection.Notes, n => n.StartsWith(dockerfile, StringComparison.Ordinal));
        Assert.StartsWith($"{dockerfile}: 1 history step matches no instruction", note);
    }
}
