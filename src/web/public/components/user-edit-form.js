// 用户管理 · 编辑: an administrator changes a user's name, unit, role, phone, e-mail and whether the account is
// active, or sets a new password (the server then ends every session of that user). Only changed fields are sent.
import { useState } from 'preact/hooks';
import { api } from '../lib/api.js';
import { unitOptions } from '../lib/directory.js';
import { html } from '../lib/html.js';
import { chineseMessage, say } from '../lib/messages.js';
import { words } from '../lib/vocabulary.js';
import { Field } from './field.js';
import { Select } from './select.js';

function changedFields(form, user) {
  const data = new FormData(form);
  const text = (name) => String(data.get(name) ?? '').trim();
  const next = {
    displayName: text('displayName'),
    role: text('role'),
    unitId: text('unitId') || null,
    phone: text('phone') || null,
    email: text('email') || null,
    active: data.get('active') === 'on',
  };
  return Object.fromEntries(Object.entries(next).filter(([key, value]) => value !== (user[key] ?? null)));
}

export function UserEditForm({ user, directory, onDone, onCancel }) {
  const [problem, setProblem] = useState(null);
  const send = async (body, success, form) => {
    try {
      await api('PATCH', `/users/${user.id}`, { body });
      setProblem(null);
      say(success);
      form?.reset();
      onDone();
    } catch (error) {
      setProblem(chineseMessage(error));
    }
  };
  const save = (event) => {
    event.preventDefault();
    const body = changedFields(event.currentTarget, user);
    if (!Object.keys(body).length) return onCancel();
    return send(body, `已保存 ${body.displayName ?? user.displayName} 的信息`);
  };
  const reset = (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const password = String(new FormData(form).get('password'));
    return send({ password }, `已重置 ${user.displayName} 的密码，其所有登录已退出`, form);
  };
  return html`<section class="card user-edit" aria-labelledby="edit-title">
    <h2 id="edit-title">编辑用户：${user.displayName}（${user.username}）</h2>
    <form onSubmit=${save}>
      <div class="form-grid">
        <${Field} label="姓名"
          ><input name="displayName" required maxlength="100" value=${user.displayName}
        /><//>
        <${Field} label="角色"><${Select} name="role" options=${words('roles')} initial=${user.role} /><//>
        <${Field} label="所属责任单位">
          <${Select}
            name="unitId"
            options=${unitOptions(directory)}
            initial=${user.unitId ?? ''}
            empty="无"
          />
        <//>
        <${Field} label="手机号"
          ><input name="phone" type="tel" maxlength="32" value=${user.phone ?? ''}
        /><//>
        <${Field} label="电子邮箱"><input name="email" type="email" value=${user.email ?? ''} /><//>
      </div>
      <p>
        <label class="check">
          <input type="checkbox" name="active" checked=${user.active !== false} />
          账号启用
        </label>
      </p>
      <p class="buttons">
        <button type="submit">保存修改</button>
        <button type="button" class="secondary" onClick=${onCancel}>取消</button>
      </p>
    </form>
    <form onSubmit=${reset} aria-label="重置密码">
      <h3>重置密码</h3>
      <div class="form-grid">
        <${Field} label="新密码" hint="重置后该用户须用新密码重新登录；规则同新建用户">
          <input name="password" type="password" required minlength="8" autocomplete="new-password" />
        <//>
      </div>
      <p><button type="submit" class="secondary">重置密码</button></p>
    </form>
    ${problem ? html`<p class="form-error" role="alert">${problem}</p>` : null}
  </section>`;
}
