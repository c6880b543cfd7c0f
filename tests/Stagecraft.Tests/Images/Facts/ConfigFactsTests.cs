using Stagecraft.Images;
using Stagecraft.Images.Facts;

namespace Stagecraft.Tests.Images.Facts;

public class ConfigFactsTests
{
    private static readonly InMemoryImageFiles WithPasswd = new InMemoryImageFiles()
        .File("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\ntoor:x:0:0::/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n");

    [Theory]
    [InlineData(null, true, "no USER is set, so the container runs as root")]
    [InlineData("", true, "no USER is set, so the container runs as root")]
    [InlineData("root", true, "USER root is root")]
    [InlineData("0:0", true, "USER 0:0 is uid 0 (root)")]
    [InlineData("1000", false, "USER 1000 is uid 1000")]
    [InlineData("app:app", false, "USER app:app is uid 1000 in /etc/passwd")]
    [InlineData("toor", true, "USER toor has uid 0 in /etc/passwd: it is root under another name")]
    [InlineData("ghost", null, "USER ghost is not in /etc/passwd: the container will not start")]
    public void The_user_is_resolved_against_the_image_passwd(string? user, bool? root, string reason)
    {
        var config = ImageFacts.Collect(WithPasswd, new ImageConfig { User = user }).Config;

        Assert.Equal((root, reason), (config.RunsAsRoot, config.UserReason));
    }

    [Fact]
    public void A_named_user_without_any_passwd_cannot_be_resolved()
    {
        var config = ImageFacts.Collect(new InMemoryImageFiles(), new ImageConfig { User = "app" }).Config;

        Assert.Equal((null, "USER app cannot be resolved: the image has no /etc/passwd"), (config.RunsAsRoot, config.UserReason));
    }

    [Fact]
    public void A_healthcheck_of_NONE_is_no_healthcheck_and_the_rest_of_the_config_is_carried_over()
    {
        var none = new ImageHealthcheck(["NONE"], null, null, null, null);
        var real = new ImageHealthcheck(["CMD-SHELL", "curl -f http://localhost/ || exit 1"], TimeSpan.FromSeconds(30), null, null, 3);
        var config = new ImageConfig
        {
            Healthcheck = real, ExposedPorts = ["8080/tcp"], Entrypoint = ["/app"], Cmd = ["--serve"], WorkingDir = "/srv",
            Labels = new Dictionary<string, string> { ["org.opencontainers.image.source"] = "https://example.com/repo" },
            Os = "linux", Architecture = "arm64", Variant = "v8", Created = DateTimeOffset.Parse("2024-05-01T10:00:00Z"),
        };

        var facts = ImageFacts.Collect(new InMemoryImageFiles(), config).Config;
        var disabled = ImageFacts.Collect(new InMemoryImageFiles(), new ImageConfig { Healthcheck = none }).Config;

        Assert.True(facts.HasHealthcheck);
        Assert.Same(real, facts.Healthcheck);
        Assert.False(disabled.HasHealthcheck);
        Assert.False(ImageFacts.Collect(new InMemoryImageFiles(), new ImageConfig()).Config.HasHealthcheck);
        Assert.Equal(["8080/tcp"], facts.ExposedPorts);
        Assert.Equal(["/app"], facts.Entrypoint!);
        Assert.Equal(["--serve"], facts.Cmd!);
        Assert.Equal(("/srv", "linux", "arm64", "v8"), (facts.WorkingDir, facts.Os, facts.Architecture, facts.Variant));
        Assert.Equal("https://example.com/repo", facts.Labels["org.opencontainers.image.source"]);
        Assert.Equal(config.Created, facts.Created);
    }
}
