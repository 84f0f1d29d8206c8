import { readFileSync } from 'node:fs';
import { findProjectFile } from '../config/project-root';

/** Which part of the yearly report a category's entries fill. */
export type ReportPart = 'achievements' | 'leadership' | 'other';

export interface ConfiguredCategory {
  key: string;
  label: string;
  part?: ReportPart;
  /** Words that place a plan task with no category of its own under this one in the draft. */
  keywords?: string[];
}

export interface WorklogCategory {
  key: string;
  label: string;
  part: ReportPart;
  keywords: string[];
  active: boolean;
  /** Added by the organization rather than configured. */
  custom: boolean;
}

export interface CategoryOverride {
  key: string;
  label: string | null;
  active: boolean;
}

/** The office edits config/worklog-categories.json to change the defaults; keys stay stable, labels may change. */
export function loadConfiguredCategories(
  path = findProjectFile('config/worklog-categories.json'),
): ConfiguredCategory[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as { categories: ConfiguredCategory[] }).categories;
}

/**
 * The configured categories with an organization's overrides laid over them, then the organization's own
 * categories. Custom categories report under 主要举措和成效, so they are placed before the first category that
 * reports elsewhere (第一责任人, 其他), in the order they were created.
 */
export function resolveCategories(
  configured: ConfiguredCategory[],
  overrides: CategoryOverride[],
): WorklogCategory[] {
  const byKey = new Map(overrides.map((override) => [override.key, override]));
  const defaults = configured.map((category) => {
    const override = byKey.get(category.key);
    return {
      key: category.key,
      label: override?.label ?? category.label,
      part: category.part ?? 'achievements',
      keywords: category.keywords ?? [],
      active: override?.active ?? true,
      custom: false,
    };
  });
  const configuredKeys = new Set(configured.map((category) => category.key));
  const custom = overrides
    .filter((override) => !configuredKeys.has(override.key) && override.label)
    .map((override) => ({
      key: override.key,
      label: override.label!,
      part: 'achievements' as const,
      keywords: [],
      active: override.active,
      custom: true,
    }));
  const firstElsewhere = defaults.findIndex((category) => category.part !== 'achievements');
  const at = firstElsewhere === -1 ? defaults.length : firstElsewhere;
  return [...defaults.slice(0, at), ...custom, ...defaults.slice(at)];
}
