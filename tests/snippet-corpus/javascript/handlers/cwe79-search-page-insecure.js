// corpus: label=insecure cwe=CWE-79 function=renderSearchPage
const { searchDocs } = require('./search-index');

// GET /search?q=...
function renderSearchPage(req, res) {
  const q = (req.query.q || '').trim();
  const hits = q ? searchDocs(q) : [];

  const items = hits
    .map((hit) => `<li><a href="/docs/${hit.slug}">${hit.title}</a></li>`)
    .join('\n');

  const html = `
    <form action="/search"><input name="q" value="${q}"><button>Search</button></form>
    <h2>${hits.length} results for "${q}"</h2>
    <ul>${items}</ul>`;

  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.end(html);
}

module.exports = { renderSearchPage };
