using Stagecraft.Images.Inspection;

namespace Stagecraft.Tests.Images.Inspection;

/// <summary>A history entry's created_by is read back as an instruction, whichever builder wrote it.</summary>
public sealed class BuildStepTests
{
    private const string Hash = "ce026b62356eec3ad1214f92be2c9dc063fe205bd5e600be3492c4dfb17148bd";

    [Theory]
    // The classic builder (Docker's own, DOCKER_BUILDKIT=0).
    [InlineData("/bin/sh -c apt-get update &&     apt-get install -y gcc", "RUN", "/bin/sh -c apt-get update && apt-get install -y gcc", false)]
    [InlineData("|2 VERSION=1.2 FLAVOUR=slim /bin/sh -c make VERSION=$VERSION", "RUN", "/bin/sh -c make VERSION=$VERSION", false)]
    [InlineData("/bin/sh -c #(nop)  CMD [\"sh\"]", "CMD", "[\"sh\"]", false)]
    [InlineData("/bin/sh -c #(nop) WORKDIR /src", "WORKDIR", "/src", false)]
    [InlineData("/bin/sh -c #(nop) ADD file:" + Hash + " in / ", "ADD", "/", true)]
    [InlineData("/bin/sh -c #(nop) COPY --chown=app:app dir:" + Hash + " in /app/data ", "COPY", "/app/data", true)]
    [InlineData("/bin/sh -c #(nop) COPY multi:" + Hash + " in /app/ ", "COPY", "/app/", true)]
    [InlineData("echo hi", "RUN", "echo hi", false)]
    [InlineData("env", "RUN", "env", false)]
    // BuildKit.
    [InlineData("RUN /bin/sh -c apt-get update # buildkit", "RUN", "/bin/sh -c apt-get update", false)]
    [InlineData("RUN |1 VERSION=2 /bin/sh -c make # buildkit", "RUN", "/bin/sh -c make", false)]
    [InlineData("COPY --from=build /usr/local/bin/hello /usr/local/bin/hello # buildkit", "COPY", "--from=build /usr/local/bin/hello /usr/local/bin/hello", false)]
    [InlineData("WORKDIR /src # buildkit", "WORKDIR", "/src", false)]
    [InlineData("EXPOSE map[8080/tcp:{}]", "EXPOSE", "map[8080/tcp:{}]", false)]
    // kaniko.
    [InlineData("RUN mkdir -p /root/example/really/nested", "RUN", "mkdir -p /root/example/really/nested", false)]
    [InlineData("ADD .scripts/ /root/.data/", "ADD", ".scripts/ /root/.data/", false)]
    public void Each_builderʼs_record_reads_as_its_instruction(string createdBy, string keyword, string text, bool destinationOnly)
    {
        var step = BuildStep.Parse(createdBy);

        Assert.Equal(new BuildStep(keyword, text, destinationOnly), step);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" # buildkit")]
    public void An_empty_record_is_no_step(string? createdBy) => Assert.Null(BuildStep.Parse(createdBy));

    [Fact]
    public void Flags_in_front_are_set_aside_for_comparison()
    {
        Assert.Equal("/a /b", BuildStep.Parse("COPY --from=build --chown=1:1 /a /b # buildkit")!.TextWithoutFlags);
        Assert.Equal("/bin/sh -c make", BuildStep.Parse("/bin/sh -c make")!.TextWithoutFlags);
    }

    [Theory]
    [InlineData("/bin/sh -c #(nop) ADD file:" + Hash + " in / ", "ADD file:ce026b62356e… in /")]
    [InlineData("/bin/sh -c apt-get update", "RUN apt-get update")]
    [InlineData("|1 V=2 /bin/sh -c make", "RUN make")]
    [InlineData("RUN /bin/sh -c apt-get update # buildkit", "RUN apt-get update")]
    [InlineData("COPY . . # buildkit", "COPY . .")]
    [InlineData("/bin/sh -c #(nop)  CMD [\"sh\"]", "CMD [\"sh\"]")]
    [InlineData("RUN mkdir /x", "RUN mkdir /x")]
    [InlineData("/bin/bash -o pipefail -c make", "RUN /bin/bash -o pipefail -c make")]
    public void A_record_is_shown_as_a_short_instruction(string createdBy, string shown) =>
        Assert.Equal(shown, BuildStep.Display(createdBy));
}
