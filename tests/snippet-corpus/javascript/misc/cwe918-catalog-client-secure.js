// corpus: label=secure cwe=CWE-918 function=getCatalogItem
const CATALOG_API = 'https://catalog.internal.example.com/v2';

/**
 * Look up an item in the catalog service. The id comes from the request,
 * the host never does.
 */
async function getCatalogItem(itemId, { signal } = {}) {
  if (!/^[A-Za-z0-9-]{1,40}$/.test(String(itemId))) {
    throw new Error('invalid item id');
  }
  const url = new URL(`items/${encodeURIComponent(itemId)}`, `${CATALOG_API}/`);
  const response = await fetch(url, {
    headers: { Accept: 'application/json' },
    redirect: 'error',
    signal,
  });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`catalog responded ${response.status}`);
  return response.json();
}

module.exports = { getCatalogItem };
