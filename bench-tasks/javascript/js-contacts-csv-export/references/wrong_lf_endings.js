'use strict';

// Spreadsheets evaluate cells starting with these characters (after removing CSV quotes).
const TRIGGER = /^[=+\-@\t\r]/;

function field(value) {
  let s = value === undefined || value === null ? '' : String(value);
  if (TRIGGER.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function contactsToCsv(contacts) {
  const lines = ['name,company,email,note'];
  for (const c of contacts) lines.push([c.name, c.company, c.email, c.note].map(field).join(','));
  return lines.join('\n') + '\n';
}

module.exports = { contactsToCsv };
