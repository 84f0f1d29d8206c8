// The caller's waiting work (GET /me/inbox) and unread 消息, for the navigation's counts and the dashboard.
import { useEffect, useState } from 'preact/hooks';
import { api } from './api.js';
import { roleMay } from './vocabulary.js';

/** Roles without queues (viewers) get only their unread count. */
export function loadInbox(user) {
  if (!roleMay(user.role, 'inbox.read'))
    return api('GET', '/notifications?pageSize=1').then((page) => ({ unreadNotifications: page.unread }));
  return api('GET', '/me/inbox');
}

/** Reloaded on every page change, so counts follow what the user just did. */
export function useInbox(user, path) {
  const [inbox, setInbox] = useState(null);
  useEffect(() => {
    let live = true;
    loadInbox(user)
      .then((value) => live && setInbox(value))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [user.id, path]);
  return inbox;
}

/**
 * What waits on the caller: a leader's or admin's reviews, decisions and late tasks, a staff member's late and due
 * tasks, and for each the 催办 and 督办 still to answer (the server leaves out the ones the caller made).
 */
export function waitingCount(inbox, role) {
  if (!inbox?.overdue) return 0;
  const roleQueues =
    role === 'staff'
      ? inbox.overdue.count + inbox.dueSoon.count
      : inbox.pendingReview.count + inbox.pendingExtensions.count + inbox.overdue.count;
  return roleQueues + inbox.pressed.count;
}

/** The queues in the order the dashboard shows them, with the words for each role. */
export function inboxQueues(role) {
  const staff = role === 'staff';
  return [
    { key: 'pendingReview', title: staff ? '待核验（已申请销号）' : '待我核验', empty: '没有待核验的任务' },
    {
      key: 'pendingExtensions',
      title: staff ? '延期申请审批中' : '待审批延期',
      empty: staff ? '没有审批中的延期申请' : '没有待审批的延期申请',
    },
    { key: 'overdue', title: '逾期未办', empty: '没有逾期未办的任务' },
    { key: 'dueSoon', title: '临期（3 天内到期）', empty: '没有 3 天内到期的任务' },
    { key: 'pressed', title: '待答复催办、督办', empty: '没有待答复的催办或督办' },
  ];
}
