using Bekostiging.Terms;

namespace Bekostiging.Settlement.Regels;

/// <summary>A price split into parts by percentage, each due at its own aanleiding (domain.md §7).</summary>
internal sealed class PrijsdelenRegel : Regel<Prijsdelen>
{
    private static readonly Regeltekst Deel = new("{0}: part {1} of {2} at {3} ({4}, {5})", "{6} % van {7}");

    public override void Evalueer(Prijsdelen r, int index, RegelContext ctx, Posten uit)
    {
        var t = ctx.Tijdlijn;
        var prijs = ctx.TrajectTarief(r.Prijs);
        Bedrag[]? delen = null;
        for (var i = 0; i < r.Delen.Count; i++)
        {
            var deel = r.Delen[i];
            if (ActievePeriode.Aanleiding(t, deel.Aanleiding, deel.Mijlpaal, r.Code, uit) is not { } trigger)
            {
                continue;
            }

            // The indexed price is split once, so the parts add up to it exactly (domain.md §3).
            delen ??= Verdeling.NaarPercentages(prijs, r.Percentages());
            uit.Add(new Post
            {
                RegelCode = r.Code,
                SleutelDeel = Tekst.Index(i + 1),
                RegelIndex = index,
                Vervaldatum = trigger.Datum,
                Bedrag = delen[i],
                Hoeveelheid = deel.Percentage / 100m,
                Tarief = prijs,
                Bronnen = new Bronnen(trigger.Id),
                Tekst = Deel,
                Args = new Argumenten(r.Code, i + 1, r.Delen.Count, ActievePeriode.Naam(deel.Aanleiding, deel.Mijlpaal), trigger.Id, trigger.Datum, deel.Percentage, prijs),
            });
        }
    }
}
