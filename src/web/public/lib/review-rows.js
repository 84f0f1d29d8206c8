// The import review's working state: one row per item still to confirm, kept in sessionStorage so choices made
// while reviewing (unchecked causes included) survive a reload or a visit to another page.

const FIELDS = ['keep', 'title', 'unitId', 'leaderId', 'assigneeId', 'deadline', 'problemItemId'];
const storageKey = (reportId) => `review:${reportId}`;

function savedChoices(reportId) {
  try {
    return JSON.parse(sessionStorage.getItem(storageKey(reportId)) || '{}');
  } catch {
    return {};
  }
}

export function saveChoices(reportId, rows) {
  const choices = Object.fromEntries(
    rows.map((row) => [row.item.id, Object.fromEntries(FIELDS.map((field) => [field, row[field]]))]),
  );
  try {
    sessionStorage.setItem(storageKey(reportId), JSON.stringify(choices));
  } catch {
    // A full or disabled storage only costs the memory across reloads.
  }
}

export function forgetChoices(reportId) {
  sessionStorage.removeItem(storageKey(reportId));
}

/** Rows from the server's suggestions: causes are explanations, not work, so they start unchecked. */
export function firstRows(report, directory) {
  const saved = savedChoices(report.id);
  const unitByName = (names) => directory.units.find((unit) => (names || []).includes(unit.name))?.id || '';
  return report.items
    .filter((item) => !item.taskId)
    .map((item) => ({
      item,
      selected: false,
      keep: item.kind !== 'cause',
      title: item.title,
      unitId: unitByName(item.suggestedUnits),
      leaderId: '',
      assigneeId: '',
      deadline: item.suggestedDeadline || '',
      problemItemId: item.kind === 'measure' ? item.suggestedProblemItemId || '' : '',
      ...saved[item.id],
    }));
}

/** The problems a measure may answer: those already confirmed and those kept in this review, numbered in order. */
export function problemOptions(report, rows) {
  const kept = new Set(rows.filter((row) => row.keep).map((row) => row.item.id));
  return report.items
    .filter((item) => item.kind === 'problem')
    .map((item, index) => ({ item, number: index + 1 }))
    .filter(({ item }) => item.taskId || kept.has(item.id))
    .map(({ item, number }) => ({ key: item.id, label: `问题${number}：${item.title}` }));
}

/** The body of POST /reports/:id/tasks; a link to a problem no longer kept is dropped rather than refused. */
export function confirmationItems(rows, problems) {
  const linkable = new Set(problems.map((problem) => problem.key));
  return rows
    .filter((row) => row.keep)
    .map((row) => ({
      itemId: row.item.id,
      title: row.title.trim() || undefined,
      unitId: row.unitId || undefined,
      leaderId: row.leaderId || undefined,
      assigneeId: row.assigneeId || undefined,
      deadline: row.deadline || undefined,
      problemItemId: linkable.has(row.problemItemId) ? row.problemItemId : undefined,
    }));
}
