using System.Collections.Generic;
using System.Linq;
using Bekostiging.Events;
using Bekostiging.Settlement;
using Bekostiging.Terms;
using NodaTime;

namespace Bekostiging.Contracts;

/// <summary>An option to extend the contract by a period, exercised by the opdrachtgever before a deadline.</summary>
/// <param name="Periode">The extension, e.g. 1 year.</param>
public sealed record Verlengingsoptie(Duur Periode);

/// <summary>
/// The bekostigingsmodel and maximale doorlooptijd of one product, for one cliëntprofiel or for all
/// (<paramref name="Profiel"/> <see langword="null"/>). A profile-specific entry wins over the general one.
/// </summary>
/// <param name="Product">The product (dienst).</param>
/// <param name="Profiel">The cliëntprofiel 1–4, or <see langword="null"/> for every profiel.</param>
/// <param name="Model">The bekostigingsmodel.</param>
/// <param name="MaximaleDoorlooptijd">The maximale doorlooptijd of its trajecten.</param>
public sealed record Productafspraak(string Product, int? Profiel, Bekostigingsmodel Model, Duur MaximaleDoorlooptijd);

/// <summary>The minimum number of aanmeldingen per contract year the opdrachtgever guarantees, and the compensation per missing one.</summary>
/// <param name="AanmeldingenPerContractjaar">Guaranteed aanmeldingen per contract year.</param>
/// <param name="VergoedingPerOntbrekende">Compensation per missing aanmelding (indexed with the contract year concerned).</param>
/// <exception cref="BekostigingException"><see cref="FoutCode.OngeldigeParameter"/> for a negative number or compensation.</exception>
public sealed record Instroomgarantie(int AanmeldingenPerContractjaar, Bedrag VergoedingPerOntbrekende)
{
    /// <summary>Guaranteed aanmeldingen per contract year, 0 or more.</summary>
    public int AanmeldingenPerContractjaar { get; init => field = ValideerAantal(value); } = ValideerAantal(AanmeldingenPerContractjaar);

    /// <summary>Compensation per missing aanmelding, 0 or more.</summary>
    public Bedrag VergoedingPerOntbrekende { get; init => field = ValideerVergoeding(value); } = ValideerVergoeding(VergoedingPerOntbrekende);

    private static int ValideerAantal(int aantal)
    {
        Preconditions.Check(aantal >= 0, nameof(AanmeldingenPerContractjaar), aantal, "the guaranteed number of aanmeldingen is not negative.");
        return aantal;
    }

    private static Bedrag ValideerVergoeding(Bedrag vergoeding)
    {
        Preconditions.Check(!vergoeding.IsNegatief, nameof(VergoedingPerOntbrekende), vergoeding, "the compensation per missing aanmelding is not negative.");
        return vergoeding;
    }
}

/// <summary>
/// A raamovereenkomst between an opdrachtgever (one municipality or a group) and an opdrachtnemer (domain.md §2,
/// §4): term and verlengingsopties, indexatie, plafond, instroomgarantie, the bekostigingsmodel per product and
/// profiel, and the begrippen in force. Immutable: <see cref="OefenOptieUit"/> returns the contract with one more
/// option exercised. It is the tariff regime of its trajecten (<see cref="ITariefregeling"/>).
/// </summary>
public sealed record Raamovereenkomst : ITariefregeling
{
    /// <summary>Creates a contract.</summary>
    /// <param name="id">The contract id.</param>
    /// <param name="opdrachtgever">The municipalities that buy (one or a group, e.g. the three ABG municipalities).</param>
    /// <param name="opdrachtnemer">The provider.</param>
    /// <param name="ingangsdatum">The first day.</param>
    /// <param name="looptijd">The initial term, e.g. 2 years.</param>
    /// <param name="producten">The bekostigingsmodel per product (and profiel).</param>
    /// <exception cref="BekostigingException"><see cref="FoutCode.OngeldigeParameter"/> for an id outside the file-safe alphabet (<see cref="Kenmerk"/>), a date not in the ISO calendar, a term of zero, or two agreements for one product and profiel.</exception>
    public Raamovereenkomst(string id, ValueList<string> opdrachtgever, string opdrachtnemer, LocalDate ingangsdatum, Duur looptijd, ValueList<Productafspraak> producten)
    {
        Id = Kenmerk.BestandsnaamVeilig(id, nameof(id));
        Opdrachtgever = Preconditions.NotNull(opdrachtgever, nameof(opdrachtgever));
        Preconditions.Check(opdrachtgever.Count >= 1, nameof(opdrachtgever), opdrachtgever, "at least one municipality.");
        Opdrachtnemer = Preconditions.NotEmpty(opdrachtnemer, nameof(opdrachtnemer));
        Ingangsdatum = ingangsdatum;
        Preconditions.Check(looptijd.Aantal > 0, nameof(looptijd), looptijd, "a contract runs for a positive term.");
        Looptijd = looptijd;
        Producten = producten;
    }

