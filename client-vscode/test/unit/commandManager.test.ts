import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CommandManager, declaredCommandIds, UndeclaredCommandError, type CommandRegistrar } from '../../src/infrastructure/commandManager';

const root = path.resolve(__dirname, '..', '..', '..');
const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

class FakeRegistrar implements CommandRegistrar {
  readonly handlers = new Map<string, (...args: unknown[]) => unknown>();
  disposed: string[] = [];
  registerCommand(id: string, handler: (...args: unknown[]) => unknown) {
    this.handlers.set(id, handler);
    return { dispose: () => this.disposed.push(id) };
  }
}

function manager(declared: string[]) {
  const registrar = new FakeRegistrar();
  const errors: string[] = [];
  const logs: string[] = [];
  const commands = new CommandManager(registrar, new Set(declared), { showError: (m) => errors.push(m), log: (m) => logs.push(m) });
  return { registrar, errors, logs, commands };
}

describe('CommandManager', () => {
  it('register_UndeclaredId_Throws', () => {
    const { commands } = manager(['dualgauge.a']);
    assert.throws(() => commands.register('dualgauge.typo', () => undefined), UndeclaredCommandError);
  });

  it('register_SameIdTwice_Throws', () => {
    const { commands } = manager(['dualgauge.a']);
    commands.register('dualgauge.a', () => undefined);
    assert.throws(() => commands.register('dualgauge.a', () => undefined), /registered twice/);
  });

  it('register_HandlerThrows_ErrorShownAndLoggedNotRethrown', async () => {
    const { commands, registrar, errors, logs } = manager(['dualgauge.a']);
    commands.register('dualgauge.a', () => { throw new Error('Docker is not running'); });
    const result = await registrar.handlers.get('dualgauge.a')!();
    assert.equal(result, undefined);
    assert.deepEqual(errors, ['DualGauge: Docker is not running']);
    assert.equal(logs.length, 1);
    assert.match(logs[0], /dualgauge\.a failed/);
  });

  it('register_HandlerResolves_ReturnsValueAndPassesArguments', async () => {
    const { commands, registrar } = manager(['dualgauge.a']);
    commands.register('dualgauge.a', (x, y) => `${String(x)}-${String(y)}`);
    assert.equal(await registrar.handlers.get('dualgauge.a')!(1, 2), '1-2');
  });

  it('unregisteredDeclaredIds_SomeMissing_ListsThem', () => {
    const { commands } = manager(['dualgauge.a', 'dualgauge.b']);
    commands.register('dualgauge.b', () => undefined);
    assert.deepEqual(commands.unregisteredDeclaredIds(), ['dualgauge.a']);
  });

  it('dispose_AfterRegistering_DisposesEveryRegistration', () => {
    const { commands, registrar } = manager(['dualgauge.a', 'dualgauge.b']);
    commands.register('dualgauge.a', () => undefined);
    commands.register('dualgauge.b', () => undefined);
    commands.dispose();
    assert.deepEqual(registrar.disposed, ['dualgauge.a', 'dualgauge.b']);
  });

  it('declaredCommandIds_NoCommandsArray_Throws', () => {
    assert.throws(() => declaredCommandIds({ contributes: {} }), /contributes\.commands/);
  });
});

describe('package.json', () => {
  const declared = declaredCommandIds(packageJson);

  it('commandIds_InSourceCommandIdTables_AreAllDeclared', () => {
    // Every "XCommandIds" table in src names ids the features register.
    const srcIds = new Set<string>();
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          walk(full);
        } else if (entry.name.endsWith('.ts')) {
          const text = fs.readFileSync(full, 'utf8');
          for (const table of text.matchAll(/CommandIds = \{([^}]*)\}/g)) {
            for (const id of table[1].matchAll(/'(dualgauge\.[\w.]+)'/g)) {
              srcIds.add(id[1]);
            }
          }
        }
      }
    };
    walk(path.join(root, 'src'));
    assert.ok(srcIds.size >= 15, `expected the feature command tables, found ${srcIds.size} ids`);
    assert.deepEqual([...srcIds].filter((id) => !declared.has(id)), []);
    assert.deepEqual([...declared].filter((id) => !srcIds.has(id)).sort(), []);
  });

  it('menusAndKeybindings_ReferenceOnlyDeclaredCommands', () => {
    const referenced: string[] = [];
    for (const items of Object.values(packageJson.contributes.menus as Record<string, { command: string }[]>)) {
      referenced.push(...items.map((i) => i.command));
    }
    referenced.push(...(packageJson.contributes.keybindings as { command: string }[]).map((k) => k.command));
    assert.deepEqual(referenced.filter((id) => !declared.has(id)), []);
  });

  it('commands_PaletteCommands_HaveDualGaugeCategory', () => {
    for (const command of packageJson.contributes.commands as { command: string; category?: string }[]) {
      assert.equal(command.category, 'DualGauge', command.command);
    }
  });

  it('configuration_EveryServerSetting_HasDefaultAndDescription', () => {
    const properties = packageJson.contributes.configuration.properties as Record<string, { default?: unknown; description?: string; markdownDescription?: string }>;
    for (const key of ['dockerHost', 'image', 'autoEvaluateAiInsertions', 'evaluateOnSave', 'timeoutMs', 'languages', 'largeInsertionThreshold', 'debounceMs']) {
      const property = properties[`dualgauge.${key}`];
      assert.ok(property, `dualgauge.${key} is not contributed`);
      assert.ok(property.default !== undefined, `dualgauge.${key} has no default`);
      assert.ok((property.description ?? property.markdownDescription ?? '').length > 20, `dualgauge.${key} has no description`);
    }
  });
});
