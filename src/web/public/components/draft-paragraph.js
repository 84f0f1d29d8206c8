// One paragraph of the report draft; those who may edit get 修改, which turns it into a text box in place.
import { useState } from 'preact/hooks';
import { api } from '../lib/api.js';
import { html } from '../lib/html.js';
import { attempt } from '../lib/messages.js';
import { Field } from './field.js';

export function DraftParagraph({ year, paragraph, canEdit, onSaved }) {
  const [editing, setEditing] = useState(false);
  const className = paragraph.edited ? 'para edited' : 'para';
  if (paragraph.style === 'subheading') return html`<h3 class=${className}>${paragraph.text}</h3>`;
  if (!canEdit) return html`<p class=${className}>${paragraph.text}</p>`;
  if (editing) {
    const save = async (event) => {
      event.preventDefault();
      const text = String(new FormData(event.currentTarget).get('text'));
      const path = `/reports/drafts/${year}/paragraphs/${encodeURIComponent(paragraph.id)}`;
      if (!(await attempt(() => api('PUT', path, { body: { text } }), '段落已保存'))) return;
      setEditing(false);
      onSaved();
    };
    return html`<form class="para-edit" onSubmit=${save}>
      <${Field} label="段落内容">
        <textarea name="text" rows="5" defaultValue=${paragraph.text} autofocus></textarea>
      <//>
      <p class="buttons">
        <button type="submit">保存</button>
        <button type="button" class="secondary" onClick=${() => setEditing(false)}>取消</button>
      </p>
    </form>`;
  }
  return html`<div class="para-row">
    <p class=${className}>${paragraph.text}</p>
    <button
      type="button"
      class="secondary small"
      aria-label=${`修改段落：${paragraph.text.slice(0, 12)}`}
      onClick=${() => setEditing(true)}
    >
      修改
    </button>
  </div>`;
}
