// corpus: label=insecure cwe=CWE-918 function=app.get('/api/link-preview')
const express = require('express');

const app = express();

function extractTitle(html) {
  const match = html.match(/<title[^>]*>([^<]*)<\/title>/i);
  return match ? match[1].trim() : null;
}

// Used by the chat client to render a card for pasted links.
app.get('/api/link-preview', async (req, res) => {
  const target = req.query.url;
  if (!target) return res.status(400).json({ error: 'url is required' });

  try {
    const response = await fetch(target, { headers: { 'User-Agent': 'ChatPreviewBot/1.0' } });
    const html = await response.text();
    res.json({
      url: target,
      status: response.status,
      title: extractTitle(html),
      snippet: html.slice(0, 500),
    });
  } catch (err) {
    res.status(502).json({ error: 'could not fetch url' });
  }
});

module.exports = app;
