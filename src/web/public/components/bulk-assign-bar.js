// Import review: select many items, then give them one unit, leader or deadline at once.
import { useState } from 'preact/hooks';
import { html } from '../lib/html.js';
import { AssignmentSelects } from './assignment-selects.js';
import { Field } from './field.js';

const EMPTY = { unitId: '', leaderId: '', deadline: '' };

export function BulkAssignBar({ rows, options, onSelectAll, onApply }) {
  const [choice, setChoice] = useState(EMPTY);
  const selected = rows.filter((row) => row.selected).length;
  const set = (key) => (event) => setChoice({ ...choice, [key]: event.currentTarget.value });
  const chosen = Object.fromEntries(Object.entries(choice).filter(([, value]) => value));
  const apply = () => {
    onApply(chosen);
    setChoice(EMPTY);
  };
  return html`<div class="bulk-bar" role="group" aria-label="批量设置">
    <div class="bulk-head">
      <label class="check">
        <input
          type="checkbox"
          name="selectAll"
          checked=${selected > 0 && selected === rows.length}
          onChange=${(event) => onSelectAll(event.currentTarget.checked)}
        />
        全选
      </label>
      <span class="muted">已选 ${selected} 条：为选中条目统一设置（留空的项不改）</span>
    </div>
    <div class="form-grid">
      <${AssignmentSelects} bulk values=${choice} options=${options} empty="不改" change=${set} />
      <${Field} label="统一完成时限">
        <input name="bulkDeadline" type="date" value=${choice.deadline} onInput=${set('deadline')} />
      <//>
    </div>
    <p>
      <button
        type="button"
        class="secondary"
        disabled=${!selected || !Object.keys(chosen).length}
        onClick=${apply}
      >
        应用到选中的 ${selected} 条
      </button>
    </p>
  </div>`;
}
