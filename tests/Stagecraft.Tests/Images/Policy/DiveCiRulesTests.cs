using Stagecraft.Analysis.Configuration;
using Stagecraft.Images.Files;
using Stagecraft.Images.Policy;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Images.Policy;

/// <summary>dive's .dive-ci: its sample, its units, its defaults, its strict comparisons, unknown keys ignored, misconfiguration refused with file:line.</summary>
public sealed class DiveCiRulesTests
{
    private static DiveFigures Figures(double efficiency, long wasted, double userWasted) => new(1000, 900, wasted, efficiency, userWasted, [], []);

    [Fact]
    public void Dive_sample_reads_its_three_rules_and_ignores_plugins()
    {
        var path = SharedData.Require("testdata/dive-images/dive-ci");

        var rules = DiveCiRules.Load(path, "dive-ci");

        Assert.Equal(0.95, rules.LowestEfficiency);
        Assert.Equal(20_000_000L, rules.HighestWastedBytes);
        Assert.Equal(0.5, rules.HighestUserWastedPercent);
    }

    [Fact]
    public void Missing_rules_take_diveʼs_defaults_and_disabled_turns_a_rule_off()
    {
        var defaults = DiveCiRules.Parse("plugins: [x]\n", "d");
        Assert.Equal((0.9, (long?)null, 0.1), (defaults.LowestEfficiency!.Value, defaults.HighestWastedBytes, defaults.HighestUserWastedPercent!.Value));

        var off = DiveCiRules.Parse("rules:\n  lowestEfficiency: disabled\n  highestUserWastedPercent: disabled\n  HighestWastedBytes: 1kb\n", "d");
        Assert.Null(off.LowestEfficiency);
        Assert.Null(off.HighestUserWastedPercent);
        Assert.Equal(1_000L, off.HighestWastedBytes);
    }

    [Fact]
    public void Comparisons_are_strict_as_in_dive_a_value_equal_to_the_threshold_passes()
    {
        var rules = new DiveCiRules(0.95, 20_000_000, 0.5, "d");

        var atThresholds = rules.Evaluate(Figures(0.95, 20_000_000, 0.5)).ToList();
        Assert.All(atThresholds, c => Assert.True(c.Passed, c.Rule));

        var over = rules.Evaluate(Figures(0.9499, 20_000_001, 0.5001)).ToList();
        Assert.All(over, c => Assert.False(c.Passed, c.Rule));
        Assert.Equal([PolicyRules.DiveLowestEfficiency, PolicyRules.DiveHighestWastedBytes, PolicyRules.DiveHighestUserWastedPercent], over.Select(c => c.Rule));
    }

    [Fact]
    public void A_one_layer_image_passes_the_user_wasted_rule_as_in_dive_but_infinity_fails()
    {
        var rules = new DiveCiRules(null, null, 0.1, "d");

        Assert.True(rules.Evaluate(Figures(1, 0, double.NaN)).Single().Passed);
        Assert.False(rules.Evaluate(Figures(1, 10, double.PositiveInfinity)).Single().Passed);
    }

    [Theory]
    [InlineData("rules:\n  lowestEfficiency: 1.5\n", 2, "outside 0 to 1")]
    [InlineData("rules:\n  highestUserWastedPercent: lots\n", 2, "'lots' is not a number")]
    [InlineData("rules:\n\n  highestWastedBytes: 20 parsecs\n", 3, "unknown the unit")]
    [InlineData("rules: [\n", 2, "invalid YAML")]
    public void A_value_dive_calls_misconfigured_is_an_error_naming_file_and_line(string text, int line, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => DiveCiRules.Parse(text, ".dive-ci"));

        Assert.Equal(line, error.Line);
        Assert.StartsWith($".dive-ci:{line}: ", error.Message);
        Assert.Contains(expected.Replace("unknown the unit", "does not know the unit", StringComparison.Ordinal), error.Message);
    }
}
