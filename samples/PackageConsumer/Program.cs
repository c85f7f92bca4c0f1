// A consumer of the packed Bekostiging package: proves on every CI run that the package restores,
// loads and settles for a project that knows nothing of this repository.
using Bekostiging;

var termijnen = Bedrag.Van(2500m).Verdeel(12);
Console.WriteLine($"Trajectprijs {Bedrag.Van(2500m)} in 12 termijnen: {string.Join(" + ", termijnen.Select(t => t.ToString()))}");
if (termijnen.Aggregate(Bedrag.Nul, (a, b) => a + b) != Bedrag.Van(2500m))
{
    Console.Error.WriteLine("Termijnen do not add up to the price.");
    return 1;
}

return 0;
