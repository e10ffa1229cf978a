// Drives a real VS Code (code-server) in headless Chromium: the DualGauge extension must activate,
// contribute its commands and views, and report CWE-89 for an f-string SQL query, both when asked
// (Evaluate Selection) and when an inline suggestion is accepted with Tab.
// Usage: node scripts/e2e.mjs --url http://127.0.0.1:PORT --workspace DIR --artifacts DIR
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, value, i, all) => (i % 2 === 0 ? [...pairs, [value.replace(/^--/, ''), all[i + 1]]] : pairs), []));
const baseUrl = args.url ?? fail('--url is required');
const workspace = args.workspace ?? fail('--workspace is required');
const settingsFile = args.settings;
const artifacts = path.resolve(args.artifacts ?? 'test-artifacts');
// The first evaluation may build the sandbox image; later ones take seconds.
const evaluationTimeoutMs = Number(process.env.DUALGAUGE_E2E_EVAL_TIMEOUT_MS ?? 240_000);
const uiTimeoutMs = 30_000;

function fail(message) {
  console.error(message);
  process.exit(2);
}

fs.mkdirSync(artifacts, { recursive: true });
const results = [];
let page;

async function check(name, body) {
  const started = Date.now();
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`PASS ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false, error });
    console.log(`FAIL ${name} (${Date.now() - started} ms): ${describeError(error)}`);
    await shot(`failed-${slug(name)}`);
  }
}

/** The first line of an error plus, for a Playwright timeout, the locator it waited for. */
function describeError(error) {
  const lines = String(error?.message ?? error).replace(/\u001b\[[0-9;]*m/g, '').split('\n');
  const waitedFor = lines.find((line) => /waiting for /.test(line));
  return waitedFor ? `${lines[0]} [${waitedFor.trim()}]` : lines[0];
}

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

async function shot(name) {
  try {
    await page.screenshot({ path: path.join(artifacts, `${name}.png`) });
  } catch (error) {
    console.log(`  (screenshot ${name} failed: ${error.message})`);
  }
}

/** Polls a condition until it holds or the deadline passes; the condition, not a sleep, ends the wait. */
async function until(description, condition, timeoutMs = uiTimeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await condition();
      if (last) {
        return last;
      }
    } catch (error) {
      last = error;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}${last instanceof Error ? ` (last error: ${last.message})` : ''}`);
}

async function runCommand(title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: uiTimeoutMs });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: uiTimeoutMs });
  await input.press('Enter');
}

async function openFile(name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: uiTimeoutMs });
  await input.fill(name);
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: uiTimeoutMs });
  await input.press('Enter');
  await page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).waitFor({ timeout: uiTimeoutMs });
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').click();
}

function historyRows() {
  return page.locator('.monaco-list[aria-label="Suggestion History"] .monaco-list-row');
}

const statusItem = () => page.locator('.statusbar-item[id$="dualgauge.status"]').first();
const activeEditor = () => page.locator('.editor-group-container.active .monaco-editor');
const lenses = () => page.locator('.editor-group-container.active .monaco-editor .codelens-decoration');

/** The text of the first webview frame that has the selector, or undefined. */
async function webviewText(selector) {
  for (const frame of page.frames()) {
    const found = frame.locator(selector);
    if ((await found.count()) > 0) {
      return await frame.locator('body').innerText();
    }
  }
  return undefined;
}

async function closeAllEditors() {
  const tab = page.locator('.tabs-container .tab').first();
  if ((await tab.count()) > 0) {
    await tab.click();
  }
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+W');
  await until('every editor closed', async () => (await page.locator('.tabs-container .tab').count()) === 0);
  await page.locator('.editor-group-container.active').first().click();
}

