import { readFileSync } from 'node:fs';
import { findProjectFile } from '../config/project-root';
import { DraftTemplates } from './draft-types';

/** The office edits config/draft-templates.json to change the wording; no code change needed. */
export function loadDraftTemplates(path = findProjectFile('config/draft-templates.json')): DraftTemplates {
  return JSON.parse(readFileSync(path, 'utf8')) as DraftTemplates;
}

/** Replaces `{name}` placeholders; a placeholder without a value is a template mistake, reported loudly. */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    if (!(name in values)) throw new Error(`报告模板占位符 {${name}} 没有对应的值：${template}`);
    return String(values[name]);
  });
}
