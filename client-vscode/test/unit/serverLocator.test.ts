import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { locateServer, type ServerLookupInput } from '../../src/infrastructure/serverLocator';

const extensionPath = '/ext';
const bundled = path.join(extensionPath, 'server', 'dualgauge-languageserver.dll');

function input(overrides: Partial<ServerLookupInput>, existing: string[]): ServerLookupInput {
  return {
    env: {},
    settingPath: undefined,
    extensionPath,
    dotnetPath: 'dotnet',
    fileExists: (p) => existing.includes(p),
    ...overrides,
  };
}

describe('locateServer', () => {
  it('locateServer_EnvironmentAndSettingAndBundled_EnvironmentWins', () => {
    const result = locateServer(input({ env: { DUALGAUGE_SERVER_PATH: '/env/dualgauge-languageserver.dll' }, settingPath: '/setting/dualgauge-languageserver.dll' },
      ['/env/dualgauge-languageserver.dll', '/setting/dualgauge-languageserver.dll', bundled]));
    assert.equal(result.found, true);
    assert.ok(result.found);
    assert.equal(result.source, 'environment');
    assert.equal(result.command, 'dotnet');
    assert.deepEqual(result.args, ['/env/dualgauge-languageserver.dll']);
  });

  it('locateServer_SettingAndBundled_SettingWins', () => {
    const result = locateServer(input({ settingPath: '/setting/dualgauge-languageserver.dll' }, ['/setting/dualgauge-languageserver.dll', bundled]));
    assert.ok(result.found);
    assert.equal(result.source, 'setting');
    assert.equal(result.serverPath, '/setting/dualgauge-languageserver.dll');
  });

  it('locateServer_NothingConfigured_UsesBundledWithDotnet', () => {
    const result = locateServer(input({ dotnetPath: '/opt/dotnet/dotnet' }, [bundled]));
    assert.ok(result.found);
    assert.equal(result.source, 'bundled');
    assert.equal(result.command, '/opt/dotnet/dotnet');
    assert.deepEqual(result.args, [bundled]);
  });

  it('locateServer_SettingIsFolder_FindsAssemblyInside', () => {
    const result = locateServer(input({ settingPath: '/publish' }, ['/publish/dualgauge-languageserver.dll']));
    assert.ok(result.found);
    assert.equal(result.serverPath, '/publish/dualgauge-languageserver.dll');
  });

  it('locateServer_ApphostPath_RunsItDirectly', () => {
    const result = locateServer(input({ settingPath: '/publish/dualgauge-languageserver' }, ['/publish/dualgauge-languageserver']));
    assert.ok(result.found);
    assert.equal(result.command, '/publish/dualgauge-languageserver');
    assert.deepEqual(result.args, []);
  });

  it('locateServer_EnvironmentPointsNowhere_ErrorNamesVariableAndDoesNotFallBack', () => {
    const result = locateServer(input({ env: { DUALGAUGE_SERVER_PATH: '/missing/dualgauge-languageserver.dll' } }, [bundled]));
    assert.equal(result.found, false);
    assert.ok(!result.found);
    assert.match(result.message, /DUALGAUGE_SERVER_PATH/);
    assert.match(result.message, /\/missing\/dualgauge-languageserver\.dll/);
  });

  it('locateServer_SettingPointsNowhere_ErrorNamesSetting', () => {
    const result = locateServer(input({ settingPath: '/nope' }, []));
    assert.ok(!result.found);
    assert.match(result.message, /dualgauge\.server\.path/);
    assert.deepEqual(result.looked, ['/nope', '/nope/dualgauge-languageserver.dll']);
  });

  it('locateServer_NothingAnywhere_ErrorSaysHowToFix', () => {
    const result = locateServer(input({ env: { DUALGAUGE_SERVER_PATH: '  ' }, settingPath: '' }, []));
    assert.ok(!result.found);
    assert.match(result.message, /not found/);
    assert.match(result.message, new RegExp(bundled.replace(/[/.]/g, '\\$&')));
    assert.match(result.message, /DUALGAUGE_SERVER_PATH.*dualgauge\.server\.path/);
  });
});
