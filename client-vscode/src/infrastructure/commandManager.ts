// One place that registers commands: every id must be declared in package.json's
// contributes.commands (a typo would otherwise register a command no menu can reach), and every
// handler's failure is reported to the user instead of vanishing into the extension host log.
import type { Disposable } from './protocol';

export interface CommandRegistrar {
  registerCommand(id: string, handler: (...args: unknown[]) => unknown): Disposable;
}

export interface ErrorReporter {
  /** Logs the whole error and shows one quiet notification for its condition (no stack trace). */
  reportError(context: string, error: unknown): void;
}

export type CommandHandler = (...args: unknown[]) => unknown;

export class UndeclaredCommandError extends Error {
  constructor(id: string) {
    super(`Command "${id}" is registered but not declared in package.json contributes.commands.`);
    this.name = 'UndeclaredCommandError';
  }
}

/** Reads the declared command ids from a parsed package.json. */
export function declaredCommandIds(packageJson: unknown): Set<string> {
  const commands = (packageJson as { contributes?: { commands?: { command?: unknown }[] } })?.contributes?.commands;
  if (!Array.isArray(commands)) {
    throw new Error('package.json has no contributes.commands array.');
  }
  return new Set(commands.map((c) => c.command).filter((c): c is string => typeof c === 'string'));
}

export class CommandManager implements Disposable {
  private readonly registrations: Disposable[] = [];
  private readonly registered = new Set<string>();

  constructor(
    private readonly registrar: CommandRegistrar,
    private readonly declared: ReadonlySet<string>,
    private readonly reporter: ErrorReporter,
  ) {}

  register(id: string, handler: CommandHandler): void {
    if (!this.declared.has(id)) {
      throw new UndeclaredCommandError(id);
    }
    if (this.registered.has(id)) {
      throw new Error(`Command "${id}" is registered twice.`);
    }
    this.registered.add(id);
    this.registrations.push(
      this.registrar.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await handler(...args);
        } catch (error) {
          this.reporter.reportError(`Command ${id} failed`, error);
          return undefined;
        }
      }),
    );
  }

  /** Ids declared in package.json that nothing registered: shown in tests as dead menu entries. */
  unregisteredDeclaredIds(): string[] {
    return [...this.declared].filter((id) => !this.registered.has(id)).sort();
  }

  dispose(): void {
    for (const registration of this.registrations.splice(0)) {
      registration.dispose();
    }
    this.registered.clear();
  }
}
