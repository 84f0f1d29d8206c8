import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { Fixtures, OrgWithUsers } from '../../support/fixtures';
import { TestApp, testRuntime } from '../../support/test-app';
import { testDatabaseUrl } from '../../support/test-env';
import { waitFor } from '../../support/wait-for';
import { multipart } from '../ledger/ledger-fixtures';

/** Where the test apps store a file of this content (content-addressed: no organization in the path). */
function storedAt(content: Buffer): string {
  const sha256 = createHash('sha256').update(content).digest('hex');
  return join(testRuntime().config.STORAGE_DIR, 'evidence', sha256.slice(0, 2), sha256);
}

/** Content no other spec uploads: specs share the database and the storage folder. */
const uniqueContent = (label: string) => Buffer.from(`${label} ${randomUUID()}`);

describe('工作纪实: deleting an entry and the evidence files stored for it', () => {
  let app: TestApp;
  let org: OrgWithUsers;
  let other: OrgWithUsers;

  beforeAll(async () => {
    app = await TestApp.start();
    org = await Fixtures.of(app).organization();
    other = await Fixtures.of(app).organization();
  });
  afterAll(() => app?.close());

  const createEntry = async (fixture = org): Promise<string> => {
    const created = await app.post(
      '/api/v1/worklog',
      { date: '2025-03-15', category: 'publicity', text: '开展法治讲座' },
      { token: fixture.users.staff.token },
    );
    expect(created.status).toBe(201);
    return created.body.id;
  };
  const uploadTo = (entryId: string, content: Buffer, fixture = org) => {
    const { body, headers } = multipart('签到表.txt', content);
    return app.post(`/api/v1/worklog/${entryId}/evidence`, body, {
      token: fixture.users.staff.token,
      headers,
    });
  };
  const deleteEntry = (entryId: string, fixture = org) =>
    app.request('DELETE', `/api/v1/worklog/${entryId}`, { token: fixture.users.staff.token });
  /** Whether a session of this database waits for a lock: any, or an advisory one. */
  const waiting = async (what: 'Lock' | 'advisory'): Promise<boolean> => {
    // On the app's pool, outside the holder's transaction, which would see one snapshot of pg_stat_activity.
    const [{ n }] = await Fixtures.of(app).query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND ($1 = 'Lock' OR wait_event = $1)`,
      [what],
    );
    return n > 0;
  };
  const download = (entryId: string, fileId: string, fixture = org) =>
    app.get(`/api/v1/worklog/${entryId}/evidence/${fileId}`, { token: fixture.users.viewer.token });

  /** Runs `during` while another session holds the entry's row, as a deletion or an upload under way would. */
  const whileEntryHeld = async (entryId: string, during: (holder: Client) => Promise<void>) => {
    const holder = new Client({ connectionString: testDatabaseUrl() });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM worklog_entries WHERE id = $1 FOR UPDATE', [entryId]);
      await during(holder);
    } finally {
      await holder.end();
    }
  };

  it('removes the files of a deleted entry from disk, content uploaded twice to it included', async () => {
    const entryId = await createEntry();
    const twice = uniqueContent('签到表');
    const once = uniqueContent('照片说明');
    for (const content of [twice, twice, once]) expect((await uploadTo(entryId, content)).status).toBe(201);
    expect(existsSync(storedAt(twice)) && existsSync(storedAt(once))).toBe(true);

    const deleted = await deleteEntry(entryId);

    expect(deleted.body).toEqual({ id: entryId, deleted: true });
    expect(existsSync(storedAt(twice))).toBe(false);
    expect(existsSync(storedAt(once))).toBe(false);
  });

  it('deletes an entry without evidence', async () => {
    const entryId = await createEntry();

    expect((await deleteEntry(entryId)).body).toEqual({ id: entryId, deleted: true });
    expect((await app.get(`/api/v1/worklog/${entryId}`, { token: org.users.viewer.token })).status).toBe(404);
  });

  it('keeps a file another organization’s entry holds too, and it stays downloadable there', async () => {
    const content = uniqueContent('两个乡镇上传的同一份通知');
    const deletedEntry = await createEntry();
    const keptEntry = await createEntry(other);
    expect((await uploadTo(deletedEntry, content)).status).toBe(201);
    const kept = await uploadTo(keptEntry, content, other);

    expect((await deleteEntry(deletedEntry)).status).toBe(200);

    expect(existsSync(storedAt(content))).toBe(true);
    const file = await download(keptEntry, kept.body.id, other);
    expect(file.status).toBe(200);
    expect(file.raw.equals(content)).toBe(true);
  });

  it('keeps a file a task holds as 佐证材料, and it stays downloadable there', async () => {
    const content = uniqueContent('既是纪实又是任务的佐证材料');
    const staff = org.users.staff;
    const taskId = await Fixtures.of(app).task(org.org.id, {
      deadline: '2099-12-31',
      assigneeId: staff.id,
      unitId: staff.unitId,
      leaderId: org.users.leader.id,
    });
    const { body, headers } = multipart('通知.txt', content);
    const evidence = await app.post(`/api/v1/tasks/${taskId}/evidence`, body, {
      token: staff.token,
      headers,
    });
    expect(evidence.status).toBe(201);
    const entryId = await createEntry();
    expect((await uploadTo(entryId, content)).status).toBe(201);

    expect((await deleteEntry(entryId)).status).toBe(200);

    expect(existsSync(storedAt(content))).toBe(true);
    const file = await app.get(`/api/v1/tasks/${taskId}/evidence/${evidence.body.id}`, {
      token: staff.token,
    });
    expect(file.status).toBe(200);
    expect(file.raw.equals(content)).toBe(true);
  });

  it('answers 404 to an upload whose entry is deleted while it waits, and keeps no file for it', async () => {
    const content = uniqueContent('上传时纪实被删除');
    const entryId = await createEntry();
    // A deletion under way: the entry's row is locked, then deleted, while the upload waits for it.
    await whileEntryHeld(entryId, async (holder) => {
      const upload = uploadTo(entryId, content);
      await waitFor(() => waiting('Lock'), 30_000, '上传等待纪实行锁');
      await holder.query('DELETE FROM worklog_entries WHERE id = $1', [entryId]);
      await holder.query('COMMIT');

      const answer = await upload;
      expect([answer.status, answer.body.code]).toEqual([404, 'WORKLOG_NOT_FOUND']);
      expect(existsSync(storedAt(content))).toBe(false);
    });
  });

  it('keeps the file when an upload of the same content to another entry has found it before the deletion looks', async () => {
    const content = uniqueContent('删除时另一条纪实正在上传');
    const deletedEntry = await createEntry();
    const racingEntry = await createEntry();
    expect((await uploadTo(deletedEntry, content)).status).toBe(201);

    // Holding the racing entry's row stops the upload at the foreign key of its file row: by then it holds the
    // path's lock and has found the file on disk, and its row is not committed.
    await whileEntryHeld(racingEntry, async (holder) => {
      const upload = uploadTo(racingEntry, content);
      await waitFor(() => waiting('Lock'), 30_000, '上传等待纪实行锁');

      let deletionSettled = false;
      const deletion = deleteEntry(deletedEntry).finally(() => (deletionSettled = true));
      // Correct: the deletion waits for the upload's lock on the path. Were it not to, it would finish here.
      await waitFor(async () => deletionSettled || waiting('advisory'), 30_000, '删除结束或等待锁');
      await holder.query('COMMIT');

      const [uploaded, deleted] = await Promise.all([upload, deletion]);
      expect([uploaded.status, deleted.status]).toEqual([201, 200]);
      expect(existsSync(storedAt(content))).toBe(true);
      const file = await download(racingEntry, uploaded.body.id);
      expect(file.status).toBe(200);
      expect(file.raw.equals(content)).toBe(true);
    });
  });
});
