using Bekostiging.Terms;
using NodaTime;

namespace Bekostiging.Events;

/// <summary>
/// A dated event in a traject (domain.md §5). Events may arrive in any order; the engine orders them by
/// (<see cref="Datum"/>, <see cref="Volgnummer"/>, <see cref="Id"/>). The same id twice with the same content is one
/// event; with different content it is an error.
/// </summary>
public abstract record Gebeurtenis
{
    /// <summary>
    /// An event with its id and date. Only this library's event kinds derive: the constructor is <c>private protected</c>
    /// and <see cref="Gesloten"/> cannot be overridden elsewhere (decision 66).
    /// </summary>
    /// <param name="id">The event id, unique within the traject.</param>
    /// <param name="datum">The event's date (what it means depends on the kind).</param>
    private protected Gebeurtenis(string id, LocalDate datum)
    {
        Id = id;
        Datum = datum;
    }

    /// <summary>The event id, unique within the traject.</summary>
    public string Id { get; init => field = Preconditions.NotEmpty(value, nameof(Id)); }

    /// <summary>The date of the event (ISO calendar).</summary>
    public LocalDate Datum { get; init => field = Preconditions.IsoDatum(value, nameof(Datum)); }

    /// <summary>A sequence number that orders events of one date (default 0).</summary>
    public long Volgnummer { get; init; }

    /// <summary>The date the event was reported; <see langword="null"/> means its own <see cref="Datum"/>. Invoice runs use it.</summary>
    public LocalDate? Gemeld { get; init => field = value is { } d ? Preconditions.IsoDatum(d, nameof(Gemeld)) : null; }

    /// <summary>The reporting date: <see cref="Gemeld"/>, else <see cref="Datum"/>.</summary>
    public LocalDate GemeldOp => Gemeld ?? Datum;

    /// <summary>The kind of event, as a word (aanmelding, uren, plaatsing, …).</summary>
    public abstract string Soort { get; }

    /// <summary>Closes the hierarchy, as <see cref="Betaalregel"/>'s does: the record copy constructor must stay <c>protected</c>, and this member, which only this assembly can override, keeps types elsewhere from deriving.</summary>
    private protected abstract void Gesloten();
}

/// <summary>The referral of a client to the provider; starts the reclametermijn.</summary>
/// <param name="Id">The event id.</param>
/// <param name="Datum">The referral date.</param>
public sealed record Aanmelding(string Id, LocalDate Datum) : Gebeurtenis(Id, Datum)
{
    /// <inheritdoc />
    public override string Soort => "aanmelding";

    /// <inheritdoc />
    private protected override void Gesloten()
    {
    }
}

/// <summary>The provider returns the client within the reclametermijn: the traject is void.</summary>
/// <param name="Id">The event id.</param>
/// <param name="Datum">The date of the reclame.</param>
public sealed record Reclame(string Id, LocalDate Datum) : Gebeurtenis(Id, Datum)
{
    /// <inheritdoc />
    public override string Soort => "reclame";

    /// <inheritdoc />
    private protected override void Gesloten()
    {
    }
}

/// <summary>The start of the doorlooptijd: the window runs from here.</summary>
/// <param name="Id">The event id.</param>
/// <param name="Datum">The start date.</param>
public sealed record Start(string Id, LocalDate Datum) : Gebeurtenis(Id, Datum)
{
    /// <inheritdoc />
    public override string Soort => "start";

    /// <inheritdoc />
    private protected override void Gesloten()
    {
    }
}

/// <summary>A milestone reached (intake, diagnose, trajectplan, afronding or a custom code).</summary>
/// <param name="Id">The event id.</param>
/// <param name="Datum">The date reached.</param>
/// <param name="MijlpaalSoort">The milestone kind.</param>
public sealed record Mijlpaal(string Id, LocalDate Datum, string MijlpaalSoort) : Gebeurtenis(Id, Datum)
{
    /// <summary>The well-known milestone kinds.</summary>
    public static class Soorten
    {
        /// <summary>Intake.</summary>
        public const string Intake = "intake";

        /// <summary>Diagnose.</summary>
        public const string Diagnose = "diagnose";

        /// <summary>Trajectplan.</summary>
        public const string Trajectplan = "trajectplan";

        /// <summary>Afronding (as a phase).</summary>
        public const string Afronding = "afronding";

        /// <summary>Nazorg (aftercare).</summary>
        public const string Nazorg = "nazorg";
    }

    /// <summary>The milestone kind.</summary>
    public string MijlpaalSoort { get; init; } = Preconditions.NotEmpty(MijlpaalSoort, nameof(MijlpaalSoort));

    /// <inheritdoc />
    public override string Soort => "mijlpaal";

    /// <inheritdoc />
    private protected override void Gesloten()
    {
    }
}

/// <summary>Hours of guidance on one date.</summary>
/// <param name="Id">The event id.</param>
/// <param name="Datum">The date of the work.</param>
/// <param name="Aantal">The hours, in (0, 24].</param>
public sealed record Uren(string Id, LocalDate Datum, decimal Aantal) : Gebeurtenis(Id, Datum)
{
    /// <inheritdoc />
    public override string Soort => "uren";

