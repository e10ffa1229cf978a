using System.Text.Json.Nodes;
using DualGauge.Core.Tasks;

namespace DualGauge.Snippets.Templates;

/// <summary>What the Python and JavaScript planners share: choosing a probe's input, and turning a descriptor's probe into a test spec and its plan entry.</summary>
internal static class ProbePlans
{
    /// <summary>
    /// The input a probe puts its payload in: the descriptor's names first, then its roles, in order. Call inputs come
    /// before the class's constructor parameters, which carry a payload only when no call input fits.
    /// </summary>
    /// <param name="skip">Inputs that never carry a payload themselves (e.g. an object whose fields are inputs of their own).</param>
    public static PlanInput? Choose(IReadOnlyList<PlanInput> inputs, ProbeInput wanted, Func<PlanInput, bool>? skip = null)
    {
        var candidates = inputs.Where(i => (skip is null || !skip(i)) && (wanted.NamePattern is null || wanted.NamePattern.IsMatch(i.Name)))
            .OrderBy(i => i.Where == "init" ? 1 : 0).ToList();
        foreach (var name in wanted.Names)
        {
            if (candidates.FirstOrDefault(i => string.Equals(i.Name.TrimStart('_'), name, StringComparison.OrdinalIgnoreCase)) is { } byName)
            {
                return byName;
            }
        }

        foreach (var role in wanted.Roles)
        {
            if (candidates.FirstOrDefault(i => i.Role == role) is { } byRole)
            {
                return byRole;
            }
        }

        return null;
    }

    /// <summary>
    /// The security test of one probe: its texts and oracle arguments with <c>{input}</c>, <c>{payload}</c> and
    /// <c>{dest}</c> filled, and its entry in the plan the language's runtime reads.
    /// </summary>
    public static (TestSpec Spec, JsonObject Plan) Security(ProbeTemplate template, ProbeTarget target, ProbeDescriptor probe, PlanInput? input,
        string shownInput, string dest, IReadOnlyList<string> hits, string attacksSuffix = "")
    {
        var id = Specs.Id(target.Prefix, probe.Name);
        string Fill(string text) => text.Replace("{input}", shownInput, StringComparison.Ordinal).Replace("{payload}", probe.Payload ?? "", StringComparison.Ordinal)
            .Replace("{dest}", dest, StringComparison.Ordinal);
        var oracles = probe.Oracles.Select(o => o with { Arguments = o.Arguments.ToDictionary(a => a.Key, a => Fill(a.Value), StringComparer.Ordinal) }).ToArray();
        var spec = Specs.Security(id, probe.Cwe, Fill(probe.Description), Fill(probe.Attacks) + attacksSuffix, Fill(probe.Why), oracles);
        var plan = new JsonObject
        {
            ["id"] = id,
            ["probe"] = probe.Name,
            ["function"] = target.Entry,
            ["input"] = input?.Name,
            ["payload"] = probe.Payload,
            ["hits"] = new JsonArray(hits.Select(h => (JsonNode)h).ToArray()),
            ["network"] = template.Network,
        };
        var mutated = ProbePayloads.Mutate(probe.Payload, probe.Mutations);
        if (mutated.Count > 0)
        {
            plan["mutations"] = new JsonArray(mutated.Select(m => (JsonNode)new JsonObject { ["kind"] = m.Kind, ["payload"] = m.Payload }).ToArray());
        }

        return (spec, plan);
    }
}
