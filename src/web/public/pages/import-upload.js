// 导入报告: upload a 法治政府建设 annual report, and the reports imported so far.
import { Field } from '../components/field.js';
import { ListOrNote } from '../components/list-or-note.js';
import { Loaded } from '../components/loading.js';
import { api } from '../lib/api.js';
import { html } from '../lib/html.js';
import { attempt, say } from '../lib/messages.js';
import { navigate } from '../lib/router.js';
import { useLoad } from '../lib/use-load.js';

async function upload(event) {
  event.preventDefault();
  const file = event.currentTarget.elements.namedItem('file').files?.[0];
  if (!file) return say('请选择要上传的文件', true);
  const data = new FormData();
  data.append('file', file);
  const report = await attempt(() => api('POST', '/reports', { form: data }), '报告已解析');
  if (report) navigate(`#/import/${report.id}`);
}

export function ImportUploadPage() {
  const state = useLoad(() => api('GET', '/reports'), []);
  return html`<h1>导入年度报告</h1>
    <form class="card" onSubmit=${upload}>
      <${Field}
        label="报告文件（.txt、.docx 或 .md）"
        hint="上传后自动找出存在的问题、整改措施和下一年度工作计划，逐条核对后生成任务。"
      >
        <input type="file" name="file" accept=".txt,.docx,.md" required />
      <//>
      <p><button type="submit">上传并解析</button></p>
    </form>
    <section class="card" aria-labelledby="reports-title">
      <h2 id="reports-title">已导入的报告</h2>
      <${Loaded} state=${state}>
        ${(reports) =>
          html`<${ListOrNote} items=${reports} class="plain-list" empty="尚未导入报告">
            ${(report) =>
              html`<li>
                <a href=${`#/import/${report.id}`}>${report.title || report.fileName}</a>
                <span class="muted"> · ${report.itemCount} 条 · 已生成任务 ${report.taskCount} 项</span>
              </li>`}
          <//>`}
      <//>
    </section>`;
}
