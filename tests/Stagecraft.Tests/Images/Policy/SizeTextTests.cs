using Stagecraft.Images.Policy;

namespace Stagecraft.Tests.Images.Policy;

/// <summary>Policy sizes: SI and binary units, case-insensitive, plain numbers as bytes; refusals name the value.</summary>
public sealed class SizeTextTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("1234", 1234L)]
    [InlineData("512B", 512L)]
    [InlineData("150MB", 150_000_000L)]
    [InlineData("150 MB", 150_000_000L)]
    [InlineData("150mb", 150_000_000L)]
    [InlineData("150Mb", 150_000_000L)]
    [InlineData("2kB", 2_000L)]
    [InlineData("2KB", 2_000L)]
    [InlineData("1.5GB", 1_500_000_000L)]
    [InlineData("1TB", 1_000_000_000_000L)]
    [InlineData("1KiB", 1_024L)]
    [InlineData("100MiB", 104_857_600L)]
    [InlineData("100mib", 104_857_600L)]
    [InlineData("2GiB", 2_147_483_648L)]
    [InlineData("1.1KiB", 1_126L)]
    public void Sizes_are_read_in_SI_and_binary_units(string text, long bytes)
    {
        Assert.True(SizeText.TryParse(text, out var parsed, out var problem), problem);
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("", "is not a size")]
    [InlineData("MB", "is not a size")]
    [InlineData("-5MB", "is not a size")]
    [InlineData("150XB", "unknown unit 'XB'")]
    [InlineData("150M", "could mean powers of 1000 or of 1024; write MB or MiB")]
    [InlineData("3g", "write GB or GiB")]
    [InlineData("99999999999TB", "too large")]
    public void A_value_that_is_not_a_size_is_refused_with_the_value_named(string text, string expected)
    {
        Assert.False(SizeText.TryParse(text, out _, out var problem));
        Assert.Contains(expected, problem);
        Assert.Contains($"'{text}'", problem);
    }

    [Fact]
    public void Parse_names_the_flag_or_key()
    {
        var error = Assert.Throws<StagecraftException>(() => SizeText.Parse("12 parsecs", "--max-size"));
        Assert.StartsWith("--max-size: '12 parsecs': unknown unit 'parsecs'", error.Message);
    }

    [Theory]
    [InlineData("20Mb", 20_000_000L)]
    [InlineData("20MB", 20_000_000L)]
    [InlineData("20mb", 20_000_000L)]
    [InlineData("20 M", 20_000_000L)]
    [InlineData("20MiB", 20_971_520L)]
    [InlineData("20mi", 20_971_520L)]
    [InlineData("1,000", 1_000L)]
    [InlineData("1.5k", 1_500L)]
    [InlineData("42", 42L)]
    [InlineData("1GB", 1_000_000_000L)]
    public void Dive_sizes_follow_dive(string text, long bytes) => Assert.Equal(bytes, DiveSizeText.Parse(text, out _));

    [Theory]
    [InlineData("twenty")]
    [InlineData("20 parsecs")]
    [InlineData("")]
    public void Dive_refuses_what_dive_refuses(string text)
    {
        Assert.Null(DiveSizeText.Parse(text, out var problem));
        Assert.Contains($"'{text}'", problem);
    }
}
