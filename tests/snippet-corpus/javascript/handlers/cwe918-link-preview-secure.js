// corpus: label=secure cwe=CWE-918 function=app.get('/api/link-preview')
const express = require('express');

const app = express();
const ALLOWED_HOSTS = new Set(['github.com', 'www.youtube.com', 'en.wikipedia.org', 'docs.google.com']);

function extractTitle(html) {
  const match = html.match(/<title[^>]*>([^<]*)<\/title>/i);
  return match ? match[1].trim() : null;
}

app.get('/api/link-preview', async (req, res) => {
  let target;
  try {
    target = new URL(String(req.query.url));
  } catch {
    return res.status(400).json({ error: 'invalid url' });
  }
  if (target.protocol !== 'https:' || !ALLOWED_HOSTS.has(target.hostname) || target.port !== '') {
    return res.status(403).json({ error: 'previews are not available for this site' });
  }

  try {
    // redirect: 'error' so an allowed host cannot bounce us to an internal address
    const response = await fetch(target.href, { redirect: 'error', signal: AbortSignal.timeout(5000) });
    const html = await response.text();
    res.json({ url: target.href, title: extractTitle(html) });
  } catch (err) {
    res.status(502).json({ error: 'could not fetch url' });
  }
});

module.exports = app;
