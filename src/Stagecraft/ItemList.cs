using System.Collections;

namespace Stagecraft;

/// <summary>
/// A read-only list handed out by the model (stages, instructions, shell commands and words). A <c>foreach</c> over an
/// <see cref="IReadOnlyList{T}"/> boxes its enumerator and calls through an interface on every step; rules loop over these
/// lists for every file linted, and that overhead was a tenth of a whole-repository lint. This struct keeps
/// <c>Count</c>, the indexer and LINQ, with an enumerator that neither allocates nor dispatches.
/// </summary>
/// <remarks>The model never changes a list after building it, so the enumerator does not check for modification.</remarks>
public readonly struct ItemList<T> : IReadOnlyList<T>
{
    private readonly T[]? _array;
    private readonly List<T>? _list;

    public ItemList(T[] items) => _array = items;

    public ItemList(List<T> items) => _list = items;

    public static ItemList<T> Empty => new(Array.Empty<T>());

    public int Count => _array?.Length ?? _list?.Count ?? 0;

    public T this[int index] => _array is not null ? _array[index] : _list is not null ? _list[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public Enumerator GetEnumerator() => new(_array, _list);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public static implicit operator ItemList<T>(T[] items) => new(items);

    public static implicit operator ItemList<T>(List<T> items) => new(items);

    public struct Enumerator : IEnumerator<T>
    {
        private readonly T[]? _array;
        private readonly List<T>? _list;
        private readonly int _count;
        private int _index;

        internal Enumerator(T[]? array, List<T>? list)
        {
            _array = array;
            _list = list;
            _count = array?.Length ?? list?.Count ?? 0;
            _index = -1;
        }

        public readonly T Current => _array is not null ? _array[_index] : _list![_index];

        readonly object? IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < _count;

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }
}
