// Who an import-review item goes to, as labelled selects over the review's option lists: each item shows them all,
// the bulk bar those it can set on many items at once.
import { html } from '../lib/html.js';
import { Field } from './field.js';
import { Select } from './select.js';

/** Each choice: the row field it sets, its label, the review's option list it picks from, and (where the bulk bar
 * sets it too) the name of the bar's select.
 */
const ASSIGNMENTS = [
  { key: 'unitId', label: '责任单位', options: 'units', bulkName: 'bulkUnitId' },
  { key: 'leaderId', label: '责任领导', options: 'leaders', bulkName: 'bulkLeaderId' },
  { key: 'assigneeId', label: '责任人', options: 'people' },
];

/**
 * The item's selects, or with `bulk` the bar's (统一…); each shows `values[key]` and is handled by `change(key)`.
 */
export function AssignmentSelects({ bulk = false, values, options, empty, change }) {
  return ASSIGNMENTS.filter((assignment) => !bulk || assignment.bulkName).map(
    (assignment) =>
      html`<${Field} key=${assignment.key} label=${bulk ? `统一${assignment.label}` : assignment.label}>
        <${Select}
          name=${bulk ? assignment.bulkName : assignment.key}
          options=${options[assignment.options]}
          value=${values[assignment.key]}
          empty=${empty}
          onChange=${change(assignment.key)}
        />
      <//>`,
  );
}
