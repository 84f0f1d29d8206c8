import { readFileSync } from 'node:fs';
import { findProjectFile } from '../config/project-root';
import { DRAFT_PART_KEYS, DraftTemplates, TEMPLATE_KEYS, TemplateKey } from './draft-types';

/** The office edits config/draft-templates.json to change the wording; no code change needed. */
export function loadDraftTemplates(path = findProjectFile('config/draft-templates.json')): DraftTemplates {
  const templates = JSON.parse(readFileSync(path, 'utf8')) as DraftTemplates;
  const missing = [
    ...TEMPLATE_KEYS.filter((key) => !nonEmpty(templates[key])),
    ...DRAFT_PART_KEYS.filter((key) => !templates.headings?.[key]).map((key) => `headings.${key}`),
  ];
  if (missing.length) throw new Error(`报告模板 ${path} 缺少：${missing.join('、')}`);
  return templates;
}

function nonEmpty(value: unknown): boolean {
  return typeof value === 'string' ? value !== '' : Array.isArray(value) && value.length > 0;
}

export type TemplateValues = Record<string, string | number>;

/** Replaces `{name}` placeholders; a placeholder without a value is a template mistake, reported loudly. */
export function fillTemplate(template: string, values: TemplateValues): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    if (!(name in values)) throw new Error(`报告模板占位符 {${name}} 没有对应的值：${template}`);
    return String(values[name]);
  });
}

/**
 * Every variant of a template, filled, in the order the office listed them. Values may depend on the variant's
 * index, to walk two templates' variants in step.
 */
export function variants(
  templates: DraftTemplates,
  key: TemplateKey,
  values: TemplateValues | ((index: number) => TemplateValues) = {},
): string[] {
  const template = templates[key];
  return (Array.isArray(template) ? template : [template]).map((text, index) =>
    fillTemplate(text, typeof values === 'function' ? values(index) : values),
  );
}

/** The first variant of a template, filled. */
export function fill(templates: DraftTemplates, key: TemplateKey, values: TemplateValues = {}): string {
  return variants(templates, key, values)[0];
}
