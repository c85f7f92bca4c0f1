namespace Bekostiging;

/// <summary>
/// Stable codes of the domain errors that <see cref="BekostigingException"/> carries. The names are part of the
/// public contract: callers may switch on them, and the JSON format and the command-line tool print them.
/// </summary>
public enum FoutCode
{
    /// <summary>An argument is outside its allowed range (a negative tariff, zero instalments, a profiel of 5, …).</summary>
    OngeldigeParameter = 1,

    /// <summary>A text could not be read as an amount of euros.</summary>
    OngeldigBedrag,

    /// <summary>The same event id was given twice with different content.</summary>
    DubbeleGebeurtenis,

    /// <summary>A second active Aanmelding, Start, Reclame, or Uitval/Afronding in one traject.</summary>
    DubbeleGebeurtenisSoort,

    /// <summary>A plaatsing ends before it begins.</summary>
    EindeVoorBegin,

    /// <summary>An Uren event with zero, negative or more than 24 hours.</summary>
    OngeldigeUren,

    /// <summary>The active Uren events of one date total more than 24 hours.</summary>
    TeveelUrenPerDag,

    /// <summary>A PlaatsingEinde refers to a plaatsing id that the traject does not have.</summary>
    OnbekendePlaatsing,

    /// <summary>Two active plaatsingen share one plaatsing id.</summary>
    DubbelePlaatsingId,

    /// <summary>A second active PlaatsingEinde for one plaatsing.</summary>
    DubbelPlaatsingEinde,

    /// <summary>A plaatsing with hours per week outside (0, 168] or a contract length below one month.</summary>
    OngeldigePlaatsing,

    /// <summary>A Trede event with a rung outside 1–6.</summary>
    OngeldigeTrede,

    /// <summary>A Reclame after the reclametermijn.</summary>
    ReclameTeLaat,

    /// <summary>A Reclame in a traject without an Aanmelding.</summary>
    ReclameZonderAanmelding,

    /// <summary>A Start dated before the Aanmelding.</summary>
    StartVoorAanmelding,

    /// <summary>A Verlenging approved after the last day of the window it would extend.</summary>
    VerlengingNaVenster,

    /// <summary>An Intrekking refers to an event id that does not exist.</summary>
    OnbekendDoelVanIntrekking,

    /// <summary>Intrekkingen that withdraw each other in a cycle.</summary>
    IntrekkingsCyclus,

    /// <summary>A verlengingsoptie exercised after its deadline.</summary>
    OptieTeLaat,

    /// <summary>A verlengingsoptie exercised out of order, or when none is left.</summary>
    OptieNietOpVolgorde,

    /// <summary>A traject that starts after the contract's current end (or before its ingangsdatum).</summary>
    TrajectBuitenContract,

    /// <summary>A traject whose product or profiel has no bekostigingsmodel in the contract.</summary>
    OnbekendProduct,

    /// <summary>A standard definition (begrip) or its per-contract override is invalid.</summary>
    OngeldigBegrip,

    /// <summary>An earlier invoice history is inconsistent (a duplicate number, a credit without its debit, …).</summary>
    OngeldigeFactuurhistorie,

    /// <summary>Trajecten invoiced before (with a net amount) are missing from the input of an invoice run.</summary>
    OntbrekendeTrajecten,

    /// <summary>An amount the engine would produce lies outside the range the JSON format reads back (±1,000,000,000,000.00 euros).</summary>
    BedragBuitenBereik,
}
