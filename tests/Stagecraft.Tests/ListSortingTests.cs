namespace Stagecraft.Tests;

public sealed class ListSortingTests
{
    [Fact]
    public void Sorting_in_place_gives_the_order_List_Sort_gives_ties_included()
    {
        var random = new Random(3);
        for (var round = 0; round < 200; round++)
        {
            var items = Enumerable.Range(0, random.Next(0, 80)).Select(i => (Key: random.Next(10), Id: i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
            var expected = items.ToList();
            expected.Sort((a, b) => a.Key.CompareTo(b.Key));
            var actual = items.ToList();
            actual.SortInPlace((a, b) => a.Key.CompareTo(b.Key));

            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Sorts_with_a_comparer_and_by_default_order()
    {
        var names = new List<string> { "b", "B", "a", "A", "ab" };
        names.SortInPlace(StringComparer.Ordinal);
        Assert.Equal(["A", "B", "a", "ab", "b"], names);

        var numbers = new List<int> { 3, 1, 2 };
        numbers.SortInPlace();
        Assert.Equal([1, 2, 3], numbers);
    }
}
