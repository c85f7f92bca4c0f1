using Bekostiging.Terms;

namespace Bekostiging.Settlement.Regels;

/// <summary>A staircase of result steps, each paid once for the first spell that lasts its duration (domain.md §7, §12).</summary>
internal sealed class TrapRegel : Regel<Trap>
{
    private static readonly Regeltekst Stap = new(
        "{0}: step {1} ({2}) for plaatsing {3} from {4}",
        "stap {1}: {2} duurzaam",
        "{0} step {1} if plaatsing {3} lasts until {5}");

    public override void Evalueer(Trap r, int index, RegelContext ctx, Posten uit)
    {
        var t = ctx.Tijdlijn;
        if (t.Plaatsingen.Count == 0)
        {
            return; // no plaatsing, no step, nothing to list
        }

        var d = r.Definitie;
        var spells = Resultaten.Spells(t, Resultaten.Kwalificerend<object?>(t, d, r.Code, uit, null, null), d.MaximaleOnderbreking, r.Code, uit);
        var heeftStap = new bool[spells.Count];
        for (var k = 0; k < r.Stappen.Count; k++)
        {
            var step = r.Stappen[k];
            var reached = false;
            for (var i = 0; i < spells.Count; i++)
            {
                var s = spells[i];
                var due = Resultaten.Vervaldatum(s.Begin, step.Duur, d.Wachttijd);
                if (!s.Duurt(due.PlusDays(-1)))
                {
                    continue;
                }

                var bedrag = ctx.TrajectTarief(step.Bedrag);
                uit.Add(new Post
                {
                    RegelCode = r.Code,
                    SleutelDeel = Tekst.Index(k + 1),
                    RegelIndex = index,
                    Vervaldatum = due,
                    Bedrag = bedrag,
                    Hoeveelheid = 1m,
                    Tarief = bedrag,
                    Bronnen = s.Bronnen(),
                    Tekst = Stap,
                    Args = new Argumenten(r.Code, k + 1, step.Duur, s.Naam(), s.Begin, due.PlusDays(-1)),
                    MetVoorwaarde = s.Open(due),
                });
                heeftStap[i] = true;
                reached = true;
                break;
            }

            if (!reached)
            {
                foreach (var s in spells)
                {
                    uit.NietBetaalbaarVoor(s.Eerste, Reden.NietDuurzaam, new Uitleg("step {0} ({1}) not reached: spell {2} from {3} ended on {4}.", k + 1, step.Duur, s.Naam(), s.Begin, s.Einde!.Value), r.Code);
                }
            }
        }

        for (var i = 0; i < spells.Count; i++)
        {
            if (heeftStap[i])
            {
                continue;
            }

            var s = spells[i];
            foreach (var l in s.Leden)
            {
                uit.NietBetaalbaarVoor(l, Reden.NietDuurzaam, new Uitleg("spell {0} from {1} reached no step that an earlier spell had not earned.", s.Naam(), s.Begin), r.Code);
            }
        }
    }
}
