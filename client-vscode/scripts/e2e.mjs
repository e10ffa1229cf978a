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

  await check('an accepted inline suggestion is evaluated', async () => {
    // The details page kept focus inside its webview frame, where workbench chords are not seen:
    // focus the editor first, close everything, then focus the empty editor group.
    await page.locator('.tabs-container .tab[aria-label^="app.py"]').first().click();
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+W');
    await until('every editor closed', async () => (await page.locator('.tabs-container .tab').count()) === 0);
    await page.locator('.editor-group-container.active').first().click();
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
