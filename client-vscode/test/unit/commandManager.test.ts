import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CommandManager, declaredCommandIds, UndeclaredCommandError, type CommandRegistrar } from '../../src/infrastructure/commandManager';
import { Notifier, conditionOf, toastText } from '../../src/infrastructure/notifier';

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

function notifier() {
  const errors: string[] = [];
  const actions: string[][] = [];
  const logs: string[] = [];
  const ran: string[] = [];
  const pending: ((choice: string | undefined) => void)[] = [];
  const n = new Notifier(
    {
      show: (_severity, message, acts) => {
        errors.push(message);
        actions.push(acts);
        return new Promise<string | undefined>((resolve) => pending.push(resolve));
      },
      log: (m) => logs.push(m),
    },
    { showLogs: { title: 'Show Logs', run: () => ran.push('logs') }, dockerHelp: { title: 'Start Docker help', run: () => ran.push('docker') } },
  );
  return { n, errors, actions, logs, ran, pending };
}

function manager(declared: string[]) {
  const registrar = new FakeRegistrar();
  const { n, errors, logs, actions, pending, ran } = notifier();
  const commands = new CommandManager(registrar, new Set(declared), { reportError: (context, error) => n.error(context, error) });
  return { registrar, errors, logs, actions, pending, ran, commands };
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

  it('register_HandlerThrowsWithAStack_ToastHasTheFirstLineOnlyAndTheLogHasTheStack', async () => {
    const { commands, registrar, errors, logs, actions } = manager(['dualgauge.a']);
    const error = new Error('Request workspace/executeCommand failed with message: Bad setting\n   at Foo.Bar() in /x.cs:line 3');
    commands.register('dualgauge.a', () => { throw error; });
    await registrar.handlers.get('dualgauge.a')!();
    assert.deepEqual(errors, ['DualGauge: Bad setting']);
    assert.ok(!errors[0].includes(' at '), 'no stack frame in the toast');
    assert.deepEqual(actions, [['Show Logs']], 'one action');
    assert.match(logs[0], /at Foo\.Bar/, 'the stack is in the log');
  });

  it('register_DockerDownThreeTimes_OneToastWithTheDockerHelpAction', async () => {
    const { commands, registrar, errors, actions, pending, ran } = manager(['dualgauge.a']);
    commands.register('dualgauge.a', () => { throw new Error('The sandbox is unavailable: Docker does not answer. Start the Docker engine'); });
    await registrar.handlers.get('dualgauge.a')!();
    await registrar.handlers.get('dualgauge.a')!();
    await registrar.handlers.get('dualgauge.a')!();
    assert.equal(errors.length, 1, 'one notification per condition');
    assert.deepEqual(actions[0], ['Start Docker help']);
    pending[0]('Start Docker help');
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(ran, ['docker']);
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

describe('Notifier', () => {
  it('toastText_StripsStacksPrefixesAndCaps', () => {
    assert.equal(toastText(new Error('Error: one\n  at a.b (x.js:1:1)')), 'one');
    assert.equal(toastText('x'.repeat(400)).length, 300);
  });

  it('conditionOf_GroupsDockerAndServerFailures', () => {
    assert.equal(conditionOf('The sandbox is unavailable: ...'), 'docker');
    assert.equal(conditionOf('Pending response rejected since connection got disposed'), 'server');
    assert.equal(conditionOf('argument 0 (uri) is missing'), 'error:argument 0 (uri) is missing');
  });

  it('clear_ConditionOver_NextOccurrenceIsShownAgain', () => {
    const { n, errors } = notifier();
    n.notify('warning', { key: 'docker', message: 'down' });
    n.notify('warning', { key: 'docker', message: 'down' });
    n.clear('docker');
    n.notify('warning', { key: 'docker', message: 'down again' });
    assert.deepEqual(errors, ['down', 'down again']);
  });
});
