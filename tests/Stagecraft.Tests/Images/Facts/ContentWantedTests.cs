using Stagecraft.Images.Facts;

namespace Stagecraft.Tests.Images.Facts;

public class ContentWantedTests
{
    [Theory]
    [InlineData("/var/lib/dpkg/status", 5_000_000)]
    [InlineData("/var/lib/dpkg/status.d/libc6", 2_000)]
    [InlineData("/var/lib/dpkg/info/gcc-12.list", 3_000)]
    [InlineData("/var/lib/dpkg/info/libc6:amd64.list", 3_000)]
    [InlineData("/lib/apk/db/installed", 1_000_000)]
    [InlineData("/var/lib/rpm/rpmdb.sqlite", 40_000_000)]
    [InlineData("/usr/lib/sysimage/rpm/rpmdb.sqlite", 40_000_000)]
    [InlineData("/etc/os-release", 300)]
    [InlineData("/usr/lib/os-release", 300)]
    [InlineData("/etc/passwd", 1_000)]
    [InlineData("/home/app/.ssh/id_ed25519", 400)]
    [InlineData("/etc/ssh/ssh_host_rsa_key", 2_600)]
    [InlineData("/srv/tls/server.key", 1_700)]
    [InlineData("/app/.env", 500)]
    [InlineData("/app/.env.production", 500)]
    [InlineData("/root/.aws/credentials", 100)]
    [InlineData("/root/.docker/config.json", 200)]
    [InlineData("/kaniko/.docker/config.json", 200)]
    [InlineData("/usr/src/app/.npmrc", 100)]
    [InlineData("/root/.netrc", 100)]
    [InlineData("/src/.git/config", 300)]
    [InlineData("/secrets/service-account.json", 2_300)]
    public void Keeps_databases_release_files_and_small_secret_candidates(string path, long size)
    {
        Assert.True(ImageFacts.ContentWanted(path, size));
    }

    [Theory]
    [InlineData("/var/lib/dpkg/status", 100_000_000)]
    [InlineData("/var/lib/dpkg/info/gcc-12.md5sums", 3_000)]
    [InlineData("/var/lib/dpkg/status.d/libc6", 5_000_000)]
    [InlineData("/usr/bin/gcc", 1_000_000)]
    [InlineData("/app/.env.example", 500)]
    [InlineData("/app/big.pem", 300_000)]
    [InlineData("/app/keystore.jks", 2_000)]
    [InlineData("/root/.config/gcloud/credentials.db", 12_000)]
    [InlineData("/app/package.json", 2_000)]
    [InlineData("/etc/os-release", -1)]
    public void Leaves_everything_else_and_anything_over_its_cap(string path, long size)
    {
        Assert.False(ImageFacts.ContentWanted(path, size));
    }
}
