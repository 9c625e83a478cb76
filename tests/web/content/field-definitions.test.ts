import { describe, expect, it } from 'vitest';

import { contentFieldSchemas } from '../../../server/content/content-types.ts';
import { contentTypeNames } from '../../../web/src/content/content-names.ts';
import { typeFieldDefinitions } from '../../../web/src/content/editor/field-definitions.ts';
import {
  fieldsForSave,
  fieldValuesFrom,
  fromVietnamInput,
  slugFromTitle,
  toVietnamInput,
} from '../../../web/src/content/editor/item-form-values.ts';
import { fieldLabel } from '../../../web/src/content/editor/TypeFields.tsx';
import { catalogues } from '../../../web/src/i18n/catalogues.ts';

const shapeOf = (type: (typeof contentTypeNames)[number]) =>
  Object.keys((contentFieldSchemas[type] as unknown as { shape: object }).shape).sort();

/** A complete, valid form for each type, as an editor would fill it. */
const filledForms: Record<(typeof contentTypeNames)[number], Record<string, unknown>> = {
  page: {},
  article: { galleryMediaIds: [], source: '  Báo Nhân Dân ', coverMediaId: '' },
  announcement: { validUntil: '2026-12-31', attachmentMediaIds: [] },
  legal_document: {
    documentType: 'Thông tư',
    numberSymbol: '12/2026/TT-BTTTT',
    issuingAuthority: 'Bộ Thông tin và Truyền thông',
    signer: 'Nguyễn Văn A',
    issuedOn: '2026-01-10',
    effectiveOn: '2026-03-01',
    expiresOn: '',
    legalStatus: 'in_force',
    summary: 'Quy định về an toàn thông tin',
    attachmentMediaIds: [],
  },
  draft_for_comment: {
    opensOn: '2026-02-01',
    closesOn: '2026-03-01',
    draftingUnit: '',
    attachmentMediaIds: [],
  },
  work_schedule: {
    weekStart: '2026-12-07',
    entries: [
      {
        date: '2026-12-07',
        time: '08:30',
        content: 'Giao ban',
        host: '',
        location: '',
        participants: '',
      },
    ],
  },
  procurement_notice: {
    noticeType: 'Mời thầu',
    investor: 'Cục An toàn thông tin',
    packageName: '',
    closingAt: '2026-12-20T09:00',
    attachmentMediaIds: [],
  },
  statistics_report: { period: 'Quý IV/2026', attachmentMediaIds: [] },
};

describe('type field definitions', () => {
  it.each(contentTypeNames)('cover every server field of %s', (type) => {
    const names = typeFieldDefinitions[type].map((definition) => definition.name).sort();

    expect(names).toEqual(shapeOf(type));
  });

  it.each(contentTypeNames)('send fields of %s the server accepts', (type) => {
    const fields = fieldsForSave(type, fieldValuesFrom(type, filledForms[type]));

    const parsed = contentFieldSchemas[type].safeParse(fields);

    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('have a label in both languages', () => {
    for (const definition of Object.values(typeFieldDefinitions).flat()) {
      expect(catalogues.vi[fieldLabel(definition.name)], definition.name).toBeTruthy();
      expect(catalogues.en[fieldLabel(definition.name)], definition.name).toBeTruthy();
    }
  });
});

describe('form values', () => {
  it('leave out empty optional text', () => {
    const fields = fieldsForSave('article', fieldValuesFrom('article', filledForms.article));

    expect(fields).toEqual({ galleryMediaIds: [], source: 'Báo Nhân Dân' });
  });

  it('send instants in Vietnam time', () => {
    expect(fromVietnamInput('2026-12-20T09:00')).toBe('2026-12-20T09:00:00+07:00');
    expect(toVietnamInput('2026-12-20T02:00:00.000Z')).toBe('2026-12-20T09:00');
  });

  it('make slugs the server accepts', () => {
    expect(slugFromTitle('Đảm bảo An toàn & Bảo mật: năm 2026')).toBe(
      'dam-bao-an-toan-va-bao-mat-nam-2026',
    );
  });
});