    /// <summary>The contract id: file-safe (<see cref="Kenmerk.FoutInBestandsnaam"/>), because invoice files are named after it.</summary>
    public string Id { get; init => field = Kenmerk.BestandsnaamVeilig(value, nameof(Id)); }

    /// <summary>The municipalities that buy.</summary>
    public ValueList<string> Opdrachtgever { get; init; }

    /// <summary>The provider.</summary>
    public string Opdrachtnemer { get; init; }

    /// <summary>The first day of the contract (ISO calendar).</summary>
    public LocalDate Ingangsdatum { get; init => field = Preconditions.IsoDatum(value, nameof(Ingangsdatum)); }

    /// <summary>The initial term.</summary>
    public Duur Looptijd { get; init; }

    /// <summary>The bekostigingsmodel per product and profiel; at most one agreement per product and profiel.</summary>
    public ValueList<Productafspraak> Producten { get; init => field = ValideerProducten(value); }

    /// <summary>The options to extend, in the order they must be exercised (e.g. 1 + 1 year).</summary>
    public ValueList<Verlengingsoptie> Verlengingsopties { get; init; } = ValueList<Verlengingsoptie>.Empty;

    /// <summary>How many options have been exercised.</summary>
    public int UitgeoefendeOpties { get; init; }

    /// <summary>The yearly tariff increases.</summary>
    public Indexatie Indexatie { get; init; } = Indexatie.Geen;

    /// <summary>The maximum amount per calendar year (not indexed, not negative), or <see langword="null"/>.</summary>
    public Bedrag? Plafond
    {
        get;
        init
        {
            Preconditions.Check(value is not { IsNegatief: true }, nameof(Plafond), value, "a plafond is not negative; leave it out for no plafond.");
            field = value;
        }
    }

    /// <summary>The instroomgarantie, or <see langword="null"/>.</summary>
    public Instroomgarantie? Instroomgarantie { get; init; }

    /// <summary>The begrippen in force: the standard ones unless the contract deviates.</summary>
    public Begrippen Begrippen { get; init; } = Begrippen.Standaard;

    /// <summary>The opzegtermijn (how long before the current end an option must be exercised), from the begrippen.</summary>
    public Duur Opzegtermijn => Begrippen.Opzegtermijn;

    /// <summary>The inclusive last day of the initial term: S + looptijd − 1 day.</summary>
    public LocalDate InitieleEinddatum => Looptijd.LaatsteDag(Ingangsdatum);

    /// <summary>The current inclusive last day, after the exercised options.</summary>
    public LocalDate Einddatum
    {
        get
        {
            var end = InitieleEinddatum;
            for (var i = 0; i < UitgeoefendeOpties; i++)
            {
                end = Verlengingsopties[i].Periode.Verleng(end);
            }

            return end;
        }
    }

    /// <summary>The options not yet exercised.</summary>
    public int OptiesOver => Verlengingsopties.Count - UitgeoefendeOpties;

    /// <summary>The last day on which the next option can be exercised: (current end + 1 day) − opzegtermijn; <see langword="null"/> when none is left.</summary>
    public LocalDate? DeadlineVolgendeOptie => OptiesOver > 0 ? Deadline(Einddatum) : null;

    /// <summary>
    /// Warnings where a product's model states a result term of its own that differs from the contract's begrippen
    /// (<see cref="Bekostigingsmodel.AfwijkingenVan"/>), each prefixed with the product; empty when every model follows them.
    /// </summary>
    /// <returns>The warnings, in product and rule order.</returns>
    public ValueList<string> Begrippenafwijkingen() => Producten
        .SelectMany(p => p.Model.AfwijkingenVan(Begrippen).Select(w => $"Product {p.Product}{(p.Profiel is { } pr ? $" (profiel {pr})" : string.Empty)}: {w}"))
        .ToValueList();

    /// <summary>
    /// The settlement context of this contract's trajecten: its begrippen and its indexation, behind a memo of the
    /// tariffs asked (each call gives a new memo; share one context over the trajecten of one run).
    /// </summary>
    public SettlementContext Context => new(Begrippen, new Tariefgeheugen(this));

