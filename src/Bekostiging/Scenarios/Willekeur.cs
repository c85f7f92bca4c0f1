namespace Bekostiging.Scenarios;

/// <summary>
/// A small, fast, deterministic random stream (SplitMix64). Each iteration gets its own stream derived from the
/// scenario seed and the iteration number, so results do not depend on how iterations are spread over threads.
/// </summary>
internal struct Willekeur
{
    private ulong _state;

    public Willekeur(ulong seed, ulong stream) => _state = Mix(seed ^ Mix(stream + 0x9E3779B97F4A7C15UL));

    /// <summary>A uniform number in [0, 1) with 53 bits.</summary>
    public double Volgende() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with chance <paramref name="kans"/>.</summary>
    public bool Kans(decimal kans) => kans >= 1m || (kans > 0m && Volgende() < (double)kans);

    /// <summary>True with chance <paramref name="kans"/> (as <see cref="Kans(decimal)"/>, the conversion done once).</summary>
    public bool Kans(in Kans kans) => kans.Zeker || (kans.Mogelijk && Volgende() < kans.Waarde);

    /// <summary>A uniform integer in [0, n).</summary>
    public int Tot(int n) => (int)(Volgende() * n);

    private ulong Next()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>A chance converted once for <see cref="Willekeur.Kans(in Kans)"/>: certain (no draw), impossible (no draw), or drawn against a double.</summary>
internal readonly struct Kans
{
    public Kans(decimal kans)
    {
        Zeker = kans >= 1m;
        Mogelijk = kans > 0m;
        Waarde = (double)kans;
    }

    public bool Zeker { get; }

    public bool Mogelijk { get; }

    public double Waarde { get; }
}
