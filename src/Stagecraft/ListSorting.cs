using System.Runtime.InteropServices;

namespace Stagecraft;

/// <summary>
/// Sorts a <see cref="List{T}"/> in place through its span, with the same algorithm and order as <c>List&lt;T&gt;.Sort</c>.
/// That method is banned (src/BannedSymbols.txt): once any list of a reference type is sorted with it, Native AOT gives
/// every <c>List&lt;T&gt;</c> in the binary a sorter and a comparer for its element type, each with static fields the runtime
/// allocates before <c>Main</c>. That was about a thousand allocations, 7 % of a one-file lint's instructions.
/// </summary>
internal static class ListSorting
{
    public static void SortInPlace<T>(this List<T> list, Comparison<T> comparison) => CollectionsMarshal.AsSpan(list).Sort(comparison);

    public static void SortInPlace<T>(this List<T> list, IComparer<T>? comparer) => CollectionsMarshal.AsSpan(list).Sort(comparer);

    public static void SortInPlace<T>(this List<T> list) => CollectionsMarshal.AsSpan(list).Sort();
}
