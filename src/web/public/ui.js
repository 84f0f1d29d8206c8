// DOM helpers shared by pages: text always goes through textContent, never innerHTML, so user text can't inject markup.
import { api, session } from './api.js';

/**
 * @param {string} tag
 * @param {Record<string, any>} [attrs]
 * @param {...any} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'value') el.value = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat())
    if (child !== null && child !== undefined && child !== false)
      el.append(child instanceof Node ? child : String(child));
  return el;
}

let fieldSeq = 0;
/** A labelled form control (every input gets a visible label). */
export function field(label, control) {
  const id = control.id || `f${++fieldSeq}`;
  control.id = id;
  return h('div', {}, h('label', { for: id }, label), control);
}

export function select(name, options, selected, emptyLabel) {
  return h(
    'select',
    { name },
    emptyLabel !== undefined ? h('option', { value: '' }, emptyLabel) : null,
    options.map(([value, label]) => h('option', { value, selected: value === selected }, label)),
  );
}

export function say(text, isError = false) {
  const box = document.getElementById('messages');
  const msg = h('div', { class: isError ? 'msg error' : 'msg', role: isError ? 'alert' : undefined }, text);
  box.replaceChildren(msg);
  setTimeout(() => msg.remove(), isError ? 8000 : 4000);
}

/** Runs an action, reporting failures in Chinese; returns undefined on failure. */
export async function attempt(action, success) {
  try {
    const result = await action();
    if (success) say(success);
    return result;
  } catch (error) {
    say(
      error?.message && /[\u4e00-\u9fa5]/.test(error.message) ? error.message : '操作失败，请稍后再试',
      true,
    );
    return undefined;
  }
}

export function lightBadge(task) {
  return h(
    'span',
    { class: `light ${task.light}` },
    task.lightLabel || { green: '绿灯', yellow: '黄灯', red: '红灯' }[task.light] || '',
  );
}

export const STATUS_LABELS = {
  new: '未启动',
  assigned: '未启动',
  in_progress: '序时推进',
  pending_review: '待核验',
  completed: '已销号',
  cancelled: '已撤销',
};
export const ROLE_LABELS = { admin: '管理员', leader: '牵头领导', staff: '经办人', viewer: '只读' };

/** Names for units and users, fetched once per page view; ids never reach the screen. */
export async function directory() {
  const [units, users] = await Promise.all([
    api('GET', '/units').catch(() => []),
    api('GET', '/users').catch(() => []),
  ]);
  const unitList = Array.isArray(units) ? units : units.items || [];
  const userList = Array.isArray(users) ? users : users.items || [];
  // Staff may not list users; they still know their own name.
  const me = session()?.user;
  if (me && !userList.some((u) => u.id === me.id)) userList.push(me);
  const unitName = (id) => unitList.find((u) => u.id === id)?.name || (id ? '其他单位' : '未指定');
  const userName = (id) => userList.find((u) => u.id === id)?.displayName || (id ? '其他人员' : '未指定');
  return { units: unitList, users: userList, unitName, userName };
}