/** Toast texts on screen now. */
async function toasts() {
  return page.locator('.notifications-toasts .notification-toast').evaluateAll((nodes) => nodes.map((n) => n.textContent ?? ''));
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
page = await context.newPage();
page.on('pageerror', (error) => console.log(`  page error: ${error.message}`));

try {
  await check('workbench loads and the extension activates', async () => {
    await page.goto(`${baseUrl}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row[aria-label^="app.py"]').waitFor({ timeout: uiTimeoutMs });
    await openFile('app.py');
    await statusItem().waitFor({ state: 'visible', timeout: uiTimeoutMs });
  });

  await check('commands appear in the palette under DualGauge', async () => {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: uiTimeoutMs });
    await input.fill('>DualGauge: ');
    const expected = ['Evaluate Selection', 'Evaluate File', 'Show Suggestion History', 'Clear History', 'Restart Server', 'Show Logs'];
    const labels = await until('every DualGauge command in the palette', async () => {
      const seen = await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? r.textContent ?? ''));
      return expected.every((title) => seen.some((label) => label.includes(`DualGauge: ${title}`))) ? seen : undefined;
    });
    await shot('command-palette');
    await input.press('Escape');
    if (labels.some((label) => label.includes('Reveal Snippet'))) {
      throw new Error('internal commands leak into the palette');
    }
  });

  await check('the Suggestion History view renders in its own container', async () => {
    await page.locator('.activitybar .action-item a[aria-label^="DualGauge"], .activitybar .action-item[aria-label^="DualGauge"]').first().click();
    // A container with one view merges the view's header into its title, so the header is hidden.
    await page.locator('.pane-header[aria-label^="Suggestion History"]').waitFor({ state: 'attached', timeout: uiTimeoutMs });
    await page.locator('.monaco-list[aria-label="Suggestion History"]').waitFor({ state: 'attached', timeout: uiTimeoutMs });
    // Either the welcome text (empty history) or entries.
    // While the server starts the view says so; once it runs, the view must refresh by itself.
    await until('history content from a running server', async () =>
      (await historyRows().filter({ hasText: 'not running' }).count()) === 0 &&
      ((await page.locator('.pane-body .welcome-view-content').count()) > 0 || (await historyRows().count()) > 0), 60_000);
    await shot('history-view');
  });

  await check('the status item reports a running server', async () => {
    const text = await until('a server state in the status bar', async () => {
      const value = (await statusItem().innerText()).trim();
      return /starting/.test(value) ? undefined : value;
    }, 60_000);
    console.log(`  status item: "${text}"`);
    if (/server not found|stopped/.test(text)) {
      throw new Error(`the server did not start: "${text}"`);
    }
  });

  await check('Evaluate Selection reports CWE-89 for an f-string SQL query', async () => {
    await openFile('app.py');
    await page.keyboard.press('Control+A');
    await runCommand('DualGauge: Evaluate Selection');
    await page.locator('.editor-group-container.active .monaco-editor .squiggly-error').first().waitFor({ timeout: evaluationTimeoutMs });
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'CWE-89' }).first().waitFor({ timeout: uiTimeoutMs });
    await until('an Insecure entry in the Suggestion History', async () => (await historyRows().filter({ hasText: 'Insecure' }).count()) > 0);
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').click();
    await shot('evaluate-selection');
  });

  await check('Show Details opens the entry with its tests and trace', async () => {
    const row = historyRows().filter({ hasText: 'Insecure' }).first();
    await row.hover();
    await row.locator('.action-label[aria-label="Show Details"]').click();
    const text = await until('the details webview', async () => {
      for (const frame of page.frames()) {
        const heading = frame.locator('#verdict');
        if ((await heading.count()) > 0) {
          return await frame.locator('body').innerText();
        }
      }
      return undefined;
    }, uiTimeoutMs);
    // The bundled bench tasks must be found in the installed package: the match is the bench task itself.
    for (const expected of ['Insecure', 'Tests', 'Trace', 'CWE-89', 'benchTask (py-sql-user-lookup)', 'tautology']) {
      if (!text.includes(expected)) {
        throw new Error(`details page lacks "${expected}"`);
      }
    }
    await shot('details');
  });

  await check('the finding has a headline and the function a CodeLens verdict', async () => {
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'SQL injection (CWE-89):' }).first().waitFor({ timeout: uiTimeoutMs });
    await page.locator('.tabs-container .tab[aria-label^="app.py"]').first().click();
    const lens = await until('the CodeLens above find_user', async () => {
      const text = (await lenses().allInnerTexts()).join(' | ');
      return /DualGauge: insecure · SQL injection \(CWE-89\)/.test(text) ? text : undefined;
    });
    console.log(`  CodeLens: "${lens}"`);
    await shot('codelens-insecure');
  });

  await check('the CodeLens opens the report in a webview, with no Untitled document', async () => {
    await lenses().locator('a', { hasText: 'DualGauge: insecure' }).first().click();
    const text = await until('the report webview', () => webviewText('#report'));
    for (const expected of ['DualGauge evaluation #', 'SQL injection (CWE-89)', 'Tests', '✓ pass', '✗ failed']) {
      if (!text.includes(expected)) {
        throw new Error(`the report lacks "${expected}"`);
      }
    }
    if (/(^|\n)#+ /.test(text) || text.includes('|---|')) {
      throw new Error('raw Markdown shows in the report');
    }
    if ((await page.locator('.tabs-container .tab[aria-label*="Untitled"]').count()) > 0) {
      throw new Error('an Untitled document was opened');
    }
    await shot('report-webview');
  });

  await check('closing and reopening the file keeps its findings', async () => {
    const rowsBefore = await historyRows().count();
    await closeAllEditors();
    await openFile('app.py');
    await activeEditor().locator('.squiggly-error').first().waitFor({ timeout: uiTimeoutMs });
    await until('the CodeLens restored', async () => /DualGauge: insecure/.test((await lenses().allInnerTexts()).join(' ')));
    if ((await historyRows().count()) !== rowsBefore) {
      throw new Error('reopening re-evaluated the file instead of restoring its findings');
    }
    await shot('reopened-findings');
  });

  await check('a verified quick fix rewrites the query and the function turns secure', async () => {
    await page.locator('.tabs-container .tab[aria-label^="app.py"]').first().click();
    await page.locator('.editor-group-container.active .view-line', { hasText: 'cursor.execute' }).first().click();
    const title = 'Use a parameterised query (verified)';
    await until('the verified quick fix', async () => {
      await page.keyboard.press('Control+.');
      const menu = page.locator('.action-widget .monaco-list-row, .context-view .action-widget [role="option"]');
      try {
        await menu.first().waitFor({ timeout: 5_000 });
      } catch {
        return false;
      }
      // Header rows ("Quick Fix") take no focus: count the actions only.
      const labels = (await menu.allInnerTexts()).filter((label) => label.includes('DualGauge:'));
      const index = labels.findIndex((label) => label.includes(title));
      if (index >= 0) {
        await shot('quick-fix-menu');
        // The action list is driven by the keyboard: the first row has the focus.
        for (let i = 0; i < index; i++) {
          await page.keyboard.press('ArrowDown');
        }
        await page.keyboard.press('Enter');
        return true;
      }
      await page.keyboard.press('Escape');
      return false;
    }, evaluationTimeoutMs);
    // Monaco renders spaces as no-break spaces: match them with \s.
    await activeEditor().locator('.view-lines', { hasText: /username\s=\s\?/ }).waitFor({ timeout: uiTimeoutMs });
    await activeEditor().locator('.view-lines').click();
    await page.keyboard.press('Control+A');
    await runCommand('DualGauge: Evaluate Selection');
    const lens = await until('a secure CodeLens', async () => {
      const text = (await lenses().allInnerTexts()).join(' | ');
      return /DualGauge: secure/.test(text) ? text : undefined;
    }, evaluationTimeoutMs);
    console.log(`  CodeLens: "${lens}"`);
    if ((await activeEditor().locator('.squiggly-error').count()) > 0) {
      throw new Error('the fixed function still has an error');
    }
    await shot('quick-fix-secure');
  });

  await check('a re-run updates its history row instead of adding one', async () => {
    // A string filter is case-insensitive ("Insecure" contains it): a case-sensitive pattern.
    const secureRows = () => historyRows().filter({ hasText: /\bSecure: find_user/ });
    await until('the secure entry in the history', async () => (await secureRows().count()) === 1);
    const before = await historyRows().count();
    await page.locator('.tabs-container .tab[aria-label^="app.py"]').first().click();
    await activeEditor().locator('.view-lines').click();
    await page.keyboard.press('Control+A');
    await runCommand('DualGauge: Evaluate Selection');
    await until('the entry counting its re-run', async () => (await historyRows().filter({ hasText: 're-run 1×' }).count()) === 1, evaluationTimeoutMs);
    if ((await historyRows().count()) !== before || (await secureRows().count()) !== 1) {
      throw new Error(`the re-run added a row (${before} before, ${await historyRows().count()} after)`);
    }
    await shot('history-rerun');
  });

  await check('a settings change shows no stack trace and keeps the server running', async () => {
    if (!settingsFile) {
      throw new Error('--settings was not given');
    }
    const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
    fs.writeFileSync(settingsFile, JSON.stringify({ ...settings, 'dualgauge.debounceMs': 350, 'dualgauge.timeoutMs': 9000, 'dualgauge.showUnmatchedInProblems': true }, null, 2));
    // Watch the toasts for a few seconds: none may carry a stack frame or an exception name.
    const seen = new Set();
    const deadline = Date.now() + 6_000;
    while (Date.now() < deadline) {
      for (const text of await toasts()) {
        seen.add(text);
      }
      await page.waitForTimeout(250);
    }
    const bad = [...seen].filter((t) => /\bat [\w.$<>]+ ?\(|\.cs:line \d+|\.js:\d+:\d+|Exception\b/.test(t));
    if (bad.length > 0) {
      throw new Error(`a toast shows a stack trace: ${bad[0]}`);
    }
    const status = (await statusItem().innerText()).trim();
    if (/stopped|not found/.test(status)) {
      throw new Error(`the server stopped after a settings change: "${status}"`);
    }
    console.log(`  toasts seen: ${seen.size}; status: "${status}"`);
    await shot('settings-change');
  });

  await check('an accepted inline suggestion is evaluated', async () => {
    // The details page kept focus inside its webview frame, where workbench chords are not seen:
    // focus the editor first, close everything, then focus the empty editor group.
    await closeAllEditors();
    await openFile('assistant.py');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('d');
    await page.locator('.editor-group-container.active .monaco-editor .ghost-text-decoration, .editor-group-container.active .monaco-editor .ghost-text').first().waitFor({ timeout: uiTimeoutMs });
    await shot('inline-suggestion');
    await page.keyboard.press('Tab');
    await page.locator('.editor-group-container.active .monaco-editor .view-lines', { hasText: 'fetchall' }).waitFor({ timeout: uiTimeoutMs });
    await page.locator('.editor-group-container.active .monaco-editor .squiggly-error').first().waitFor({ timeout: evaluationTimeoutMs });
    await until('an inline-suggestion entry in the Suggestion History', async () => (await historyRows().filter({ hasText: 'inline suggestion' }).count()) > 0);
    await shot('inline-suggestion-evaluated');
  });
} finally {
  await shot('final');
  await browser.close();
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
fs.writeFileSync(path.join(artifacts, 'results.json'), JSON.stringify(results.map((r) => ({ name: r.name, ok: r.ok, error: r.error?.message })), null, 2) + os.EOL);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
