// One extracted item on the import review: keep it or not, and its title, unit, leader, person and deadline.
import { html } from '../lib/html.js';
import { label } from '../lib/vocabulary.js';
import { Field } from './field.js';
import { Select } from './select.js';

export function ReviewItem({ row, index, options, onChange, onMergeUp, onFocus }) {
  const set = (key) => (event) =>
    onChange({ ...row, [key]: key === 'keep' ? event.currentTarget.checked : event.currentTarget.value });
  const locate = () => document.getElementById(`src-${row.item.id}`)?.scrollIntoView({ block: 'center' });
  return html`<div class=${row.keep ? 'item' : 'item dropped'} data-item=${index} onFocusIn=${onFocus}>
    <div class="item-head">
      <label class="check">
        <input type="checkbox" name="keep" checked=${row.keep} onChange=${set('keep')} />
        保留 · ${label('reportItemKinds', row.item.kind)} 第 ${index + 1} 条
      </label>
      <span class="buttons">
        <button type="button" class="secondary small" onClick=${locate}>定位原文</button>
        ${onMergeUp ? html`<button type="button" class="secondary small" onClick=${onMergeUp}>并入上一条</button>` : null}
      </span>
    </div>
    <${Field} label="事项名称"><input name="title" value=${row.title} onInput=${set('title')} /><//>
    <div class="form-grid">
      <${Field} label="责任单位">
        <${Select}
          name="unitId"
          options=${options.units}
          value=${row.unitId}
          empty="未指定"
          onChange=${set('unitId')}
        />
      <//>
      <${Field} label="责任领导">
        <${Select}
          name="leaderId"
          options=${options.leaders}
          value=${row.leaderId}
          empty="未指定"
          onChange=${set('leaderId')}
        />
      <//>
      <${Field} label="责任人">
        <${Select}
          name="assigneeId"
          options=${options.people}
          value=${row.assigneeId}
          empty="未指定"
          onChange=${set('assigneeId')}
        />
      <//>
      <${Field} label="完成时限"
        ><input name="deadline" type="date" value=${row.deadline} onInput=${set('deadline')}
      /><//>
    </div>
  </div>`;
}
