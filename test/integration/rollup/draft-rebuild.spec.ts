import { randomUUID } from 'node:crypto';
import { INestApplicationContext, StreamableFile } from '@nestjs/common';
import * as mammoth from 'mammoth';
import { DataSource } from 'typeorm';
import { DraftParagraphEdit } from '../../../src/rollup/draft-paragraph-edit.entity';
import { DraftEditsService } from '../../../src/rollup/draft-edits.service';
import { DraftFilesService } from '../../../src/rollup/draft-files.service';
import { Draft } from '../../../src/rollup/draft-types';
import { RollupService } from '../../../src/rollup/rollup.service';
import { Fixtures, ImportedTask } from '../../support/fixtures';
import { sampleReportText, shiftedOneYearEarlier, startRollupContext } from './rollup-fixtures';

function section(draft: Draft, key: string) {
  return draft.sections.find((candidate) => candidate.key === key)!;
}

describe('rebuilding the 2025 draft from the tasks of sample report 001', () => {
  let context: INestApplicationContext;
  let fx: Fixtures;
  let rollup: RollupService;
  const organizationId = randomUUID();
  let tasks: ImportedTask[];
  let plans: ImportedTask[];

  beforeAll(async () => {
    fx = await Fixtures.connect();
    context = await startRollupContext();
    rollup = context.get(RollupService);
    tasks = await fx.importReport(organizationId, sampleReportText());
    plans = tasks.filter((task) => task.kind === 'plan');
    await fx.complete(plans[0].id, '全年组织专题学习12次，覆盖全体机关干部。');
    await fx.complete(plans[1].id, '开展普法宣传活动30场，发放资料5000份。');
    await fx.progressNote(organizationId, plans[2].id, '受人员调整影响，进度滞后');
    const measure = tasks.find((task) => task.itemKind === 'measure')!;
    await fx.complete(measure.id, '组织执法人员培训4期');
  });

  afterAll(async () => {
    await context?.close();
    await fx?.close();
  });

  it('writes completed plans with their outcomes under the categories they belong to, and the counts', async () => {
    const draft = await rollup.rebuild(organizationId, 2025);
    const everything = draft.sections.flatMap((s) => s.paragraphs);
    // 深入贯彻习近平法治思想 is the 第一责任人's own work; 全面普及法律知识 is 法治宣传教育.
    const study = everything.find(
      (p) => p.sourceTaskIds.includes(plans[0].id) && p.id.startsWith('leadership:'),
    )!;
    expect(study.text).toContain('全年组织专题学习12次，覆盖全体机关干部。');
    const publicity = section(draft, 'achievements').paragraphs;
    const at = publicity.findIndex((p) => p.id.startsWith('achievements:publicity:'));
    expect(publicity[at].text).toContain('开展普法宣传活动30场，发放资料5000份。');
    expect(publicity[at - 1]).toMatchObject({
      style: 'subheading',
      text: expect.stringMatching(/法治宣传教育$/),
    });
    expect(section(draft, 'achievements').paragraphs[0].text).toContain(
      `共确定重点工作${tasks.length}项。截至2025年12月31日，已完成3项`,
    );
    expect(draft.title).toMatch(/关于2025年法治政府建设情况的报告$/);
    expect(draft.asOf).toBe('2025-12-31');
  });

  it('gives each previous problem one paragraph and never turns a progress note into a reason', async () => {
    const draft = await rollup.rebuild(organizationId, 2025);
    const problems = tasks.filter((task) => task.itemKind === 'problem');
    const all = draft.sections.flatMap((s) => s.paragraphs);
    expect(problems.length).toBeGreaterThan(0);
    const rows = await fx.query(
      `SELECT id FROM report_items WHERE organization_id = $1 AND kind = 'problem'`,
      [organizationId],
    );
    for (const { id } of rows) expect(all.filter((p) => p.id === `rectification:${id}`)).toHaveLength(1);
    expect(all.map((p) => p.text).join('')).toContain('组织执法人员培训4期');
    expect(JSON.stringify(draft)).not.toContain('受人员调整影响，进度滞后');
    expect(draft.completeness.missing).toContain('其他需要报告的情况');
  });

  it('rebuilds idempotently', async () => {
    const first = await rollup.rebuild(organizationId, 2025);
    const stored = await fx.query(
      `SELECT source_hash, build_count FROM report_drafts WHERE organization_id = $1 AND year = 2025`,
      [organizationId],
    );
    const second = await rollup.rebuild(organizationId, 2025);
    const again = await fx.query(
      `SELECT source_hash, build_count FROM report_drafts WHERE organization_id = $1 AND year = 2025`,
      [organizationId],
    );
    expect(second).toEqual(first);
    expect(again[0].source_hash).toBe(stored[0].source_hash);
    expect(again[0].build_count).toBe(stored[0].build_count + 1);
  });

  it('keeps an edited paragraph through rebuilds, marked, with the generated text alongside, until reverted', async () => {
    const edits = new DraftEditsService(rollup, context.get(DataSource).getRepository(DraftParagraphEdit));
    const editor = { organizationId, year: 2025, editorId: randomUUID() };
    const before = await rollup.getDraft(organizationId, 2025);
    const target = section(before, 'achievements').paragraphs.find((p) =>
      p.id.startsWith('achievements:publicity:'),
    )!;
    await edits.change(editor, target.id, { text: '开展普法宣传活动30场，镇党委书记带头讲法治课。' });
    await fx.complete(plans[3].id, '完善行政执法公示制度。');
    await rollup.rebuild(organizationId, 2025);
    const draft = await rollup.getDraft(organizationId, 2025);
    expect(section(draft, 'achievements').paragraphs.find((p) => p.id === target.id)).toMatchObject({
      text: '开展普法宣传活动30场，镇党委书记带头讲法治课。',
      edited: true,
      generatedText: target.text,
    });
    expect(JSON.stringify(draft.sections)).toContain('完善行政执法公示制度。');
    const reverted = await edits.revert(editor, target.id);
    expect(section(reverted, 'achievements').paragraphs.find((p) => p.id === target.id)!.text).toBe(
      target.text,
    );
  });

  it('renders a Word file that opens and carries the part headings and outcomes', async () => {
    const file = (await new DraftFilesService(rollup).render(organizationId, {
      year: 2025,
      format: 'docx',
    })) as StreamableFile;
    const chunks: Buffer[] = [];
    for await (const chunk of file.getStream()) chunks.push(chunk as Buffer);
    const { value } = await mammoth.extractRawText({ buffer: Buffer.concat(chunks) });
    for (const heading of [
      '一、2025年度推进法治政府建设的主要举措和成效',
      '二、2025年度推进法治政府建设存在的不足和原因',
      '三、2025年度党政主要负责人履行推进法治建设第一责任人职责情况',
      '四、2026年度推进法治政府建设的主要安排',
      '五、其他需要报告的情况',
    ]) {
      expect(value).toContain(heading);
    }
    expect(value).toContain('开展普法宣传活动30场，发放资料5000份。');
  });

  it('judges the imported report complete or not per required part', async () => {
    const rows = await fx.query(`SELECT id FROM reports WHERE organization_id = $1`, [organizationId]);
    const completeness = await rollup.reportCompleteness(organizationId, rows[0].id);
    expect(completeness.parts.find((part) => part.key === 'leadership')).toMatchObject({
      present: true,
      empty: false,
    });
    expect(completeness.missing).toContain('其他需要报告的情况');
  });
});

