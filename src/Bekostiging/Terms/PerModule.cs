using System.Linq;

namespace Bekostiging.Terms;

/// <summary>The price of one module (bouwsteen).</summary>
/// <param name="ModuleCode">The module code as Module events carry it.</param>
/// <param name="Prijs">The price per module delivered.</param>
public sealed record ModulePrijs(string ModuleCode, Bedrag Prijs)
{
    /// <summary>The module code.</summary>
    public string ModuleCode { get; init => field = Preconditions.NotEmpty(value, nameof(ModuleCode)); } = Preconditions.NotEmpty(ModuleCode, nameof(ModuleCode));

    /// <summary>The price per module delivered.</summary>
    public Bedrag Prijs { get; init => field = Betaalregel.NietNegatief(value, ModuleCode); } = Betaalregel.NietNegatief(Prijs, ModuleCode);
}

/// <summary>
/// A price per module delivered (Module events; the bouwstenenmodel). Each Module event is one unit priced by its
/// code at the tariff in force on its date; a code without a price is not payable; an optional maximum counts units
/// in event order.
/// </summary>
/// <param name="Code">The rule code; lines are keyed <c>code/eventId</c>.</param>
/// <param name="Prijzen">The price per module code.</param>
/// <param name="MaximumAantal">The maximum number of modules per traject, or <see langword="null"/>.</param>
public sealed record PerModule(string Code, ValueList<ModulePrijs> Prijzen, int? MaximumAantal = null) : Betaalregel(Code)
{
    /// <summary>The price per module code.</summary>
    public ValueList<ModulePrijs> Prijzen { get; init => field = ValideerPrijzen(Code, value); } = ValideerPrijzen(Code, Prijzen);

    /// <summary>The maximum number of modules per traject.</summary>
    public int? MaximumAantal { get; init => field = ValideerMaximumAantal(Code, value); } = ValideerMaximumAantal(Code, MaximumAantal);

    /// <inheritdoc />
    public override string Omschrijving => "prijs per module: " + string.Join(", ", Prijzen.Select(p => $"{p.ModuleCode} {p.Prijs}"));

    internal Bedrag? PrijsVan(string moduleCode)
    {
        foreach (var p in Prijzen)
        {
            if (p.ModuleCode == moduleCode)
            {
                return p.Prijs;
            }
        }

        return null;
    }

    private static ValueList<ModulePrijs> ValideerPrijzen(string code, ValueList<ModulePrijs> prijzen) => Preconditions.Geldig(
        prijzen,
        Preconditions.ZonderNull(prijzen, nameof(Prijzen)).Select(p => p.ModuleCode).Distinct().Count() == prijzen.Count,
        $"PerModule {code}: each module code has one price.");

    private static int? ValideerMaximumAantal(string code, int? maximumAantal)
        => Preconditions.Geldig(maximumAantal, maximumAantal is null or >= 0, $"PerModule {code}: a maximum is not negative.");

    /// <inheritdoc />
    private protected override void Gesloten()
    {
    }
}
