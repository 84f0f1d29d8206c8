import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const SRC = resolve(__dirname, '../../../src');

/** The tables another feature reaches only through the owner's repository methods, and the owning folder. */
const OWNERS: Record<string, string> = { tasks: 'tasks', users: 'identity', reports: 'reports' };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** `file:line table` for each SQL statement part that names an owned table outside its owner's repositories. */
function statementsOutsideOwners(files: Array<{ path: string; text: string }>): string[] {
  const tables = Object.keys(OWNERS).join('|');
  const pattern = new RegExp(`\\b(?:FROM|JOIN|INTO|UPDATE)\\s+(${tables})\\b`, 'g');
  return files.flatMap(({ path, text }) =>
    text.split('\n').flatMap((line, index) =>
      [...line.matchAll(pattern)]
        .filter(([, table]) => {
          const [folder, name] = path.split('/');
          return folder !== OWNERS[table] || !name?.endsWith('.repository.ts');
        })
        .map(([, table]) => `${path}:${index + 1} ${table}`),
    ),
  );
}

describe('tables and their owners', () => {
  const files = sourceFiles(SRC).map((file) => ({
    path: relative(SRC, file).split(/[\\/]/).join('/'),
    text: readFileSync(file, 'utf8'),
  }));

  it('reads the sources (the check below is not vacuous)', () => {
    expect(files.length).toBeGreaterThan(100);
    const owned = files.filter(({ path }) => /^(tasks|identity|reports)\/[^/]+\.repository\.ts$/.test(path));
    expect(owned.some(({ text }) => /\bFROM\s+tasks\b/.test(text))).toBe(true);
  });

  it('keeps SQL on tasks, users and reports in their owners’ repositories', () => {
    expect(statementsOutsideOwners(files)).toEqual([]);
  });

  it('names a statement in another feature, and one outside the owner’s repositories', () => {
    const found = statementsOutsideOwners([
      { path: 'worklog/worklog.repository.ts', text: 'const sql = `SELECT 1 FROM tasks WHERE id = $1`;' },
      { path: 'identity/users.service.ts', text: "query('UPDATE users SET active = false')" },
      { path: 'reports/report.repository.ts', text: 'INSERT INTO reports (id) VALUES ($1)' },
      { path: 'tasks/task.repository.ts', text: 'FROM tasks t JOIN users u ON u.id = t.assignee_id' },
    ]);
    expect(found).toEqual([
      'worklog/worklog.repository.ts:1 tasks',
      'identity/users.service.ts:1 users',
      'tasks/task.repository.ts:1 users',
    ]);
  });
});
