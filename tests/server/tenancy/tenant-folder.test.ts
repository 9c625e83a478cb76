import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { loadTenantFolder, TenantFolderError } from '../../../server/tenancy/tenant-folder.ts';

const validPortal = `slug: vbc
kind: hosted
name:
  vi: Vụ Bưu chính
  en: Department of Posts
abbreviation: Vụ BC
description:
  vi: Tham mưu về bưu chính.
operator:
  agency:
    vi: Vụ Bưu chính
  responsiblePerson: Vụ trưởng Vụ Bưu chính
  address:
    vi: 18 Nguyễn Du, Hà Nội
  phone: 024 0000 0000
  email: vbc@mic.gov.vn
`;

const mainPortal = validPortal
  .replace('slug: vbc', 'slug: mic')
  .replace('kind: hosted', 'kind: main');

function writeFiles(root: string, files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
}

async function problemsOf(root: string): Promise<string[]> {
  try {
    await loadTenantFolder(root);
  } catch (error) {
    if (error instanceof TenantFolderError) {
      return error.problems;
    }
    throw error;
  }
  return [];
}

describe('loadTenantFolder', () => {
  let root: string;

  beforeEach(() => {
    root = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'portal-tenants-')), 'tenants');
  });

  afterEach(() => {
    fs.rmSync(path.dirname(root), { recursive: true, force: true });
  });

  it('accepts the folder this repository ships', async () => {
    const folder = await loadTenantFolder();
    const kinds = folder.portals.map(({ tenant }) => tenant.kind);

    expect(kinds.filter((kind) => kind === 'main')).toHaveLength(1);
    expect(kinds.filter((kind) => kind === 'hosted').length).toBeGreaterThanOrEqual(12);
    expect(kinds).toContain('independent');
    expect(folder.portals.some(({ tenant }) => tenant.domains.aliases.length > 0)).toBe(true);
    expect(folder.holidays.map(({ calendar }) => calendar.year)).toEqual(
      expect.arrayContaining([2025, 2026, 2027]),
    );
  });

  it('names the file and the field of an invalid value', async () => {
    writeFiles(root, {
      'portals/mic.yaml': mainPortal,
      'portals/vbc.yaml': validPortal.replace('vbc@mic.gov.vn', 'not-an-email'),
    });

    expect(await problemsOf(root)).toEqual([
      expect.stringMatching(/^tenants\/portals\/vbc\.yaml: operator\.email: /),
    ]);
  });

  it('names an unknown field', async () => {
    writeFiles(root, {
      'portals/mic.yaml': mainPortal,
      'portals/vbc.yaml': `${validPortal}colour: red\n`,
    });

    expect(await problemsOf(root)).toEqual([
      expect.stringMatching(/^tenants\/portals\/vbc\.yaml: \(file\): .*colour/),
    ]);
  });

  it('reports invalid YAML with the file name', async () => {
    writeFiles(root, { 'portals/mic.yaml': mainPortal, 'portals/vbc.yaml': 'slug: [unclosed\n' });

    expect(await problemsOf(root)).toEqual([
      expect.stringMatching(/^tenants\/portals\/vbc\.yaml: \(file\): invalid YAML/),
    ]);
  });

  it('requires an external URL for an independent portal', async () => {
    writeFiles(root, {
      'portals/mic.yaml': mainPortal,
      'portals/vbc.yaml': validPortal.replace('kind: hosted', 'kind: independent'),
    });

    expect(await problemsOf(root)).toEqual([
      'tenants/portals/vbc.yaml: externalUrl: is required for an independent portal',
    ]);
  });

  it('requires the slug to match the file name', async () => {
    writeFiles(root, { 'portals/mic.yaml': mainPortal, 'portals/buu-chinh.yaml': validPortal });

    expect(await problemsOf(root)).toEqual([
      'tenants/portals/buu-chinh.yaml: slug: must match the file name (vbc.yaml)',
    ]);
  });

  it('rejects a host listed by two portals', async () => {
    const withAlias = (text: string) => `${text}domains:\n  aliases: [buudien.gov.vn]\n`;
    writeFiles(root, {
      'portals/mic.yaml': withAlias(mainPortal),
      'portals/vbc.yaml': withAlias(validPortal),
    });

    expect(await problemsOf(root)).toEqual([
      'tenants/portals/vbc.yaml: domains: buudien.gov.vn is already listed in tenants/portals/mic.yaml',
    ]);
  });

  it('requires exactly one main portal', async () => {
    writeFiles(root, { 'portals/vbc.yaml': validPortal });

    expect(await problemsOf(root)).toEqual([
      'tenants/portals: exactly one portal must have kind main, found 0',
    ]);
  });

  it('rejects demo content for a portal that has no file', async () => {
    writeFiles(root, {
      'portals/mic.yaml': mainPortal,
      'demo/khac.yaml': 'tenant: khac\nitems: []\n',
    });

    expect(await problemsOf(root)).toEqual([
      'tenants/demo/khac.yaml: tenant: no portal file has slug khac',
    ]);
  });
});
