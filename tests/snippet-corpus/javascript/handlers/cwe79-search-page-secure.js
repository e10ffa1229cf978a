// corpus: label=secure cwe=CWE-79 function=renderSearchPage
const { searchDocs } = require('./search-index');

function escapeHtml(str) {
  return String(str)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;');
}

// GET /search?q=...
function renderSearchPage(req, res) {
  const q = String(req.query.q || '').trim();
  const hits = q ? searchDocs(q) : [];

  const items = hits
    .map((hit) => `<li><a href="/docs/${encodeURIComponent(hit.slug)}">${escapeHtml(hit.title)}</a></li>`)
    .join('\n');

  const html = `
    <form action="/search"><input name="q" value="${escapeHtml(q)}"><button>Search</button></form>
    <h2>${hits.length} results for "${escapeHtml(q)}"</h2>
    <ul>${items}</ul>`;

  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.end(html);
}

module.exports = { renderSearchPage };
