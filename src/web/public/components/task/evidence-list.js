// 佐证材料 attached to the task: each file downloads, and images, PDF, .docx and .xlsx preview in place.
import { useState } from 'preact/hooks';
import { api, download } from '../../lib/api.js';
import { dateTime } from '../../lib/format.js';
import { html } from '../../lib/html.js';
import { attempt } from '../../lib/messages.js';

/** How a file previews, by its name: the server types it the same way (evidence-content.ts). */
function previewKind(fileName) {
  const extension = (fileName.match(/\.[^.]+$/)?.[0] || '').toLowerCase();
  if (['.png', '.jpg', '.jpeg', '.gif', '.webp'].includes(extension)) return 'image';
  if (extension === '.pdf') return 'pdf';
  if (extension === '.docx' || extension === '.xlsx') return 'document';
  return null;
}

export function EvidenceList({ task, evidence }) {
  return html`<section class="card" aria-labelledby="evidence-list-title">
    <h2 id="evidence-list-title">佐证材料</h2>
    <ul class="plain-list evidence-list">
      ${evidence.map((file) => html`<${EvidenceItem} key=${file.id} task=${task} file=${file} />`)}
    </ul>
  </section>`;
}

function EvidenceItem({ task, file }) {
  const [preview, setPreview] = useState(null);
  const path = `/tasks/${task.id}/evidence/${file.id}`;
  const kind = previewKind(file.fileName);
  const open = async () => {
    if (preview) return setPreview(null);
    const shown = await attempt(async () => {
      if (kind === 'document') return { kind, content: await api('GET', `${path}?preview=1`) };
      const response = await api('GET', path, { raw: true });
      return { kind, url: URL.createObjectURL(await response.blob()) };
    });
    if (shown) setPreview(shown);
  };
  return html`<li>
    <span class="file-name">${file.fileName}</span>
    <span class="muted">
      · ${Math.max(1, Math.ceil(file.sizeBytes / 1024))} KB · ${dateTime(file.createdAt)}</span
    >
    <span class="buttons inline">
      ${
        kind
          ? html`<button type="button" class="link" onClick=${open}>${preview ? '收起' : '预览'}</button>`
          : null
      }
      <button type="button" class="link" onClick=${() => download(path, file.fileName)}>下载</button>
    </span>
    ${preview ? html`<div class="evidence-preview"><${Preview} preview=${preview} name=${file.fileName} /></div>` : null}
  </li>`;
}

function Preview({ preview, name }) {
  if (preview.kind === 'image') return html`<img src=${preview.url} alt=${name} />`;
  if (preview.kind === 'pdf') return html`<iframe src=${preview.url} title=${name}></iframe>`;
  const content = preview.content;
  if (content.kind === 'text') return html`<pre class="document-text">${content.text}</pre>`;
  return html`${content.sheets.map(
    (sheet) =>
      html`<div class="sheet">
        <p class="muted">${sheet.name}</p>
        <div class="table-scroll">
          <table>
            <tbody>
              ${sheet.rows.map(
                (row) =>
                  html`<tr>
                    ${row.map((cell) => html`<td>${cell}</td>`)}
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </div>`,
  )}${content.truncated ? html`<p class="muted">仅显示前一部分，完整内容请下载。</p>` : null}`;
}
