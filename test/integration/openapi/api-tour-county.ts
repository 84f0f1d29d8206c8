import { randomUUID } from 'node:crypto';
import { Fixtures } from '../../support/fixtures';
import type { ApiTour } from './api-tour';

/**
 * 上级督导 as a county drives it over a township of its own: the overview, the monthly 通报 (issued, listed, downloaded,
 * by the county and by the township), the township's tasks, 台账 (grouped and as Excel), names and reports read through organizationId, and the errors
 * (a township has no children: 403; outside the subtree: 404; a month not begun: 400).
 */
export async function countyTour(tour: ApiTour): Promise<void> {
  const fixtures = Fixtures.of(tour.app);
  const county = await fixtures.organization({ name: `督导县-${randomUUID().slice(0, 8)}` });
  const town = await fixtures.organization({ parentId: county.org.id });
  await fixtures.task(town.org.id, {
    deadline: '2025-06-30',
    planYear: 2025,
    leaderId: town.users.leader.id,
  });
  const { leader, viewer } = county.users;

  await tour.call('GET', '/api/v1/county/overview', {}, { token: viewer.token, query: '?year=2025' });
  await tour.call('GET', '/api/v1/county/overview', {}, { token: town.users.viewer.token });
  await tour.call('GET', '/api/v1/county/overview', {}, { token: viewer.token, query: '?year=abc' });
  const outside = `?organizationId=${randomUUID()}`;
  await tour.call('GET', '/api/v1/county/overview', {}, { token: viewer.token, query: outside });

  const bulletins = '/api/v1/county/bulletins';
  const issued = await tour.call('POST', bulletins, {}, { token: leader.token, query: '?month=2025-06' });
  await tour.call('POST', bulletins, {}, { token: leader.token, query: '?month=2999-01' });
  await tour.call('POST', bulletins, {}, { token: viewer.token, query: '?month=2025-06' });
  await tour.call('GET', bulletins, {}, { token: leader.token });
  await tour.call('GET', bulletins, {}, { token: town.users.leader.token });
  const file = `${bulletins}/{file}`;
  await tour.call('GET', file, { file: `${issued.body.id}.docx` }, { token: town.users.leader.token });
  await tour.call('GET', file, { file: `${randomUUID()}.docx` }, { token: leader.token });

  const below = `?organizationId=${town.org.id}`;
  await tour.call('GET', '/api/v1/tasks', {}, { token: viewer.token, query: below });
  await tour.call('GET', '/api/v1/tasks', {}, { token: viewer.token, query: outside });
  for (const ledger of ['/api/v1/tasks/ledger', '/api/v1/tasks/export.xlsx']) {
    await tour.call('GET', ledger, {}, { token: viewer.token, query: below });
    await tour.call('GET', ledger, {}, { token: viewer.token, query: outside });
  }
  for (const read of ['/api/v1/directory', '/api/v1/reports']) {
    await tour.call('GET', read, {}, { token: viewer.token, query: below });
    await tour.call('GET', read, {}, { token: viewer.token, query: outside });
  }
}
