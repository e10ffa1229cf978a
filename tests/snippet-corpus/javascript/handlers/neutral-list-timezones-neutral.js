// corpus: label=neutral cwe=- function=listTimezones
// GET /api/timezones -> [{ id, offset }]
async function listTimezones(req, res) {
  const zones = Intl.supportedValuesOf ? Intl.supportedValuesOf('timeZone') : ['UTC'];
  const now = new Date();

  const result = zones.map((id) => {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: id, timeZoneName: 'shortOffset' })
      .formatToParts(now);
    const offset = (parts.find((p) => p.type === 'timeZoneName') || {}).value || 'GMT';
    return { id, offset };
  });

  res.set('Cache-Control', 'public, max-age=86400');
  res.json(result);
}

module.exports = { listTimezones };
