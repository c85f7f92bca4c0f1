using System;
using System.Collections;
using System.Collections.Generic;
using System.Threading;

namespace Bekostiging;

/// <summary>
/// A source of lists that are expensive to build and often never read (a settlement's texts): a
/// <see cref="ValueList{T}"/> made with <see cref="ValueList{T}.Uitgesteld"/> asks it for its elements on first use.
/// </summary>
internal interface IUitgesteldeLijsten
{
    /// <summary>The elements of list <paramref name="welke"/>: the same array on every call, never changed afterwards.</summary>
    /// <typeparam name="T">The element type of that list.</typeparam>
    /// <param name="welke">Which of the source's lists.</param>
    /// <returns>The elements.</returns>
    T[] Lijst<T>(int welke);
}

/// <summary>
/// An immutable list with value equality, so records that hold lists (a model's rules, a settlement's lines)
/// compare by content. It copies its input once and exposes no way to change it.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
/// <remarks>
/// Internally a list may be deferred: its elements are built on first use, once, by an <see cref="IUitgesteldeLijsten"/>.
/// Nothing observable depends on when that happens.
/// </remarks>
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly int _welke;
    private T[]? _items;
    private IUitgesteldeLijsten? _bron;

    /// <summary>Creates a list holding a copy of <paramref name="items"/>.</summary>
    /// <param name="items">The elements, in order.</param>
    public ValueList(IEnumerable<T> items) => _items = Preconditions.NotNull(items, nameof(items)) switch
    {
        T[] array => (T[])array.Clone(),
        ICollection<T> collection => Copy(collection),
        _ => new List<T>(items).ToArray(),
    };

    private ValueList(T[] items, bool _) => _items = items;

    private ValueList(IUitgesteldeLijsten bron, int welke)
    {
        _bron = bron;
        _welke = welke;
    }

    /// <summary>The empty list.</summary>
    public static ValueList<T> Empty { get; } = new(Array.Empty<T>(), true);

    /// <inheritdoc />
    public int Count => Items.Length;

    /// <summary>The elements; a deferred list builds them here, once.</summary>
    private T[] Items => Volatile.Read(ref _items) ?? Bouw();

    /// <inheritdoc />
    public T this[int index] => Items[index];

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

    /// <summary>A list whose elements <paramref name="bron"/> builds on first use (list <paramref name="welke"/> of the source).</summary>
    internal static ValueList<T> Uitgesteld(IUitgesteldeLijsten bron, int welke) => new(bron, welke);

    /// <summary>The source of a list that is still deferred, so it can answer questions (a total) without building the elements.</summary>
    /// <param name="bron">The source, when still deferred.</param>
    /// <param name="welke">Which of its lists.</param>
    /// <returns>Whether the list is still deferred.</returns>
    internal bool IsUitgesteld(out IUitgesteldeLijsten? bron, out int welke)
    {
        bron = Volatile.Read(ref _bron);
        welke = _welke;
        return bron is not null;
    }

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => Items.GetEnumerator();

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

        var items = Items;
        var others = other.Items;
        if (others.Length != items.Length)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < items.Length; i++)
        {
            if (!comparer.Equals(items[i], others[i]))
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
            foreach (var item in Items)
            {
                hash = (hash * 31) + (item is null ? 0 : comparer.GetHashCode(item));
            }

            return hash;
        }
    }

    /// <summary>The elements separated by commas, for messages.</summary>
    /// <returns>The list as text.</returns>
    public override string ToString() => "[" + string.Join(", ", Items) + "]";

    private static T[] Copy(ICollection<T> collection)
    {
        if (collection.Count == 0)
        {
            return Array.Empty<T>();
        }

        var array = new T[collection.Count];
        collection.CopyTo(array, 0);
        return array;
    }

    private T[] Bouw()
    {
        // The source returns the same array to every caller, so a race between threads is harmless. _items is
        // published before the source is let go, so a thread that finds no source finds the elements.
        var bron = Volatile.Read(ref _bron);
        if (bron is null)
        {
            return Volatile.Read(ref _items)!;
        }

        var items = bron.Lijst<T>(_welke);
        Volatile.Write(ref _items, items);
        Volatile.Write(ref _bron, null);
        return items;
    }
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
