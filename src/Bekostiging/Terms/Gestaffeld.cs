using System.Linq;

namespace Bekostiging.Terms;

/// <summary>One phase of a staged (gestaffeld) model: its milestone kind, or <see cref="Plaatsing"/>, and its fee.</summary>
/// <param name="Mijlpaal">The milestone kind (intake, diagnose, trajectplan, nazorg, a custom code) or <see cref="Plaatsing"/>.</param>
/// <param name="Bedrag">The fee for completing the phase.</param>
public sealed record Fase(string Mijlpaal, Bedrag Bedrag)
{
    /// <summary>The phase completed by the first plaatsing in the active period.</summary>
    public const string Plaatsing = "plaatsing";
}

public static partial class Bekostigingsmodellen
{
    /// <summary>
    /// Gestaffeld (fasen, seed 001 "staffelen"): one fee per completed phase — intake, diagnose, trajectplan,
    /// plaatsing, nazorg — each paid once, on the first milestone of its kind in the active period. Rule codes are the
    /// phase names.
    /// </summary>
    /// <param name="fasen">The phases with their fees.</param>
    /// <returns>The model.</returns>
    public static Bekostigingsmodel Gestaffeld(params Fase[] fasen)
        => new("Gestaffeld", fasen.Select(f => f.Mijlpaal == Fase.Plaatsing
            ? new Eenmalig(f.Mijlpaal, Aanleiding.EerstePlaatsing, f.Bedrag)
            : (Betaalregel)new Eenmalig(f.Mijlpaal, Aanleiding.Mijlpaal, f.Bedrag, f.Mijlpaal)).ToValueList());
}
