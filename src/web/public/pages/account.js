// 我的账号: who is signed in, and changing one's own password (current + new). The server's password rules decide;
// its Chinese reason is shown under the form. The answer is a fresh token pair: other sessions end, this one goes on.
import { useState } from 'preact/hooks';
import { Fact } from '../components/fact.js';
import { Field } from '../components/field.js';
import { api, saveSession, session } from '../lib/api.js';
import { html } from '../lib/html.js';
import { chineseMessage, say } from '../lib/messages.js';
import { label } from '../lib/vocabulary.js';

export function AccountPage({ user }) {
  const [problem, setProblem] = useState(null);
  const [busy, setBusy] = useState(false);
  const change = async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const body = {
      currentPassword: String(data.get('currentPassword')),
      newPassword: String(data.get('newPassword')),
    };
    if (body.newPassword !== String(data.get('repeatPassword'))) return setProblem('两次输入的新密码不一致');
    setBusy(true);
    try {
      const tokens = await api('POST', '/auth/password', { body });
      saveSession({ ...session(), ...tokens });
      setProblem(null);
      form.reset();
      say('密码已修改，其他设备上的登录已退出');
    } catch (error) {
      setProblem(chineseMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return html`<h1>我的账号</h1>
    <section class="card narrow facts" aria-labelledby="me-title">
      <h2 id="me-title">账号信息</h2>
      <dl>
        <${Fact} term="姓名">${user.displayName}<//>
        <${Fact} term="登录名">${user.username}<//>
        <${Fact} term="角色">${label('roles', user.role)}<//>
      </dl>
    </section>
    <form class="card narrow" onSubmit=${change} aria-labelledby="password-title">
      <h2 id="password-title">修改密码</h2>
      <${Field} label="当前密码">
        <input name="currentPassword" type="password" required autocomplete="current-password" />
      <//>
      <${Field} label="新密码" hint="至少 8 位，不能是常见密码、连续或重复的字符，也不能包含用户名或姓名">
        <input name="newPassword" type="password" required minlength="8" autocomplete="new-password" />
      <//>
      <${Field} label="再次输入新密码">
        <input name="repeatPassword" type="password" required minlength="8" autocomplete="new-password" />
      <//>
      ${problem ? html`<p class="form-error" role="alert">${problem}</p>` : null}
      <p><button type="submit" disabled=${busy}>修改密码</button></p>
    </form>`;
}
