'use strict';

const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s) => s.replace(/[&<>"']/g, (c) => ESC[c]);

function allowed(url) {
  if (/^\/(?!\/)/.test(url)) return true;
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url);
  return !!m && ['http', 'https', 'mailto'].includes(m[1].toLowerCase());
}

function renderMessage(text) {
  const out = [];
  const re = /\[([^\]]*)\]\(([^\s)]*)\)/g;
  let last = 0; let m;
  while ((m = re.exec(text))) {
    out.push(esc(text.slice(last, m.index)));
    const [, label, url] = m;
    out.push(allowed(url) ? `<a href="${esc(url)}" rel="noopener">${esc(label)}</a>` : esc(label));
    last = re.lastIndex;
  }
  out.push(esc(text.slice(last)));
  return out.join('');
}

module.exports = { renderMessage };
