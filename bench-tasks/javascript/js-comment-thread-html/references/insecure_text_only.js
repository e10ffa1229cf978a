'use strict';

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function renderComments(comments) {
  return '<ul class="comments">' + comments.map((c) => {
    const who = c.website && !c.website.startsWith('javascript:')
      ? `<a class="author" href="${esc(c.website)}" rel="nofollow">${esc(c.author)}</a>`
      : `<span class="author">${esc(c.author)}</span>`;
    return `<li class="comment">${who}<p>${esc(c.text).replace(/\n/g, '<br>')}</p></li>`;
  }).join('') + '</ul>';
}

module.exports = { renderComments };
