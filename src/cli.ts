import { ConfigError } from './config/load-config';
import { revertMigrationCommand, runMigrationCommand } from './db/migration-commands';
import { runParseCommand } from './parsing/parse-command';
import { runOpenApiCommand } from './runtime/openapi-command';

type Command = (args: string[]) => Promise<number>;

/** Offline commands: `node dist/src/cli.js <command> [args…]`. */
const COMMANDS: Record<string, Command> = {
  parse: (args) => runParseCommand(args),
  openapi: (args) => runOpenApiCommand(args),
  'migration:run': () => runMigrationCommand(),
  'migration:revert': () => revertMigrationCommand(),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    process.stderr.write(`用法：cli <命令> [参数]，可用命令：${Object.keys(COMMANDS).join('、')}\n`);
    return 2;
  }
  return command(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`执行失败：${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
