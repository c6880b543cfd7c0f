namespace Stagecraft.Tests.Generation.RealBuild;

/// <summary>The log reader the real-build tests rely on, on a log buildah 1.28 printed for examples/node-api (shortened).</summary>
public sealed class BuildahLogTests
{
    private const string Rebuild = """
        [1/6] STEP 1/2: FROM node:18.20.8-bookworm-slim AS base
        [1/6] STEP 2/2: WORKDIR /app
        --> Using cache b1006b8dccd51e2d3638c6bfb5613104986855c8affeb2ae749dd6f70bc9fad4
        --> b1006b8dccd
        [2/6] STEP 1/3: FROM b1006b8dccd51e2d3638c6bfb5613104986855c8affeb2ae749dd6f70bc9fad4 AS deps
        [2/6] STEP 2/3: COPY package.json package-lock.json ./
        --> Using cache 93f6c479814586d7bbb7de7dee4a0915f509591319bac64daafde99f9cca6d84
        --> 93f6c479814
        [2/6] STEP 3/3: RUN --mount=type=cache,target=/root/.npm     npm ci
        --> Using cache 60681a3394f468050c7413ed32f817fbd7e0b24d69f12ec0584f1498e076e193
        --> 60681a3394f
        [3/6] STEP 1/3: FROM 60681a3394f468050c7413ed32f817fbd7e0b24d69f12ec0584f1498e076e193 AS build
        [3/6] STEP 2/3: COPY . .
        --> 2cc85288346
        [3/6] STEP 3/3: RUN npm run build

        > node-api@1.0.0 build
        > tsc -p tsconfig.json

        --> 3551726c1d3
        """;

    [Fact]
    public void Each_step_is_read_with_its_stage_and_whether_its_layer_came_from_the_cache()
    {
        var steps = BuildahLog.Steps(Rebuild);

        Assert.Equal(
            [
                new BuildStep("1/6", "FROM node:18.20.8-bookworm-slim AS base", false),
                new BuildStep("1/6", "WORKDIR /app", true),
                new BuildStep("2/6", "FROM b1006b8dccd51e2d3638c6bfb5613104986855c8affeb2ae749dd6f70bc9fad4 AS deps", false),
                new BuildStep("2/6", "COPY package.json package-lock.json ./", true),
                new BuildStep("2/6", "RUN --mount=type=cache,target=/root/.npm     npm ci", true),
                new BuildStep("3/6", "FROM 60681a3394f468050c7413ed32f817fbd7e0b24d69f12ec0584f1498e076e193 AS build", false),
                new BuildStep("3/6", "COPY . .", false),
                new BuildStep("3/6", "RUN npm run build", false),
            ],
            steps);
    }

    [Fact]
    public void A_one_stage_build_has_no_stage_and_a_first_build_uses_no_cache()
    {
        var steps = BuildahLog.Steps("STEP 1/2: FROM python:3.11.13-slim-bookworm\nSTEP 2/2: COPY . .\n--> 1f2e3d4c5b6\nCOMMIT x\n");

        Assert.Equal([new BuildStep(null, "FROM python:3.11.13-slim-bookworm", false), new BuildStep(null, "COPY . .", false)], steps);
        Assert.True(steps[1].Is("copy"));
    }
}
