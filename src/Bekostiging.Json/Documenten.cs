using Bekostiging.Events;
using Bekostiging.Invoicing;

namespace Bekostiging.Json;

/// <summary>One traject as input: which contract product it buys, for whom, and its events.</summary>
/// <param name="Id">The traject id.</param>
/// <param name="Client">The pseudonymous client reference (never a name or BSN).</param>
/// <param name="Profiel">The cliëntprofiel 1–4.</param>
/// <param name="Product">The contract product; the contract gives its model and doorlooptijd.</param>
/// <param name="Gebeurtenissen">The events, in any order.</param>
/// <param name="Contactpersoon">The municipality's contact person (a role or pseudonymous id), optional.</param>
/// <param name="StartTrede">The rung on the participatieladder at start, optional.</param>
public sealed record TrajectInvoer(string Id, string Client, int Profiel, string Product, ValueList<Gebeurtenis> Gebeurtenissen, string? Contactpersoon = null, int? StartTrede = null);

/// <summary>The trajecten document: the contract they belong to and the trajecten.</summary>
/// <param name="Contract">The contract id.</param>
/// <param name="Trajecten">The trajecten.</param>
public sealed record TrajectenDocument(string Contract, ValueList<TrajectInvoer> Trajecten);

/// <summary>The earlier-invoices document: every invoice issued before, as the invoice run wrote them.</summary>
/// <param name="Facturen">The invoices.</param>
public sealed record FacturenDocument(ValueList<Factuur> Facturen);
