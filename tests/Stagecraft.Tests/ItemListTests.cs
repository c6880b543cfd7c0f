namespace Stagecraft.Tests;

public sealed class ItemListTests
{
    [Fact]
    public void A_window_on_an_array_sees_only_its_part()
    {
        var window = new ItemList<string>(["a", "b", "c", "d"], 1, 2);

        Assert.Equal(2, window.Count);
        Assert.Equal("b", window[0]);
        Assert.Equal("c", window[1]);
        Assert.Equal(["b", "c"], Enumerate(window));
        Assert.Equal(["b", "c"], window.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => window[2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => window[-1]);
    }

    [Fact]
    public void A_window_cannot_reach_past_the_array()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ItemList<int>([1, 2, 3], 2, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ItemList<int>([1, 2, 3], -1, 1));
    }

    [Fact]
    public void A_list_backed_view_follows_the_list()
    {
        var list = new List<int> { 1, 2 };
        ItemList<int> view = list;
        list.Add(3);

        Assert.Equal(3, view.Count);
        Assert.Equal([1, 2, 3], Enumerate(view));
        Assert.Equal(6, view.Sum());
    }

    [Fact]
    public void The_default_value_is_empty()
    {
        var empty = default(ItemList<int>);

        Assert.True(empty.Count == 0);
        Assert.Empty(Enumerate(empty));
        Assert.Throws<ArgumentOutOfRangeException>(() => empty[0]);
        Assert.Empty(ItemList<int>.Empty);
    }

    [Fact]
    public void An_enumerator_can_be_reset()
    {
        var enumerator = new ItemList<int>([5, 6, 7], 1, 2).GetEnumerator();
        Assert.True(enumerator.MoveNext());
        Assert.True(enumerator.MoveNext());
        Assert.False(enumerator.MoveNext());
        enumerator.Reset();
        Assert.True(enumerator.MoveNext());
        Assert.Equal(6, enumerator.Current);
    }

    [Fact]
    public void OfType_yields_the_matching_items_of_the_window_in_order()
    {
        object[] items = ["skip", 1, "a", 2.5, "b", 3, "c"];
        var window = new ItemList<object>(items, 1, 5);

        var strings = new List<string>();
        foreach (var text in window.OfType<string>())
            strings.Add(text);

        Assert.Equal(["a", "b"], strings);
        Assert.Equal([1, 3], new ItemList<object>(items).OfType<int>().ToArray());
        Assert.Equal("b", window.OfType<string>().Last());
        Assert.Empty(ItemList<object>.Empty.OfType<string>());
        Assert.Empty(new ItemList<object>(new List<object> { 1, 2 }).OfType<string>());
    }

    [Fact]
    public void An_OfType_enumerator_can_be_reset()
    {
        var enumerator = new ItemList<object>(new object[] { "x", 1, "y" }).OfType<string>().GetEnumerator();
        Assert.True(enumerator.MoveNext());
        Assert.True(enumerator.MoveNext());
        Assert.Equal("y", enumerator.Current);
        Assert.False(enumerator.MoveNext());
        enumerator.Reset();
        Assert.True(enumerator.MoveNext());
        Assert.Equal("x", enumerator.Current);
    }

    private static List<T> Enumerate<T>(ItemList<T> items)
    {
        var seen = new List<T>();
        foreach (var item in items)
            seen.Add(item);
        return seen;
    }
}
