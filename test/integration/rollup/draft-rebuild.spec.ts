import { randomUUID } from 'node:crypto';
import { INestApplicationContext, StreamableFile } from '@nestjs/common';
import * as mammoth from 'mammoth';
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

  it('writes completed plan tasks under their plan headings from their outcomes', async () => {
    const draft = await rollup.rebuild(organizationId, 2025);
    const paragraphs = section(draft, 'achievements').paragraphs;
    for (const [index, outcome] of [
      [0, '全年组织专题学习12次，覆盖全体机关干部。'],
      [1, '开展普法宣传活动30场，发放资料5000份。'],
    ] as const) {
      const at = paragraphs.findIndex((p) => p.id === `achievements:${plans[index].id}`);
      expect(paragraphs[at]).toMatchObject({ text: outcome, sourceTaskIds: [plans[index].id] });
      expect(paragraphs[at - 1]).toMatchObject({ style: 'subheading' });
      expect(paragraphs[at - 1].text).toContain(plans[index].title.replace(/[。；]$/u, ''));
    }
    expect(paragraphs[0].text).toMatch(new RegExp(`2025年共承接整改和工作任务${tasks.length}项，已完成3项`));
    expect(draft.title).toContain('关于2025年法治政府建设情况的报告');
  });

  it('reports the previous problems with their measures and lists unfinished tasks with the latest note', async () => {
    const draft = await rollup.rebuild(organizationId, 2025);
    const rectification = section(draft, 'achievements').paragraphs.filter((p) =>
      p.id.startsWith('rectification:'),
    );
    expect(rectification.map((p) => p.text).join('')).toContain('组织执法人员培训4期');
    const shortcomings = section(draft, 'shortcomings').paragraphs;
    expect(shortcomings.find((p) => p.id === `shortcomings:${plans[2].id}`)!.text).toContain(
      '原因：受人员调整影响，进度滞后',
    );
    expect(shortcomings.some((p) => p.id === `shortcomings:${plans[0].id}`)).toBe(false);
    expect(draft.completeness.missing).toContain('党政主要负责人履行推进法治建设第一责任人职责情况');
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
    const paragraphId = `achievements:${plans[0].id}`;
    await rollup.editParagraph(
      organizationId,
      2025,
      paragraphId,
      '全年组织专题学习12次，镇党委书记带头讲法治课。',
      randomUUID(),
    );
    await fx.complete(plans[3].id, '完善行政执法公示制度。');
    await rollup.rebuild(organizationId, 2025);
    const draft = await rollup.getDraft(organizationId, 2025);
    const paragraph = section(draft, 'achievements').paragraphs.find((p) => p.id === paragraphId)!;
    expect(paragraph).toMatchObject({
      text: '全年组织专题学习12次，镇党委书记带头讲法治课。',
      edited: true,
      generatedText: '全年组织专题学习12次，覆盖全体机关干部。',
    });
    expect(section(draft, 'achievements').paragraphs.some((p) => p.text === '完善行政执法公示制度。')).toBe(
      true,
    );
    const reverted = await rollup.revertParagraph(organizationId, 2025, paragraphId);
    expect(section(reverted, 'achievements').paragraphs.find((p) => p.id === paragraphId)).toMatchObject({
      text: '全年组织专题学习12次，覆盖全体机关干部。',
    });
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
      '一、主要举措和成效',
      '二、存在的不足和原因',
      '三、党政主要负责人履行推进法治建设第一责任人职责情况',
      '四、下一年度主要安排',
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
    const recurring = section(draft, 'shortcomings').paragraphs.filter((p) => p.recurring);
    expect(recurring.length).toBeGreaterThan(0);
    expect(recurring[0].text).toContain('2023、2024年度报告中均有反映');
  });

  it('flags nothing when only one year was imported', async () => {
    const organizationId = randomUUID();
    await fx.importReport(organizationId, sampleReportText());
    const draft = await context.get(RollupService).rebuild(organizationId, 2025);
    expect(section(draft, 'shortcomings').paragraphs.filter((p) => p.recurring)).toEqual([]);
  });
});
