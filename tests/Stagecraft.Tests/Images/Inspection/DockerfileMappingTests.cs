using Stagecraft.Images.Inspection;
using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Tests.Images.Inspection;

/// <summary>
/// History steps are mapped back to the instructions of the final stage (and the stages it is built on), as the classic
/// builder, BuildKit and kaniko record them; the base image's steps map to the FROM line; what does not match says so.
/// </summary>
public sealed class DockerfileMappingTests
{
    private const string Hash = "0d5ac3a1bc7d1cf6e5aa9a8aeb7b8e1d2b1c76e0d6e4a4d71e7ab0e5f3b9e6a1";

    // tests/images/multi-stage/Dockerfile, as the real-image script builds it.
    private const string MultiStage = """
        # The multi-stage rewrite
        FROM local/debian:bookworm AS build
        RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev
        WORKDIR /src
        COPY src/hello.c .
        RUN gcc -O2 -o /usr/local/bin/hello hello.c

        FROM local/debian:bookworm
        COPY --from=build /usr/local/bin/hello /usr/local/bin/hello
        RUN useradd --system --uid 10001 --no-create-home app
        USER app
        CMD ["/usr/local/bin/hello"]
        """;

    [Fact]
    public void The_classic_builderʼs_history_maps_to_the_final_stage_and_its_base_to_the_FROM_line()
    {
        var notes = new List<string>();
        // `docker import` records no created_by; the classic builder records metadata as #(nop) and RUN as its shell command.
        var mapped = Map(MultiStage, notes,
            ("", false),
            ("/bin/sh -c #(nop) COPY file:" + Hash + " in /usr/local/bin/hello ", false),
            ("/bin/sh -c useradd --system --uid 10001 --no-create-home app", false),
            ("/bin/sh -c #(nop)  USER app", true),
            ("/bin/sh -c #(nop)  CMD [\"/usr/local/bin/hello\"]", true));

        Assert.Equal(
        [
            "8 base-image FROM local/debian:bookworm",
            "9 exact COPY --from=build /usr/local/bin/hello /usr/local/bin/hello",
            "10 exact RUN useradd --system --uid 10001 --no-create-home app",
            "11 exact USER app",
            "12 exact CMD [\"/usr/local/bin/hello\"]",
        ], mapped);
        Assert.Empty(notes);
    }

    [Fact]
    public void BuildKitʼs_history_maps_with_its_suffix_flags_and_build_arguments()
    {
        const string dockerfile = """
            FROM debian:12-slim
            ARG VERSION=2
            ENV APP_HOME=/app
            WORKDIR $APP_HOME
            COPY --chown=app:app src/ ./src/
            RUN apt-get update \
                && apt-get install -y make
            RUN make VERSION=$VERSION
            EXPOSE 8080
            CMD ["./run"]
            """;
        var notes = new List<string>();

        var mapped = Map(dockerfile, notes,
            ("/bin/sh -c #(nop) ADD file:" + Hash + " in / ", false),
            ("/bin/sh -c #(nop)  CMD [\"bash\"]", true),
            ("ARG VERSION=2", true),
            ("ENV APP_HOME=/app", true),
            ("WORKDIR /app # buildkit", false),
            ("COPY --chown=app:app src/ ./src/ # buildkit", false),
            ("RUN /bin/sh -c apt-get update     && apt-get install -y make # buildkit", false),
            ("RUN |1 VERSION=2 /bin/sh -c make VERSION=$VERSION # buildkit", false),
            ("EXPOSE map[8080/tcp:{}]", true),
            ("CMD [\"./run\"]", true));

        Assert.Equal(
        [
            "1 base-image FROM debian:12-slim",
            "1 base-image FROM debian:12-slim",
            "2 exact ARG VERSION=2",
            "3 exact ENV APP_HOME=/app",
            "4 exact WORKDIR $APP_HOME",
            "5 exact COPY --chown=app:app src/ ./src/",
            "6 exact RUN apt-get update && apt-get install -y make",
            "8 exact RUN make VERSION=$VERSION",
            "9 exact EXPOSE 8080",
            "10 exact CMD [\"./run\"]",
        ], mapped);
        Assert.Empty(notes);
    }

    [Fact]
    public void Kanikoʼs_plain_instructions_map_exactly()
    {
        var notes = new List<string>();

        var mapped = Map("FROM busybox\nADD README.md /somefile.txt\nRUN mkdir -p /root/x\n", notes,
            ("/bin/sh -c #(nop) ADD file:" + Hash + " in / ", false),
            ("ADD README.md /somefile.txt", false),
            ("RUN mkdir -p /root/x", false));

        Assert.Equal(["1 base-image FROM busybox", "2 exact ADD README.md /somefile.txt", "3 exact RUN mkdir -p /root/x"], mapped);
    }

