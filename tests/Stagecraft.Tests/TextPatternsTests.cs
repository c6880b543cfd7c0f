using System.Text;
using System.Text.RegularExpressions;
using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Analysis.Rules.Security;
using Stagecraft.Semantics;

namespace Stagecraft.Tests;

/// <summary>
/// Each pattern matched by hand on the lint path agrees with the regular expression it replaced: on chosen cases and on
/// thousands of generated strings made of the characters that matter to it.
/// </summary>
public sealed class TextPatternsTests
{
    private const int Generated = 20_000;

    [Theory]
    [InlineData("build", true)]
    [InlineData("b", true)]
    [InlineData("build-2_x.y", true)]
    [InlineData("build\n", true)] // a regex's $ also matches before one final newline
    [InlineData("build\n\n", false)]
    [InlineData("Build", false)]
    [InlineData("2build", false)]
    [InlineData("-build", false)]
    [InlineData("", false)]
    [InlineData("bu ild", false)]
    [InlineData("bu/ild", false)]
    public void Stage_names(string name, bool valid)
    {
        Assert.Equal(valid, Stage.IsValidName(name));
        AgreesWith("^[a-z][a-z0-9-_.]*$", RegexOptions.None, Stage.IsValidName, "abzAZ09-_./ \n!", 8);
    }

    [Theory]
    [InlineData("API_KEY", true)]
    [InlineData("apikey", true)]
    [InlineData("MY_TOKEN_FILE", true)]
    [InlineData("KEYRING", false)]
    [InlineData("MONKEY", false)]
    [InlineData("A__KEY", true)]
    [InlineData("KEY\n", true)]
    [InlineData("KEY\n_X", false)]
    public void Words_between_underscores(string name, bool found)
    {
        string[] words = ["key", "token", "apikey"];
        Assert.Equal(found, TextPatterns.HasUnderscoreWord(name, words));
        AgreesWith("(?:_|^)(?:key|token|apikey)(?:_|$)", RegexOptions.IgnoreCase, text => TextPatterns.HasUnderscoreWord(text, words),
            "keyKEYtoknAPI_\nx", 12);
    }

    [Fact]
    public void Secret_names_as_the_rule_reads_them()
    {
        Assert.True(SecretInArgOrEnv.IsSecretName("NPM_TOKEN", null));
        Assert.True(SecretInArgOrEnv.IsSecretName("db_Password", "hunter2"));
        Assert.False(SecretInArgOrEnv.IsSecretName("GPG_KEY", "B42F6819007F00F88E364FD4036A9C25BF357DD4"));
        Assert.False(SecretInArgOrEnv.IsSecretName("TOKEN_FILE", null));
        Assert.False(SecretInArgOrEnv.IsSecretName("SECRET_PATH", "/run/secrets/db"));
        Assert.False(SecretInArgOrEnv.IsSecretName("KEY_VERSION", "2"));
        Assert.False(SecretInArgOrEnv.IsSecretName("MONKEY", "x"));
    }

    [Theory]
    [InlineData("0123456789abcdef", true)]
    [InlineData("0x0123456789ABCDEF", true)]
    [InlineData("0123456789abcdef 0xFEDCBA9876543210\tAAAAAAAAAAAAAAAA", true)]
    [InlineData("0123456789abcdef\n", true)]
    [InlineData("0123456789abcde", false)]
    [InlineData("0X0123456789ABCDEF", false)]
    [InlineData("0123456789abcdef ", false)]
    [InlineData("0123456789abcdefg", false)]
    [InlineData("", false)]
    public void Key_fingerprints(string value, bool matches)
    {
        Assert.Equal(matches, SecretInArgOrEnv.IsFingerprints(value));
        var random = new Random(7);
        var hex = "0123456789abcdefABCDEF";
        var samples = new List<string>();
        for (var i = 0; i < Generated; i++)
        {
            var text = new StringBuilder();
            var tokens = random.Next(1, 4);
            for (var t = 0; t < tokens; t++)
            {
                if (t > 0 || random.Next(8) == 0)
                    text.Append(random.Next(6) switch { 0 => "\t", 1 => "  ", 2 => "\n", 3 => " \t", _ => " " });
                if (random.Next(3) == 0)
                    text.Append(random.Next(4) == 0 ? "0X" : "0x");
                var length = random.Next(13, 19);
                for (var c = 0; c < length; c++)
                    text.Append(random.Next(40) == 0 ? "gx-"[random.Next(3)] : hex[random.Next(hex.Length)]);
            }
            if (random.Next(6) == 0)
                text.Append(random.Next(2) == 0 ? "\n" : " ");
            samples.Add(text.ToString());
        }
        AgreesWith("^(?:0x)?[0-9A-Fa-f]{16,}(?:[ \\t]+(?:0x)?[0-9A-Fa-f]{16,})*$", RegexOptions.None, SecretInArgOrEnv.IsFingerprints, samples);
    }

