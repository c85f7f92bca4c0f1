using System.Linq;

namespace Bekostiging.Scenarios;

/// <summary>
/// A yearly instroom: how many new trajecten of each cliëntprofiel start per contract year, over a number of years.
/// The scenario's <see cref="Scenario.AantalPerProfiel"/> is then the caseload (bestand) they come from.
/// </summary>
/// <param name="PerJaar">New trajecten per contract year for profiel 1–4 (index 0 = profiel 1); each at most the caseload of its profiel.</param>
/// <param name="Jaren">The contract years with instroom (e.g. 4 for 2 + 1 + 1); the aanmeldingen of year j fall in its twelve months.</param>
public sealed record Instroom(ValueList<int> PerJaar, int Jaren)
{
    /// <summary>The number of trajecten over all years.</summary>
    internal int Totaal => PerJaar.Sum() * Jaren;
}

/// <summary>
/// How provider behaviour is assumed to change for one profiel under one model: multipliers on the monthly chances of a
/// plaatsing and of uitval, and the share of referred clients the provider takes on (a selection effect). The
/// defaults (1, 1, 1) are "no change".
/// </summary>
/// <param name="Profiel">The cliëntprofiel 1–4.</param>
/// <param name="PlaatsingFactor">Multiplies <see cref="Gedrag.KansPlaatsingPerMaand"/> (the result is capped at 1).</param>
/// <param name="UitvalFactor">Multiplies <see cref="Gedrag.KansUitvalPerMaand"/> (capped at 1).</param>
/// <param name="Acceptatie">The share (0–1) of referred clients of this profiel the provider takes on; the others get no traject under this model and cost nothing.</param>
public sealed record Profieleffect(int Profiel, decimal PlaatsingFactor = 1m, decimal UitvalFactor = 1m, decimal Acceptatie = 1m)
{
    /// <summary>True when nothing changes (all three are 1).</summary>
    internal bool IsNeutraal => PlaatsingFactor == 1m && UitvalFactor == 1m && Acceptatie == 1m;
}

/// <summary>The assumed change of provider behaviour under one model, per profiel; a profiel not listed does not change.</summary>
/// <param name="PerProfiel">The effects per profiel.</param>
public sealed record Gedragseffect(ValueList<Profieleffect> PerProfiel)
{
    /// <summary>True when no profiel changes.</summary>
    internal bool IsNeutraal => PerProfiel.All(p => p.IsNeutraal);

    /// <summary>The effect for a profiel (neutral when not listed).</summary>
    /// <param name="profiel">The profiel.</param>
    /// <returns>The effect.</returns>
    public Profieleffect Van(int profiel) => PerProfiel.FirstOrDefault(p => p.Profiel == profiel) ?? new Profieleffect(profiel);
}

/// <summary>
/// A reference for the yearly cost of one model, e.g. what the gemeente spends today under its present model. The
/// summary states whether the median cost per contract year lies within the range widened by the margin.
/// </summary>
/// <param name="Model">The name of the model it refers to (one of the scenario's models).</param>
/// <param name="Laag">The low end (e.g. €168,000 spent in 2018, seed 004).</param>
/// <param name="Hoog">The high end (e.g. €200,000 expected for 2019, seed 004).</param>
/// <param name="MargeProcent">The tolerance in percent on both ends (e.g. 25: from Laag × 0.75 to Hoog × 1.25).</param>
/// <param name="Bron">Where the numbers come from, in words.</param>
public sealed record Referentiekosten(string Model, Bedrag Laag, Bedrag Hoog, decimal MargeProcent, string Bron)
{
    /// <summary>The low end widened by the margin, rounded to cents.</summary>
    /// <returns>Laag × (1 − MargeProcent / 100).</returns>
    public Bedrag Ondergrens() => Bedrag.Afgerond(Laag.Euros * (1m - (MargeProcent / 100m)));

    /// <summary>The high end widened by the margin, rounded to cents.</summary>
    /// <returns>Hoog × (1 + MargeProcent / 100).</returns>
    public Bedrag Bovengrens() => Bedrag.Afgerond(Hoog.Euros * (1m + (MargeProcent / 100m)));
}

/// <summary>A behaviour parameter that a sensitivity analysis varies (for every profiel at once).</summary>
public enum Gedragsparameter
{
    /// <summary><see cref="Gedrag.KansPlaatsingPerMaand"/>.</summary>
    KansPlaatsingPerMaand,

    /// <summary><see cref="Gedrag.KansUitvalPerMaand"/>.</summary>
    KansUitvalPerMaand,

    /// <summary><see cref="Gedrag.KansEindePlaatsingPerMaand"/>.</summary>
    KansEindePlaatsingPerMaand,

    /// <summary><see cref="Gedrag.UrenBegeleidingPerMaand"/>.</summary>
    UrenBegeleidingPerMaand,

    /// <summary><see cref="Gedrag.KansTredeOmhoogPerMaand"/>.</summary>
    KansTredeOmhoogPerMaand,
}

/// <summary>One parameter of a sensitivity analysis and how far it is varied: × (1 − Procent/100) and × (1 + Procent/100).</summary>
/// <param name="Parameter">The parameter.</param>
/// <param name="Procent">The variation in percent (0–100].</param>
public sealed record Parameterbereik(Gedragsparameter Parameter, decimal Procent);

/// <summary>
/// A one-at-a-time sensitivity analysis (tornado): the difference in expected cost between two models when each
/// behaviour parameter is moved down and up by its range, every other parameter as in the scenario.
/// </summary>
/// <param name="ModelA">The first model's name.</param>
/// <param name="ModelB">The second model's name; the difference is A − B.</param>
/// <param name="Parameters">The parameters and their ranges.</param>
public sealed record Gevoeligheidsanalyse(string ModelA, string ModelB, ValueList<Parameterbereik> Parameters);

/// <summary>One bar of a tornado: the cost difference A − B with the parameter moved down and up.</summary>
/// <param name="Parameter">The parameter.</param>
/// <param name="Procent">Its range in percent.</param>
/// <param name="VerschilLaag">Mean cost A − mean cost B with the parameter × (1 − Procent/100).</param>
/// <param name="VerschilHoog">The same with the parameter × (1 + Procent/100).</param>
public sealed record Tornadobalk(Gedragsparameter Parameter, decimal Procent, Bedrag VerschilLaag, Bedrag VerschilHoog);

/// <summary>The result of a <see cref="Gevoeligheidsanalyse"/>.</summary>
/// <param name="ModelA">The first model.</param>
/// <param name="ModelB">The second model.</param>
/// <param name="Basisverschil">Mean cost A − mean cost B in the scenario as given.</param>
/// <param name="Balken">The bars, widest swing first.</param>
public sealed record Tornado(string ModelA, string ModelB, Bedrag Basisverschil, ValueList<Tornadobalk> Balken);
