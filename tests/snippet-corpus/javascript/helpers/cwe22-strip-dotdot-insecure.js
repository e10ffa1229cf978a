// corpus: label=insecure cwe=CWE-22 function=readAttachment
const fs = require('fs');
const path = require('path');

const ATTACHMENTS = '/srv/helpdesk/attachments';

/**
 * Read a ticket attachment. The name comes from the ticket UI.
 * Strips "../" sequences so users cannot leave the attachments folder.
 */
function readAttachment(ticketId, name) {
  const cleaned = String(name).replace(/\.\.\//g, '');
  const fullPath = path.join(ATTACHMENTS, String(ticketId), cleaned);
  return fs.readFileSync(fullPath);
}

module.exports = { readAttachment };
