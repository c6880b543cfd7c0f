namespace Stagecraft.Images.Files;

/// <summary>
/// An append-only list of structs addressed by int and updated in place through <c>ref</c>. It grows by whole pages
/// that stay where they are, so a <c>ref</c> to an element stays valid while more are added, nothing is copied when
/// it grows, and no page is big enough for the large object heap (an index of a million paths would otherwise
/// double-buffer a 70 MB array on every resize).
/// </summary>
internal sealed class PagedList<T> where T : struct
{
    private const int Shift = 9;
    private const int PageSize = 1 << Shift;
    private const int Mask = PageSize - 1;

    private T[][] _pages = new T[4][];

    public int Count { get; private set; }

    public ref T this[int index] => ref _pages[index >> Shift][index & Mask];

    public int Add(in T item)
    {
        var page = Count >> Shift;
        if (page == _pages.Length)
            Array.Resize(ref _pages, _pages.Length * 2);
        var items = _pages[page] ??= new T[PageSize];
        items[Count & Mask] = item;
        return Count++;
    }
}
