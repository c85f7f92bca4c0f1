using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Bekostiging.Tests;

public class ConstructorScanTmp
{
    [Fact]
    public void Scan()
    {
        var found = new SortedSet<string>();
        foreach (var c in ConstructorProperties.Constructors)
        {
            var ps = c.GetParameters();
            var gen = Gen.CollectToArray(ps.Select(p => ConstructorProperties.Voor(p.ParameterType, 3)), g => g);
            foreach (var args in gen.Sample(60, 10))
            {
                var e = ConstructorProperties.Probeer(c, args);
                if (e is not null && e is not (System.ArgumentException or BekostigingException))
                {
                    found.Add($"{c.DeclaringType!.Name}: {e.GetType().Name} {e.Message} @ {e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}");
                }
            }
        }

        Assert.True(found.Count == 0, string.Join("\n", found));
    }
}
