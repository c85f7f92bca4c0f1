using Bekostiging.Events;
using Bekostiging.Terms;

namespace Bekostiging.Settlement.Regels;

/// <summary>A price per module followed in the active period, up to a maximum number of modules (domain.md §7).</summary>
internal sealed class PerModuleRegel : Regel<PerModule>
{
    private static readonly Regeltekst ModuleTekst = new("{0}: module {1} on {2}", "module {1}");

    public override void Evalueer(PerModule r, int index, RegelContext ctx, Posten uit)
    {
        var t = ctx.Tijdlijn;
        var count = 0;
        foreach (var e in t.Actief)
        {
            if (e is not Module m || ActievePeriode.Buiten(t, m, r.Code, uit))
            {
                continue;
            }

            if (r.PrijsVan(m.ModuleCode) is not { } prijs)
            {
                uit.NietBetaalbaarVoor(m, Reden.OnbekendeModule, new Uitleg("module {0} has no price in rule {1}.", m.ModuleCode, r.Code), r.Code);
                continue;
            }

            if (r.MaximumAantal is { } max && count >= max)
            {
                uit.NietBetaalbaarVoor(m, Reden.BovenMaximumEenheden, new Uitleg("beyond the maximum of {0} modules.", max), r.Code);
                continue;
            }

            count++;
            var tarief = ctx.DagTarief(prijs, m.Datum);
            uit.Add(new Post
            {
                RegelCode = r.Code,
                SleutelDeel = m.Id,
                RegelIndex = index,
                Vervaldatum = m.Datum,
                Bedrag = tarief,
                Hoeveelheid = 1m,
                Tarief = tarief,
                Bronnen = new Bronnen(m.Id),
                Tekst = ModuleTekst,
                Args = new Argumenten(r.Code, m.ModuleCode, m.Datum),
            });
        }
    }
}
