// 用户管理 (admins): accounts of the organization, their role and unit; edit them, reset a password, deactivate.
import { useState } from 'preact/hooks';
import { Field } from '../components/field.js';
import { Loaded } from '../components/loading.js';
import { RecordTable, STATUS_COLUMN } from '../components/record-table.js';
import { Select } from '../components/select.js';
import { UserEditForm } from '../components/user-edit-form.js';
import { api } from '../lib/api.js';
import { forgetDirectory, loadDirectory, unitName, unitOptions } from '../lib/directory.js';
import { submitAndClear } from '../lib/form-submit.js';
import { html } from '../lib/html.js';
import { attempt } from '../lib/messages.js';
import { useLoad } from '../lib/use-load.js';
import { label, words } from '../lib/vocabulary.js';

/**
 * Bull Board reads a short-lived HttpOnly cookie scoped to /admin/queues: ask the API for it, then open the page.
 * The window opens before the request, so popup blockers see it come from the click.
 */
async function openQueueDashboard() {
  const opened = window.open('', '_blank');
  const session = await attempt(() => api('POST', '/auth/dashboard-session', { raw: true }));
  if (session && opened) opened.location.href = '/admin/queues';
  else opened?.close();
}

export function UsersPage() {
  const state = useLoad(() => Promise.all([api('GET', '/users'), loadDirectory()]), []);
  const [editingId, setEditingId] = useState(null);
  const changed = () => {
    forgetDirectory();
    setEditingId(null);
    state.reload();
  };
  const add = submitAndClear({
    bodyOf: (data) => ({
      username: String(data.get('username')).trim(),
      displayName: String(data.get('displayName')).trim(),
      password: String(data.get('password')),
      role: String(data.get('role')),
      unitId: String(data.get('unitId')) || undefined,
      phone: String(data.get('phone')).trim() || undefined,
    }),
    send: (body) => api('POST', '/users', { body }),
    success: '用户已添加',
    done: changed,
  });
  return html`<h1>用户管理</h1>
    <p><button type="button" class="secondary" onClick=${openQueueDashboard}>打开队列面板</button></p>
    <${Loaded} state=${state}>
      ${([users, directory]) => html`
        ${
          editingId && users.some((user) => user.id === editingId)
            ? html`<${UserEditForm}
                key=${editingId}
                user=${users.find((user) => user.id === editingId)}
                directory=${directory}
                onDone=${changed}
                onCancel=${() => setEditingId(null)}
              />`
            : null
        }
        <form class="card" onSubmit=${add}>
          <h2>新增用户</h2>
          <div class="form-grid">
            <${Field} label="登录名"><input name="username" required autocomplete="off" /><//>
            <${Field} label="姓名"><input name="displayName" required /><//>
            <${Field} label="初始密码（至少 8 位）"
              ><input name="password" type="password" required minlength="8" autocomplete="new-password"
            /><//>
            <${Field} label="角色"><${Select} name="role" options=${words('roles')} initial="staff" /><//>
            <${Field} label="所属责任单位"
              ><${Select} name="unitId" options=${unitOptions(directory)} empty="无"
            /><//>
            <${Field} label="手机号" hint="群机器人据此 @ 提醒本人"
              ><input name="phone" type="tel" maxlength="20"
            /><//>
          </div>
          <p><button type="submit">新增用户</button></p>
        </form>
        <${RecordTable}
          records=${users}
          columns=${[
            { heading: '姓名', cell: (user) => user.displayName },
            { heading: '登录名', cell: (user) => user.username },
            { heading: '角色', cell: (user) => label('roles', user.role) },
            { heading: '所属单位', cell: (user) => (user.unitId ? unitName(directory, user.unitId) : '—') },
            STATUS_COLUMN,
          ]}
          actions=${(user) => ({
            openText: '编辑',
            openLabel: `编辑 ${user.displayName}`,
            onOpen: () => setEditingId(user.id),
            path: `/users/${user.id}`,
          })}
          onChanged=${changed}
        />
      `}
    <//>`;
}
