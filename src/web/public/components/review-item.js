// One extracted item on the import review: keep it or not, select it for bulk changes, and its title, unit,
// leader, person, deadline and (for a measure) the problem it answers.
import { html } from '../lib/html.js';
import { label } from '../lib/vocabulary.js';
import { AssignmentSelects } from './assignment-selects.js';
import { Field } from './field.js';
import { Select } from './select.js';

/** Why the deadline needs a look: the report's day had passed, or the one entered has. */
function deadlineWarning(row, today) {
  const { item } = row;
  if (!row.keep) return null;
  if (row.deadline && row.deadline < today) return '所填时限已过，请改为今天以后的日期';
  if (item.suggestedDeadlinePast && row.deadline === item.suggestedDeadline)
    return `报告给出的时限 ${item.reportedDeadline} 已过，已改为本单位默认时限 ${item.suggestedDeadline}，请核对`;
  return null;
}

export function ReviewItem({ row, index, options, today, onChange, onMergeUp, onFocus }) {
  const set = (key) => (event) => {
    const control = event.currentTarget;
    onChange({ ...row, [key]: control.type === 'checkbox' ? control.checked : control.value });
  };
  const locate = () => document.getElementById(`src-${row.item.id}`)?.scrollIntoView({ block: 'center' });
  const warning = deadlineWarning(row, today);
  const classes = ['item', row.keep ? '' : 'dropped', row.selected ? 'selected' : ''].filter(Boolean);
  return html`<div
    class=${classes.join(' ')}
    data-item=${index}
    data-kind=${row.item.kind}
    onFocusIn=${onFocus}
  >
    <div class="item-head">
      <span class="buttons">
        <label class="check">
          <input type="checkbox" name="keep" checked=${row.keep} onChange=${set('keep')} />
          保留 · ${label('reportItemKinds', row.item.kind)} 第 ${index + 1} 条
        </label>
        <label class="check muted">
          <input type="checkbox" name="selected" checked=${row.selected} onChange=${set('selected')} />
          选中
        </label>
      </span>
      <span class="buttons">
        <button type="button" class="secondary small" onClick=${locate}>定位原文</button>
        ${onMergeUp ? html`<button type="button" class="secondary small" onClick=${onMergeUp}>并入上一条</button>` : null}
      </span>
    </div>
    <${Field} label="事项名称"><input name="title" value=${row.title} onInput=${set('title')} /><//>
    ${
      row.item.kind === 'measure'
        ? html`<${Field} label="针对的问题">
            <${Select}
              name="problemItemId"
              options=${options.problems}
              value=${row.problemItemId}
              empty="不关联"
              onChange=${set('problemItemId')}
            />
          <//>`
        : null
    }
    <div class="form-grid">
      <${AssignmentSelects} values=${row} options=${options} empty="未指定" change=${set} />
      <${Field} label="完成时限">
        <input
          name="deadline"
          type="date"
          min=${today}
          value=${row.deadline}
          aria-invalid=${warning && row.deadline < today ? 'true' : undefined}
          onInput=${set('deadline')}
        />
      <//>
    </div>
    ${warning ? html`<p class="warn" role="note">${warning}</p>` : null}
  </div>`;
}
