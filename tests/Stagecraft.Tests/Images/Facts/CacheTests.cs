using Stagecraft.Images;
using Stagecraft.Images.Facts;

namespace Stagecraft.Tests.Images.Facts;

public class CacheTests
{
    [Fact]
    public void Sums_package_manager_caches_in_fixed_places_and_in_every_home()
    {
        var files = new InMemoryImageFiles()
            .Sized("/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4", 9_000_000)
            .Sized("/var/lib/apt/lists/lock", 0)
            .Sized("/var/cache/apt/pkgcache.bin", 30_000_000)
            .Sized("/var/cache/apt/archives/gcc_12.deb", 1_000_000)
            .Sized("/root/.cache/pip/http-v2/a/b/c", 500_000)
            .Sized("/home/app/.cache/pip/wheels/x.whl", 70_000)
            .Sized("/home/app/.npm/_cacache/index", 2_000)
            .File("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\nnode:x:1000:1000::/srv/node:/bin/sh\n")
            .Sized("/srv/node/.npm/_cacache/content", 4_000)
            .Sized("/usr/local/share/.cache/yarn/v6/pkg", 3_000)
            .Sized("/go/pkg/mod/cache/download/x.zip", 6_000)
            .Sized("/root/.cache/go-build/00/abc", 7_000)
            .Sized("/usr/lib/python3/dist-packages/apt/__pycache__/x.cpython-311.pyc", 100)
            .Sized("/app/__pycache__/main.cpython-311.pyc", 50)
            .Sized("/tmp/build.log", 1234)
            .Sized("/tmp/cache/composer/files.zip", 42)
            .Sized("/usr/share/doc/pip/README", 10_000);

        var caches = ImageFacts.Collect(files, new ImageConfig()).Caches;

        Assert.Equal([
            "apt /var/cache/apt /var/cache/apt 31000000 2",
            "apt /var/lib/apt/lists /var/lib/apt/lists 9000000 2",
            "pip ~/.cache/pip /root/.cache/pip 500000 1",
            "pip ~/.cache/pip /home/app/.cache/pip 70000 1",
            "go ~/.cache/go-build /root/.cache/go-build 7000 1",
            "go /go/pkg/mod /go/pkg/mod 6000 1",
            "npm ~/.npm /srv/node/.npm 4000 1",
            "yarn /usr/local/share/.cache/yarn /usr/local/share/.cache/yarn 3000 1",
            "npm ~/.npm /home/app/.npm 2000 1",
            "tmp /tmp /tmp 1234 1",
            "python **/__pycache__ **/__pycache__ 150 2",
            "composer /tmp/cache /tmp/cache 42 1",
        ], caches.Select(c => $"{c.Tool} {c.Location} {c.Path} {c.Bytes} {c.Files}"));
        Assert.Equal(2, caches.Single(c => c.Tool == "python").Folders);
    }

    [Fact]
    public void A_cache_moved_by_the_image_ENV_is_found_where_the_variable_points()
    {
        var files = new InMemoryImageFiles()
            .Sized("/cache/pip/http/x", 100)
            .Sized("/usr/local/cargo/registry/cache/index.crates.io/serde.crate", 200)
            .Sized("/usr/local/bundle/gems/rack/lib/rack.rb", 300);
        var config = new ImageConfig { Env = ["PIP_CACHE_DIR=/cache/pip", "CARGO_HOME=/usr/local/cargo", "BUNDLE_PATH=/usr/local/bundle"] };

        var caches = ImageFacts.Collect(files, config).Caches;

        Assert.Equal(["cargo /usr/local/cargo/registry", "pip $PIP_CACHE_DIR"], caches.Select(c => $"{c.Tool} {c.Location}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Empty_cache_folders_are_not_reported()
    {
        var files = new InMemoryImageFiles().Directory("/var/lib/apt/lists/partial").Sized("/var/lib/apt/lists/lock", 0).Directory("/tmp");

        Assert.Empty(ImageFacts.Collect(files, new ImageConfig()).Caches);
    }
}
