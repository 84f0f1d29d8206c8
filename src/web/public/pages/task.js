// 任务详情: the facts, then a form for each action the server lists in allowedActions (and no other), then the record.
import { useEffect } from 'preact/hooks';
import { Loaded } from '../components/loading.js';
import { AdjustForm } from '../components/task/adjust-form.js';
import { CancelForm } from '../components/task/cancel-form.js';
import { EvidenceForm } from '../components/task/evidence-form.js';
import { EvidenceList } from '../components/task/evidence-list.js';
import { ExtensionDecisions } from '../components/task/extension-decisions.js';
import { ExtensionRequestForm } from '../components/task/extension-request-form.js';
import { HistoryList } from '../components/task/history-list.js';
import { ProblemLink } from '../components/task/problem-link.js';
import { ProgressForm } from '../components/task/progress-form.js';
import { ReviewForm } from '../components/task/review-form.js';
import { TaskFacts } from '../components/task/task-facts.js';
import { UrgeForm } from '../components/task/urge-form.js';
import { pressAwaiting, UrgeReplyForm } from '../components/task/urge-reply-form.js';
import { api, session } from '../lib/api.js';
import { loadDirectory } from '../lib/directory.js';
import { html } from '../lib/html.js';
import { placeInNav } from '../lib/nav-place.js';
import { useLoad } from '../lib/use-load.js';

export function TaskPage({ user, params: [id] }) {
  const state = useLoad(async () => {
    const [task, own] = await Promise.all([api('GET', `/tasks/${id}`), loadDirectory()]);
    // A county reading a township's task (read-only drill-down) names the township's people and units.
    const foreign = task.organizationId !== session()?.user?.organizationId;
    return [task, foreign ? await api('GET', `/directory?organizationId=${task.organizationId}`) : own];
  }, [id]);
  return html`<${Loaded} state=${state}>
    ${([task, directory]) =>
      html`<${TaskView}
        key=${recordSize(task)}
        task=${task}
        user=${user}
        directory=${directory}
        reload=${state.reload}
      />`}
  <//>`;
}

function TaskView({ task, user, directory, reload }) {
  const allowed = new Set(task.allowedActions || []);
  // A leader or admin may report for the unit, but their page leads with their own work: the staff's forms show
  // for staff and for whoever the task is assigned to.
  const doer = user?.role === 'staff' || task.assigneeId === user?.id;
  const has = (...actions) => actions.some((action) => allowed.has(action));
  const props = { task, allowed, directory, onDone: reload };
  const canReport = doer && has('update', 'submit_for_review');
  const urge = pressAwaiting(task, user?.id);
  const pendingRequest = (task.extensionRequests || []).find((request) => request.status === 'pending');
  // A county reading a township's task came from 上级督导 and that township's read-only ledger.
  const own = task.organizationId === user?.organizationId;
  useEffect(() => {
    placeInNav(`/tasks/${task.id}`, own ? null : '/county');
  }, [task.id, own]);
  const crumbs = own
    ? [['#/tasks', '整改台账']]
    : [
        ['#/county', '上级督导'],
        [`#/county/org/${task.organizationId}`, '台账（只读）'],
      ];
  return html`<p class="crumbs">
      ${crumbs.map(([href, text]) => html`<a href=${href}>${text}</a>${' › '}`)}任务详情
    </p>
    <h1 class="task-title">${task.title}</h1>
    <div class="task-layout">
      <div class="task-facts">
        <${TaskFacts} task=${task} directory=${directory} />
        <${ProblemLink} ...${props} />
      </div>
      <div class="task-record">
        ${task.evidence?.length ? html`<${EvidenceList} task=${task} evidence=${task.evidence} />` : null}
        <${HistoryList} history=${task.history || []} directory=${directory} />
      </div>
      <div class="task-actions">
        ${has('review') ? html`<${ReviewForm} ...${props} />` : null}
        ${has('decide_extension') ? html`<${ExtensionDecisions} ...${props} />` : null}
        ${canReport ? html`<${ProgressForm} ...${props} />` : null}
        ${
          doer && !canReport && has('upload_evidence')
            ? html`<${EvidenceForm} task=${task} onUploaded=${reload} />`
            : null
        }
        ${doer && has('request_extension') ? html`<${ExtensionRequestForm} ...${props} />` : null}
        ${
          pendingRequest && !has('decide_extension')
            ? html`<p class="card muted" id="extension-pending">
                延期申请审批中：申请延至 ${pendingRequest.requestedDeadline}（理由：${pendingRequest.reason}）
              </p>`
            : null
        }
        ${has('urge') ? html`<${UrgeForm} ...${props} />` : null}
        ${
          urge && has('upload_evidence') && (doer || urge.action === 'supervised')
            ? html`<${UrgeReplyForm} ...${props} urge=${urge} />`
            : null
        }
        ${has('edit', 'reassign', 'change_deadline') ? html`<${AdjustForm} ...${props} />` : null}
        ${has('cancel') ? html`<${CancelForm} ...${props} />` : null}
        ${allowed.size ? null : html`<p class="card muted">${closedNote(task)}</p>`}
        ${
          own && user?.role !== 'viewer'
            ? html`<p><a href=${`#/worklog?taskId=${task.id}`}>记入工作纪实</a></p>`
            : null
        }
      </div>
    </div>`;
}

/** Changes whenever an action is recorded, so the forms start empty again after one succeeds. */
function recordSize(task) {
  return `${task.history?.length}:${task.evidence?.length}`;
}

function closedNote(task) {
  if (task.status === 'completed') return '任务已销号，办理完毕。';
  if (task.status === 'cancelled') return '任务已撤销。';
  return '你可以查看本任务，办理由责任单位和责任领导进行。';
}
