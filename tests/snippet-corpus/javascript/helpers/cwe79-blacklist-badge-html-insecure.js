// corpus: label=insecure cwe=CWE-79 function=renderBadge
/**
 * Builds the HTML for a user's profile badge. Script tags are removed from the label so
 * people cannot inject JavaScript into other users' pages.
 */
function renderBadge(label, color) {
  const safeLabel = String(label).replace(/<script>/g, '').replace(/<\/script>/g, '');
  const safeColor = /^#[0-9a-f]{6}$/i.test(color) ? color : '#888888';
  return `<span class="badge" style="background:${safeColor}">${safeLabel}</span>`;
}

module.exports = { renderBadge };
