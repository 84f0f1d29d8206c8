// The server's words for coded values (GET /meta → vocabulary): statuses, item types, lights, actions, roles.
// Fetched once at start-up; nothing here is hand-written, so the screens and the API cannot drift apart.
let meta = null;

/** A plain request, so it matches the preload index.html starts while the modules load. */
export async function loadMeta() {
  const response = await fetch('/api/v1/meta');
  if (!response.ok) throw new Error('服务暂时不可用');
  meta = await response.json();
  return meta;
}

/**
 * Today in the organization's calendar (TIME_ZONE, from /meta), as date inputs want it: the server checks dates
 * against that day, and a browser elsewhere (or set to UTC) may already, or still, be on another.
 */
export function organizationToday() {
  const format = { timeZone: organizationTimeZone(), year: 'numeric', month: '2-digit', day: '2-digit' };
  return new Intl.DateTimeFormat('en-CA', format).format(new Date());
}

/** The organization's time zone (TIME_ZONE), in which every date and time on the screens is told. */
export function organizationTimeZone() {
  return meta?.timeZone;
}

/** The organization's current year (TIME_ZONE), the default wherever a plan year is chosen. */
export function organizationYear() {
  return Number(organizationToday().slice(0, 4));
}

export function isDemo() {
  return Boolean(meta?.demo);
}

/** The `[{key, label}]` list named `list` (statuses, itemTypes, lights, taskActions, historyActions, …). */
export function words(list) {
  return meta?.vocabulary?.[list] ?? [];
}

export function label(list, key, fallback = '') {
  return words(list).find((entry) => entry.key === key)?.label ?? fallback;
}

/** Whether the server's permission table lets `role` do `action` at all (which pages to offer). */
export function roleMay(role, action) {
  return Boolean(meta?.vocabulary?.permissions?.[action]?.includes(role));
}
