import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';

import { contentFieldSchemas } from '../content/content-types.ts';
import {
  DemoContentFileSchema,
  HolidayFileSchema,
  TenantFileSchema,
  type DemoContentFile,
  type HolidayFile,
  type TenantFile,
} from './tenant-file-schema.ts';

/** The `tenants/` folder of this repository. */
export const defaultTenantFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../tenants',
);

/** The validated contents of a tenants folder. */
export type TenantFolder = {
  portals: { file: string; tenant: TenantFile }[];
  demo: { file: string; content: DemoContentFile }[];
  holidays: { file: string; calendar: HolidayFile }[];
};

/** One or more tenant files are invalid; each line names the file and the field. */
export class TenantFolderError extends Error {
  override name = 'TenantFolderError';
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`Invalid tenant files:\n  ${problems.join('\n  ')}`);
    this.problems = problems;
  }
}

async function listYamlFiles(folder: string): Promise<string[]> {
  try {
    const names = await readdir(folder);
    return names.filter((name) => /\.ya?ml$/.test(name)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return [];
    }
    throw error;
  }
}

function describeIssue(file: string, issue: z.core.$ZodIssue): string {
  const field = issue.path.length > 0 ? issue.path.join('.') : '(file)';
  return `${file}: ${field}: ${issue.message}`;
}

async function readSection<T>(
  root: string,
  section: string,
  schema: z.ZodType<T>,
  problems: string[],
): Promise<{ file: string; value: T }[]> {
  const folder = path.join(root, section);
  const results: { file: string; value: T }[] = [];
  for (const name of await listYamlFiles(folder)) {
    const file = path.join(path.basename(root), section, name);
    let data: unknown;
    try {
      data = parseYaml(await readFile(path.join(folder, name), 'utf8'));
    } catch (error) {
      const reason = error instanceof YAMLParseError ? error.message : String(error);
      problems.push(`${file}: (file): invalid YAML: ${reason}`);
      continue;
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      problems.push(...parsed.error.issues.map((issue) => describeIssue(file, issue)));
      continue;
    }
    results.push({ file, value: parsed.data });
  }

  return results;
}

function checkPortals(portals: TenantFolder['portals'], problems: string[]): void {
  const hostOwners = new Map<string, string>();
  const mainPortals = portals.filter(({ tenant }) => tenant.kind === 'main');
  if (mainPortals.length !== 1) {
    problems.push(
      `tenants/portals: exactly one portal must have kind main, found ${mainPortals.length}`,
    );
  }

  for (const { file, tenant } of portals) {
    const expectedName = `${tenant.slug}.yaml`;
    if (path.basename(file) !== expectedName && path.basename(file) !== `${tenant.slug}.yml`) {
      problems.push(`${file}: slug: must match the file name (${expectedName})`);
    }
    const hosts = [tenant.domains.canonical, ...tenant.domains.aliases].filter(Boolean);
    for (const host of hosts as string[]) {
      const owner = hostOwners.get(host);
      if (owner) {
        problems.push(`${file}: domains: ${host} is already listed in ${owner}`);
      }
      hostOwners.set(host, file);
    }
  }
}

function checkDemo(folder: TenantFolder, problems: string[]): void {
  const slugs = new Set(folder.portals.map(({ tenant }) => tenant.slug));
  for (const { file, content } of folder.demo) {
    if (!slugs.has(content.tenant)) {
      problems.push(`${file}: tenant: no portal file has slug ${content.tenant}`);
    }
    const seen = new Set<string>();
    content.items.forEach((item, index) => {
      const fields = contentFieldSchemas[item.type].safeParse(item.fields);
      if (!fields.success) {
        for (const issue of fields.error.issues) {
          problems.push(`${file}: items.${index}.fields.${issue.path.join('.')}: ${issue.message}`);
        }
      }
      const key = `${item.type}/${item.slug}`;
      if (seen.has(key)) {
        problems.push(`${file}: items.${index}.slug: ${item.slug} is used twice for ${item.type}`);
      }
      seen.add(key);
    });
  }
}

/** Reads and validates every file of a tenants folder, or throws a `TenantFolderError`. */
export async function loadTenantFolder(root: string = defaultTenantFolder): Promise<TenantFolder> {
  const problems: string[] = [];
  const portals = await readSection(root, 'portals', TenantFileSchema, problems);
  const demo = await readSection(root, 'demo', DemoContentFileSchema, problems);
  const holidays = await readSection(root, 'holidays', HolidayFileSchema, problems);
  const folder: TenantFolder = {
    portals: portals.map(({ file, value }) => ({ file, tenant: value })),
    demo: demo.map(({ file, value }) => ({ file, content: value })),
    holidays: holidays.map(({ file, value }) => ({ file, calendar: value })),
  };
  if (problems.length === 0) {
    checkPortals(folder.portals, problems);
    checkDemo(folder, problems);
  }
  if (problems.length > 0) {
    throw new TenantFolderError(problems);
  }

  return folder;
}
