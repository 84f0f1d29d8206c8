import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildOpenApiDocumentOffline } from './openapi-offline';

/** `cli openapi [FILE]`: the OpenAPI document as JSON, into FILE or onto stdout, without starting the server. */
export async function runOpenApiCommand(args: string[]): Promise<number> {
  const json = `${JSON.stringify(await buildOpenApiDocumentOffline(), null, 2)}\n`;
  const [file] = args;
  if (file) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, json);
  } else process.stdout.write(json);
  return 0;
}
