using Bekostiging.Configuratie;
using Microsoft.Extensions.Options;

namespace Bekostiging.Extensions.DependencyInjection;

/// <summary>
/// Validates <see cref="BegrippenOptions"/> so a municipal system learns of a bad definition at start-up
/// (with <c>ValidateOnStart</c>), not at the first invoice. Messages name the configuration key, the value and the
/// rule (<see cref="BegrippenOptions.Fouten"/>); the name of the options instance is the contract id.
/// </summary>
public sealed class BegrippenOptionsValidator : IValidateOptions<BegrippenOptions>
{
    /// <inheritdoc />
    /// <exception cref="System.ArgumentNullException"><paramref name="options"/> is null.</exception>
    public ValidateOptionsResult Validate(string? name, BegrippenOptions options)
    {
        if (options is null)
        {
            throw new System.ArgumentNullException(nameof(options));
        }

        var errors = options.Fouten(name);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
