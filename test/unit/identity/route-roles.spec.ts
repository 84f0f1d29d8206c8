import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ROLES_KEY } from '../../../src/identity/allowed-to.decorator';
import { PERMISSIONS } from '../../../src/identity/permissions';

const SRC = resolve(__dirname, '../../../src');

type Class = new (...args: never[]) => unknown;

/** Every controller class under src/, found by its @Controller decorator whatever the file is called. */
async function controllers(): Promise<Class[]> {
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.ts'))
    .map((path) => join(SRC, path))
    .filter((file) => readFileSync(file, 'utf8').includes('@Controller('));
  const modules = await Promise.all(files.map((file) => import(file) as Promise<Record<string, unknown>>));
  return modules
    .flatMap((exported) => Object.values(exported))
    .filter(
      (value): value is Class => typeof value === 'function' && Reflect.hasMetadata(PATH_METADATA, value),
    );
}

/** Each route as "METHOD /path" with the roles AuthGuard reads for it (the handler's, else the class's). */
async function routeRoles(): Promise<Map<string, unknown>> {
  const routes = new Map<string, unknown>();
  for (const controller of await controllers()) {
    const prefix = Reflect.getMetadata(PATH_METADATA, controller) as string;
    for (const name of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[name];
      if (typeof handler !== 'function' || !Reflect.hasMetadata(METHOD_METADATA, handler)) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const path = [prefix, Reflect.getMetadata(PATH_METADATA, handler) as string].filter(
        (part) => part && part !== '/',
      );
      routes.set(
        `${method} /${path.join('/')}`,
        Reflect.getMetadata(ROLES_KEY, handler) ?? Reflect.getMetadata(ROLES_KEY, controller),
      );
    }
  }
  return routes;
}

describe('roles of the routes', () => {
  let routes: Map<string, unknown>;

  beforeAll(async () => {
    routes = await routeRoles();
  });

  it('walks every controller, restricted routes and open ones', () => {
    expect(routes.get('POST /tasks/:id/review')).toBe(PERMISSIONS['task.review'].roles);
    expect(routes.get('GET /county/bulletins')).toBe(PERMISSIONS['bulletin.read'].roles);
    expect(routes.has('GET /health')).toBe(true);
  });

  // @AllowedTo hands the guard the table's own list; roles written out anywhere else are a different array.
  it('restricts roles only through the permission table', () => {
    const tableLists: unknown[] = Object.values(PERMISSIONS).map((permission) => permission.roles);
    const handWritten = [...routes].filter(([, roles]) => roles !== undefined && !tableLists.includes(roles));
    expect(handWritten).toEqual([]);
  });
});