    /// <summary>A copy with verlengingsopties.</summary>
    /// <param name="opties">The options, in order.</param>
    /// <returns>The changed contract.</returns>
    public Raamovereenkomst MetOpties(params Duur[] opties) => this with { Verlengingsopties = opties.Select(o => new Verlengingsoptie(o)).ToValueList() };

    /// <summary>
    /// Exercises the next option on <paramref name="datum"/>. Allowed on or before (current end + 1 day) − opzegtermijn.
    /// </summary>
    /// <param name="datum">The date the opdrachtgever exercises it.</param>
    /// <param name="optie">The option's number (1-based); <see langword="null"/> means the next one.</param>
    /// <returns>The contract with the option exercised; its end moves by the option's period.</returns>
    /// <exception cref="BekostigingException"><see cref="FoutCode.OptieTeLaat"/> after the deadline (the message states it); <see cref="FoutCode.OptieNietOpVolgorde"/> out of order or when none is left.</exception>
    public Raamovereenkomst OefenOptieUit(LocalDate datum, int? optie = null)
    {
        var next = UitgeoefendeOpties + 1;
        Preconditions.Check(OptiesOver > 0, FoutCode.OptieNietOpVolgorde, $"contract {Id}: no verlengingsoptie left ({Verlengingsopties.Count} of {Verlengingsopties.Count} exercised).");
        Preconditions.Check(optie is null || optie == next, FoutCode.OptieNietOpVolgorde, $"contract {Id}: option {optie} cannot be exercised before option {next}; options are exercised in order.");
        var deadline = Deadline(Einddatum);
        Preconditions.Check(datum <= deadline, FoutCode.OptieTeLaat, $"contract {Id}: option {next} exercised on {Tekst.Datum(datum)}, after its deadline {Tekst.Datum(deadline)} (current end {Tekst.Datum(Einddatum)}, opzegtermijn {Opzegtermijn}).");

        return this with { UitgeoefendeOpties = next };
    }

    /// <summary>Whether <paramref name="datum"/> lies within the current term (ingangsdatum t/m einddatum).</summary>
    /// <param name="datum">The date.</param>
    /// <returns><see langword="true"/> when inside.</returns>
    public bool IsBinnenLooptijd(LocalDate datum) => datum >= Ingangsdatum && datum <= Einddatum;

    /// <summary>The contract year of a date (1-based); dates before the ingangsdatum are in year 1.</summary>
    /// <param name="datum">The date.</param>
    /// <returns>The contract year.</returns>
    public int Contractjaar(LocalDate datum) => Kalender.Contractjaar(Ingangsdatum, datum);

    /// <summary>
    /// The tariff in force on <paramref name="datum"/> for a tariff agreed as <paramref name="basis"/>: indexed per
    /// contract or calendar year; after the end (uitloop) the tariff of the last contract year stays in force, before
    /// the ingangsdatum that of year 1.
    /// </summary>
    /// <param name="basis">The tariff as agreed (year 1).</param>
    /// <param name="datum">The date that decides.</param>
    /// <returns>The indexed tariff.</returns>
    public Bedrag Tarief(Bedrag basis, LocalDate datum)
    {
        var end = Einddatum;
        return Indexatie.Pas(basis, Ingangsdatum, datum > end ? end : datum);
    }

    /// <summary>The agreement for a product and profiel: the profile-specific one if present, else the general one.</summary>
    /// <param name="product">The product.</param>
    /// <param name="profiel">The cliëntprofiel.</param>
    /// <returns>The agreement.</returns>
    /// <exception cref="BekostigingException"><see cref="FoutCode.OnbekendProduct"/> when the contract has none.</exception>
    public Productafspraak AfspraakVoor(string product, int profiel)
    {
        // The agreement for this profiel, else the one for every profiel.
        Productafspraak? algemeen = null;
        foreach (var p in Producten)
        {
            if (p.Product == product)
            {
                if (p.Profiel == profiel)
                {
                    return p;
                }

                algemeen ??= p.Profiel is null ? p : null;
            }
        }

        return algemeen ?? throw new BekostigingException(FoutCode.OnbekendProduct, $"contract {Id} has no bekostigingsmodel for product '{product}' and profiel {profiel}.");
    }

    /// <summary>A traject under this contract, with the model and doorlooptijd the contract sets for its product and profiel.</summary>
    /// <param name="id">The traject id.</param>
    /// <param name="clientId">The pseudonymous client reference.</param>
    /// <param name="profiel">The cliëntprofiel.</param>
    /// <param name="product">The product.</param>
    /// <returns>The traject.</returns>
    public Traject NieuwTraject(string id, string clientId, int profiel, string product)
    {
        var afspraak = AfspraakVoor(product, profiel);
        return new Traject(id, clientId, profiel, product, afspraak.Model, afspraak.MaximaleDoorlooptijd);
    }

