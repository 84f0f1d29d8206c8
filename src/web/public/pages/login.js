// 登录.
import { useEffect, useRef } from 'preact/hooks';
import { Field } from '../components/field.js';
import { api, saveSession } from '../lib/api.js';
import { html } from '../lib/html.js';
import { attempt, clearMessage } from '../lib/messages.js';
import { navigate } from '../lib/router.js';
import { isDemo } from '../lib/vocabulary.js';

async function login(event) {
  event.preventDefault();
  const form = new FormData(event.currentTarget);
  const body = { username: String(form.get('username')).trim(), password: String(form.get('password')) };
  const result = await attempt(() => api('POST', '/auth/login', { body }));
  if (!result) return;
  clearMessage();
  saveSession(result);
  navigate('#/');
}

export function LoginPage() {
  const first = useRef(null);
  useEffect(() => first.current?.focus(), []);
  return html`<div class="login-wrap">
    <p class="login-org">法治政府建设</p>
    <form class="card login" aria-labelledby="login-title" onSubmit=${login}>
      <h1 id="login-title">登录整改事项跟踪系统</h1>
      <${Field} label="用户名"><input name="username" autocomplete="username" required ref=${first} /><//>
      <${Field} label="密码"
        ><input name="password" type="password" autocomplete="current-password" required
      /><//>
      <p><button type="submit" class="wide-button">登录</button></p>
      ${isDemo() ? html`<p class="hint">演示模式：登录名与密码见启动时的提示。</p>` : null}
    </form>
  </div>`;
}
