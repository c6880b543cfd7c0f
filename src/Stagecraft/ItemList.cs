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
    private readonly int _start;
    private readonly int _length;

    public ItemList(T[] items)
    {
        _array = items;
        _length = items.Length;
    }

    /// <summary>A window on part of an array, without copying it.</summary>
    public ItemList(T[] items, int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, items.Length - start);
        (_array, _start, _length) = (items, start, length);
    }

    public ItemList(List<T> items) => _list = items;

    public static ItemList<T> Empty => new(Array.Empty<T>());

    public int Count => _array is not null ? _length : _list?.Count ?? 0;

    public T this[int index] => _array is not null
        ? (uint)index < (uint)_length ? _array[_start + index] : throw new ArgumentOutOfRangeException(nameof(index))
        : _list is not null ? _list[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public Enumerator GetEnumerator() => _array is not null ? new(_array, _start, _length) : new(_list);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// The items that are <typeparamref name="TResult"/>, in order. LINQ's <c>OfType</c> would box this list and make two
    /// interface calls and a type test per item; rules ask this of every stage's instructions.
    /// </summary>
    public OfTypeView<TResult> OfType<TResult>() => new(this);

    public static implicit operator ItemList<T>(T[] items) => new(items);

    /// <summary>The items of one type; <c>foreach</c> over it neither allocates nor dispatches, LINQ still works on it.</summary>
    public readonly struct OfTypeView<TResult> : IEnumerable<TResult>
    {
        private readonly ItemList<T> _items;

        internal OfTypeView(ItemList<T> items) => _items = items;

        public OfTypeEnumerator<TResult> GetEnumerator() => new(_items.GetEnumerator());

        IEnumerator<TResult> IEnumerable<TResult>.GetEnumerator() => GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    public struct OfTypeEnumerator<TResult> : IEnumerator<TResult>
    {
        private Enumerator _inner;
        private TResult _current;

        internal OfTypeEnumerator(Enumerator inner)
        {
            _inner = inner;
            _current = default!;
        }

        public readonly TResult Current => _current;

        readonly object? IEnumerator.Current => _current;

        public bool MoveNext()
        {
            while (_inner.MoveNext())
            {
                if (_inner.Current is TResult match)
                {
                    _current = match;
                    return true;
                }
            }
            _current = default!;
            return false;
        }

        public void Reset()
        {
            _inner.Reset();
            _current = default!;
        }

        public readonly void Dispose()
        {
        }
    }

    public static implicit operator ItemList<T>(List<T> items) => new(items);

    public struct Enumerator : IEnumerator<T>
    {
        private readonly T[]? _array;
        private readonly List<T>? _list;
        private readonly int _start;
        private readonly int _end;
        private int _index;

        internal Enumerator(T[] array, int start, int length)
        {
            _array = array;
            (_start, _end, _index) = (start, start + length, start - 1);
        }

        internal Enumerator(List<T>? list)
        {
            _list = list;
            (_start, _end, _index) = (0, list?.Count ?? 0, -1);
        }

        public readonly T Current => _array is not null ? _array[_index] : _list![_index];

        readonly object? IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < _end;

        public void Reset() => _index = _start - 1;

        public readonly void Dispose()
        {
        }
    }
}
