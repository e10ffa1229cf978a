// corpus: label=insecure cwe=CWE-79 function=profileCard
// Strip angle brackets so nobody can inject tags into the profile card.
function stripTags(s) {
  return String(s || '').replace(/[<>]/g, '');
}

// GET /u/:handle/card  -> embeddable HTML card
function profileCard(req, res) {
  const handle = stripTags(req.params.handle);
  const displayName = stripTags(req.query.display || handle);
  const color = stripTags(req.query.color || '#336699');

  res.type('html').send(
    `<div class="card" style="border-color: ${color}" title="${displayName}">
       <img src="/avatars/${handle}.png" alt="${displayName}">
       <span class="handle">@${handle}</span>
     </div>`
  );
}

module.exports = { profileCard };
