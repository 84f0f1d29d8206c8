import { TestApp, testRuntime } from '../support/test-app';

describe('web UI serving', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start(testRuntime('api'));
  });
  afterAll(() => app.close());

  it('serves index.html at / and for unknown page paths, but not for unknown API paths', async () => {
    const root = await app.get('/');
    expect(root.status).toBe(200);
    expect(String(root.headers['content-type'])).toContain('text/html');
    const deep = await app.get('/tasks/anything');
    expect(deep.status).toBe(200);
    expect(deep.raw.toString('utf8')).toContain('<!doctype html>');
    const api = await app.get('/api/v1/no-such-route');
    expect(api.status).toBe(404);
    expect(api.body.message).toMatch(/[\u4e00-\u9fa5]/);
    const health = await app.get('/health');
    expect(health.status).not.toBe(404);
  });

  it('serves every module the import map names from node_modules as JavaScript, and no page for a missing file', async () => {
    const index = (await app.get('/')).raw.toString('utf8');
    const map = JSON.parse(/<script type="importmap">([\s\S]*?)<\/script>/.exec(index)![1]);
    expect(Object.keys(map.imports).sort()).toEqual(['echarts', 'htm', 'preact', 'preact/hooks']);
    for (const url of Object.values<string>(map.imports)) {
      const module = await app.get(url);
      expect(module.status).toBe(200);
      expect(String(module.headers['content-type'])).toMatch(/javascript/);
      expect(module.raw.toString('utf8')).toMatch(/\bexport\s*(\{|default)/);
    }
    const missing = await app.get('/components/no-such-widget.js');
    expect(missing.status).toBe(404);
  });
});
