import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { genericPayload } from '../../../src/robots/vendors/generic';
import { composeMessage } from '../../../src/robots/robot-text';
import { buildOpenApiDocumentOffline } from '../../../src/runtime/openapi-offline';
import { TestApp } from '../../support/test-app';
import { reminder } from '../../unit/robots/robot-fixtures';
import { ApiTour, RecordedAnswer } from './api-tour';
import { DocumentSchemas, OpenApiDocument } from './document-schemas';
import { typeCheckAnswers } from './typed-answers';

const packageVersion = (
  JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { version: string }
).version;

/** The answer with one field renamed, as a server change that forgot the document would send it. */
function renamed(answer: RecordedAnswer, from: string, to: string): RecordedAnswer {
  const { [from]: value, ...rest } = answer.body as Record<string, unknown>;
  return { ...answer, body: { ...rest, [to]: value } };
}

describe('the OpenAPI document against the real answers (GET /api/docs/openapi.json)', () => {
  let app: TestApp;
  let document: OpenApiDocument;
  let schemas: DocumentSchemas;
  let answers: RecordedAnswer[];

  beforeAll(async () => {
    app = await TestApp.start();
    const served = await app.get('/api/docs/openapi.json');
    expect(served.status).toBe(200);
    document = served.body;
    schemas = new DocumentSchemas(document);
    const tour = new ApiTour(app);
    await tour.run();
    answers = tour.answers;
  }, 120_000);
  afterAll(() => app.close());

  it('is served without a login, versioned as package.json, with servers and declared tags', () => {
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.version).toBe(packageVersion);
    expect(document.servers?.length).toBeGreaterThan(0);
  });

  it('is the document `npm run lint:api` checks, built without a database (cli openapi)', async () => {
    expect(JSON.parse(JSON.stringify(await buildOpenApiDocumentOffline()))).toEqual(document);
  });

  it('drives most operations, with successes and errors both', () => {
    const operations = new Set(answers.map((answer) => answer.operation));
    expect(operations.size).toBeGreaterThanOrEqual(50);
    expect(answers.filter((answer) => answer.status >= 400).length).toBeGreaterThanOrEqual(10);
  });

  it('drives every operation of the document but the Excel import', () => {
    const driven = new Set(answers.map((answer) => answer.operation));
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method} ${path}`),
    );
    expect(operations.filter((operation) => !driven.has(operation))).toEqual([
      'post /api/v1/tasks/import.xlsx',
    ]);
  });

  it('gets the successes and the documented errors of the follow-up and county routes (ledger, 催办, 结转, robots, 上级督导)', () => {
    const seen = new Set(answers.map((answer) => `${answer.operation} → ${answer.status}`));
    const expected = [
      'get /api/v1/tasks/ledger → 200',
      'get /api/v1/tasks/ledger → 400',
      'get /api/v1/tasks/{id}/evidence/{evidenceId} → 200',
      'get /api/v1/tasks/{id}/evidence/{evidenceId} → 400',
      'get /api/v1/tasks/{id}/evidence/{evidenceId} → 404',
      'post /api/v1/tasks/{id}/urge → 201',
      'post /api/v1/tasks/{id}/urge → 429',
      'post /api/v1/tasks/{id}/urge/{urgeId}/reply → 201',
      'post /api/v1/tasks/{id}/urge/{urgeId}/reply → 404',
      'get /api/v1/me/inbox → 200',
      'get /api/v1/me/inbox → 403',
      'post /api/v1/tasks/{id}/carry-over → 200',
      'post /api/v1/tasks/{id}/carry-over → 400',
      'get /api/v1/reports/drafts/{year}/carry-over → 200',
      'get /api/v1/reports/drafts/{year}/carry-over → 400',
      'post /api/v1/reports/drafts/{year}/finalize → 200',
      'post /api/v1/reports/drafts/{year}/finalize → 403',
      'get /api/v1/robots/leaders → 200',
      'get /api/v1/robots/leaders → 403',
      'patch /api/v1/robots/leaders → 200',
      'patch /api/v1/robots/leaders → 400',
      'patch /api/v1/units/{id} → 200',
      'get /api/v1/county/overview → 200',
      'get /api/v1/county/overview → 400',
      'get /api/v1/county/overview → 403',
      'get /api/v1/county/overview → 404',
      'post /api/v1/county/bulletins → 201',
      'post /api/v1/county/bulletins → 400',
      'post /api/v1/county/bulletins → 403',
      'get /api/v1/county/bulletins → 200',
      'get /api/v1/county/bulletins/{file} → 200',
      'get /api/v1/county/bulletins/{file} → 404',
      'get /api/v1/tasks → 404',
      'get /api/v1/tasks/ledger → 404',
      'get /api/v1/tasks/export.xlsx → 404',
      'get /api/v1/directory → 404',
      'get /api/v1/reports → 404',
    ];
    expect(expected.filter((answer) => !seen.has(answer))).toEqual([]);
  });

  it('documents every answer: its status and, field by field, its JSON body', () => {
    const problems = answers
      .map((answer) => ({
        answer: `${answer.operation} → ${answer.status}`,
        problem: schemas.check(answer.operation, answer.status, answer.contentType, answer.body),
      }))
      .filter((entry) => entry.problem !== undefined);
    expect(problems).toEqual([]);
  });

  it('describes the payload a 通用 Webhook robot receives (x-webhooks.genericRobot)', () => {
    const message = composeMessage(
      [reminder(), reminder({ kind: 'urge', people: [{ name: '李四', mobile: null }] })],
      'https://rectify.example/',
    );
    const payload = genericPayload(message, 'delivery-1');
    expect(document['x-webhooks' as keyof OpenApiDocument]).toHaveProperty('genericRobot');
    expect(schemas.checkSchema('GenericRobotPayloadDto', payload)).toBeUndefined();
    expect(schemas.checkSchema('GenericRobotPayloadDto', { ...payload, mentioned: [] })).toMatch(/mentioned/);
  });

  it('catches a field renamed without the document, in the schemas and in the generated types', async () => {
    const task = answers.find(
      (answer) => answer.operation === 'get /api/v1/tasks/{id}' && answer.status === 200,
    )!;
    const drifted = renamed(task, 'statusLabel', 'statusText');
    expect(schemas.check(drifted.operation, drifted.status, drifted.contentType, drifted.body)).toMatch(
      /statusLabel|statusText/,
    );

    const json = answers.filter(
      (answer, index) =>
        answer.status < 300 &&
        answer.contentType.includes('application/json') &&
        answers.findIndex(
          (other) => other.operation === answer.operation && other.status === answer.status,
        ) === index,
    );
    // The drifted answer sits under @ts-expect-error: tsc fails unless the generated types reject it.
    const { errors, directory } = await typeCheckAnswers(document, json, [drifted]);
    expect({ directory, errors }).toEqual({ directory, errors: [] });
  }, 120_000);
});
