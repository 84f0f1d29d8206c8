import { createHash } from 'node:crypto';
import { createOrgWithUsers, OrgWithUsers } from '../../support/fixtures';
import { TestApp } from '../../support/test-app';
import { importMapHashes } from '../../../src/web/web.module';

/** The script-src directive of a response's content security policy. */
function scriptSources(response: { headers: Record<string, unknown> }): string[] {
  const policy = String(response.headers['content-security-policy']);
  const directive = policy.split(';').find((part) => part.trim().startsWith('script-src '));
  return directive ? directive.trim().split(/\s+/).slice(1) : [];
}

/**
 * Inline <script> blocks a browser would run (a JSON data block is not run, so CSP does not apply to it). An import
 * map is not code, but the browser checks it against script-src: it counts here unless the policy names its hash.
 */
function runnableInlineScripts(html: string, allowedHashes: string[]): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes, body]) => body.trim() && !/type=["']application\/json["']/i.test(attributes))
    .filter(
      ([, , body]) =>
        !allowedHashes.includes(`'sha256-${createHash('sha256').update(body).digest('base64')}'`),
    )
    .map(([, , body]) => body.trim().slice(0, 80));
}

describe('security headers', () => {
  let app: TestApp;
  let fixture: OrgWithUsers;

  beforeAll(async () => {
    app = await TestApp.start();
    fixture = await createOrgWithUsers(app);
  });

  afterAll(() => app.close());

  it("allows exactly the UI's import map inline, by the hash of its text", () => {
    expect(importMapHashes()).toEqual([expect.stringMatching(/^'sha256-[A-Za-z0-9+/]{43}='$/)]);
  });

  it('allows scripts only from the own origin on the UI, the API, the API docs and the queue dashboard', async () => {
    const session = await app.post('/api/v1/auth/dashboard-session', undefined, {
      token: fixture.users.admin.token,
    });
    const cookie = String(session.headers['set-cookie']).split(';')[0];
    const responses = [
      await app.get('/'),
      await app.get('/api/v1/meta'),
      await app.get('/api/v1/auth/me', { token: fixture.users.viewer.token }),
      await app.get('/api/docs'),
      await app.get('/admin/queues'),
      await app.get('/admin/queues', { headers: { cookie } }),
    ];
    for (const response of responses) {
      expect(scriptSources(response)).toEqual(["'self'", ...importMapHashes()]);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(String(response.headers['content-security-policy'])).toContain("object-src 'none'");
    }
  });

  it('needs no exception: the UI, Swagger UI and Bull Board pages carry no inline script to run', async () => {
    const session = await app.post('/api/v1/auth/dashboard-session', undefined, {
      token: fixture.users.admin.token,
    });
    const cookie = String(session.headers['set-cookie']).split(';')[0];
    const pages = [
      await app.get('/'),
      await app.get('/api/docs'),
      await app.get('/admin/queues', { headers: { cookie } }),
    ];
    for (const page of pages) {
      expect(page.status).toBe(200);
      expect(String(page.headers['content-type'])).toContain('text/html');
      expect(runnableInlineScripts(page.raw.toString(), scriptSources(page))).toEqual([]);
    }
  });

  it('keeps login, refresh and password answers out of caches', async () => {
    const login = await app.post('/api/v1/auth/login', { username: 'nobody', password: 'nothing-at-all' });
    expect(login.headers['cache-control']).toBe('no-store');
  });
});
