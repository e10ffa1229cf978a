using System.Text.Json;
using DualGauge.Protocol.Basic;
using DualGauge.Protocol.Custom;
using Microsoft.Extensions.Logging;

namespace DualGauge.LanguageServer.Settings;

/// <summary>The current "dualgauge" settings: from initializationOptions, then workspace/configuration and didChangeConfiguration.</summary>
internal sealed class SettingsService(ILogger<SettingsService> logger)
{
    private volatile DualGaugeSettings current = new();

    public DualGaugeSettings Current => current;

    public event Action<DualGaugeSettings, DualGaugeSettings>? Changed;

    public void Update(DualGaugeSettings? settings, string origin)
    {
        var next = Validate(settings ?? new DualGaugeSettings(), origin);
        var previous = current;
        current = next;
        logger.LogInformation("Settings from {Origin}: {Settings}", origin, JsonSerializer.Serialize(next, ProtocolJson.Options));
        if (previous != next && !SameValues(previous, next))
        {
            Changed?.Invoke(previous, next);
        }
    }

    /// <summary>Accepts the whole settings tree ({"dualgauge": {...}}) or the section itself; null when it holds neither.</summary>
    public DualGaugeSettings? Parse(JsonElement? element, string origin)
    {
        if (element is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        var section = value.TryGetProperty(DualGaugeSettings.Section, out var nested) ? nested : value;
        if (section.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        try
        {
            return section.Deserialize<DualGaugeSettings>(ProtocolJson.Options);
        }
        catch (JsonException ex)
        {
            logger.LogWarning("Ignored the {Section} settings from {Origin}: {Path}: {Message}", DualGaugeSettings.Section, origin, ex.Path, ex.Message);
            return null;
        }
    }

    private DualGaugeSettings Validate(DualGaugeSettings settings, string origin)
    {
        var defaults = new DualGaugeSettings();
        if (settings.TimeoutMs <= 0)
        {
            logger.LogWarning("dualgauge.timeoutMs from {Origin} must be positive, got {Value}; using {Default}", origin, settings.TimeoutMs, defaults.TimeoutMs);
            settings = settings with { TimeoutMs = defaults.TimeoutMs };
        }

        if (settings.DebounceMs < 0)
        {
            logger.LogWarning("dualgauge.debounceMs from {Origin} must not be negative, got {Value}; using {Default}", origin, settings.DebounceMs, defaults.DebounceMs);
            settings = settings with { DebounceMs = defaults.DebounceMs };
        }

        if (settings.LargeInsertionThreshold < 1)
        {
            logger.LogWarning("dualgauge.largeInsertionThreshold from {Origin} must be at least 1, got {Value}; using {Default}", origin, settings.LargeInsertionThreshold, defaults.LargeInsertionThreshold);
            settings = settings with { LargeInsertionThreshold = defaults.LargeInsertionThreshold };
        }

        if (settings.Languages is null)
        {
            settings = settings with { Languages = defaults.Languages };
        }

        return settings;
    }

    private static bool SameValues(DualGaugeSettings a, DualGaugeSettings b) =>
        a with { Languages = [] } == b with { Languages = [] } && a.Languages.SequenceEqual(b.Languages, StringComparer.OrdinalIgnoreCase);
}