describe('recurring problems across yearly reports', () => {
  let context: INestApplicationContext;
  let fx: Fixtures;

  beforeAll(async () => {
    fx = await Fixtures.connect();
    context = await startRollupContext();
  });

  afterAll(async () => {
    await context?.close();
    await fx?.close();
  });

  it('flags a problem of the 2024 report that the 2023 report already named', async () => {
    const organizationId = randomUUID();
    const text = sampleReportText();
    await fx.importReport(organizationId, shiftedOneYearEarlier(text), '2024-12-31');
    await fx.importReport(organizationId, text);
    const draft = await context.get(RollupService).rebuild(organizationId, 2025);
    const recurring = section(draft, 'achievements').paragraphs.filter((p) => p.recurring);
    expect(recurring.length).toBeGreaterThan(0);
    expect(recurring[0].id).toMatch(/^rectification:/);
    expect(recurring[0].text).toContain('该问题在2023、2024年度报告中均有反映');
  });

  it('flags nothing when only one year was imported', async () => {
    const organizationId = randomUUID();
    await fx.importReport(organizationId, sampleReportText());
    const draft = await context.get(RollupService).rebuild(organizationId, 2025);
    expect(draft.sections.flatMap((s) => s.paragraphs).filter((p) => p.recurring)).toEqual([]);
  });
});
