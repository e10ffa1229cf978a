'use strict';

const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ESC[c]);

function renderComments(comments) {
  return '<ul class="comments">' + comments.map((c) => {
    let ok = false;
    try { ok = ['http:', 'https:'].includes(new URL(c.website).protocol); } catch { }
    const who = ok
      ? `<a class="author" href="${escapeHtml(c.website)}" rel="nofollow">${escapeHtml(c.author)}</a>`
      : `<span class="author">${escapeHtml(c.author)}</span>`;
    return `<li class="comment">${who}<p>${escapeHtml(c.text)}</p></li>`;
  }).join('') + '</ul>';
}

module.exports = { renderComments };
