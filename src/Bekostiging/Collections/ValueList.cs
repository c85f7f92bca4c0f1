using System;
using System.Collections;
using System.Collections.Generic;

namespace Bekostiging;

/// <summary>
/// An immutable list with value equality, so records that hold lists (a model's rules, a settlement's lines)
/// compare by content. It copies its input once and exposes no way to change it.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    /// <summary>Creates a list holding a copy of <paramref name="items"/>.</summary>
    /// <param name="items">The elements, in order.</param>
    public ValueList(IEnumerable<T> items) => _items = Preconditions.NotNull(items, nameof(items)) is T[] array ? (T[])array.Clone() : new List<T>(items).ToArray();

    private ValueList(T[] items, bool _) => _items = items;

    /// <summary>The empty list.</summary>
    public static ValueList<T> Empty { get; } = new(Array.Empty<T>(), true);

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <inheritdoc />
    public T this[int index] => _items[index];

    /// <summary>Equality by content.</summary>
    /// <param name="left">The first list.</param>
    /// <param name="right">The second list.</param>
    /// <returns>Whether both hold equal elements in the same order.</returns>
    public static bool operator ==(ValueList<T>? left, ValueList<T>? right) => Equals(left, right);

    /// <summary>Inequality by content.</summary>
    /// <param name="left">The first list.</param>
    /// <param name="right">The second list.</param>
    /// <returns>Whether the lists differ.</returns>
    public static bool operator !=(ValueList<T>? left, ValueList<T>? right) => !Equals(left, right);

    /// <summary>Wraps an array the caller promises never to change again (no copy).</summary>
    internal static ValueList<T> Own(T[] items) => items.Length == 0 ? Empty : new ValueList<T>(items, true);

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <inheritdoc />
    public bool Equals(ValueList<T>? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other._items.Length != _items.Length)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < _items.Length; i++)
        {
            if (!comparer.Equals(_items[i], other._items[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        unchecked
        {
            var hash = 17;
            var comparer = EqualityComparer<T>.Default;
            foreach (var item in _items)
            {
                hash = (hash * 31) + (item is null ? 0 : comparer.GetHashCode(item));
            }

            return hash;
        }
    }

    /// <summary>The elements separated by commas, for messages.</summary>
    /// <returns>The list as text.</returns>
    public override string ToString() => "[" + string.Join(", ", _items) + "]";
}

/// <summary>Factory methods for <see cref="ValueList{T}"/>.</summary>
public static class ValueList
{
    /// <summary>A list of the given elements.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The elements.</param>
    /// <returns>The list.</returns>
    public static ValueList<T> Of<T>(params T[] items) => new(items);

    /// <summary>A list of the given elements.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The elements.</param>
    /// <returns>The list.</returns>
    public static ValueList<T> ToValueList<T>(this IEnumerable<T> items) => new(items);
}
