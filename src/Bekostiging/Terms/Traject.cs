namespace Bekostiging.Terms;

/// <summary>
/// One client's trajectory with one provider: the unit of settlement (domain.md §5). The client reference is a
/// pseudonymous id — never a name or BSN.
/// </summary>
/// <param name="Id">The traject id.</param>
/// <param name="ClientId">The pseudonymous client reference.</param>
/// <param name="Profiel">The cliëntprofiel, 1 (kansrijk) to 4 (participatie).</param>
/// <param name="Product">The product (dienst) the traject buys.</param>
/// <param name="Model">The bekostigingsmodel that applies.</param>
/// <param name="MaximaleDoorlooptijd">How long the traject may run from its Start.</param>
public sealed record Traject(string Id, string ClientId, int Profiel, string Product, Bekostigingsmodel Model, Duur MaximaleDoorlooptijd)
{
    /// <summary>The traject id.</summary>
    public string Id { get; init => field = ValideerId(value); } = ValideerId(Id);

    /// <summary>The pseudonymous client reference.</summary>
    public string ClientId { get; init => field = ValideerClientId(value); } = ValideerClientId(ClientId);

    /// <summary>The cliëntprofiel, 1–4.</summary>
    public int Profiel { get; init => field = ValideerProfiel(Id, value); } = ValideerProfiel(Id, Profiel);

    /// <summary>The bekostigingsmodel.</summary>
    public Bekostigingsmodel Model { get; init => field = ValideerModel(value); } = ValideerModel(Model);

    /// <summary>The maximale doorlooptijd.</summary>
    public Duur MaximaleDoorlooptijd { get; init => field = ValideerMaximaleDoorlooptijd(Id, value); } = ValideerMaximaleDoorlooptijd(Id, MaximaleDoorlooptijd);

    /// <summary>The municipality's contact person (a role or pseudonymous id), for quarterly statements; optional.</summary>
    public string? ContactpersoonGemeente { get; init; }

    /// <summary>The rung on the participatieladder at start (baseline for <see cref="PerTrede"/>); optional.</summary>
    public int? StartTrede { get; init; }

    /// <summary>A copy with a contact person.</summary>
    /// <param name="contactpersoon">The contact person.</param>
    /// <returns>The changed traject.</returns>
    public Traject MetContactpersoon(string contactpersoon) => this with { ContactpersoonGemeente = contactpersoon };

    /// <summary>A copy with a rung at start.</summary>
    /// <param name="trede">The rung, 1–6.</param>
    /// <returns>The changed traject.</returns>
    public Traject MetStartTrede(int trede)
    {
        Preconditions.Check(trede is >= 1 and <= 6, nameof(trede), trede, "a rung is 1–6.");
        return this with { StartTrede = trede };
    }

    private static string ValideerId(string Id) => Kenmerk.Schoon(Preconditions.NotEmpty(Id, nameof(Id)), nameof(Id));

    private static string ValideerClientId(string ClientId) => Kenmerk.Schoon(Preconditions.NotEmpty(ClientId, nameof(ClientId)), nameof(ClientId));

    private static int ValideerProfiel(string id, int profiel)
        => Preconditions.Geldig(profiel, profiel is >= 1 and <= 4, $"Profiel = {profiel}: a cliëntprofiel is 1–4.", id);

    private static Bekostigingsmodel ValideerModel(Bekostigingsmodel Model) => Preconditions.NotNull(Model, nameof(Model));

    private static Duur ValideerMaximaleDoorlooptijd(string id, Duur maximaleDoorlooptijd)
        => Preconditions.Geldig(maximaleDoorlooptijd, maximaleDoorlooptijd.Aantal > 0, $"MaximaleDoorlooptijd: a traject runs for a positive period.", id);
}
