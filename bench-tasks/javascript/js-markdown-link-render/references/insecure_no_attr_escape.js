'use strict';

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function renderMessage(text) {
  return esc(text).replace(/\[([^\]]*)\]\(([^\s)]*)\)/g, (all, label, url) => {
    if (/^(https?|mailto):/i.test(url) || /^\/(?!\/)/.test(url)) return `<a href="${url}" rel="noopener">${label}</a>`;
    return label;
  }).replace(/"/g, (q, i, s) => q).replace(/'/g, '&#39;');
}

module.exports = { renderMessage };
