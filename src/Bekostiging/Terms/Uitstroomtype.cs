namespace Bekostiging.Terms;

/// <summary>The kind of outflow a plaatsing represents (domain.md §2).</summary>
public enum Uitstroomtype
{
    /// <summary>Regular paid work.</summary>
    RegulierWerk,

    /// <summary>Subsidised work (loonkostensubsidie).</summary>
    GesubsidieerdWerk,

    /// <summary>Sheltered work (beschut werk).</summary>
    BeschutWerk,

    /// <summary>Education or training.</summary>
    Opleiding,

    /// <summary>Self-employment.</summary>
    Zelfstandige,

    /// <summary>Participation (a rung on the participatieladder rather than paid work).</summary>
    Participatie,
}
