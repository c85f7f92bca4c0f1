using Bekostiging.Terms;

namespace Bekostiging.Settlement.Regels;

/// <summary>A fee per verlenging that extended the window (domain.md §7).</summary>
internal sealed class VerlengingstariefRegel : Regel<Verlengingstarief>
{
    private static readonly Regeltekst VerlengingTekst = new("{0}: verlenging by {1}, window t/m {2}", "verlengingstarief");

    public override void Evalueer(Verlengingstarief r, int index, RegelContext ctx, Posten uit)
    {
        foreach (var (v, nieuwEinde) in ctx.Tijdlijn.Verlengingen)
        {
            var bedrag = ctx.TrajectTarief(r.Bedrag);
            uit.Add(new Post
            {
                RegelCode = r.Code,
                SleutelDeel = v.Id,
                RegelIndex = index,
                Vervaldatum = v.Datum,
                Bedrag = bedrag,
                Hoeveelheid = 1m,
                Tarief = bedrag,
                Bronnen = new Bronnen(v.Id),
                Tekst = VerlengingTekst,
                Args = new Argumenten(r.Code, v.Periode, nieuwEinde),
            });
        }
    }
}