    /// <inheritdoc />
    private protected override void Gesloten()
    {
    }
}

/// <summary>A module (bouwsteen) delivered.</summary>
/// <param name="Id">The event id.</param>
/// <param name="Datum">The date delivered.</param>
/// <param name="ModuleCode">The module code.</param>
public sealed record Module(string Id, LocalDate Datum, string ModuleCode) : Gebeurtenis(Id, Datum)
{
    /// <inheritdoc />
    public override string Soort => "module";

    /// <inheritdoc />
    private protected override void Gesloten()
    {
    }
}

/// <summary>A rung reached on the participatieladder.</summary>
/// <param name="Id">The event id.</param>
/// <param name="Datum">The date reached.</param>
/// <param name="Niveau">The rung, 1–6.</param>
public sealed record Trede(string Id, LocalDate Datum, int Niveau) : Gebeurtenis(Id, Datum)
{
    /// <inheritdoc />
    public override string Soort => "trede";

    /// <inheritdoc />
    private protected override void Gesloten()
    {
    }
}

/// <summary>The client starts work (or another outflow): a candidate result.</summary>
/// <param name="Id">The event id.</param>
/// <param name="Datum">The first working day (B).</param>
/// <param name="Type">The uitstroomtype.</param>
/// <param name="UrenPerWeek">Hours per week, in (0, 168].</param>
/// <param name="ContractMaanden">The contract length in whole months, or <see langword="null"/> for open-ended.</param>
/// <param name="PlaatsingId">The id a PlaatsingEinde refers to; <see langword="null"/> means the event id.</param>
public sealed record Plaatsing(string Id, LocalDate Datum, Uitstroomtype Type, decimal UrenPerWeek, int? ContractMaanden = null, string? PlaatsingId = null)
    : Gebeurtenis(Id, Datum)
{
    /// <summary>The kind of outflow.</summary>
    public Uitstroomtype Type { get; init => field = ValideerType(value); } = ValideerType(Type);

    /// <summary>The plaatsing's id: <see cref="PlaatsingId"/>, else the event id.</summary>
    public string Sleutel => PlaatsingId ?? Id;

    /// <inheritdoc />
    public override string Soort => "plaatsing";

    private static Uitstroomtype ValideerType(Uitstroomtype type)
    {
        Preconditions.Check(System.Enum.IsDefined(typeof(Uitstroomtype), type), nameof(Type), (int)type, "not an uitstroomtype.");
        return type;
    }

    /// <inheritdoc />
    private protected override void Gesloten()
    {
    }
}

/// <summary>A plaatsing ends.</summary>
/// <param name="Id">The event id.</param>
/// <param name="Datum">The last working day.</param>
/// <param name="PlaatsingId">The plaatsing that ends.</param>
public sealed record PlaatsingEinde(string Id, LocalDate Datum, string PlaatsingId) : Gebeurtenis(Id, Datum)
{
    /// <inheritdoc />
    public override string Soort => "plaatsingEinde";

    /// <inheritdoc />
    private protected override void Gesloten()
    {
    }
}

/// <summary>An approved extension of the traject's window.</summary>
/// <param name="Id">The event id.</param>
/// <param name="Datum">The approval date (on or before the current window's last day).</param>
/// <param name="Periode">The extra period; the new window ends (end + 1 day) + period − 1 day.</param>
public sealed record Verlenging(string Id, LocalDate Datum, Duur Periode) : Gebeurtenis(Id, Datum)
{
    /// <inheritdoc />
    public override string Soort => "verlenging";

    /// <inheritdoc />
    private protected override void Gesloten()
    {
    }
}

/// <summary>The traject ends early without a result.</summary>
/// <param name="Id">The event id.</param>
/// <param name="Datum">The last active day.</param>
/// <param name="Reden">Why (no-show, drop-out, moved, …).</param>
public sealed record Uitval(string Id, LocalDate Datum, string Reden = "") : Gebeurtenis(Id, Datum)
{
    /// <inheritdoc />
    public override string Soort => "uitval";

    /// <inheritdoc />
    private protected override void Gesloten()
    {
    }
}

/// <summary>The traject ends regularly.</summary>
/// <param name="Id">The event id.</param>
/// <param name="Datum">The end date (last active day).</param>
public sealed record Afronding(string Id, LocalDate Datum) : Gebeurtenis(Id, Datum)
{
    /// <inheritdoc />
    public override string Soort => "afronding";

    /// <inheritdoc />
    private protected override void Gesloten()
    {
    }
}

/// <summary>Withdraws an earlier event reported in error. Withdrawing an Intrekking restores its target.</summary>
/// <param name="Id">The event id.</param>
/// <param name="Datum">The date reported.</param>
/// <param name="DoelId">The id of the withdrawn event.</param>
public sealed record Intrekking(string Id, LocalDate Datum, string DoelId) : Gebeurtenis(Id, Datum)
{
    /// <inheritdoc />
    public override string Soort => "intrekking";

    /// <inheritdoc />
    private protected override void Gesloten()
    {
    }
}