    /// <summary>
    /// Settles one traject under this contract: tariffs from the contract's indexation, begrippen from the contract.
    /// A traject must start (or, without a Start, be aangemeld) within the current term; one that starts on the last
    /// day still runs to its end (uitloop).
    /// </summary>
    /// <param name="traject">The traject.</param>
    /// <param name="gebeurtenissen">Its events.</param>
    /// <param name="peildatum">The peildatum.</param>
    /// <returns>The settlement.</returns>
    /// <exception cref="BekostigingException"><see cref="FoutCode.TrajectBuitenContract"/> for a traject starting outside the term, naming the end date; or an event error.</exception>
    public Afrekening Settle(Traject traject, IEnumerable<Gebeurtenis> gebeurtenissen, LocalDate peildatum)
        => SettleMetTijdlijn(traject, gebeurtenissen, peildatum, Context).Afrekening;

    /// <summary>As <see cref="Settle(Traject, IEnumerable{Gebeurtenis}, LocalDate)"/> under <paramref name="context"/> (this contract's <see cref="Context"/>, shared over a run).</summary>
    internal (Afrekening Afrekening, Tijdlijn Tijdlijn) SettleMetTijdlijn(Traject traject, IEnumerable<Gebeurtenis> gebeurtenissen, LocalDate peildatum, SettlementContext context, bool metKernen = false)
    {
        var result = SettlementEngine.SettleMetTijdlijn(traject, gebeurtenissen, peildatum, context, metKernen);
        var t = result.Tijdlijn;
        Gebeurtenis? start = (Gebeurtenis?)t.Start ?? t.Aanmelding;
        if (start is not null && start.Datum > Einddatum)
        {
            throw new BekostigingException(FoutCode.TrajectBuitenContract, $"{start.Soort} on {Tekst.Datum(start.Datum)} is after the end of contract {Id} on {Tekst.Datum(Einddatum)}; new trajecten go to a contracted provider.", traject.Id, start.Id);
        }

        // Only a Start decides the lower bound: a referral may precede the ingangsdatum.
        if (t.Start is not null && t.Start.Datum < Ingangsdatum)
        {
            throw new BekostigingException(FoutCode.TrajectBuitenContract, $"start on {Tekst.Datum(t.Start.Datum)} is before the ingangsdatum of contract {Id} ({Tekst.Datum(Ingangsdatum)}).", traject.Id, t.Start.Id);
        }

        return result;
    }

    /// <summary>The index of the first agreement that repeats the product and profiel of an earlier one, or −1.</summary>
    /// <param name="producten">The agreements.</param>
    /// <returns>The index of the repeat, or −1 when every product and profiel has one agreement.</returns>
    internal static (int Eerste, int Herhaling) DubbeleAfspraak(IReadOnlyList<Productafspraak> producten)
    {
        var gezien = new Dictionary<(string, int?), int>();
        for (var i = 0; i < producten.Count; i++)
        {
            var p = producten[i];
            if (p is null)
            {
                continue;
            }

            if (gezien.TryGetValue((p.Product, p.Profiel), out var eerder))
            {
                return (eerder, i);
            }

            gezien[(p.Product, p.Profiel)] = i;
        }

        return (-1, -1);
    }

    private static ValueList<Productafspraak> ValideerProducten(ValueList<Productafspraak> producten)
    {
        Preconditions.NotNull(producten, nameof(producten));
        var (eerste, herhaling) = DubbeleAfspraak(producten);
        Preconditions.Check(
            herhaling < 0,
            $"producten: agreements {eerste + 1} and {herhaling + 1} are both for product '{producten[herhaling].Product}' and {(producten[herhaling].Profiel is { } k ? "profiel " + k.ToString(System.Globalization.CultureInfo.InvariantCulture) : "every profiel")}; one agreement per product and profiel, or the first would silently win.");
        return producten;
    }

    private LocalDate Deadline(LocalDate end) => Opzegtermijn.Eenheid switch
    {
        DuurEenheid.Dagen => end.PlusDays(1 - Opzegtermijn.Aantal),
        DuurEenheid.Weken => end.PlusDays(1).PlusWeeks(-Opzegtermijn.Aantal),
        DuurEenheid.Maanden => end.PlusDays(1).PlusMonths(-Opzegtermijn.Aantal),
        _ => end.PlusDays(1).PlusYears(-Opzegtermijn.Aantal),
    };
}
