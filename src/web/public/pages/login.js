import { api, saveSession } from '../api.js';
import { attempt, field, h } from '../ui.js';

export async function loginPage(main) {
  const username = h('input', { name: 'username', autocomplete: 'username', required: true });
  const password = h('input', {
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const form = h(
    'form',
    { class: 'card login', 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title' }, '登录整改事项跟踪系统'),
    field('用户名', username),
    field('密码', password),
    h('p', {}, h('button', { type: 'submit' }, '登录')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = await attempt(() =>
      api('POST', '/auth/login', { body: { username: username.value.trim(), password: password.value } }),
    );
    if (!result) return;
    saveSession(result);
    location.hash = '#/';
  });
  main.replaceChildren(form);
  username.focus();
}
