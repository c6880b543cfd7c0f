using Stagecraft.Images.Inspection;
using Stagecraft.Images.Policy;
using Stagecraft.Tests.Images.Inspection;
using Stagecraft.Tests.Images.Layers;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Images.Policy;

/// <summary>
/// Every policy rule passing and failing on crafted images. The sample image has gcc (gcc-12 from dpkg), a private key,
/// 20,000 reclaimable bytes, a non-root user and a healthcheck; the bare image has one file, root and no healthcheck.
/// </summary>
public sealed class PolicyEvaluatorTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private ImageInspection Sample() => ImageInspector.Inspect(SampleImage.Create().Save(_temp.Folder("sample")));

    private ImageInspection Bare() => ImageInspector.Inspect(new CraftedImage().Layer("/bin/sh -c #(nop) ADD file:x in /", new LayerTar().File("app", new byte[5_000])).Save(_temp.Folder("bare")));

    private static PolicyCheck One(ImageInspection image, ImagePolicy policy) => Assert.Single(PolicyEvaluator.Evaluate(image, policy).Checks);

    [Fact]
    public void Max_size_holds_the_uncompressed_file_data_against_the_limit_and_the_limit_itself_passes()
    {
        var image = Sample();
        var size = image.TotalSize;

        var exact = One(image, new ImagePolicy { MaxSize = size });
        var under = One(image, new ImagePolicy { MaxSize = size - 1 });

        Assert.True(exact.Passed);
        Assert.False(under.Passed);
        Assert.Equal((double)size, under.Measured);
        Assert.Equal(PolicyUnit.Bytes, under.Unit);
        Assert.Contains("uncompressed", under.Measure);
    }

    [Fact]
    public void Max_compressed_size_measures_the_stored_blobs_not_the_file_data()
    {
        var image = SampleImageGzip();
        Assert.NotEqual(image.TotalSize, image.CompressedSize);

        var pass = One(image, new ImagePolicy { MaxCompressedSize = image.CompressedSize });
        var fail = One(image, new ImagePolicy { MaxCompressedSize = image.CompressedSize - 1 });

        Assert.True(pass.Passed);
        Assert.False(fail.Passed);
        Assert.Equal((double)image.CompressedSize, fail.Measured);
        Assert.Contains("compressed size", fail.Measure);
    }

    private ImageInspection SampleImageGzip() => ImageInspector.Inspect(SampleImage.Create(gzip: true).Save(_temp.Folder("gzip")));

    [Fact]
    public void Max_layers_counts_layers()
    {
        var image = Sample();
        Assert.True(One(image, new ImagePolicy { MaxLayers = 3 }).Passed);
        Assert.False(One(image, new ImagePolicy { MaxLayers = 2 }).Passed);
    }

    [Fact]
    public void Forbid_tools_names_the_tool_where_it_lives_and_the_package_that_installed_it()
    {
        var fail = One(Sample(), new ImagePolicy { ForbidTools = ["gcc", "make"] });
        var pass = One(Bare(), new ImagePolicy { ForbidTools = ["gcc"] });

        Assert.False(fail.Passed);
        var violation = Assert.Single(fail.Violations);
        Assert.Equal(new PolicyViolation("gcc", "/usr/bin/gcc -> /usr/bin/gcc-12", "gcc-12"), violation);
        Assert.True(pass.Passed);
        Assert.Empty(pass.Violations);
    }

    [Fact]
    public void Forbid_packages_matches_names_and_patterns_of_installed_packages_only()
    {
        var image = Sample();

        var fail = One(image, new ImagePolicy { ForbidPackages = ["gcc-*"] });
        // make is in the database but only as config files: not installed.
        var pass = One(image, new ImagePolicy { ForbidPackages = ["make", "gcc"] });

        Assert.False(fail.Passed);
        Assert.Equal(new PolicyViolation("gcc-12 12.2.0-14", "/var/lib/dpkg/status", "gcc-12"), Assert.Single(fail.Violations));
        Assert.True(pass.Passed);
    }

    [Fact]
    public void Require_non_root_passes_for_a_uid_other_than_0_and_fails_for_root()
    {
        var pass = One(Sample(), new ImagePolicy { RequireNonRoot = true });
        var fail = One(Bare(), new ImagePolicy { RequireNonRoot = true });

        Assert.True(pass.Passed);
        Assert.Contains("10001", pass.Detail);
        Assert.False(fail.Passed);
        Assert.Contains("root", fail.Detail);
    }

    [Fact]
    public void Require_healthcheck_passes_with_one_and_fails_without()
    {
        Assert.True(One(Sample(), new ImagePolicy { RequireHealthcheck = true }).Passed);
        var fail = One(Bare(), new ImagePolicy { RequireHealthcheck = true });
        Assert.False(fail.Passed);
        Assert.Equal("no HEALTHCHECK is set", fail.Detail);
    }

    [Fact]
    public void Min_efficiency_uses_diveʼs_score_and_passes_at_the_limit()
    {
        var image = Sample();
        var score = image.DiveCompatible.EfficiencyScore;
        Assert.True(score < 1);

        Assert.True(One(image, new ImagePolicy { MinEfficiency = score }).Passed);
        Assert.False(One(image, new ImagePolicy { MinEfficiency = Math.BitIncrement(score) }).Passed);
        Assert.True(One(Bare(), new ImagePolicy { MinEfficiency = 1 }).Passed);
    }

    [Fact]
    public void Max_reclaimable_counts_the_deleted_file()
    {
        var image = Sample();
        Assert.Equal(SampleImage.DeletedFileSize, image.ReclaimableBytes);

        Assert.True(One(image, new ImagePolicy { MaxReclaimable = SampleImage.DeletedFileSize }).Passed);
        var fail = One(image, new ImagePolicy { MaxReclaimable = SampleImage.DeletedFileSize - 1 });
        Assert.False(fail.Passed);
    }

    [Fact]
    public void Forbid_secrets_lists_each_secret_where_it_is_and_passes_a_clean_image()
    {
        var fail = One(Sample(), new ImagePolicy { ForbidSecrets = true });

        Assert.False(fail.Passed);
        Assert.Contains(fail.Violations, v => v.Where == "/root/.ssh/id_rsa" && v.What.StartsWith("private-key: ", StringComparison.Ordinal));
        Assert.Contains(fail.Violations, v => v.Where == "ENV GITHUB_TOKEN");
        Assert.DoesNotContain(fail.Violations, v => v.What.Contains(SampleImage.GitHubToken, StringComparison.Ordinal));
        Assert.True(One(Bare(), new ImagePolicy { ForbidSecrets = true }).Passed);
    }

    [Fact]
    public void Rules_are_reported_in_a_fixed_order_with_where_each_limit_came_from()
    {
        var policy = new ImagePolicy
        {
            ForbidSecrets = true, MaxSize = 1, MaxLayers = 9, Sources = new Dictionary<string, string> { [PolicyRules.MaxSize] = "policy.yaml:3" },
        };

        var report = PolicyEvaluator.Evaluate(Bare(), policy, new DiveCiRules(0.5, null, null, ".dive-ci"));

        Assert.Equal([PolicyRules.MaxSize, PolicyRules.MaxLayers, PolicyRules.ForbidSecrets, PolicyRules.DiveLowestEfficiency], report.Checks.Select(c => c.Rule));
        Assert.Equal(["policy.yaml:3", "flag", "flag", ".dive-ci"], report.Checks.Select(c => c.Source));
        Assert.False(report.Passed);
        Assert.Equal(1, report.FailedCount);
    }
}
