using Stagecraft.Reporting;

namespace Stagecraft.Tests.Reporting;

/// <summary>Sizes for people are SI units with three significant digits, as Docker shows image sizes.</summary>
public sealed class ByteSizeTests
{
    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(999, "999 B")]
    [InlineData(1000, "1.00 kB")]
    [InlineData(6405, "6.41 kB")]
    [InlineData(32_025, "32.0 kB")]
    [InlineData(999_499, "999 kB")]
    [InlineData(999_600, "1.00 MB")]
    [InlineData(1_220_598, "1.22 MB")]
    [InlineData(571_851_443, "572 MB")]
    [InlineData(1_000_000_000, "1.00 GB")]
    [InlineData(long.MaxValue, "9.22 EB")]
    [InlineData(-2048, "-2.05 kB")]
    public void Formats_in_SI_units(long bytes, string shown) => Assert.Equal(shown, ByteSize.Format(bytes));
}
