using System.Linq;

namespace Bekostiging.Terms;

/// <summary>
/// Which plaatsingen count as a result (domain.md §6): accepted uitstroomtypes, minimum hours per week, minimum
/// contract length, a waiting period of work, durability, and the longest gap that still joins two plaatsingen
/// into one spell. Use <see cref="Standaard"/> and the <c>Met…</c> methods, or a <c>with</c> expression.
/// </summary>
/// <param name="Uitstroomtypes">The accepted uitstroomtypes.</param>
/// <param name="MinimumUrenPerWeek">Minimum hours per week (0 = any); <see langword="null"/> = the contract's begrippen (<see cref="Begrippen.MinimumUrenPerWeek"/>, default 0).</param>
/// <param name="MinimumContractMaanden">Minimum contract length in months; open-ended contracts always pass; <see langword="null"/> = no minimum.</param>
/// <param name="Wachttijd">A period that must be worked before the result counts (UWV: 2 months); <see langword="null"/> = none.</param>
/// <param name="Duurzaamheid">The durability rule.</param>
/// <param name="MaximaleOnderbreking">The longest gap in days between plaatsingen that still forms one spell (default 0).</param>
public sealed record Resultaatdefinitie(
    ValueList<Uitstroomtype> Uitstroomtypes,
    decimal? MinimumUrenPerWeek,
    int? MinimumContractMaanden,
    Duur? Wachttijd,
    Duurzaamheid Duurzaamheid,
    int MaximaleOnderbreking)
{
    /// <summary>
    /// Work of any paid kind (regulier, gesubsidieerd, beschut, zelfstandige), with the minimum hours and the
    /// duurzaamheidstermijn (aaneengesloten) of the contract's begrippen — under the standard begrippen any hours, 6 months.
    /// A preset built on it follows the contract; state a value (<see cref="MetMinimumUren"/>, <see cref="MetDuurzaamheid"/>)
    /// to deviate from the contract on purpose.
    /// </summary>
    public static Resultaatdefinitie Standaard { get; } = new(
        ValueList.Of(Uitstroomtype.RegulierWerk, Uitstroomtype.GesubsidieerdWerk, Uitstroomtype.BeschutWerk, Uitstroomtype.Zelfstandige),
        null,
        null,
        null,
        Duurzaamheid.VolgensBegrippen,
        0);

    /// <summary>The accepted uitstroomtypes.</summary>
    public ValueList<Uitstroomtype> Uitstroomtypes { get; init => field = Preconditions.NotNull(value, nameof(Uitstroomtypes)); } = Preconditions.NotNull(Uitstroomtypes, nameof(Uitstroomtypes));

    /// <summary>Minimum hours per week; <see langword="null"/> = the contract's begrippen.</summary>
    public decimal? MinimumUrenPerWeek { get; init => field = CheckUren(value); } = CheckUren(MinimumUrenPerWeek);

    /// <summary>Minimum contract length in months.</summary>
    public int? MinimumContractMaanden { get; init => field = CheckContract(value); } = CheckContract(MinimumContractMaanden);

    /// <summary>The durability rule.</summary>
    public Duurzaamheid Duurzaamheid { get; init => field = Preconditions.NotNull(value, nameof(Duurzaamheid)); } = Preconditions.NotNull(Duurzaamheid, nameof(Duurzaamheid));

    /// <summary>The longest gap in days that still joins plaatsingen into one spell.</summary>
    public int MaximaleOnderbreking { get; init => field = CheckGap(value); } = CheckGap(MaximaleOnderbreking);

    /// <summary>Only these uitstroomtypes count.</summary>
    /// <param name="types">The accepted types.</param>
    /// <returns>A changed copy.</returns>
    public Resultaatdefinitie MetUitstroomtypes(params Uitstroomtype[] types) => this with { Uitstroomtypes = types.ToValueList() };

    /// <summary>At least <paramref name="uren"/> hours per week.</summary>
    /// <param name="uren">Hours per week.</param>
    /// <returns>A changed copy.</returns>
    public Resultaatdefinitie MetMinimumUren(decimal uren) => this with { MinimumUrenPerWeek = uren };

    /// <summary>A contract of at least <paramref name="maanden"/> months (open-ended always passes).</summary>
    /// <param name="maanden">Months.</param>
    /// <returns>A changed copy.</returns>
    public Resultaatdefinitie MetMinimumContract(int maanden) => this with { MinimumContractMaanden = maanden };

    /// <summary>A waiting period of work before the result counts.</summary>
    /// <param name="wachttijd">The waiting period.</param>
    /// <returns>A changed copy.</returns>
    public Resultaatdefinitie MetWachttijd(Duur wachttijd) => this with { Wachttijd = wachttijd };

    /// <summary>Another durability rule.</summary>
    /// <param name="duurzaamheid">The rule.</param>
    /// <returns>A changed copy.</returns>
    public Resultaatdefinitie MetDuurzaamheid(Duurzaamheid duurzaamheid) => this with { Duurzaamheid = duurzaamheid };

    /// <summary>Plaatsingen separated by at most <paramref name="dagen"/> days form one spell.</summary>
    /// <param name="dagen">Days.</param>
    /// <returns>A changed copy.</returns>
    public Resultaatdefinitie MetMaximaleOnderbreking(int dagen) => this with { MaximaleOnderbreking = dagen };

    /// <summary>This definition with what it leaves to the begrippen filled in from <paramref name="begrippen"/>.</summary>
    /// <param name="begrippen">The begrippen in force.</param>
    /// <returns>The definition as it applies under those begrippen.</returns>
    public Resultaatdefinitie Onder(Begrippen begrippen)
    {
        Preconditions.NotNull(begrippen, nameof(begrippen));
        return this with
        {
            MinimumUrenPerWeek = MinimumUrenPerWeek ?? begrippen.MinimumUrenPerWeek,
            Duurzaamheid = Duurzaamheid is BegrippenDuurzaamheid ? Duurzaamheid.Aaneengesloten(begrippen.Duurzaamheidstermijn) : Duurzaamheid,
        };
    }

    private static decimal? CheckUren(decimal? uren)
        => Preconditions.Geldig(uren, uren is null or (>= 0m and <= 168m), $"MinimumUrenPerWeek = {uren}: hours per week lie in [0, 168].");

    private static int? CheckContract(int? maanden)
        => Preconditions.Geldig(maanden, maanden is null or >= 1, $"MinimumContractMaanden = {maanden}: at least 1 month, or none.");

    private static int CheckGap(int dagen)
        => Preconditions.Geldig(dagen, dagen >= 0, $"MaximaleOnderbreking = {dagen}: a gap is not negative.");

    /// <summary>Whether <paramref name="type"/> is accepted.</summary>
    /// <param name="type">The uitstroomtype.</param>
    /// <returns><see langword="true"/> when accepted.</returns>
    public bool Accepteert(Uitstroomtype type) => Uitstroomtypes.Contains(type);
}
