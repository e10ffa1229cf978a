'use strict';

const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ESC[c]);

function safeWebsite(website) {
  if (typeof website !== 'string' || website === '') return null;
  let url;
  try {
    url = new URL(website);
  } catch {
    return null;
  }
  // The URL parser strips what browsers strip, so the protocol is the one a browser would use.
  return url.protocol === 'http:' || url.protocol === 'https:' ? website : null;
}

function renderComments(comments) {
  const items = comments.map((c) => {
    const author = escapeHtml(c.author);
    const text = escapeHtml(c.text).replace(/\n/g, '<br>');
    const site = safeWebsite(c.website);
    const who = site
      ? `<a class="author" href="${escapeHtml(site)}" rel="nofollow">${author}</a>`
      : `<span class="author">${author}</span>`;
    return `<li class="comment">${who}<p>${text}</p></li>`;
  });
  return `<ul class="comments">${items.join('')}</ul>`;
}

module.exports = { renderComments };
