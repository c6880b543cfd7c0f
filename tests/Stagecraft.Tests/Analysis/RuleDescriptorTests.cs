using Stagecraft.Analysis;

namespace Stagecraft.Tests.Analysis;

public sealed class RuleDescriptorTests
{
    [Theory]
    [InlineData("STG000")]
    [InlineData("STG999")]
    public void Accepts_STG_and_three_digits(string id) =>
        Assert.Equal(id, RuleDescriptor.Create(id, "some-rule", "A title", Severity.Info, RuleCategory.Size).Id);

    [Theory]
    [InlineData("STG01")]
    [InlineData("STG0001")]
    [InlineData("stg001")]
    [InlineData("DL3008")]
    [InlineData("STG0a1")]
    [InlineData("STG١٢٣")]
    public void Refuses_other_ids(string id)
    {
        var error = Assert.Throws<ArgumentException>(() => RuleDescriptor.Create(id, "some-rule", "A title", Severity.Info, RuleCategory.Size));
        Assert.Contains("three digits", error.Message);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("apt-lists-not-cleaned")]
    [InlineData("x2-y3")]
    public void Accepts_kebab_case_names(string name) =>
        Assert.Equal(name, RuleDescriptor.Create("STG001", name, "A title", Severity.Info, RuleCategory.Size).Name);

    [Theory]
    [InlineData("")]
    [InlineData("Apt-lists")]
    [InlineData("apt_lists")]
    [InlineData("apt--lists")]
    [InlineData("-apt")]
    [InlineData("apt-")]
    [InlineData("1apt")]
    [InlineData("apt lists")]
    public void Refuses_other_names(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => RuleDescriptor.Create("STG001", name, "A title", Severity.Info, RuleCategory.Size));
        Assert.Contains("kebab-case", error.Message);
    }

    [Fact]
    public void Refuses_an_alias_listed_twice_in_any_case()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            RuleDescriptor.Create("STG001", "some-rule", "A title", Severity.Info, RuleCategory.Size, ["DL3008", "UndefinedVar", "dl3008"]));
        Assert.Contains("alias twice", error.Message);
    }

    [Fact]
    public void Refuses_a_title_with_a_final_period() =>
        Assert.Throws<ArgumentException>(() => RuleDescriptor.Create("STG001", "some-rule", "A title.", Severity.Info, RuleCategory.Size));
}
