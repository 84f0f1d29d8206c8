import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { RecordedAnswer } from './api-tour';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../../..');

/** What an integrator writes with the generated types: `Answer<path, method, status>` and a typed call of one route. */
const CLIENT = `import type { paths } from './api';

type JsonOf<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;
export type Answer<P extends keyof paths, M extends keyof paths[P], S extends number> = paths[P][M] extends {
  responses: infer Responses;
}
  ? S extends keyof Responses
    ? JsonOf<Responses[S]>
    : never
  : never;

export type TaskDetail = Answer<'/api/v1/tasks/{id}', 'get', 200>;

export async function getTask(base: string, token: string, id: string): Promise<TaskDetail> {
  const response = await fetch(\`\${base}/api/v1/tasks/\${encodeURIComponent(id)}\`, {
    headers: { authorization: \`Bearer \${token}\` },
  });
  return (await response.json()) as TaskDetail;
}

export function describeTask(task: TaskDetail): string {
  const deadline = task.deadline ?? '无时限';
  return \`\${task.title}（\${task.statusLabel}，\${task.lightLabel}，\${deadline}）\`;
}
`;

export interface TypeCheck {
  /** tsc's complaints, one per line; empty when every answer fits the generated types. */
  errors: string[];
  directory: string;
}

/**
 * Generates TypeScript types from the document with openapi-typescript and type-checks, with tsc, the small client
 * above and every recorded JSON answer as an object literal of its operation's answer type: excess-property and
 * missing-property checks make a field the server renamed without the document an error. `drifted` answers are
 * written under `@ts-expect-error`, so tsc also fails if the types stopped catching a renamed field.
 */
export async function typeCheckAnswers(
  document: object,
  answers: RecordedAnswer[],
  drifted: RecordedAnswer[],
): Promise<TypeCheck> {
  const directory = join(ROOT, 'test-output', `openapi-client-${process.pid}`);
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, 'openapi.json'), JSON.stringify(document));
  await run(process.execPath, [
    join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'),
    join(directory, 'openapi.json'),
    '--output',
    join(directory, 'api.d.ts'),
  ]);
  writeFileSync(join(directory, 'client.ts'), CLIENT);
  writeFileSync(join(directory, 'answers.ts'), answersModule(answers, drifted));
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  const args = [
    '--ignoreConfig',
    '--noEmit',
    '--strict',
    '--target',
    'es2023',
    '--module',
    'node16',
    '--moduleResolution',
    'node16',
  ];
  const files = [join(directory, 'client.ts'), join(directory, 'answers.ts')];
  try {
    await run(process.execPath, [tsc, ...args, '--skipLibCheck', '--types', 'node', ...files], {
      cwd: directory,
    });
    return { errors: [], directory };
  } catch (error) {
    const output = String((error as { stdout?: string }).stdout ?? error);
    return { errors: output.split('\n').filter((line) => line.includes('error TS')), directory };
  }
}

function answersModule(answers: RecordedAnswer[], drifted: RecordedAnswer[]): string {
  const typed = (answer: RecordedAnswer, index: number, prefix: string) => {
    const [method, path] = answer.operation.split(' ');
    return `export const ${prefix}${index}: Answer<'${path}', '${method}', ${answer.status}> = ${JSON.stringify(answer.body)};`;
  };
  return [
    `import type { Answer } from './client';`,
    ...answers.map((answer, index) => typed(answer, index, 'answer')),
    ...drifted.map(
      (answer, index) => `// @ts-expect-error a renamed field\n${typed(answer, index, 'drifted')}`,
    ),
    '',
  ].join('\n');
}
