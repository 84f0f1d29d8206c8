// Names of the organization's people and units (GET /directory, open to every role), fetched once per session.
import { api, session } from './api.js';

let cached = null;

export function loadDirectory() {
  const userId = session()?.user?.id;
  if (!cached || cached.userId !== userId) cached = { userId, promise: api('GET', '/directory') };
  return cached.promise.catch((error) => {
    cached = null;
    throw error;
  });
}

/** After an administrator changes users or units. */
export function forgetDirectory() {
  cached = null;
}

export function unitName(directory, id) {
  if (!id) return '未指定';
  return directory.units.find((unit) => unit.id === id)?.name ?? '未知单位';
}

export function userName(directory, id) {
  if (!id) return '未指定';
  return directory.users.find((user) => user.id === id)?.displayName ?? '未知人员';
}

/** Active units as select options. */
export function unitOptions(directory) {
  return directory.units
    .filter((unit) => unit.active !== false)
    .map(({ id, name }) => ({ key: id, label: name }));
}

/** Active users of the given roles (all roles by default) as select options. */
export function userOptions(directory, roles) {
  return directory.users
    .filter((user) => user.active !== false && (!roles || roles.includes(user.role)))
    .map(({ id, displayName }) => ({ key: id, label: displayName }));
}
