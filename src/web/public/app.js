// Start-up: the server's vocabulary first (every label comes from it), then the app.
import { render } from 'preact';
import { App } from './components/app.js';
import { html } from './lib/html.js';
import { say } from './lib/messages.js';
import { loadMeta } from './lib/vocabulary.js';

const root = document.getElementById('app');
const start = (view) => {
  root.textContent = '';
  render(view, root);
};

window.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  say('操作失败，请稍后再试', true);
});

loadMeta().then(
  () => start(html`<${App} />`),
  () =>
    start(
      html`<main class="boot">
        <h1>暂时无法连接服务</h1>
        <p>请检查网络后刷新页面。</p>
      </main>`,
    ),
);
