// corpus: label=secure cwe=CWE-79 function=renderBadge
const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Builds the HTML for a user's profile badge; the label is HTML-escaped. */
function renderBadge(label, color) {
  const safeColor = /^#[0-9a-f]{6}$/i.test(color) ? color : '#888888';
  return `<span class="badge" style="background:${safeColor}">${escapeHtml(label)}</span>`;
}

module.exports = { renderBadge };
