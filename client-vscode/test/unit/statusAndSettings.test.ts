import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { statusView } from '../../src/features/status/statusModel';
import { readSettings, serverSettings, settingDefaults } from '../../src/infrastructure/settings';

describe('statusView', () => {
  it('statusView_Ready_PlainShield', () => {
    const view = statusView('ready', 0, '');
    assert.equal(view.text, '$(shield) DualGauge');
    assert.equal(view.severity, 'none');
  });

  it('statusView_Evaluating_ShowsPendingCount', () => {
    assert.equal(statusView('evaluating', 3, '').text, '$(sync~spin) DualGauge: evaluating 3');
  });

  it('statusView_DockerUnavailable_WarningWithFixInTooltip', () => {
    const view = statusView('dockerUnavailable', 0, 'Cannot reach unix:///var/run/docker.sock.', 'Start Docker: sudo systemctl start docker');
    assert.equal(view.text, '$(warning) DualGauge: Docker unavailable');
    assert.equal(view.severity, 'warning');
    assert.equal(view.hasFix, true);
    assert.match(view.tooltip, /Fix: Start Docker/);
  });

  it('statusView_ServerMissing_Error', () => {
    const view = statusView('serverMissing', 0, 'not found');
    assert.equal(view.severity, 'error');
    assert.equal(view.tooltip, 'not found');
  });
});

describe('readSettings', () => {
  it('readSettings_NothingSet_Defaults', () => {
    assert.deepEqual(readSettings(() => undefined), { ...settingDefaults, dockerHost: undefined, image: undefined, serverPath: undefined });
  });

  it('readSettings_InvalidValues_FallBackToDefaults', () => {
    const values: Record<string, unknown> = { timeoutMs: -5, largeInsertionThreshold: 'many', languages: 'python', 'server.path': '  ' };
    const settings = readSettings(<T>(key: string) => values[key] as T);
    assert.equal(settings.timeoutMs, 10000);
    assert.equal(settings.largeInsertionThreshold, 8);
    assert.deepEqual(settings.languages, ['python', 'javascript', 'c', 'cpp']);
    assert.equal(settings.serverPath, undefined);
  });

  it('serverSettings_ClientOnlyKeys_NotSent', () => {
    const values: Record<string, unknown> = { 'server.path': '/x.dll', dockerHost: 'unix:///d.sock', timeoutMs: 5000 };
    const sent = serverSettings(readSettings(<T>(key: string) => values[key] as T));
    assert.equal('serverPath' in sent, false);
    assert.equal('dotnetPath' in sent, false);
    assert.equal('image' in sent, false);
    assert.equal(sent.dockerHost, 'unix:///d.sock');
    assert.equal(sent.timeoutMs, 5000);
  });
});
