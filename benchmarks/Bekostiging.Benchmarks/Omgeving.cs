using System;
using System.Collections.Generic;
using System.IO;
using Bekostiging.Contracts;
using Bekostiging.Events;
using Bekostiging.Json;
using Bekostiging.Terms;
using NodaTime;

namespace Bekostiging.Benchmarks;

/// <summary>What every benchmark shares: smoke mode, the sample data, the named models and typical histories.</summary>
internal static class Omgeving
{
    /// <summary>Set to 1 (Program does so for <c>--job Dry</c>) to shrink the large inputs for a quick smoke run.</summary>
    public const string SmokeVariabele = "BEKOSTIGING_BENCH_SMOKE";

    public static bool Smoke => Environment.GetEnvironmentVariable(SmokeVariabele) == "1";

    /// <summary>The full size, or the small one in smoke mode.</summary>
    public static int Grootte(int volledig, int smoke) => Smoke ? Math.Min(volledig, smoke) : volledig;

    /// <summary>The peildatum of the settlement benchmarks: mid-way, so there are due and pending lines.</summary>
    public static LocalDate Peildatum { get; } = new(2027, 6, 30);

    /// <summary>A file of samples/data: beside the binaries (copied by the project), else found upwards from here.</summary>
    public static string Data(string bestand)
    {
        var local = Path.Combine(AppContext.BaseDirectory, "data", bestand);
        if (File.Exists(local))
        {
            return local;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "data", bestand);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"samples/data/{bestand} not found from {AppContext.BaseDirectory}.");
    }

    /// <summary>The sample contract (ABG-2026: indexation 4.96 % / 3.10 %, plafond € 200.000, 2 + 1 + 1 years).</summary>
    public static Raamovereenkomst Contract() => JsonLezer.Contract(File.ReadAllText(Data("contract.json")));

    private static readonly Resultaatdefinitie Bonusdefinitie = Resultaatdefinitie.Standaard.MetMinimumUren(12m).MetMaximaleOnderbreking(14);

    /// <summary>Every named model of <see cref="Bekostigingsmodellen"/>, with typical parameters (domain.md §7, §11).</summary>
    public static readonly IReadOnlyDictionary<string, Bekostigingsmodel> Modellen = new Dictionary<string, Bekostigingsmodel>(StringComparer.Ordinal)
    {
        ["Uurtarief"] = Bekostigingsmodellen.Uurtarief(Bedrag.Van(86m), 40m),
        ["TrajectprijsBijStart"] = Bekostigingsmodellen.TrajectprijsBijStart(Bedrag.Van(2500m)),
        ["TrajectprijsBijAfronding"] = Bekostigingsmodellen.TrajectprijsBijAfronding(Bedrag.Van(2500m)),
        ["TrajectprijsInTermijnen"] = Bekostigingsmodellen.TrajectprijsInTermijnen(Bedrag.Van(2500m), 12, proRataBijUitval: true),
        ["StarttariefPlusBonus"] = Bekostigingsmodellen.StarttariefPlusBonus(
            Bedrag.Van(750m),
            Bonusdefinitie,
            new Bonusklasse(Uitstroomtype.RegulierWerk, 32m, null, Bedrag.Van(2000m)),
            new Bonusklasse(Uitstroomtype.RegulierWerk, 12m, 32m, Bedrag.Van(1250m)),
            new Bonusklasse(Uitstroomtype.GesubsidieerdWerk, 12m, null, Bedrag.Van(750m)),
            new Bonusklasse(Uitstroomtype.BeschutWerk, 12m, null, Bedrag.Van(750m))),
        ["NoCureLessPay"] = Bekostigingsmodellen.NoCureLessPay(Bedrag.Van(4000m), 50m, Resultaatdefinitie.Standaard.MetMinimumContract(6).MetWachttijd(Duur.Maanden(2))),
        ["NoCureNoPay"] = Bekostigingsmodellen.NoCureNoPay(Bedrag.Van(3000m), Resultaatdefinitie.Standaard),
        ["UwvIro"] = Bekostigingsmodellen.UwvIro(Bedrag.Van(5000m)),
        ["UwvWerkfit"] = Bekostigingsmodellen.UwvWerkfit(Bedrag.Van(86m), 100m, Bedrag.Van(1500m)),
        ["UwvPlaatsingsfee"] = Bekostigingsmodellen.UwvPlaatsingsfee(),
        ["Gestaffeld"] = Bekostigingsmodellen.Gestaffeld(
            new Fase(Mijlpaal.Soorten.Intake, Bedrag.Van(300m)),
            new Fase(Mijlpaal.Soorten.Diagnose, Bedrag.Van(400m)),
            new Fase(Mijlpaal.Soorten.Trajectplan, Bedrag.Van(500m)),
            new Fase(Fase.Plaatsing, Bedrag.Van(600m)),
            new Fase(Mijlpaal.Soorten.Nazorg, Bedrag.Van(200m))),
        ["Bouwstenen"] = Bekostigingsmodellen.Bouwstenen(Bedrag.Van(500m), new ModulePrijs("A", Bedrag.Van(250m)), new ModulePrijs("B", Bedrag.Van(400m))),
        ["Arrangement"] = Bekostigingsmodellen.Arrangement(Bedrag.Van(425m)),
    };

    /// <summary>The model names in a fixed order (for round-robin mixing).</summary>
    public static readonly string[] Modelnamen =
    {
        "Uurtarief", "TrajectprijsBijStart", "TrajectprijsBijAfronding", "TrajectprijsInTermijnen", "StarttariefPlusBonus", "NoCureLessPay",
        "NoCureNoPay", "UwvIro", "UwvWerkfit", "UwvPlaatsingsfee", "Gestaffeld", "Bouwstenen", "Arrangement",
    };

    /// <summary>
    /// A typical history of 12 events: aanmelding, start, intake and trajectplan, four months of guidance hours, a module,
    /// a rung climbed, a plaatsing (regulier, 32 h/week, 12-month contract) and the afronding at the window's end.
    /// </summary>
    public static Gebeurtenis[] TypischeHistorie() => new Gebeurtenis[]
    {
        new Aanmelding("A", new LocalDate(2026, 3, 2)),
        new Start("S", new LocalDate(2026, 3, 9)),
        new Mijlpaal("M1", new LocalDate(2026, 3, 16), Mijlpaal.Soorten.Intake),
        new Mijlpaal("M2", new LocalDate(2026, 3, 30), Mijlpaal.Soorten.Trajectplan),
        new Uren("U1", new LocalDate(2026, 3, 16), 2m),
        new Uren("U2", new LocalDate(2026, 4, 13), 2m),
        new Uren("U3", new LocalDate(2026, 5, 11), 1.5m),
        new Uren("U4", new LocalDate(2026, 6, 8), 2m),
        new Module("MO1", new LocalDate(2026, 4, 20), "A"),
        new Trede("R1", new LocalDate(2026, 5, 18), 4),
        new Plaatsing("P1", new LocalDate(2026, 7, 1), Uitstroomtype.RegulierWerk, 32m, 12),
        new Afronding("F", new LocalDate(2027, 3, 8)),
    };

    /// <summary>A traject of the given model with a 12-month doorlooptijd and a rung at start.</summary>
    public static Traject Traject(string id, string model) => new Traject(id, "C" + id, 2, "re-integratie", Modellen[model], Duur.Maanden(12)) { StartTrede = 3 };

    /// <summary>
    /// A varied, typical history (about 12 events on average): aanmelding on <paramref name="aanmelding"/>, start a week
    /// later, intake and trajectplan, guidance hours each month, now and then a module or a rung, perhaps a plaatsing that
    /// may end, and an uitval or the afronding. Deterministic for a given <paramref name="rng"/> state.
    /// </summary>
    public static Gebeurtenis[] Historie(Random rng, LocalDate aanmelding)
    {
        var events = new List<Gebeurtenis>(16);
        var start = aanmelding.PlusDays(7);
        events.Add(new Aanmelding("A", aanmelding));
        events.Add(new Start("S", start));
        events.Add(new Mijlpaal("M1", start.PlusDays(7), Mijlpaal.Soorten.Intake));
        events.Add(new Mijlpaal("M2", start.PlusDays(21), Mijlpaal.Soorten.Trajectplan));
        var months = 4 + rng.Next(9);
        var n = 0;
        string? plaatsing = null;
        var geplaatst = false;
        var ended = false;
        for (var k = 0; k < months; k++)
        {
            var month = start.PlusMonths(k);
            events.Add(new Uren("U" + (++n), month.PlusDays(5), 1 + (rng.Next(6) * 0.5m)));
            switch (rng.Next(10))
            {
                case 0:
                    events.Add(new Module("MO" + (++n), month.PlusDays(12), rng.Next(2) == 0 ? "A" : "B"));
                    break;
                case 1:
                    events.Add(new Trede("R" + (++n), month.PlusDays(15), 3 + rng.Next(4)));
                    break;
                case 2 when plaatsing is null && k >= 1 && !geplaatst:
                    plaatsing = "P" + (++n);
                    geplaatst = true;
                    events.Add(new Plaatsing(plaatsing, month, rng.Next(3) == 0 ? Uitstroomtype.GesubsidieerdWerk : Uitstroomtype.RegulierWerk, 12 + (4 * rng.Next(7)), 12));
                    break;
                case 3 when plaatsing is not null && rng.Next(3) == 0:
                    events.Add(new PlaatsingEinde("E" + (++n), month.PlusDays(20), plaatsing));
                    plaatsing = null;
                    break;
                case 4 when rng.Next(4) == 0:
                    events.Add(new Uitval("X", month.PlusDays(25), "uitval"));
                    ended = true;
                    break;
            }

            if (ended)
            {
                break;
            }
        }

        if (!ended)
        {
            events.Add(new Afronding("F", Duur.Maanden(12).LaatsteDag(start)));
        }

        return events.ToArray();
    }

    /// <summary>The raw pass the settlement benchmarks compare with: read every event once and sum the hours.</summary>
    public static decimal SomUren(Gebeurtenis[] gebeurtenissen)
    {
        var sum = 0m;
        for (var i = 0; i < gebeurtenissen.Length; i++)
        {
            if (gebeurtenissen[i] is Uren u)
            {
                sum += u.Aantal;
            }
        }

        return sum;
    }
}
