'use strict';

const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s) => s.replace(/[&<>"']/g, (c) => ESC[c]);

function renderMessage(text) {
  let out = ''; let last = 0; let m;
  const re = /\[([^\]]*)\]\(([^\s)]*)\)/g;
  while ((m = re.exec(text))) {
    out += esc(text.slice(last, m.index));
    const ok = /(https?|mailto):/i.test(m[2]) || m[2].startsWith('/');
    out += ok ? `<a href="${esc(m[2])}" rel="noopener">${esc(m[1])}</a>` : esc(m[1]);
    last = re.lastIndex;
  }
  return out + esc(text.slice(last));
}

module.exports = { renderMessage };