    [Fact]
    public void A_stage_built_on_another_stage_maps_both_and_the_first_stageʼs_base_to_its_FROM()
    {
        const string dockerfile = """
            FROM alpine:3.20 AS base
            RUN apk add --no-cache ca-certificates
            FROM base AS final
            COPY app /app
            ENTRYPOINT ["/app"]
            """;
        var notes = new List<string>();

        var mapped = Map(dockerfile, notes,
            ("/bin/sh -c #(nop) ADD file:" + Hash + " in / ", false),
            ("/bin/sh -c #(nop)  CMD [\"/bin/sh\"]", true),
            ("/bin/sh -c apk add --no-cache ca-certificates", false),
            ("/bin/sh -c #(nop) COPY file:" + Hash + " in /app ", false),
            ("/bin/sh -c #(nop)  ENTRYPOINT [\"/app\"]", true));

        Assert.Equal(
        [
            "1 base-image FROM alpine:3.20 AS base",
            "1 base-image FROM alpine:3.20 AS base",
            "2 exact RUN apk add --no-cache ca-certificates",
            "4 exact COPY app /app",
            "5 exact ENTRYPOINT [\"/app\"]",
        ], mapped);
        Assert.Equal(["base", "base", "base", "final", "final"], MapInstructions(dockerfile, notes,
            ("/bin/sh -c #(nop) ADD file:" + Hash + " in / ", false),
            ("/bin/sh -c #(nop)  CMD [\"/bin/sh\"]", true),
            ("/bin/sh -c apk add --no-cache ca-certificates", false),
            ("/bin/sh -c #(nop) COPY file:" + Hash + " in /app ", false),
            ("/bin/sh -c #(nop)  ENTRYPOINT [\"/app\"]", true)).Select(i => i!.Stage));
    }

    [Fact]
    public void A_custom_shell_and_an_expanded_destination_still_match_exactly()
    {
        const string dockerfile = """
            FROM debian:12
            ENV DEST=/opt/app
            SHELL ["/bin/bash", "-o", "pipefail", "-c"]
            RUN curl -fsSL https://example.com | tar -x
            COPY bin/ $DEST/bin/
            """;
        var notes = new List<string>();

        var mapped = Map(dockerfile, notes,
            ("/bin/sh -c #(nop)  ENV DEST=/opt/app", true),
            ("/bin/sh -c #(nop)  SHELL [/bin/bash -o pipefail -c]", true),
            ("/bin/bash -o pipefail -c curl -fsSL https://example.com | tar -x", false),
            ("/bin/sh -c #(nop) COPY dir:" + Hash + " in /opt/app/bin/ ", false));

        Assert.Equal(
        [
            "2 exact ENV DEST=/opt/app",
            "3 same-kind SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]",
            "4 exact RUN curl -fsSL https://example.com | tar -x",
            "5 exact COPY bin/ $DEST/bin/",
        ], mapped);
    }

    [Fact]
    public void Steps_and_instructions_that_match_nothing_are_named_in_notes()
    {
        const string dockerfile = "FROM debian:12\nRUN apt-get update\nRUN make\nRUN make install\n";
        var notes = new List<string>();

        var mapped = Map(dockerfile, notes,
            ("/bin/sh -c #(nop) ADD file:" + Hash + " in / ", false),
            ("/bin/sh -c apt-get update", false),
            ("/bin/sh -c #(nop)  LABEL stray=1", true),
            ("/bin/sh -c make install", false));

        Assert.Equal(["1 base-image FROM debian:12", "2 exact RUN apt-get update", "-", "4 exact RUN make install"], mapped);
        Assert.Equal(
        [
            "Dockerfile: 1 history step matches no instruction (first: step 2, /bin/sh -c #(nop) LABEL stray=1)",
            "Dockerfile: 1 instruction has no step in the image's history (first: line 3); the image may come from another version of the file",
        ], notes);
    }

    [Fact]
    public void A_Dockerfile_that_matches_nothing_claims_no_step_for_its_FROM_line()
    {
        var notes = new List<string>();

        var mapped = Map("FROM alpine\nUSER nobody\n", notes,
            ("/bin/sh -c #(nop) ADD file:" + Hash + " in / ", false),
            ("/bin/sh -c apt-get update", false));

        Assert.Equal(["-", "-"], mapped);
        Assert.Equal(
        [
            "Dockerfile: no instruction of stage 0 matches the image's history; was the image built from it?",
        ], notes);
    }

    [Fact]
    public void Of_two_equal_steps_an_instruction_takes_the_later_one()
    {
        // The base image ran the same command; the Dockerfile's own step is the later one.
        var notes = new List<string>();

        var mapped = Map("FROM debian:12\nRUN apt-get update\n", notes,
            ("/bin/sh -c apt-get update", false),
            ("/bin/sh -c apt-get update", false));

        Assert.Equal(["1 base-image FROM debian:12", "2 exact RUN apt-get update"], mapped);
    }

    private static string[] Map(string dockerfile, List<string> notes, params (string CreatedBy, bool Empty)[] history) =>
        MapInstructions(dockerfile, notes, history)
            .Select(i => i is null ? "-" : $"{i.Line} {Stagecraft.Reporting.Images.InspectJsonWriter.MatchName(i.Match)} {i.Text}")
            .ToArray();

    private static DockerfileInstruction?[] MapInstructions(string dockerfile, List<string> notes, params (string CreatedBy, bool Empty)[] history)
    {
        var model = SemanticModel.Build(SyntaxTree.Parse(dockerfile, "Dockerfile"));
        var layer = 0;
        var steps = history.Select((h, i) => new HistoryStep(i, null, h.CreatedBy, null, h.Empty, h.Empty ? null : layer++, null)).ToArray();
        return DockerfileMapping.Apply(model, "Dockerfile", steps, notes).Select(s => s.Instruction).ToArray();
    }
}
