import { createServer } from 'node:http';
import { Pool } from 'pg';
import { taskFilters, TASK_SORTS } from '../../src/tasks/task-filters';
import { isTallied } from '../../src/tasks/task-list-scope';
import { TASK_FROM, taskColumns } from '../../src/tasks/task-view';

/**
 * The floor of the list workloads: bare node:http and a pg Pool of the app's size (DB_POOL_SIZE). Each request
 * runs one statement, the ledger page's own SQL built by the app's code (same columns, join, filter, order,
 * limit and offset), with the exact `count(*)` as a subquery of that statement whenever the app counts the filter
 * over the tasks (isTallied false), and answers `JSON.stringify` of the rows. No auth, validation, cache,
 * presentation, logging or security headers: the least any implementation of the page must do.
 * `GET /tasks?org=<organization id>&<the API's query>`.
 */
const TIME_ZONE = process.env.TIME_ZONE ?? 'Asia/Shanghai';
const MARGIN_PERCENT = Number(process.env.TASK_SCHEDULE_MARGIN_PERCENT ?? 10);
const COLUMNS = taskColumns(TIME_ZONE);

function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());
}

async function main(): Promise<void> {
  const pool = new Pool({
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.DB_POOL_SIZE ?? 20),
  });
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://floor');
    if (url.pathname === '/ready') return void response.end('{"ok":true}');
    const {
      org,
      page: pageText,
      pageSize: sizeText,
      sort: sortText,
      year,
      ...filters
    } = Object.fromEntries(url.searchParams);
    const page = Number(pageText ?? 1);
    const pageSize = Number(sizeText ?? 20);
    const query = { ...filters, ...(year && { year: Number(year) }) };
    const { where, params } = taskFilters(query, {
      organizationId: org,
      today: today(),
      marginPercent: MARGIN_PERCENT,
      timeZone: TIME_ZONE,
    });
    const counted = !isTallied(query);
    const sql = `SELECT ${COLUMNS}${counted ? `, (SELECT count(*)::int FROM tasks t WHERE ${where}) AS total` : ''}
      FROM ${TASK_FROM} WHERE ${where} ORDER BY ${TASK_SORTS[sortText ?? 'deadline']}, t.id
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
    pool.query(sql, params).then(
      ({ rows }) => {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ items: rows, total: rows[0]?.total }));
      },
      (error: Error) => {
        response.statusCode = 500;
        response.end(error.message);
      },
    );
  });
  process.once('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
  server.keepAliveTimeout = 60_000;
  server.listen(Number(process.env.PORT), '127.0.0.1');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
