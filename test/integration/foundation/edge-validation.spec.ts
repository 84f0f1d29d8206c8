import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createOrgWithUsers, OrgWithUsers } from '../../support/fixtures';
import { TestApp, testRuntime } from '../../support/test-app';

const STORAGE_DIR = resolve(`test-output/edge-validation-${process.pid}`);

/** A multipart upload whose file name is given as is, control characters included. */
function uploadNamed(fileName: string): { body: Buffer; headers: Record<string, string> } {
  const boundary = '----edgeValidation';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="`),
    Buffer.from(fileName, 'utf8'),
    Buffer.from(`"\r\nContent-Type: text/plain\r\n\r\n一、存在的问题\n执法不规范。\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

// Requests run against the real database on a machine other test runs share: no 5-second defaults.
jest.setTimeout(60_000);

describe('bad values are refused at the edge with 400, before the database sees them', () => {
  let app: TestApp;
  let org: OrgWithUsers;

  beforeAll(async () => {
    app = await TestApp.start(testRuntime('api', { STORAGE_DIR }));
    org = await createOrgWithUsers(app);
  });

  afterAll(async () => {
    await app?.close();
    await rm(STORAGE_DIR, { recursive: true, force: true });
  });

  const admin = () => ({ token: org.users.admin.token });

  it.each([
    '/api/v1/tasks?page=1e20',
    '/api/v1/tasks?page=100001',
    '/api/v1/tasks?page=1.5',
    '/api/v1/tasks?pageSize=101',
    '/api/v1/notifications?page=1e20',
    '/api/v1/notifications?page=100001',
    '/api/v1/notifications?pageSize=201',
    '/api/v1/worklog?page=1e20',
    '/api/v1/worklog?page=100001',
    '/api/v1/worklog?pageSize=101',
  ])('GET %s → 400 VALIDATION_FAILED', async (url) => {
    const response = await app.get(url, admin());
    expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });

  it('the last page allowed is still served', async () => {
    for (const url of [
      '/api/v1/tasks?page=100000',
      '/api/v1/notifications?page=100000&pageSize=200',
      '/api/v1/worklog?page=100000&pageSize=100',
    ])
      expect((await app.get(url, admin())).status).toBe(200);
  });

  it.each([
    ['a search', () => app.get('/api/v1/tasks?q=%E6%89%A7%00%E6%B3%95', admin())],
    ['a search with a line feed', () => app.get('/api/v1/tasks?q=a%0Ab', admin())],
    [
      "a task update's note",
      () => app.post(`/api/v1/tasks/${randomUUID()}/updates`, { note: '已整改\u0000' }, admin()),
    ],
    ['a unit name', () => app.post('/api/v1/units', { name: '司法\u0000所' }, admin())],
    ['a unit name with a line break', () => app.post('/api/v1/units', { name: '司法\n所' }, admin())],
    [
      'a unit keyword',
      () => app.post('/api/v1/units', { name: '司法所', keywords: ['普法\u0007'] }, admin()),
    ],
    [
      "a new user's display name",
      () =>
        app.post(
          '/api/v1/users',
          {
            username: `u${randomUUID().slice(0, 8)}`,
            password: 'long-enough-1',
            displayName: '张\u0000三',
            role: 'staff',
          },
          admin(),
        ),
    ],
    [
      'a display name changed',
      () => app.patch(`/api/v1/users/${org.users.staff.id}`, { displayName: '李\u0000四' }, admin()),
    ],
    [
      'a login username, without any credentials',
      () => app.post('/api/v1/auth/login', { username: 'ad\u0000min', password: 'x' }),
    ],
  ])('a NUL or other control character in %s → 400 INVALID_CHARACTERS', async (_place, send) => {
    const response = await send();
    expect(response.body).toMatchObject({
      statusCode: 400,
      code: 'INVALID_CHARACTERS',
      message: expect.stringMatching(/控制字符/),
    });
  });

  it('line breaks and tabs stay allowed in a note: the request reaches the task (404, not 400)', async () => {
    const response = await app.post(
      `/api/v1/tasks/${randomUUID()}/updates`,
      { note: '第一步：\n\t已整改' },
      admin(),
    );
    expect(response.status).toBe(404);
  });

  it('an uploaded file name with a NUL → 400 INVALID_FILE_NAME, nothing stored', async () => {
    const { body, headers } = uploadNamed('报告\u0000.txt');
    const response = await app.post('/api/v1/reports', body, { token: org.users.leader.token, headers });
    expect(response.body).toMatchObject({ statusCode: 400, code: 'INVALID_FILE_NAME' });
    const list = await app.get('/api/v1/reports', { token: org.users.leader.token });
    expect(list.body).toEqual([]);
  });
});
