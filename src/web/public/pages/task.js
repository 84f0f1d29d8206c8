import { api, session } from '../api.js';
import { attempt, directory, field, h, lightBadge, select } from '../ui.js';

const ACTIONS = {
  created: '创建任务',
  assigned: '分派',
  updated: '修改',
  progress: '报送进展',
  status_changed: '状态变更',
  review_requested: '提交核验',
  approved: '核验通过，销号',
  rejected: '退回整改',
  cancelled: '撤销',
  deadline_changed: '调整期限',
  extension_requested: '申请延期',
  extension_approved: '同意延期',
  extension_refused: '不同意延期',
};

function when(value) {
  return value ? new Date(value).toLocaleString('zh-CN', { hour12: false }) : '';
}

export async function taskPage(main, id) {
  const [task, dir] = await Promise.all([api('GET', `/tasks/${id}`), directory()]);
  const user = session().user;
  const reload = () => taskPage(main, id);
  const canReport =
    ['in_progress', 'assigned', 'new'].includes(task.status) &&
    (task.assigneeId === user.id || ['admin', 'leader'].includes(user.role) || task.unitId === user.unitId);
  const canReview = task.status === 'pending_review' && ['admin', 'leader'].includes(user.role);
  const sections = [
    h('h1', {}, task.title),
    h(
      'div',
      { class: 'card' },
      h(
        'p',
        {},
        lightBadge(task),
        ' ',
        h('strong', {}, task.statusLabel),
        ` · 进度 ${task.progress}% · 截止 ${task.deadline || '未定'}`,
        task.daysLeft !== undefined && task.daysLeft !== null
          ? `（${task.daysLeft >= 0 ? `剩 ${task.daysLeft} 天` : `逾期 ${-task.daysLeft} 天`}）`
          : '',
      ),
      h(
        'p',
        { class: 'muted' },
        `责任单位：${dir.unitName(task.unitId)} · 牵头领导：${dir.userName(task.leaderId)} · 经办人：${dir.userName(task.assigneeId)}`,
      ),
      h('h2', {}, '报告原文摘录'),
      h('blockquote', { class: 'source' }, task.sourceText || '（无）'),
      task.outcome ? [h('h2', {}, '整改成效'), h('p', { id: 'task-outcome' }, task.outcome)] : null,
    ),
  ];
  if (canReport) {
    const status = select(
      'status',
      [
        ['in_progress', '序时推进（继续整改）'],
        ['pending_review', '已完成，提交核验销号'],
      ],
      'in_progress',
    );
    const progress = h('input', { name: 'progress', type: 'number', min: 0, max: 100, value: task.progress });
    const note = h('textarea', { name: 'note', required: true });
    const outcome = h('textarea', { name: 'outcome' }, task.outcome || '');
    const evidence = h('input', { name: 'evidence', type: 'file' });
    const form = h(
      'form',
      { class: 'card', 'aria-labelledby': 'update-title' },
      h('h2', { id: 'update-title' }, '报送进展'),
      field('状态', status),
      field('进度（%）', progress),
      field('进展说明', note),
      field('整改成效（提交核验时必填）', outcome),
      field('佐证材料（可选）', evidence),
      h('p', {}, h('button', { type: 'submit' }, '提交')),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const body = { status: status.value, progress: Number(progress.value), note: note.value.trim() };
      if (outcome.value.trim()) body.outcome = outcome.value.trim();
      if (evidence.files?.length) {
        const data = new FormData();
        data.append('file', evidence.files[0]);
        const uploaded = await attempt(() => api('POST', `/tasks/${id}/evidence`, { form: data }));
        if (!uploaded) return;
        if (uploaded.id) body.evidenceIds = [uploaded.id];
      }
      if (await attempt(() => api('POST', `/tasks/${id}/updates`, { body }), '进展已提交')) reload();
    });
    sections.push(form);
    const requested = h('input', { name: 'requestedDeadline', type: 'date' });
    const reason = h('textarea', { name: 'reason' });
    const ext = h(
      'form',
      { class: 'card' },
      h('h2', {}, '申请延期'),
      field('申请的新期限', requested),
      field('理由', reason),
      h('p', {}, h('button', { type: 'submit', class: 'secondary' }, '提交延期申请')),
    );
    ext.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (
        await attempt(
          () =>
            api('POST', `/tasks/${id}/extensions`, {
              body: { requestedDeadline: requested.value, reason: reason.value.trim() },
            }),
          '延期申请已提交',
        )
      )
        reload();
    });
    sections.push(ext);
  }
  if (canReview) {
    const comment = h('textarea', { name: 'comment' });
    const review = (decision) => async () => {
      if (
        await attempt(
          () =>
            api('POST', `/tasks/${id}/review`, {
              body: { decision, comment: comment.value.trim() || undefined },
            }),
          decision === 'approve' ? '已核验销号' : '已退回',
        )
      )
        reload();
    };
    sections.push(
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'review-title' },
        h('h2', { id: 'review-title' }, '核验销号'),
        field('核验意见', comment),
        h(
          'p',
          { class: 'row' },
          h('button', { type: 'button', onclick: review('approve') }, '通过，销号'),
          h('button', { type: 'button', class: 'secondary', onclick: review('reject') }, '退回整改'),
        ),
      ),
    );
  }
  const pending = (task.extensionRequests || []).filter((e) => e.status === 'pending');
  if (pending.length && ['admin', 'leader'].includes(user.role)) {
    sections.push(
      h(
        'section',
        { class: 'card' },
        h('h2', {}, '延期申请'),
        pending.map((e) =>
          h(
            'div',
            { class: 'row' },
            h('span', {}, `申请延至 ${e.requestedDeadline}：${e.reason}`),
            ['approve', 'refuse'].map((decision) =>
              h(
                'button',
                {
                  type: 'button',
                  class: decision === 'approve' ? '' : 'secondary',
                  onclick: async () => {
                    if (
                      await attempt(
                        () => api('POST', `/tasks/${id}/extensions/${e.id}/decision`, { body: { decision } }),
                        '已处理',
                      )
                    )
                      reload();
                  },
                },
                decision === 'approve' ? '同意' : '不同意',
              ),
            ),
          ),
        ),
      ),
    );
  }
  sections.push(
    h(
      'section',
      { class: 'card' },
      h('h2', {}, '办理记录'),
      h(
        'ol',
        { class: 'timeline' },
        [...(task.history || [])]
          .sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)))
          .map((row) =>
            h(
              'li',
              {},
              h('span', { class: 'muted' }, when(row.createdAt)),
              h('br'),
              `${ACTIONS[row.action] || '办理'} · ${row.actorId ? dir.userName(row.actorId) : '系统'}${row.note ? `：${row.note}` : ''}`,
            ),
          ),
      ),
    ),
  );
  if (task.evidence?.length) {
    sections.push(
      h(
        'section',
        { class: 'card' },
        h('h2', {}, '佐证材料'),
        h(
          'ul',
          {},
          task.evidence.map((file) =>
            h(
              'li',
              {},
              file.fileName,
              h(
                'span',
                { class: 'muted' },
                ` · ${Math.ceil(file.sizeBytes / 1024)} KB · ${when(file.createdAt)}`,
              ),
            ),
          ),
        ),
      ),
    );
  }
  main.replaceChildren(...sections);
}