    [Theory]
    [InlineData("/run/secrets/token", true)]
    [InlineData("~/.npmrc", true)]
    [InlineData("./key.pem", true)]
    [InlineData("C:\\keys\\a.pem", true)]
    [InlineData("c:/keys", true)]
    [InlineData("/path\n", true)]
    [InlineData("/a b", false)]
    [InlineData("/a$B", false)]
    [InlineData("key.pem", false)]
    [InlineData("1:/x", false)]
    [InlineData("", false)]
    public void File_paths(string value, bool matches)
    {
        Assert.Equal(matches, SecretInArgOrEnv.IsFilePath(value));
        AgreesWith(@"^(?:/|~/|\./|[A-Za-z]:[\\/])[^\s$]*$", RegexOptions.None, SecretInArgOrEnv.IsFilePath, "/~.Cz1:\\a $\t\n\u00a0", 6);
    }

    [Theory]
    [InlineData("check=skip=all", "skip=all")]
    [InlineData("  CHECK = error=true // why", "error=true")]
    [InlineData(" check=\tskip=X\n", "skip=X")]
    [InlineData("check=", null)]
    [InlineData("check =  ", null)]
    [InlineData("checks=skip", null)]
    [InlineData("syntax=docker/dockerfile:1", null)]
    [InlineData("x check=skip", null)]
    public void Check_comments(string comment, string? value)
    {
        Assert.Equal(value, CheckDirectives.CheckCommentValue(comment));
        var regex = new Regex(@"^\s*check\s*=\s*(?<value>\S+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        foreach (var text in Strings(" \tcheCKHK=sx\n/", 14, seed: 3))
        {
            var match = regex.Match(text);
            Assert.True((match.Success ? match.Groups["value"].Value : null) == CheckDirectives.CheckCommentValue(text), $"'{Escape(text)}'");
        }
    }

    [Theory]
    [InlineData("registry.redhat.io/ubi9/nodejs-20", true)]
    [InlineData("registry.access.redhat.com/ubi8/python-311", true)]
    [InlineData("registry.redhat.io/ubi9/go-toolset", true)]
    [InlineData("registry.redhat.io/ubi9/nodejs", true)]
    [InlineData("registry.redhat.io/ubi/nodejs-20", false)]
    [InlineData("registry.redhat.io/ubi9/nodejsx", false)]
    [InlineData("registry.redhat.io/ubi9-minimal", false)]
    [InlineData("docker.io/ubi9/nodejs-20", false)]
    public void Red_Hat_builder_images(string repository, bool matches)
    {
        Assert.Equal(matches, NonRootImages.IsRedHatS2i(repository));
        var regex = new Regex(@"^(registry\.access\.redhat\.com|registry\.redhat\.io)/ubi[0-9]+/(nodejs|python|ruby|php|perl|go-toolset|openjdk|dotnet)-");
        var random = new Random(11);
        string[] registries = ["registry.redhat.io/", "registry.access.redhat.com/", "registry.redhat.io", "quay.io/", "Registry.redhat.io/"];
        string[] images = ["nodejs", "python", "ruby", "php", "perl", "go-toolset", "openjdk", "dotnet", "go", "node", "pythonx", ""];
        string[] tails = ["", "-", "-20", "x", "/x", "--"];
        for (var i = 0; i < Generated; i++)
        {
            var generated = registries[random.Next(registries.Length)] + (random.Next(8) == 0 ? "UBI" : "ubi")
                + "0123456789".Substring(0, random.Next(3)) + (random.Next(10) == 0 ? "" : "/")
                + images[random.Next(images.Length)] + tails[random.Next(tails.Length)];
            Assert.True(regex.IsMatch(generated + "-") == NonRootImages.IsRedHatS2i(generated), generated);
        }
    }

    [Theory]
    [InlineData("gcc-12", true)]
    [InlineData("g++12", true)]
    [InlineData("clang-16.0.1", true)]
    [InlineData("llvm-15-dev", false)]
    [InlineData("openjdk-17-jdk-headless", true)]
    [InlineData("openjdk17", true)]
    [InlineData("openjdk-17-jre", false)]
    [InlineData("java-17-openjdk-devel", true)]
    [InlineData("java--openjdk-devel", false)]
    [InlineData("golang-1.22-go", true)]
    [InlineData("golang-1.22", true)]
    [InlineData("golang--go", false)]
    [InlineData("gcc", false)]
    [InlineData("gcc-12\n", true)]
    public void Versioned_compiler_packages(string package, bool matches)
    {
        Assert.Equal(matches, BuildTools.IsVersionedCompiler(package));
        var random = new Random(5);
        string[] heads = ["gcc", "g++", "clang", "cpp", "gfortran", "llvm", "openjdk", "java-", "golang-", "go", "gc", ""];
        string[] tails = ["", "-jdk", "-jdk-headless", "-jre", "-openjdk-devel", "-go", "-dev", "\n", "-"];
        var samples = new List<string>();
        for (var i = 0; i < Generated; i++)
        {
            var middle = new string(Enumerable.Range(0, random.Next(4)).Select(_ => "1.-x"[random.Next(4)]).ToArray());
            samples.Add(heads[random.Next(heads.Length)] + middle + tails[random.Next(tails.Length)] + (random.Next(10) == 0 ? tails[random.Next(tails.Length)] : ""));
        }
        AgreesWith(@"^((gcc|g\+\+|clang|cpp|gfortran|llvm)-?[0-9][0-9.]*|openjdk-?[0-9]+(-jdk(-headless)?)?|java-[0-9.]+-openjdk-devel|golang-[0-9.]+(-go)?)$",
            RegexOptions.None, BuildTools.IsVersionedCompiler, samples);
    }

    private static void AgreesWith(string pattern, RegexOptions options, Func<string, bool> matcher, string alphabet, int maxLength) =>
        AgreesWith(pattern, options, matcher, Strings(alphabet, maxLength, seed: pattern.Length));

    private static void AgreesWith(string pattern, RegexOptions options, Func<string, bool> matcher, IEnumerable<string> samples)
    {
        var regex = new Regex(pattern, options | RegexOptions.CultureInvariant);
        var checkedCount = 0;
        foreach (var text in samples)
        {
            Assert.True(regex.IsMatch(text) == matcher(text), $"'{Escape(text)}': the regex says {regex.IsMatch(text)}");
            checkedCount++;
        }
        Assert.True(checkedCount >= Generated);
    }

    /// <summary>Random strings over <paramref name="alphabet"/>, of every length up to <paramref name="maxLength"/>.</summary>
    private static IEnumerable<string> Strings(string alphabet, int maxLength, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < Generated; i++)
        {
            var chars = new char[random.Next(maxLength + 1)];
            for (var c = 0; c < chars.Length; c++)
                chars[c] = alphabet[random.Next(alphabet.Length)];
            yield return new string(chars);
        }
    }

    private static string Escape(string text) => text.Replace("\n", "\\n").Replace("\t", "\\t");
}
